package io.github.awssim.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ThrottlingException;

/** A modeled error with retryAfterSeconds travels with Retry-After, and the SDK's backoff honours it. */
class RetryAfterTest {
    @Test
    void theSdkWaitsAtLeastRetryAfterOnTheSimulationClock() {
        Instant t0 = Instant.parse("2026-04-01T10:20:00Z");
        Simulation sim = Simulation.builder().startTime(t0).faults(FaultPlan.of(FaultRule.on(GetPreferencesRequest.class)
            .fail(ThrottlingException.builder().message("Slow down").retryAfterSeconds(7).build()))).build();
        BcmPricingCalculatorClient bcm = SimulatedClients.of(sim)
            .withOverrides(o -> o.retryStrategy(r -> r.maxAttempts(2))).create(BcmPricingCalculatorClient.class);

        assertThatThrownBy(() -> bcm.getPreferences(r -> { }))
            .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                assertThat(e.retryAfterSeconds()).isEqualTo(7);
                assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")).contains("7");
                assertThat(e.numAttempts()).isEqualTo(2);
            });
        assertThat(Duration.between(t0, sim.clock().instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }
}
