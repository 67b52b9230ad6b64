package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failing test whose simulation drew a random seed shows the seed, so the run can be replayed. */
class SeedNoteEngineTest {

    @Test
    void aRandomSeedIsShownUnderTheFailure() {
        Throwable failure = EngineRun.onlyFailure(EngineRun.sequential().run(RandomSeed.class));

        assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("the test's own failure");
        long seed = RandomSeed.seed.get();
        assertThat(failure.getSuppressed()).singleElement().hasToString("awssim: this test's simulation had the random seed "
            + seed + "; replay it with @SimulatedAws(seed = " + seed + "L) or SimulatedAwsExtension.builder().seed(" + seed + "L).");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class RandomSeed {
        static final AtomicLong seed = new AtomicLong();

        @Test
        void test(Simulation sim) {
            seed.set(sim.seed());
            throw new AssertionError("the test's own failure");
        }
    }

    @Test
    void aChosenSeedNeedsNoNote() {
        Throwable failure = EngineRun.onlyFailure(EngineRun.sequential().run(ChosenSeed.class));

        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Fixture
    @SimulatedAws(seed = 5, zeroCodeSwap = false)
    static class ChosenSeed {
        @Test
        void test(Simulation sim) {
            throw new AssertionError("the test's own failure");
        }
    }

    @Test
    void aFailingLifecycleMethodShowsTheSeedToo() {
        Throwable each = EngineRun.onlyFailure(EngineRun.sequential().run(FailingBeforeEach.class));
        Throwable all = EngineRun.onlyFailure(EngineRun.sequential().run(FailingBeforeAllOfAClassScope.class));

        assertThat(each).hasMessage("boom in setUp");
        assertThat(each.getSuppressed()).singleElement().asString()
            .contains("random seed " + FailingBeforeEach.seed.get() + ";");
        assertThat(all).hasMessage("boom in setUpAll");
        assertThat(all.getSuppressed()).singleElement().asString()
            .contains("random seed " + FailingBeforeAllOfAClassScope.seed.get() + ";");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class FailingBeforeEach {
        static final AtomicLong seed = new AtomicLong();

        @BeforeEach
        void setUp(Simulation sim) {
            seed.set(sim.seed());
            throw new IllegalStateException("boom in setUp");
        }

        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false, scope = SimulatedAws.Scope.CLASS)
    static class FailingBeforeAllOfAClassScope {
        static final AtomicLong seed = new AtomicLong();

        @BeforeAll
        static void setUpAll(Simulation sim) {
            seed.set(sim.seed());
            throw new IllegalStateException("boom in setUpAll");
        }

        @Test
        void test() {
        }
    }
}
