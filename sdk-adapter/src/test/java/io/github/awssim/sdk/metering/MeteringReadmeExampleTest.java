package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringFault;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;

/** The Metering example of README, verbatim: if this stops compiling or passing, README is wrong. */
class MeteringReadmeExampleTest {

    // --- README: begin ---
    @Test
    void billsEachHourOnce() {
        try (Simulation sim = Simulation.builder().startTime(Instant.parse("2026-01-01T10:15:00Z")).build();
             MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {
            sim.metering().registerProduct("prod-1", "Users")           // strict from now on
                .subscribe("prod-1", "cust-1", sim.accountId());        // the caller's account is a buyer

            metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
                .usageQuantity(3).timestamp(sim.clock().instant()));

            // Same dimension, same hour, another quantity: the real SDK throws the service's exception.
            assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
                .usageQuantity(5).timestamp(sim.clock().instant())))
                .isInstanceOf(DuplicateRequestException.class);

            sim.clock().advance(Duration.ofHours(1));                   // no sleeping: time is virtual
            sim.metering().failNext(2, MeteringFault.THROTTLING);       // the SDK retries twice, then succeeds
            metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
                .usageQuantity(5).timestamp(sim.clock().instant()));

            assertThat(sim.metering().records()).extracting(MeteringRecord::quantity).containsExactly(3, 5);
            assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
        }
    }
    // --- README: end ---
}
