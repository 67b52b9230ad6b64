package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;

/** Many callers metering the same (product, dimension, hour, identity) at once, through real clients. */
class MeteringConcurrencyTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");
    static final int CALLERS = 24;

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        sim.close();
    }

    static MeterUsageRequest usage(int quantity) {
        return MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users").usageQuantity(quantity)
            .timestamp(NOW).build();
    }

    @Test
    void identicalCallsFromManyThreadsAndClientsCommitOneRecord() throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        MarketplaceMeteringClient shared = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            // Half share one client, half build their own: all run as the same instance.
            boolean own = i % 2 == 0;
            ids.add(pool.submit(() -> {
                if (!own) {
                    start.await(30, TimeUnit.SECONDS);
                    return shared.meterUsage(usage(7)).meteringRecordId();
                }
                try (MarketplaceMeteringClient c = SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {
                    start.await(30, TimeUnit.SECONDS);
                    return c.meterUsage(usage(7)).meteringRecordId();
                }
            }));
        }
        Set<String> distinct = new HashSet<>();
        for (Future<String> f : ids) {
            distinct.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(distinct).hasSize(1);
        assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId).containsExactlyElementsOf(distinct);
        assertThat(sim.journal().executions(MeterUsageRequest.class)).hasSize(CALLERS);
        shared.close();
    }

    @Test
    void differentQuantitiesRacingLetExactlyOneWin() throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int quantity = i + 1;
            outcomes.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    return client.meterUsage(usage(quantity)).meteringRecordId();
                } catch (DuplicateRequestException e) {
                    return e;
                }
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : outcomes) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(results).filteredOn(String.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(DuplicateRequestException.class::isInstance).hasSize(CALLERS - 1);
        assertThat(sim.metering().records()).singleElement()
            .extracting(MeteringRecord::meteringRecordId).isIn(results);
        client.close();
    }

    @Test
    void concurrentAsyncCallsCommitOneRecord() throws Exception {
        try (MarketplaceMeteringAsyncClient async = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class)) {
            List<CompletableFuture<String>> ids = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                ids.add(CompletableFuture.supplyAsync(() -> usage(2), pool)
                    .thenCompose(async::meterUsage)
                    .thenApply(r -> r.meteringRecordId()));
            }
            Set<String> distinct = new HashSet<>();
            for (CompletableFuture<String> f : ids) {
                distinct.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(distinct).hasSize(1);
            assertThat(sim.metering().records()).hasSize(1);
        }
    }
}
