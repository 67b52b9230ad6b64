package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.internal.ZeroCodeLocks;
import io.github.awssim.sdk.GlobalSimulation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * The zero-code swap: code under test that builds its own clients reaches the test's simulation; the
 * system properties are set for the test and restored; tests that write them never overlap. This class
 * runs fixtures that write system properties, so it declares the same lock they do.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ZeroCodeEngineTest {
    private static final List<String> KEYS = List.of(GlobalSimulation.SYNC_PROPERTY, GlobalSimulation.ASYNC_PROPERTY,
        "aws.region", "aws.accessKeyId", "aws.secretAccessKey");

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void remember() {
        KEYS.forEach(k -> before.put(k, System.getProperty(k)));
    }

    @AfterEach
    void restore() {
        before.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    /** Application code: nothing here knows about awssim. */
    static final class BillingJob {
        static MarketplaceMeteringClient shared;   // a static singleton, as applications often keep one

        static String meter(String dimension) {
            try (MarketplaceMeteringClient metering = MarketplaceMeteringClient.create()) {
                return meter(metering, dimension);
            }
        }

        static String meter(MarketplaceMeteringClient metering, String dimension) {
            return metering.meterUsage(r -> r.productCode("prod-1").usageDimension(dimension).usageQuantity(1)
                .timestamp(Instant.now())).meteringRecordId();
        }

        static synchronized MarketplaceMeteringClient shared() {
            if (shared == null) {
                shared = MarketplaceMeteringClient.create();
            }
            return shared;
        }
    }

    @Test
    void thePropertiesAreSetForTheTestAndRestoredAfterItWithCredentialsAlreadySetKept() {
        System.setProperty("aws.region", "ap-south-1");
        System.setProperty("aws.accessKeyId", "AKIDMINE");
        System.setProperty("aws.secretAccessKey", "mine");
        System.clearProperty(GlobalSimulation.SYNC_PROPERTY);
        Properties.seen.clear();

        EngineRun.sequential().run(Properties.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(Properties.seen).containsEntry("aws.region", "eu-central-1").containsEntry("aws.accessKeyId", "AKIDMINE")
            .containsEntry(GlobalSimulation.SYNC_PROPERTY, "io.github.awssim.sdk.SimulatedHttpService");
        assertThat(System.getProperty("aws.region")).isEqualTo("ap-south-1");
        assertThat(System.getProperty(GlobalSimulation.SYNC_PROPERTY)).isNull();
    }

    @Fixture
    @SimulatedAws(region = "eu-central-1")
    static class Properties {
        static final Map<String, String> seen = new ConcurrentHashMap<>();

        @Test
        void test(Simulation sim) {
            KEYS.forEach(k -> seen.put(k, System.getProperty(k)));
            BillingJob.meter("Users");
            assertThat(sim.journal().last().region()).isEqualTo("eu-central-1");
        }
    }

    @Test
    void clientsBuiltByCodeUnderTestReachTheTestsSimulationWhereverTheyAreBuiltOrCalled() {
        Routing.journals.clear();
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(Routing.class), 4);

        assertThat(Routing.journals).containsEntry("a field initializer", 1).containsEntry("sync and async", 2)
            .containsEntry("a pool that existed before the test", 2).containsEntry("a singleton built by an earlier test", 1);
    }

    @Fixture
    @SimulatedAws
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Routing {
        static final Map<String, Integer> journals = new ConcurrentHashMap<>();
        static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "application-pool");
            t.setDaemon(true);
            return t;
        });

        private final MarketplaceMeteringClient builtInAFieldInitializer = MarketplaceMeteringClient.create();

        @Test
        @Order(1)
        void fieldInitializer(Simulation sim) {
            BillingJob.meter(builtInAFieldInitializer, "Users");
            builtInAFieldInitializer.close();
            journals.put("a field initializer", sim.journal().size());
        }

        @Test
        @Order(2)
        void syncAndAsync(Simulation sim) {
            BillingJob.meter("Users");
            try (MarketplaceMeteringAsyncClient async = MarketplaceMeteringAsyncClient.create()) {
                async.meterUsage(r -> r.productCode("prod-1").usageDimension("Hosts").usageQuantity(1)
                    .timestamp(Instant.now())).join();
            }
            BillingJob.shared();     // the singleton is built now, during this test
            journals.put("sync and async", sim.journal().size());
        }

        @Test
        @Order(3)
        void poolThreads(Simulation sim) throws Exception {
            POOL.submit(() -> BillingJob.meter("Users")).get(10, TimeUnit.SECONDS);   // built and called there
            MarketplaceMeteringClient here = MarketplaceMeteringClient.create();
            POOL.submit(() -> BillingJob.meter(here, "Hosts")).get(10, TimeUnit.SECONDS);   // built here, called there
            here.close();
            journals.put("a pool that existed before the test", sim.journal().size());
        }

        @Test
        @Order(4)
        void singleton(Simulation sim) {
            BillingJob.meter(BillingJob.shared(), "Users");
            journals.put("a singleton built by an earlier test", sim.journal().size());
        }
    }

    @Test
    void withClassScopeThePropertiesHoldFromBeforeAllToAfterAll() {
        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(ClassScoped.class), 2);
        assertThat(ClassScoped.sim.journal().size()).isEqualTo(3);
    }

    @Fixture
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS)
    static class ClassScoped {
        static Simulation sim;

        @BeforeAll
        static void setUp(Simulation simulation) {
            sim = simulation;
            BillingJob.meter("BeforeAll");
        }

        @Test
        void one() {
            BillingJob.meter("one");
        }

        @Test
        void two() {
            BillingJob.meter("two");
        }
    }

    @Test
    void aClassScopedSimulationsLockIsTakenByItsClassAloneNotAgainByItsNestedClassesOrTests() throws Exception {
        ZeroCodeLocks locks = new ZeroCodeLocks();
        List<Class<?>> enclosing = List.of(ClassScopedNesting.class);

        assertThat(locks.provideForClass(ClassScopedNesting.class)).singleElement()
            .satisfies(lock -> assertThat(lock.getKey()).isEqualTo(Resources.SYSTEM_PROPERTIES));
        assertThat(locks.provideForNestedClass(enclosing, ClassScopedNesting.Inner.class)).isEmpty();
        assertThat(locks.provideForMethod(enclosing, ClassScopedNesting.Inner.class,
            ClassScopedNesting.Inner.class.getDeclaredMethod("test"))).isEmpty();
    }

    @Fixture
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS)
    static class ClassScopedNesting {
        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void test() {
            }
        }
    }

    @Test
    void inAConcurrentRunTestsThatWriteThePropertiesNeverOverlapWhileOthersRunTogether() {
        Exclusive.reset();
        EngineExecutionResultsAssert.succeeded(EngineRun.concurrent().run(Exclusive.class, Together.class), 10);

        assertThat(Exclusive.maxConcurrent.get()).isEqualTo(1);
        assertThat(Exclusive.simulations).hasSize(6);
        assertThat(Together.metTheOthers.get()).isEqualTo(4);
    }

    @Fixture
    @SimulatedAws
    static class Exclusive {
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger maxConcurrent = new AtomicInteger();
        static final Set<Simulation> simulations = ConcurrentHashMap.newKeySet();

        static void reset() {
            running.set(0);
            maxConcurrent.set(0);
            simulations.clear();
            Together.metTheOthers.set(0);
        }

        @RepeatedTest(6)
        void test(Simulation sim) throws Exception {
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                BillingJob.meter("Users");
                Thread.sleep(20);
                assertThat(sim.journal().size()).isEqualTo(1);
                simulations.add(sim);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class Together {
        static final CyclicBarrier barrier = new CyclicBarrier(4);
        static final AtomicInteger metTheOthers = new AtomicInteger();

        @RepeatedTest(4)
        void test(Simulation sim, MarketplaceMeteringClient metering) throws Exception {
            barrier.await(20, TimeUnit.SECONDS);        // only passes if all four run at the same time
            metTheOthers.incrementAndGet();
            BillingJob.meter(metering, "Users");
            assertThat(sim.journal().size()).isEqualTo(1);
        }
    }
}
