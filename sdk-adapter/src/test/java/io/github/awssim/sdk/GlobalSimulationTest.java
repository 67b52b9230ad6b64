package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * How SPI-built clients are routed: the HTTP clients here are made exactly as the SDK makes its default
 * one (the service's builder, {@code buildWithDefaults}), on the thread that builds the service client.
 */
class GlobalSimulationTest {
    private final Simulation a = Simulation.create();
    private final Simulation b = Simulation.create();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        pool.shutdownNow();
        a.close();
        b.close();
    }

    /** What the SDK does for a client built without .httpClient(...) when the swap's property is set. */
    static MarketplaceMeteringClient builtTheOrdinaryWay() {
        SdkHttpClient spi = new SimulatedHttpService().createHttpClientBuilder().buildWithDefaults(AttributeMap.empty());
        return MarketplaceMeteringClient.builder().httpClient(spi).region(Region.US_EAST_1)
            .credentialsProvider(Clients.CREDENTIALS).build();
    }

    static MarketplaceMeteringAsyncClient builtTheOrdinaryWayAsync() {
        SdkAsyncHttpClient spi = new SimulatedAsyncHttpService().createAsyncHttpClientFactory().buildWithDefaults(AttributeMap.empty());
        return MarketplaceMeteringAsyncClient.builder().httpClient(spi).region(Region.US_EAST_1)
            .credentialsProvider(Clients.CREDENTIALS).build();
    }

    static void meter(MarketplaceMeteringClient client, String dimension) {
        client.meterUsage(r -> r.productCode("p").usageDimension(dimension).usageQuantity(1).timestamp(Instant.now()));
    }

    @Test
    void attemptsGoToTheSimulationBoundToTheCallingThreadAndBindingsNest() {
        MarketplaceMeteringClient client = builtTheOrdinaryWay();
        try (GlobalSimulation.Installation outer = GlobalSimulation.bindCurrentThread(a)) {
            meter(client, "A1");
            try (GlobalSimulation.Installation inner = GlobalSimulation.bindCurrentThread(b)) {
                meter(client, "B1");
                assertThat(GlobalSimulation.current()).isSameAs(b);
            }
            meter(client, "A2");
        }

        assertThat(a.journal().size()).isEqualTo(2);
        assertThat(b.journal().size()).isEqualTo(1);
    }

    @Test
    void aClientBuiltOnABoundThreadKeepsReachingThatSimulationFromOtherThreads() throws Exception {
        MarketplaceMeteringClient client;
        MarketplaceMeteringAsyncClient async;
        try (GlobalSimulation.Installation bound = GlobalSimulation.bindCurrentThread(a)) {
            client = builtTheOrdinaryWay();
            async = builtTheOrdinaryWayAsync();
            pool.submit(() -> meter(client, "from-pool")).get();
            CompletableFuture.runAsync(() -> async.meterUsage(r -> r.productCode("p").usageDimension("async")
                .usageQuantity(1).timestamp(Instant.now())).join(), pool).get();
        }

        assertThat(a.journal().size()).isEqualTo(2);
        assertThat(b.journal().size()).isZero();
    }

    @Test
    void anAsyncCallsRetriesAndStreamedBodiesReachTheSimulationItsFirstAttemptReached() {
        // built on an unbound thread, as a client kept in a static field: routing rests on the calling thread
        MarketplaceMeteringAsyncClient async = builtTheOrdinaryWayAsync();
        SdkAsyncHttpClient spi = new SimulatedAsyncHttpService().createAsyncHttpClientFactory().buildWithDefaults(AttributeMap.empty());
        S3AsyncClient s3 = S3AsyncClient.builder().httpClient(spi).region(Region.US_EAST_1).credentialsProvider(Clients.CREDENTIALS)
            .build();
        a.install(FaultPlan.of(FaultRule.on(MeterUsageRequest.class).times(1).fail(ThrottlingException.class)));

        try (GlobalSimulation.Installation bound = GlobalSimulation.bindCurrentThread(a);
             GlobalSimulation.Installation elsewhere = GlobalSimulation.install(b)) {
            async.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(Instant.now())).join();
            s3.createBucket(r -> r.bucket("routed")).join();
            // over 1 MiB, so the backend runs on one of awssim's threads
            s3.putObject(r -> r.bucket("routed").key("big"), AsyncRequestBody.fromBytes(new byte[2 * 1024 * 1024])).join();
        }

        assertThat(a.journal().executions()).extracting(e -> e.operation() + " " + e.attempts().size())
            .containsExactly("MeterUsage 2", "CreateBucket 1", "PutObject 1");
        assertThat(a.s3().object("routed", "big")).isPresent();
        assertThat(b.journal().size()).isZero();
    }

    @Test
    void theCallingThreadsBindingWinsOverTheOneTheClientWasBuiltFor() throws Exception {
        MarketplaceMeteringClient client;
        try (GlobalSimulation.Installation bound = GlobalSimulation.bindCurrentThread(a)) {
            client = builtTheOrdinaryWay();
        }
        pool.submit(() -> {
            try (GlobalSimulation.Installation other = GlobalSimulation.bindCurrentThread(b)) {
                meter(client, "shared");
            }
        }).get();

        assertThat(b.journal().size()).isEqualTo(1);
        assertThat(a.journal().size()).isZero();
    }

    @Test
    void onceTheBuildTimeSimulationIsClosedTheInstalledOneAnswers() throws Exception {
        Simulation gone = Simulation.create();
        MarketplaceMeteringClient client;
        try (GlobalSimulation.Installation bound = GlobalSimulation.bindCurrentThread(gone)) {
            client = builtTheOrdinaryWay();
        }
        gone.close();

        try (GlobalSimulation.Installation installed = GlobalSimulation.install(a)) {
            pool.submit(() -> meter(client, "after")).get();
        }

        assertThat(a.journal().size()).isEqualTo(1);
    }

    @Test
    void aBindingEndedOnAnotherThreadNoLongerRoutes() throws Exception {
        GlobalSimulation.Installation binding = GlobalSimulation.bindCurrentThread(b);
        pool.submit(binding::close).get();

        try (GlobalSimulation.Installation installed = GlobalSimulation.install(a)) {
            assertThat(GlobalSimulation.current()).isSameAs(a);
        }
        binding.close();
    }
}
