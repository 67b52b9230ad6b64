package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.internal.ZeroCodeLocks;
import io.github.awssim.sdk.GlobalSimulation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * In a JVM started with the swap's properties (the {@code preset-properties} surefire execution), the
 * extension writes nothing and takes the system-properties lock only to read: zero-code tests run
 * concurrently, and each one's clients still reach its own simulation.
 */
class PresetPropertiesForkedTest {

    @Test
    void thisJvmHasTheProperties() {
        assertThat(System.getProperty(GlobalSimulation.SYNC_PROPERTY)).isEqualTo("io.github.awssim.sdk.SimulatedHttpService");
        assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
    }

    @Test
    void theLockIsReadOnlyUnlessTheTestNeedsAnotherRegion() throws Exception {
        ZeroCodeLocks locks = new ZeroCodeLocks();

        assertThat(locks.provideForMethod(List.of(), Concurrent.class, Concurrent.class.getDeclaredMethod("test", Simulation.class)))
            .containsExactly(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));
        assertThat(locks.provideForMethod(List.of(), OtherRegion.class, OtherRegion.class.getDeclaredMethod("test")))
            .containsExactly(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE));
        assertThat(locks.provideForMethod(List.of(), NoSwap.class, NoSwap.class.getDeclaredMethod("test"))).isEmpty();
    }

    @Test
    void zeroCodeTestsRunConcurrentlyEachWithItsOwnSimulation() {
        Concurrent.simulations.clear();
        EngineExecutionResultsAssert.succeeded(EngineRun.concurrent().run(Concurrent.class), 4);

        assertThat(Concurrent.simulations).hasSize(4).allMatch(sim -> sim.journal().size() == 2);
        assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
    }

    @Fixture
    @SimulatedAws
    static class Concurrent {
        static final CyclicBarrier barrier = new CyclicBarrier(4);
        static final Set<Simulation> simulations = ConcurrentHashMap.newKeySet();

        @RepeatedTest(4)
        void test(Simulation sim) throws Exception {
            barrier.await(20, TimeUnit.SECONDS);     // passes only if all four run at once
            try (MarketplaceMeteringClient metering = MarketplaceMeteringClient.create();
                 MarketplaceMeteringAsyncClient async = MarketplaceMeteringAsyncClient.create()) {
                metering.meterUsage(r -> r.productCode("p").usageDimension("sync").usageQuantity(1).timestamp(Instant.now()));
                async.meterUsage(r -> r.productCode("p").usageDimension("async").usageQuantity(1).timestamp(Instant.now())).join();
            }
            simulations.add(sim);
        }
    }

    @Fixture
    @SimulatedAws(region = "eu-west-1")
    static class OtherRegion {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class NoSwap {
        @org.junit.jupiter.api.Test
        void test() {
        }
    }
}
