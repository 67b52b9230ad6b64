package io.github.awssim.benchmarks;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;

/**
 * One MeterUsage call through a real {@code MarketplaceMeteringClient}: (a) the floor, an HTTP client
 * answering canned bytes; (b) awssim sync, answered by the Metering simulator with all its rules; (c) awssim
 * async; (d) awssim sync with a backend that answers a constant, which isolates the adapter's own cost
 * (interceptor, decode, dispatch, journal, encode) from the simulator's rules. Same client configuration
 * otherwise. (e) is the async floor, the canned HTTP client under the async SDK client.
 * JMH runs each in its own JVM, and the floor's JVM has no simulation open, so awssim's global
 * interceptor is idle there, as in an application that does not use awssim. README quotes b/a and c/a.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar MeterUsageBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// 30 s of warm-up: on a 2-vCPU machine C2 still compiles the SDK's and awssim's code for 15-20 s
// (-XX:+PrintCompilation), and a shorter warm-up measured the compiler, more so for the larger awssim path.
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class MeterUsageBenchmark {
    static final StaticCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"));
    static final Instant HOUR = Instant.parse("2026-06-01T10:30:00Z");

    // The SDK gives every call a fresh ClientToken, as in production; for identical usage in one hour the
    // simulator then answers the first record id again: an agent's steady state.
    static final MeterUsageRequest REQUEST = MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users")
        .usageQuantity(3).timestamp(HOUR).build();

    static MarketplaceMeteringClient syncClient(SdkHttpClient http) {
        return MarketplaceMeteringClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
            .build();
    }

    /** The floor: same SDK clients, canned answer, no simulation in the JVM. */
    @State(Scope.Benchmark)
    public static class Floor {
        MarketplaceMeteringClient client;
        MarketplaceMeteringAsyncClient async;

        @Setup(Level.Trial)
        public void setUp() {
            CannedHttpClient canned = new CannedHttpClient("{\"MeteringRecordId\":\"8d9f4b4e-5d0a-4b7a-9c1e-2f6d3a7b8c9d\"}",
                "application/x-amz-json-1.1");
            client = syncClient(canned);
            async = MarketplaceMeteringAsyncClient.builder().httpClient(canned).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            async.close();
        }
    }

    /** awssim: the same clients on SimulatedHttpClient, answered by the Metering simulator. */
    @State(Scope.Benchmark)
    public static class Simulated {
        /** How many executions the journal keeps (the default 10,000); {@code -p journalCapacity=100} shows its cost. */
        @Param("10000")
        int journalCapacity;
        Simulation sim;
        MarketplaceMeteringClient sync;
        MarketplaceMeteringAsyncClient async;

        @Setup(Level.Trial)
        public void setUp() {
            sim = Simulation.builder().startTime(HOUR.plusSeconds(60)).seed(1).journalCapacity(journalCapacity).build();
            sync = syncClient(SimulatedHttpClient.create(sim));
            async = MarketplaceMeteringAsyncClient.builder().httpClient(SimulatedHttpClient.create(sim))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            sync.close();
            async.close();
            sim.close();
        }
    }

    /** awssim with a backend answering a constant: the adapter and engine alone. */
    @State(Scope.Benchmark)
    public static class AdapterOnly {
        Simulation sim;
        MarketplaceMeteringClient sync;

        @Setup(Level.Trial)
        public void setUp() {
            sim = Simulation.builder().startTime(HOUR.plusSeconds(60)).seed(1).build();
            MeterUsageResponse constant = MeterUsageResponse.builder().meteringRecordId("8d9f4b4e-5d0a-4b7a-9c1e-2f6d3a7b8c9d")
                .build();
            sim.register(MarketplaceMeteringClient.class, new MarketplaceMeteringClient() {
                @Override
                public MeterUsageResponse meterUsage(MeterUsageRequest request) {
                    return constant;
                }

                @Override
                public String serviceName() {
                    return SERVICE_NAME;
                }

                @Override
                public void close() {
                }
            });
            sync = syncClient(SimulatedHttpClient.create(sim));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            sync.close();
            sim.close();
        }
    }

    @Benchmark
    public MeterUsageResponse a_floorCannedBytes(Floor floor) {
        return floor.client.meterUsage(REQUEST);
    }

    @Benchmark
    public MeterUsageResponse b_awssimSync(Simulated s) {
        return s.sync.meterUsage(REQUEST);
    }

    @Benchmark
    public MeterUsageResponse c_awssimAsync(Simulated s) {
        return s.async.meterUsage(REQUEST).join();
    }

    @Benchmark
    public MeterUsageResponse d_awssimSyncAdapterOnly(AdapterOnly s) {
        return s.sync.meterUsage(REQUEST);
    }

    /** The async SDK client on the canned HTTP client: what the SDK's async path costs by itself. */
    @Benchmark
    public MeterUsageResponse e_floorAsyncCannedBytes(Floor floor) {
        return floor.async.meterUsage(REQUEST).join();
    }
}
