package io.github.awssim.core.services.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.model.DisabledApiException;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;

/** ResolveCustomer's rules, called directly on the simulator. */
class ResolveCustomerTest {
    static final Instant NOW = Instant.parse("2026-05-05T12:00:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final MeteringSimulator metering = sim.metering();

    @AfterEach
    void close() {
        sim.close();
    }

    ResolveCustomerResponse resolve(String token) {
        return metering.resolveCustomer(ResolveCustomerRequest.builder().registrationToken(token).build());
    }

    @Test
    void aTokenResolvesToItsSubscriptionOnce() {
        metering.registerProduct("saas-1", "Seats").subscribe("saas-1", "cust-1", "444455556666");
        String token = metering.issueRegistrationToken("saas-1", "cust-1");

        ResolveCustomerResponse r = resolve(token);
        assertThat(r.customerIdentifier()).isEqualTo("cust-1");
        assertThat(r.productCode()).isEqualTo("saas-1");
        assertThat(r.customerAWSAccountId()).isEqualTo("444455556666");

        sim.clock().advance(Duration.ofSeconds(5));
        ExpiredTokenException e = catchThrowableOfType(ExpiredTokenException.class, () -> resolve(token));
        assertThat(e.getMessage()).isEqualTo("ResolveCustomer: RegistrationToken '" + token + "' was already resolved at "
            + NOW + "; a registration token resolves once.");
    }

    @Test
    void aTokenExpiresAfterItsTtlOnTheSimulationClock() {
        String token = metering.issueRegistrationToken("saas-1", "cust-1");
        String shortLived = metering.issueRegistrationToken("saas-1", "cust-2", Duration.ofMinutes(10));

        sim.clock().advance(Duration.ofMinutes(10));
        ExpiredTokenException e = catchThrowableOfType(ExpiredTokenException.class, () -> resolve(shortLived));
        assertThat(e.getMessage()).isEqualTo("ResolveCustomer: RegistrationToken '" + shortLived + "' expired at "
            + "2026-05-05T12:10:00Z (issued 2026-05-05T12:00:00Z, valid for 10 minutes); the simulation clock reads "
            + "2026-05-05T12:10:00Z.");

        sim.clock().advance(Duration.ofMinutes(49));
        assertThat(resolve(token).customerIdentifier()).isEqualTo("cust-1");
        String late = metering.issueRegistrationToken("saas-1", "cust-3");
        sim.clock().advance(MeteringSimulator.DEFAULT_REGISTRATION_TOKEN_TTL);
        assertThat(catchThrowableOfType(ExpiredTokenException.class, () -> resolve(late))).isNotNull();
    }

    @Test
    void openWorldTokensNameTheSimulationsAccount() {
        assertThat(resolve(metering.issueRegistrationToken("saas-1", "cust-1")).customerAWSAccountId())
            .isEqualTo(sim.accountId());
    }

    @Test
    void unknownTokenIsInvalid() {
        InvalidTokenException e = catchThrowableOfType(InvalidTokenException.class, () -> resolve("not-a-token"));
        assertThat(e.getMessage()).isEqualTo("ResolveCustomer: RegistrationToken 'not-a-token' is not a registration "
            + "token of this seller (account 123456789012, region us-east-1). awssim issues tokens with "
            + "sim.metering().issueRegistrationToken(productCode, customerIdentifier).");
    }

    @Test
    void tokensBelongToTheSellerAccountAndRegionThatIssuedThem() {
        String token = metering.in("210987654321", Region.US_WEST_2).issueRegistrationToken("saas-1", "cust-1");

        assertThat(catchThrowableOfType(InvalidTokenException.class, () -> resolve(token))).isNotNull();
        assertThat(metering.in("210987654321", Region.US_WEST_2)
            .resolveCustomer(ResolveCustomerRequest.builder().registrationToken(token).build()).customerIdentifier())
            .isEqualTo("cust-1");
    }

    @Test
    void disabledApi() {
        String token = metering.issueRegistrationToken("saas-1", "cust-1");
        metering.disableApi(MeteringOperation.RESOLVE_CUSTOMER);

        assertThat(catchThrowableOfType(DisabledApiException.class, () -> resolve(token)).getMessage())
            .isEqualTo("The ResolveCustomer API is disabled in the Region us-east-1.");
        metering.enableApi(MeteringOperation.RESOLVE_CUSTOMER);
        assertThat(resolve(token).customerIdentifier()).isEqualTo("cust-1");
    }
}
