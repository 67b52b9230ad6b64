package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringFault;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * The extension point the fault-injection and state-seeding annotations use: annotation types marked
 * {@link CustomizeSimulation} apply to each new simulation, outermost class first, method last.
 */
class CustomizerEngineTest {
    static final List<String> applied = new CopyOnWriteArrayList<>();

    /** A seeding annotation, as awssim's own will be written; repeatable. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Repeatable(Note.Notes.class)
    @CustomizeSimulation(Note.Customizer.class)
    public @interface Note {
        String value();

        @Retention(RetentionPolicy.RUNTIME)
        @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
        public @interface Notes {
            Note[] value();
        }

        final class Customizer implements SimulationCustomizer<Note> {
            @Override
            public void customize(Note annotation, Simulation simulation) {
                if (annotation.value().isEmpty()) {
                    throw new IllegalArgumentException("a note needs a text, e.g. @Note(\"hello\")");
                }
                applied.add(annotation.value());
            }
        }
    }

    /** A fault annotation: the next attempts are throttled. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @CustomizeSimulation(ThrottleNext.Customizer.class)
    public @interface ThrottleNext {
        int value();

        final class Customizer implements SimulationCustomizer<ThrottleNext> {
            @Override
            public void customize(ThrottleNext annotation, Simulation simulation) {
                simulation.metering().failNext(annotation.value(), MeteringFault.THROTTLING);
            }
        }
    }

    /** A team's own composed annotation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @SimulatedAws(zeroCodeSwap = false)
    @Note("composed")
    public @interface TeamAwsTest {
    }

    @Test
    void theyApplyOutermostFirstMethodLastBeforeAnythingIsInjected() {
        applied.clear();
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(Ordered.class), 1);

        assertThat(applied).containsExactly("composed", "outer 1", "outer 2", "nested", "method");
    }

    @Fixture
    @TeamAwsTest
    @Note("outer 1")
    @Note("outer 2")
    static class Ordered {
        @Nested
        @Note("nested")
        class Inner {
            Inner(Simulation sim) {
                assertThat(applied).as("applied before the constructor runs").contains("nested");
            }

            @Test
            @Note("method")
            void test(Simulation sim) {
            }
        }
    }

    @Test
    void aFaultAnnotationThrottlesAndTheSdkRetries() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(Throttled.class), 1);
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class Throttled {
        @Test
        @ThrottleNext(2)
        void test(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));
            assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
        }
    }

    @Test
    void aBadAttributeIsReportedWithTheAnnotationAndWhereItSits() {
        assertThat(EngineRun.onlyFailure(EngineRun.sequential().run(BadNote.class)))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage("awssim: @Note(\"\") on method BadNote.test() could not be applied: a note needs a text, e.g. "
                + "@Note(\"hello\")");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class BadNote {
        @Test
        @Note("")
        void test() {
        }
    }

    @Test
    void onATestSharingAClassScopedSimulationItIsRejected() {
        assertThat(EngineRun.onlyFailure(EngineRun.sequential().run(Shared.class)))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage("awssim: @ThrottleNext(1) on method Shared.test() would change the simulation that the tests of "
                + "io.github.awssim.junit.CustomizerEngineTest$Shared share (@SimulatedAws(scope = CLASS) on Shared), so it "
                + "would leak into the other tests. Put it on Shared, or give this test a simulation of its own with "
                + "@SimulatedAws on it.");
    }

    @Fixture
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS, zeroCodeSwap = false)
    static class Shared {
        @Test
        @ThrottleNext(1)
        void test() {
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @CustomizeSimulation(NoDefaultConstructor.class)
    public @interface Broken {
    }

    static final class NoDefaultConstructor implements SimulationCustomizer<Broken> {
        NoDefaultConstructor(String unused) {
        }

        @Override
        public void customize(Broken annotation, Simulation simulation) {
        }
    }

    @Test
    void aCustomizerWithoutANoArgumentConstructorIsReported() {
        assertThat(EngineRun.onlyFailure(EngineRun.sequential().run(BrokenFixture.class)))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith("awssim: cannot create io.github.awssim.junit.CustomizerEngineTest$NoDefaultConstructor, "
                + "the SimulationCustomizer of @Broken: it needs a no-argument constructor (");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @Broken
    static class BrokenFixture {
        @Test
        void test() {
        }
    }
}
