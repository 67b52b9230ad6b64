package io.github.awssim.core.services.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.model.IdempotencyConflictException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;

/** The ClientToken ledger is bounded, so long-running simulations do not grow without end. */
class ClientTokenMemoryTest {
    private static final Instant HOUR = Instant.parse("2026-06-01T10:00:00Z");

    private static MeterUsageRequest meter(String token, String dimension) {
        return MeterUsageRequest.builder().productCode("p").usageDimension(dimension).usageQuantity(1).timestamp(HOUR)
            .clientToken(token).build();
    }

    @Test
    void theOldestTokensAreForgottenOnceTheLedgerIsFull() {
        Simulation sim = Simulation.builder().startTime(HOUR.plusSeconds(60)).build();
        MeteringSimulator metering = sim.metering();
        metering.meterUsage(meter("first", "d"));
        assertThatThrownBy(() -> metering.meterUsage(meter("first", "other")))
            .as("while remembered, another request under the same token conflicts")
            .isInstanceOf(IdempotencyConflictException.class);

        for (int i = 0; i < Partition.CLIENT_TOKENS_REMEMBERED; i++) {
            metering.meterUsage(meter("t-" + i, "d"));
        }

        assertThat(metering.meterUsage(meter("first", "other")).meteringRecordId())
            .as("forgotten: the token is new again").isNotBlank();
        assertThatThrownBy(() -> metering.meterUsage(meter("t-" + (Partition.CLIENT_TOKENS_REMEMBERED - 1), "other")))
            .as("recent tokens are still remembered")
            .isInstanceOf(IdempotencyConflictException.class);
    }
}
