package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * Nested classes under {@code parallel.mode.default=concurrent}: tests of an outer class and of its nested classes
 * run at the same time, each with its own simulation and clients (state in the Store, nothing shared by
 * accident), while a nested class that asks for a class-scoped simulation shares exactly one between its tests.
 */
class ConcurrentNestedEngineTest {

    @Test
    void nestedClassesRunConcurrentlyEachTestWithItsOwnSimulationUnlessTheClassSharesOne() {
        Outer.reset();

        EngineExecutionResultsAssert.succeeded(EngineRun.concurrent().run(Outer.class), 12);

        assertThat(Outer.perTest).as("a simulation per test of Outer and Outer.Inner").hasSize(8);
        assertThat(Outer.shared).as("one simulation for the tests of Outer.Shared").hasSize(1)
            .singleElement().satisfies(sim -> assertThat(sim.metering().records()).hasSize(4));
        assertThat(Outer.maxConcurrent.get()).as("the tests really overlapped").isGreaterThan(1);
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false, startTime = "2026-06-01T09:05:00Z")
    static class Outer {
        static final Set<Simulation> perTest = ConcurrentHashMap.newKeySet();
        static final Set<Simulation> shared = ConcurrentHashMap.newKeySet();
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger maxConcurrent = new AtomicInteger();
        static final AtomicInteger dimensions = new AtomicInteger();

        static void reset() {
            perTest.clear();
            shared.clear();
            running.set(0);
            maxConcurrent.set(0);
        }

        /** Meters once, lingers so that others overlap, and checks that only its own call is in its journal. */
        static void meterAlone(Simulation sim, Runnable call) throws InterruptedException {
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                call.run();
                Thread.sleep(30);
                assertThat(sim.journal().size()).isEqualTo(1);
                assertThat(perTest.add(sim)).as("a simulation seen by another test").isTrue();
            } finally {
                running.decrementAndGet();
            }
        }

        static String dimension() {
            return "d" + dimensions.incrementAndGet();
        }

        @RepeatedTest(4)
        void outer(Simulation sim, MarketplaceMeteringClient metering) throws InterruptedException {
            meterAlone(sim, () -> metering.meterUsage(r -> r.productCode("p").usageDimension(dimension()).usageQuantity(1)
                .timestamp(sim.clock().instant())));
        }

        @Nested
        class Inner {
            @RepeatedTest(4)
            void inner(Simulation sim, MarketplaceMeteringAsyncClient metering) throws InterruptedException {
                meterAlone(sim, () -> metering.meterUsage(r -> r.productCode("p").usageDimension(dimension())
                    .usageQuantity(1).timestamp(sim.clock().instant())).join());
            }
        }

        @Nested
        @SimulatedAws(scope = SimulatedAws.Scope.CLASS, zeroCodeSwap = false)
        class Shared {
            @RepeatedTest(4)
            void shared(Simulation sim, MarketplaceMeteringClient metering) throws InterruptedException {
                maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    metering.meterUsage(r -> r.productCode("p").usageDimension(dimension()).usageQuantity(1)
                        .timestamp(sim.clock().instant()));
                    Thread.sleep(30);
                    shared.add(sim);
                } finally {
                    running.decrementAndGet();
                }
            }
        }
    }
}
