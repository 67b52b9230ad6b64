package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.TransportFault;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/**
 * Where customizing annotations meet Java's annotation rules and the user's mistakes: inheritance, repeated
 * composed annotations, annotations nothing would read, and values refused with a message naming them.
 */
class AnnotationCornersEngineTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, times = 1, fail = ThrottlingException.class)
    static class ThrottlingBase {
    }

    @Fixture
    @InjectFault(on = MeterUsageRequest.class, onAttempts = 2, transport = TransportFault.RESPONSE_LOST_AFTER_COMMIT)
    static class InheritsAndAdds extends ThrottlingBase {
        @Test
        void test(Simulation sim) {
            seen.put("inherited", sim.faultPlan().describe());
        }
    }

    @Test
    void aSuperclassRuleIsKeptWhenTheSubclassDeclaresOneOfTheSameType() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(InheritsAndAdds.class))).isEmpty();

        assertThat(seen.get("inherited")).isEqualTo("rule 1: the first 1 of MeterUsage: fail ThrottlingException\n"
            + "rule 2: attempts [2] of MeterUsage: RESPONSE_LOST_AFTER_COMMIT");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class RepeatedComposed {
        @Test
        @ThrottleOnce
        @ThrottleOnce
        void test(Simulation sim) {
            seen.put("repeated", sim.faultPlan().rules().size());
        }
    }

    @Test
    void aRepeatedComposedAnnotationCountsEachTime() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(RepeatedComposed.class))).isEmpty();

        assertThat(seen.get("repeated")).isEqualTo(2);
    }

    @Fixture
    static class NoSimulation {
        @Test
        @InjectFault(on = MeterUsageRequest.class, times = 1, fail = ThrottlingException.class)
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class OnALifecycleMethod {
        @BeforeEach
        @InjectFault(on = MeterUsageRequest.class, times = 1, fail = ThrottlingException.class)
        void setUp() {
        }

        @Test
        void test() {
        }
    }

    @Test
    void anAnnotationNothingWouldReadFailsTheTest() {
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(NoSimulation.class))))
            .contains("ExtensionConfigurationException")
            .contains("@InjectFault(")
            .contains("on method NoSimulation.test() has no simulation to customize")
            .contains("Add @SimulatedAws.");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(OnALifecycleMethod.class))))
            .contains("ExtensionConfigurationException")
            .contains("on method OnALifecycleMethod.setUp() is never read: customizing annotations apply on a test class or "
                + "test method");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(times = 1, fail = ThrottlingException.class)
    static class ServiceExceptionOnEveryCall {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, times = 1, fail = ThrottlingException.class, realDelay = true)
    static class RealDelayWithoutDelay {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false, region = " ")
    static class BlankRegion {
        @Test
        void test() {
        }
    }

    @Fixture
    static class RefusedConfiguration {
        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder().zeroCodeSwap(false)
            .configure(b -> b.journalCapacity(0)).build();

        @Test
        void test(Simulation sim) {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class SpiedSimulation {
        @Test
        void test(@SpiedBackend Simulation sim) {
        }
    }

    /** A seeder whose own check fails. */
    static final class AssertingSeeder implements Consumer<Simulation> {
        @Override
        public void accept(Simulation sim) {
            throw new AssertionError("the seeder's own check");
        }
    }

    /** A seeder whose constructor fails. */
    static final class FailingConstructorSeeder implements Consumer<Simulation> {
        FailingConstructorSeeder() {
            throw new IllegalStateException("no fixtures directory");
        }

        @Override
        public void accept(Simulation sim) {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @SeedState(AssertingSeeder.class)
    static class SeederAssertionFails {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @SeedState(FailingConstructorSeeder.class)
    static class SeederConstructorFails {
        @Test
        void test() {
        }
    }

    @Test
    void refusedValuesNameTheAnnotationAndTheFix() {
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(ServiceExceptionOnEveryCall.class))))
            .contains("ExtensionConfigurationException")
            .contains("a rule on every call cannot fail with software.amazon.awssdk.services.marketplacemetering.model"
                + ".ThrottlingException")
            .contains("target its service");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(RealDelayWithoutDelay.class))))
            .contains("@InjectFault sets realDelay without delayMillis");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(BlankRegion.class))))
            .contains("ExtensionConfigurationException").contains("region").contains("BlankRegion");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(RefusedConfiguration.class))))
            .contains("ExtensionConfigurationException")
            .contains("could not be built")
            .contains("journal capacity 0 must be at least 1");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(SpiedSimulation.class))))
            .contains("@SpiedBackend spies a service's backend").contains("io.github.awssim.core.Simulation is not one");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(SeederAssertionFails.class))))
            .contains("ExtensionConfigurationException").contains("@SeedState(")
            .contains("could not be applied: the seeder's own check");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(SeederConstructorFails.class))))
            .contains("its constructor threw java.lang.IllegalStateException: no fixtures directory");
    }
}
