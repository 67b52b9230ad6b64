package io.github.awssim.core;

import static io.github.awssim.core.assertions.AwsSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

class AssertionsAndSpyTest {
    private static final Instant NOW = Instant.parse("2026-04-01T10:20:00Z");
    private final Simulation sim = Simulation.builder().startTime(NOW).build();
    private final Engine engine = CoreAccess.engine(sim);

    private void meter(String invocation, int attempt) {
        ServiceCall call = new ServiceCall(MarketplaceMeteringClient.class, "MarketplaceMetering", "MeterUsage",
            MeterUsageRequest.builder().productCode("p").usageDimension("d").usageQuantity(1).timestamp(NOW).build(),
            invocation, attempt, null, null);
        engine.record(call, NOW, engine.dispatch(call));
    }

    @Test
    void journalAssertionsPassAndFailWithWhatHappened() {
        sim.stubs().on(MeterUsageRequest.class).fail(ThrottlingException.builder().message("slow").build()).once();
        meter("a", 1);
        meter("a", 2);

        assertThat(sim.journal()).hasExecutions(MeterUsageRequest.class, 1).hasOnlyExecutionsOf(MeterUsageRequest.class)
            .hasSize(1).allSucceeded();
        assertThat(sim.journal()).lastExecution().hasAttempts(2).hasAttemptOutcomes("ThrottlingException", "MeterUsageResponse")
            .succeeded();
        assertThat(sim.stubs()).areAllUsed();

        assertThatThrownBy(() -> assertThat(sim.journal()).hasExecutions(MeterUsageRequest.class, 3))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Expected 3 MeterUsage execution(s) but the simulation saw 1.")
            .hasMessageContaining("MarketplaceMetering.MeterUsage  2         MeterUsageResponse");
        assertThatThrownBy(() -> assertThat(sim.journal()).hasOnlyExecutionsOf(RegisterUsageRequest.class))
            .hasMessageContaining("Expected only RegisterUsage but the simulation also saw #1 MarketplaceMetering.MeterUsage");
        assertThatThrownBy(() -> assertThat(sim.journal()).lastExecution().hasAttempts(1))
            .hasMessageContaining("to take 1 attempt(s) but it took 2: #1 ThrottlingException, #2 MeterUsageResponse");
        assertThatThrownBy(() -> assertThat(sim.journal()).lastExecution().failedWith("ThrottlingException"))
            .hasMessageContaining("to fail with ThrottlingException but it ended MeterUsageResponse");
    }

    @Test
    void assertionsAboutEveryExecutionFailOnceTheJournalHasDropped() {
        try (Simulation small = Simulation.builder().startTime(NOW).journalCapacity(2).build()) {
            Engine smallEngine = CoreAccess.engine(small);
            for (int i = 0; i < 5; i++) {
                ServiceCall call = new ServiceCall(MarketplaceMeteringClient.class, "MarketplaceMetering", "MeterUsage",
                    MeterUsageRequest.builder().productCode("p").usageDimension("d" + i).usageQuantity(1).timestamp(NOW).build(),
                    "inv-" + i, 1, null, null);
                smallEngine.record(call, NOW, smallEngine.dispatch(call));
            }

            assertThatThrownBy(() -> assertThat(small.journal()).hasExecutions(MeterUsageRequest.class, 5))
                .hasMessageContaining("Expected 5 MeterUsage execution(s), but the journal dropped its 3 oldest execution(s)")
                .hasMessageContaining("journalCapacity(n)");
            assertThatThrownBy(() -> assertThat(small.journal()).hasNoExecutions(RegisterUsageRequest.class))
                .hasMessageContaining("dropped its 3 oldest");
            assertThatThrownBy(() -> assertThat(small.journal()).hasOnlyExecutionsOf(MeterUsageRequest.class))
                .hasMessageContaining("Expected only MeterUsage, but the journal dropped");
            assertThatThrownBy(() -> assertThat(small.journal()).allSucceeded())
                .hasMessageContaining("Expected every execution to succeed, but the journal dropped");

            small.journal().clear();
            assertThat(small.journal()).hasSize(0).allSucceeded();
            assertThat(small.journal().dropped()).isZero();
        }
    }

    @Test
    void unusedStubsAreNamedWithTheCallsThatCameClose() {
        sim.stubs().on(MeterUsageRequest.builder().usageDimension("Hosts").build()).fail(ThrottlingException.builder().build());
        meter("a", 1);

        assertThatThrownBy(() -> assertThat(sim.stubs()).areAllUsed())
            .hasMessageContaining("Expected every stub to be used but 1 never answered a call")
            .hasMessageContaining("[UsageDimension='Hosts']")
            .hasMessageContaining("UsageDimension was 'd', the stub wants 'Hosts'");
    }

    @Test
    void oneLineMakesTheBackendASpyThatSharesTheSimulatorsState() {
        MarketplaceMeteringClient backend = sim.spyBackend(MarketplaceMeteringClient.class);
        meter("a", 1);
        meter("b", 1);

        verify(backend, times(2)).meterUsage(any(MeterUsageRequest.class));
        assertThat(sim.spyBackend(MarketplaceMeteringClient.class)).isSameAs(backend);
        assertThat(sim.metering().records()).hasSize(1);   // identical usage in one hour: one record
        assertThat(sim.backend(MarketplaceMeteringClient.class)).isSameAs(backend);
    }
}
