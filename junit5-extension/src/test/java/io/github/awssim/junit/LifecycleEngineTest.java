package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.GlobalSimulation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/** Which simulation each test gets, and when it closes, run through the Jupiter engine. */
class LifecycleEngineTest {

    @Test
    void eachTestAndEachInvocationGetsAFreshSimulationClosedAfterIt() {
        FreshPerTest.seen.clear();
        EngineExecutionResults results = EngineRun.sequential().run(FreshPerTest.class);

        results.testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
        assertThat(FreshPerTest.seen.values()).hasSize(6).doesNotHaveDuplicates().allMatch(Simulation::isClosed);
        assertThat(FreshPerTest.closedDuringTest).isEmpty();
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class FreshPerTest {
        static final Map<String, Simulation> seen = new ConcurrentHashMap<>();
        static final List<String> closedDuringTest = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        void one(Simulation sim) {
            record("one", sim);
        }

        @Test
        void two(Simulation sim) {
            record("two", sim);
        }

        @RepeatedTest(2)
        void repeated(Simulation sim, RepetitionInfo info) {
            record("repeated" + info.getCurrentRepetition(), sim);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        void parameterized(String value, Simulation sim) {
            record("parameterized " + value, sim);
        }

        private static void record(String name, Simulation sim) {
            if (sim.isClosed()) {
                closedDuringTest.add(name);
            }
            seen.put(name, sim);
        }
    }

    @Test
    void theTestsThreadBindingEndsWithItsAfterEachSoLaterCallbacksNoLongerReachItsSimulation() {
        BindingEnds.seen.clear();
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(BindingEnds.class), 1);

        assertThat(BindingEnds.seen).containsOnlyKeys("test", "later afterEach");
        assertThat(BindingEnds.seen.get("later afterEach")).isNotSameAs(BindingEnds.seen.get("test"));
    }

    /** Registered before awssim's, so its afterEach runs after awssim's (JUnit runs them in reverse). */
    static final class RoutingAfterEach implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            BindingEnds.seen.put("later afterEach", GlobalSimulation.current());
        }
    }

    @Fixture
    @ExtendWith(RoutingAfterEach.class)
    @SimulatedAws(zeroCodeSwap = false)
    static class BindingEnds {
        static final Map<String, Simulation> seen = new ConcurrentHashMap<>();

        @Test
        void test(Simulation sim) {
            assertThat(GlobalSimulation.current()).isSameAs(sim);
            seen.put("test", sim);
        }
    }

    @Test
    void withClassScopeTheTestsOfTheClassAndItsNestedClassesShareOneUnlessANestedClassDeclaresItsOwn() {
        SharedByClass.seen.clear();
        EngineExecutionResults results = EngineRun.sequential().run(SharedByClass.class);

        results.testEvents().assertStatistics(s -> s.succeeded(5).failed(0));
        Simulation shared = SharedByClass.seen.get("beforeAll");
        assertThat(SharedByClass.seen).containsEntry("one", shared).containsEntry("two", shared)
            .containsEntry("nested", shared);
        assertThat(SharedByClass.seen.get("own a")).isNotSameAs(shared).isNotSameAs(SharedByClass.seen.get("own b"));
        assertThat(SharedByClass.openInAfterAll).isTrue();
        assertThat(shared.isClosed()).isTrue();
        assertThat(shared.metering().records()).as("state carried from test to test").hasSize(2);
    }

    @Fixture
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS, zeroCodeSwap = false)
    static class SharedByClass {
        static final Map<String, Simulation> seen = new ConcurrentHashMap<>();
        static boolean openInAfterAll;

        @BeforeAll
        static void beforeAll(Simulation sim) {
            seen.put("beforeAll", sim);
        }

        @AfterAll
        static void afterAll(Simulation sim) {
            openInAfterAll = !sim.isClosed();
        }

        @Test
        void one(Simulation sim, MarketplaceMeteringClient metering) {
            seen.put("one", sim);
            metering.meterUsage(r -> r.productCode("p").usageDimension("one").usageQuantity(1).timestamp(sim.clock().instant()));
        }

        @Test
        void two(Simulation sim, MarketplaceMeteringClient metering) {
            seen.put("two", sim);
            metering.meterUsage(r -> r.productCode("p").usageDimension("two").usageQuantity(1).timestamp(sim.clock().instant()));
        }

        @Nested
        class Inner {
            @Test
            void nested(Simulation sim) {
                seen.put("nested", sim);
            }
        }

        @Nested
        @SimulatedAws(zeroCodeSwap = false)
        class OwnPerTest {
            @Test
            void a(Simulation sim) {
                seen.put("own a", sim);
            }

            @Test
            void b(Simulation sim) {
                seen.put("own b", sim);
            }
        }
    }

    @Test
    void aClientKeptPastItsTestFailsFastInsteadOfReachingAnotherSimulation() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(KeepsItsClient.class), 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeepsItsClient.kept.meterUsage(r -> r.productCode("p")
                .usageDimension("d").usageQuantity(1).timestamp(java.time.Instant.now())).join())
            .rootCause().hasMessageStartingWith("awssim: MarketplaceMetering.MeterUsage reached a simulation that is closed. Keep the "
                + "simulation open for as long as clients bound to it are used.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class KeepsItsClient {
        static software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient kept;

        @Test
        void test(software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient metering) {
            kept = metering;
        }
    }

    @Test
    void theNearestDeclarationWinsWhole() {
        NearestWins.seeds.clear();
        EngineRun.sequential().run(NearestWins.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(NearestWins.seeds).containsEntry("class", 1L).containsEntry("method", 2L).containsEntry("nested", 3L);
    }

    @Fixture
    @SimulatedAws(seed = 1, zeroCodeSwap = false)
    static class NearestWins {
        static final Map<String, Long> seeds = new ConcurrentHashMap<>();

        @Test
        void fromTheClass(Simulation sim) {
            seeds.put("class", sim.seed());
        }

        @Test
        @SimulatedAws(seed = 2, zeroCodeSwap = false)
        void fromTheMethod(Simulation sim) {
            seeds.put("method", sim.seed());
        }

        @Nested
        @SimulatedAws(seed = 3, zeroCodeSwap = false)
        class Inner {
            @Test
            void fromTheNestedClass(Simulation sim) {
                seeds.put("nested", sim.seed());
            }
        }
    }

    @Test
    void aMethodAnnotationAloneIsEnough() {
        EngineRun.sequential().run(OnOneMethod.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Fixture
    static class OnOneMethod {
        @Test
        @SimulatedAws(seed = 9, zeroCodeSwap = false)
        void simulated(Simulation sim) {
            assertThat(sim.seed()).isEqualTo(9);
        }
    }

    @Test
    void eachInvocationOfAParameterizedClassIsAClassOfItsOwn() {
        PerClassInvocation.seen.clear();
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(PerClassInvocation.class), 4);

        Map<String, Simulation> seen = PerClassInvocation.seen;
        assertThat(seen.get("a one")).isSameAs(seen.get("a two")).isNotSameAs(seen.get("b one"));
        assertThat(seen.get("b one")).isSameAs(seen.get("b two"));
    }

    @Fixture
    @ParameterizedClass
    @ValueSource(strings = {"a", "b"})
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS, zeroCodeSwap = false)
    static class PerClassInvocation {
        static final Map<String, Simulation> seen = new ConcurrentHashMap<>();

        @Parameter
        String value;

        @Test
        void one(Simulation sim) {
            seen.put(value + " one", sim);
        }

        @Test
        void two(Simulation sim) {
            seen.put(value + " two", sim);
        }
    }

    @Test
    void aPerClassTestInstanceWithAClassScopedSimulationTakesItInItsConstructor() {
        EngineRun.sequential().run(PerClassInstance.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS, zeroCodeSwap = false)
    static class PerClassInstance {
        private final Simulation sim;
        private Simulation inBeforeEach;

        PerClassInstance(Simulation sim) {
            this.sim = sim;
        }

        @BeforeEach
        void beforeEach(Simulation sim) {
            inBeforeEach = sim;
        }

        @Test
        void one(Simulation sim) {
            assertThat(sim).isSameAs(this.sim).isSameAs(inBeforeEach);
        }

        @Test
        void two(Simulation sim) {
            assertThat(sim).isSameAs(this.sim);
        }
    }
}
