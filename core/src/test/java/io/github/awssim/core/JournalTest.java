package io.github.awssim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

class JournalTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-01T12:00:00Z")).journalCapacity(3).build();
    private final Engine engine = CoreAccess.engine(sim);
    private final ThrottlingException throttled = ThrottlingException.builder().message("slow down").build();

    private ServiceCall call(String invocation, int attempt) {
        return new ServiceCall(MarketplaceMeteringClient.class, "MarketplaceMetering", "MeterUsage",
            MeterUsageRequest.builder().productCode("p").build(), invocation, attempt, "AKID", "us-east-1");
    }

    private Outcome.ServiceError throttle() {
        return new Outcome.ServiceError(throttled, "ThrottlingException", 400);
    }

    @Test
    void attemptsOfOneInvocationGroupIntoOneExecutionInArrivalOrder() {
        engine.record(call("a", 1), sim.clock().instant(), throttle());
        engine.record(call("b", 1), sim.clock().instant(), new Outcome.Response(MeterUsageResponse.builder().build()));
        engine.record(call("a", 2), sim.clock().instant(), new Outcome.Response(MeterUsageResponse.builder().build()));

        List<Execution> all = sim.journal().executions();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).invocationId()).isEqualTo("a");
        assertThat(all.get(0).attempts()).extracting(Attempt::number).containsExactly(1, 2);
        assertThat(all.get(0).outcome()).isInstanceOf(Outcome.Response.class);
        assertThat(all.get(0).attempts().get(0).outcome().label()).isEqualTo("ThrottlingException");
        assertThat(sim.journal().executions(MeterUsageRequest.class)).hasSize(2);
        assertThat(sim.journal().executions(RegisterUsageRequest.class)).isEmpty();
        assertThat(sim.journal().requests(MeterUsageRequest.class)).extracting(MeterUsageRequest::productCode).containsOnly("p");
        assertThat(sim.journal().table())
            .contains("MarketplaceMetering.MeterUsage  2         MeterUsageResponse  ThrottlingException, MeterUsageResponse");
    }

    @Test
    void anAttemptAnsweredAfterItsRetryTakesItsPlaceAndTheLastAttemptGivesTheOutcome() {
        // real latency past the client's attempt timeout: attempt 2 is answered first, the abandoned 1 later
        engine.record(call("late", 2), sim.clock().instant(), new Outcome.Response(MeterUsageResponse.builder().build()));
        engine.record(call("late", 1), sim.clock().instant().minusSeconds(2), throttle());

        Execution e = sim.journal().last();
        assertThat(e.attempts()).extracting(Attempt::number).containsExactly(1, 2);
        assertThat(e.outcome()).isInstanceOf(Outcome.Response.class);
        assertThat(e.startedAt()).isEqualTo(sim.clock().instant().minusSeconds(2));
    }

    @Test
    void aRetryOfAnExecutionDroppedForCapacityIsDroppedWithIt() {
        engine.record(call("old", 1), sim.clock().instant(), throttle());
        for (String id : List.of("b", "c", "d")) {
            engine.record(call(id, 1), sim.clock().instant(), new Outcome.Response(MeterUsageResponse.builder().build()));
        }

        engine.record(call("old", 2), sim.clock().instant(), new Outcome.Response(MeterUsageResponse.builder().build()));

        assertThat(sim.journal().executions()).extracting(Execution::invocationId).containsExactly("b", "c", "d");
        assertThat(sim.journal().size() + sim.journal().dropped()).isEqualTo(4);
    }

    @Test
    void callsWithoutInvocationIdAreSeparateExecutions() {
        engine.record(call(null, 1), sim.clock().instant(), throttle());
        engine.record(call(null, 1), sim.clock().instant(), throttle());
        assertThat(sim.journal().size()).isEqualTo(2);
    }

    @Test
    void capacityDropsTheOldestAndCountsThem() {
        for (int i = 0; i < 5; i++) {
            engine.record(call("inv-" + i, 1), sim.clock().instant(), throttle());
        }
        assertThat(sim.journal().executions()).extracting(Execution::invocationId).containsExactly("inv-2", "inv-3", "inv-4");
        assertThat(sim.journal().dropped()).isEqualTo(2);
        assertThat(sim.journal().last().sequence()).isEqualTo(5);
    }

    @Test
    void emptyJournalSaysSo() {
        assertThatThrownBy(() -> sim.journal().last()).hasMessageContaining("awssim: the journal is empty");
    }

    @Test
    void requestCastNamesBothTypesOnMismatch() {
        engine.record(call("a", 1), sim.clock().instant(), throttle());
        assertThatThrownBy(() -> sim.journal().last().request(RegisterUsageRequest.class))
            .hasMessageContaining("MarketplaceMetering.MeterUsage with a MeterUsageRequest, not a RegisterUsageRequest");
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        Simulation big = Simulation.builder().journalCapacity(100_000).build();
        Engine e = CoreAccess.engine(big);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                    ServiceCall c = new ServiceCall(MarketplaceMeteringClient.class, "MarketplaceMetering", "MeterUsage",
                        MeterUsageRequest.builder().build(), thread + "-" + i, 1, null, null);
                    e.record(c, big.clock().instant(), throttle());
                    e.record(new ServiceCall(c.clientInterface(), c.service(), c.operation(), c.request(), c.invocationId(), 2,
                        null, null), big.clock().instant(), throttle());
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(big.journal().size()).isEqualTo(4000);
        assertThat(big.journal().executions()).allSatisfy(x -> assertThat(x.attemptCount()).isEqualTo(2));
    }
}
