package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.internal.CallNotes;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;

/** The interceptor's notes live exactly as long as their call: nothing accumulates across calls. */
class CallNotesTest {
    @Test
    void notesAreDiscardedAfterSuccessesAndFailures() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        MarketplaceMeteringClient client = Clients.metering(sim);
        int before = CallNotes.size();

        for (int i = 0; i < 50; i++) {
            int n = i;
            client.meterUsage(b -> b.productCode("p").usageDimension("d" + n).usageQuantity(1).timestamp(sim.clock().instant()));
            assertThatThrownBy(() -> client.meterUsage(b -> b.usageDimension("d")))
                .isInstanceOf(MarketplaceMeteringException.class);
        }

        // Other tests may run concurrently in this JVM; none of this test's 100 notes may remain.
        assertThat(CallNotes.size()).isLessThanOrEqualTo(before);
        assertThat(sim.journal().size()).isEqualTo(100);
    }

    @Test
    void theWirePathServesModeledServicesWhenNoNoteArrives() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        MarketplaceMeteringClient blind = Clients.metering(sim, o -> o.addExecutionInterceptor(new Clients.StripCallNote()));

        String id = blind.meterUsage(b -> b.productCode("p").usageDimension("d").usageQuantity(2)
            .timestamp(sim.clock().instant())).meteringRecordId();

        assertThat(id).isNotBlank();
        assertThat(sim.journal().last().operation()).isEqualTo("MeterUsage");
        assertThat(sim.journal().last().request(software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest.class)
            .usageQuantity()).isEqualTo(2);
    }
}
