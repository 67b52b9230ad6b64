package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * Mockito is optional: without it on the class path (the {@code without-mockito} surefire execution),
 * everything but {@code @SpiedBackend} works, and that says what to add.
 */
class WithoutMockitoForkedTest {

    @Test
    void mockitoIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("org.mockito.Mockito")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aSpiedBackendSaysMockitoIsMissing() {
        Throwable failure = EngineRun.onlyFailure(EngineRun.sequential().run(Spied.class));

        assertThat(failure.getCause()).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: cannot inject parameter [MarketplaceMeteringClient backend] of Spied.test(MarketplaceMeteringClient): "
                + "@SpiedBackend makes a Mockito spy, and Mockito is not on the test class path. Add the test dependency "
                + "org.mockito:mockito-core (5.x), or register a backend of your own with "
                + "sim.register(MarketplaceMeteringClient.class, backend).");
    }

    @Test
    void everythingElseWorks() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(Plain.class), 1);
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class Spied {
        @Test
        void test(@SpiedBackend MarketplaceMeteringClient backend) {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class Plain {
        @Test
        void test(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));
            assertThat(sim.journal().size()).isEqualTo(1);
        }
    }
}
