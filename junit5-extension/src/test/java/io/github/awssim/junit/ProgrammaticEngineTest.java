package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringFault;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/** SimulatedAwsExtension.builder() with @RegisterExtension: the same extension, configured in code. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ProgrammaticEngineTest {

    @Test
    void theBuilderConfiguresEachTestsSimulation() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(Configured.class), 2);
        assertThat(Configured.simulations).hasSize(2);
    }

    @Fixture
    static class Configured {
        static final Set<Simulation> simulations = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder()
            .seed(7)
            .startTime(Instant.parse("2026-06-01T09:05:00Z"))
            .region(Region.EU_WEST_1)
            .accountId("111122223333")
            .configure(b -> b.journalCapacity(5))
            .customize(sim -> sim.metering().failNext(1, MeteringFault.THROTTLING))
            .zeroCodeSwap(false)
            .build();

        @Test
        void one(Simulation sim, MarketplaceMeteringClient metering) {
            check(sim);
            metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(1)
                .timestamp(sim.clock().instant()));
            assertThat(sim.journal().last().attemptCount()).as("throttled once, as customized").isEqualTo(2);
        }

        @Test
        void two(Simulation sim) {
            check(sim);
            assertThat(sim.journal().size()).as("a fresh simulation").isZero();
        }

        private static void check(Simulation sim) {
            simulations.add(sim);
            assertThat(sim.seed()).isEqualTo(7);
            assertThat(sim.clock().instant()).isEqualTo(Instant.parse("2026-06-01T09:05:00Z"));
            assertThat(sim.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(sim.accountId()).isEqualTo("111122223333");
            assertThat(sim.toString()).contains("seed=7");
        }
    }

    @Test
    void anInstanceFieldWorksForItsTests() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(InstanceField.class), 1);
    }

    @Fixture
    static class InstanceField {
        @RegisterExtension
        final SimulatedAwsExtension aws = SimulatedAwsExtension.builder().seed(11).zeroCodeSwap(false).build();

        @Test
        void test(Simulation sim) {
            assertThat(sim.seed()).isEqualTo(11);
        }
    }

    @Test
    void aNestedClassMayRegisterItsOwnInsteadOfTheEnclosingAnnotation() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(NestedOwn.class), 2);
    }

    @Fixture
    @SimulatedAws(seed = 1, zeroCodeSwap = false)
    static class NestedOwn {
        @Test
        void outer(Simulation sim) {
            assertThat(sim.seed()).isEqualTo(1);
        }

        @Nested
        class Inner {
            @RegisterExtension
            static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder().seed(2).zeroCodeSwap(false).build();

            @Test
            void inner(Simulation sim) {
                assertThat(sim.seed()).isEqualTo(2);
            }
        }
    }

    @Test
    void inAParallelRunTheClassMustDeclareTheLockItself() {
        Throwable failure = EngineRun.onlyFailure(EngineRun.concurrent().run(NoLock.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: NoLock.test() sets system properties for the zero-code swap (SimulatedAwsExtension in field "
                + "NoLock.AWS), and this run executes tests in parallel, but nothing declares that: another test could see "
                + "them change. Add @ResourceLock(Resources.SYSTEM_PROPERTIES) to the test class, or build the extension "
                + "with .zeroCodeSwap(false) if only injected clients are used. (@SimulatedAws declares the lock by itself.)");
    }

    @Fixture
    static class NoLock {
        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder().region(Region.AP_SOUTHEAST_2).build();

        @Test
        void test(Simulation sim) {
        }
    }

    @Test
    void aReadOnlyLockDoesNotCoverTheWrites() {
        Throwable failure = EngineRun.onlyFailure(EngineRun.concurrent().run(ReadLockOnly.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith("awssim: ReadLockOnly.test() sets system properties for the zero-code swap")
            .hasMessageContaining("Add @ResourceLock(Resources.SYSTEM_PROPERTIES) to the test class");
    }

    @Fixture
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
    static class ReadLockOnly {
        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder().region(Region.AP_SOUTHEAST_2).build();

        @Test
        void test(Simulation sim) {
        }
    }

    @Test
    void withTheLockDeclaredItRunsAndNeverOverlaps() {
        WithLock.running.set(0);
        WithLock.max.set(0);
        EngineExecutionResultsAssert.succeeded(EngineRun.concurrent().run(WithLock.class), 4);
        assertThat(WithLock.max.get()).isEqualTo(1);
    }

    @Fixture
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    static class WithLock {
        static final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        static final java.util.concurrent.atomic.AtomicInteger max = new java.util.concurrent.atomic.AtomicInteger();

        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder().region(Region.AP_SOUTHEAST_2).build();

        @RepeatedTest(4)
        void test(Simulation sim) throws InterruptedException {
            max.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                assertThat(System.getProperty("aws.region")).isEqualTo("ap-southeast-2");
                Thread.sleep(10);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void aFailingCustomizeStepIsNamed() {
        assertThat(EngineRun.onlyFailure(EngineRun.sequential().run(FailingStep.class)))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage("awssim: a customize(...) step of the SimulatedAwsExtension in field FailingStep.AWS failed: "
                + "java.lang.IllegalStateException: no such product");
    }

    @Fixture
    static class FailingStep {
        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder().zeroCodeSwap(false)
            .customize(sim -> {
                throw new IllegalStateException("no such product");
            }).build();

        @Test
        void test(Simulation sim) {
        }
    }

    @Test
    void twoRegistrationsInOneClassAreReported() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(Twice.class)))
            .containsExactly("ExtensionConfigurationException: awssim: io.github.awssim.junit.ProgrammaticEngineTest$Twice "
                + "declares its simulation twice (field A and field B). Keep one: @SimulatedAws(...), or one "
                + "@RegisterExtension static SimulatedAwsExtension aws = SimulatedAwsExtension.builder()...build(), which has "
                + "every attribute of the annotation.");
    }

    @Fixture
    static class Twice {
        @RegisterExtension
        static final SimulatedAwsExtension A = SimulatedAwsExtension.builder().zeroCodeSwap(false).build();
        @RegisterExtension
        static final SimulatedAwsExtension B = SimulatedAwsExtension.builder().zeroCodeSwap(false).build();

        @Test
        void test() {
        }
    }

    @Test
    void theExtensionDescribesItself() {
        assertThat(SimulatedAwsExtension.builder().seed(3).build().toString())
            .startsWith("SimulatedAwsExtension[Settings[SimulatedAwsExtension.builder(), seed=3,");
        assertThat(List.of(SimulatedAwsExtension.builder().build())).hasSize(1);
    }
}
