package io.github.awssim.core.services.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;

/** The typed state API: partitions, and the awssim: messages for misuse. */
class MeteringStateApiTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final MeteringSimulator metering = sim.metering();

    @AfterEach
    void close() {
        sim.close();
    }

    static MeterUsageRequest usage(String product) {
        return MeterUsageRequest.builder().productCode(product).usageDimension("Users").usageQuantity(1).timestamp(NOW).build();
    }

    @Test
    void defaultViewAddressesTheSimulationsAccountAndRegion() {
        assertThat(metering.accountId()).isEqualTo(sim.accountId());
        assertThat(metering.region()).isEqualTo(sim.region());
        assertThat(metering.callerIdentity()).isEqualTo(CallerIdentity.DEFAULT);
    }

    @Test
    void accountsAndRegionsKeepSeparateState() {
        MeteringSimulator west = metering.in(sim.accountId(), Region.US_WEST_2);
        west.registerProduct("west-only", "Users").subscribe("west-only", "c", sim.accountId());

        // us-east-1 stays an open world, us-west-2 is strict.
        metering.meterUsage(usage("anything"));
        west.meterUsage(usage("west-only"));
        assertThatThrownBy(() -> west.meterUsage(usage("anything")))
            .hasMessageStartingWith("MeterUsage: ProductCode 'anything' is not a product of this seller. Products "
                + "registered in account 123456789012, region us-west-2: [west-only].");

        assertThat(metering.records()).extracting(MeteringRecord::productCode).containsExactly("anything");
        assertThat(west.records()).extracting(MeteringRecord::productCode).containsExactly("west-only");
        assertThat(metering.in(sim.accountId(), Region.US_WEST_2).records()).hasSize(1);
        assertThat(metering.in("000000000000", Region.US_EAST_1).records()).isEmpty();
    }

    @Test
    void identityCanFollowTheAccessKey() {
        metering.callerIdentity("AKIDTASK2", CallerIdentity.of("task-2"));
        // Direct calls carry no access key: they run as the default identity.
        metering.meterUsage(usage("p"));
        assertThat(metering.records()).extracting(MeteringRecord::callerIdentity).containsExactly("i-0123456789abcdef0");
    }

    @Test
    void reRegisteringAProductReplacesItsDimensionsAndKeepsItsCustomers() {
        metering.registerProduct("p", "Users").subscribe("p", "c", sim.accountId());
        metering.registerProduct("p", "Seats");

        assertThatThrownBy(() -> metering.meterUsage(usage("p")))
            .hasMessageContaining("UsageDimension 'Users' is not a usage dimension of product p; its dimensions are [Seats]");
        metering.meterUsage(usage("p").toBuilder().usageDimension("Seats").build());
        assertThat(metering.records()).hasSize(1);
    }

    @Test
    void misuseAnswersAwssimMessages() {
        assertThatThrownBy(() -> metering.in("12345", Region.US_EAST_1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("awssim: account id '12345' is not 12 digits; AWS account ids look like 123456789012.");
        assertThatThrownBy(() -> metering.registerProduct("bad code", "Users"))
            .hasMessage("awssim: product code 'bad code' is not one MeterUsage accepts: 1 to 255 characters of letters, "
                + "digits and -/=:_.@, e.g. \"prod-abc123\".");
        assertThatThrownBy(() -> metering.registerProduct("p", ""))
            .hasMessageStartingWith("awssim: dimension '' of product p is not one MeterUsage accepts");
        assertThatThrownBy(() -> metering.subscribe("p", "c", "111111111111"))
            .hasMessage("awssim: subscribe names product p, which is not registered here (registered: []). Register it "
                + "first: sim.metering().registerProduct(\"p\", \"<dimension>\").");
        metering.registerProduct("p", "Users");
        assertThatThrownBy(() -> metering.subscribe("p", "c", "42")).hasMessageStartingWith("awssim: account id '42'");
        assertThatThrownBy(() -> metering.unsubscribe("p", "c"))
            .hasMessageStartingWith("awssim: unsubscribe: customer c never subscribed to product p.");
        assertThatThrownBy(() -> metering.issueRegistrationToken("p", "c"))
            .hasMessageStartingWith("awssim: issueRegistrationToken: customer c never subscribed to product p.");
        metering.subscribe("p", "c", "111111111111");
        assertThatThrownBy(() -> metering.subscribe("p", "c", "222222222222"))
            .hasMessage("awssim: customer c already belongs to account 111111111111; it cannot also be account "
                + "222222222222. Use another customer identifier for another account.");
        assertThatThrownBy(() -> metering.disableApi(MeteringOperation.METER_USAGE))
            .hasMessage("awssim: MeterUsage cannot be disabled: AWS models no DisabledApiException for it. disableApi "
                + "applies to BatchMeterUsage, RegisterUsage and ResolveCustomer.");
        assertThatThrownBy(() -> metering.usageWindow(Duration.ZERO))
            .hasMessage("awssim: usageWindow must be positive, not PT0S; e.g. Duration.ofHours(6).");
        assertThatThrownBy(() -> metering.failNext(0, MeteringFault.THROTTLING))
            .hasMessage("awssim: failNext(0, ...) needs a count of at least 1.");
        assertThatThrownBy(() -> CallerIdentity.of(" "))
            .hasMessageStartingWith("awssim: a CallerIdentity needs an id");
    }

    @Test
    void callerIdentityIsAValue() {
        CallerIdentity a = CallerIdentity.builder().id("t").platform(CallerIdentity.Platform.EKS)
            .launchRegion(Region.EU_CENTRAL_1).authorized(false).build();

        assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().authorized(true).build()).isNotEqualTo(a);
        assertThat(a.launchRegion()).contains(Region.EU_CENTRAL_1);
        assertThat(a).hasToString("CallerIdentity[id=t, platform=EKS, launchRegion=eu-central-1, authorized=false]");
        assertThat(CallerIdentity.DEFAULT.launchRegion()).isEmpty();
    }

    @Test
    void recordsAreImmutable() {
        metering.meterUsage(usage("p"));
        assertThatThrownBy(() -> metering.records().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metering.records().get(0).allocations().add(null))
            .isInstanceOf(UnsupportedOperationException.class);
    }
}
