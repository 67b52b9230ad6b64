package io.github.awssim.benchmarks;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedHttpClient;
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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * One full ListObjectsV2 page (1,000 keys, the default and maximum) through a real {@code S3Client}, from a
 * bucket of 1,000 keys and from one of 1,000,000, each page starting after a different key. A page seeks
 * into the sorted keys and reads only what it returns, so the two should cost about the same (README's
 * target: the 1M page at most 2x the 1k page). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar S3ListBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class S3ListBenchmark {

    @State(Scope.Benchmark)
    public static class Bucket {
        @Param({"1000", "1000000"})
        public int keys;

        Simulation sim;
        S3Client client;
        String[] starts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            sim = Simulation.create();
            sim.s3().createBucket("listing");
            byte[] empty = new byte[0];
            for (int i = 0; i < keys; i++) {
                sim.s3().putObject("listing", key(i), empty);
            }
            client = S3Client.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.US_EAST_1)
                .credentialsProvider(MeterUsageBenchmark.CREDENTIALS).build();
            // Pages start at spread-out keys, every one with a full page of 1,000 keys after it (in the 1k bucket,
            // the page before the first key).
            starts = new String[256];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = keys <= 1000 ? "" : key((int) ((long) i * (keys - 1001) / starts.length));
            }
        }

        @TearDown(Level.Iteration)
        public void forget() {
            sim.journal().clear();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            sim.close();
        }

        static String key(int i) {
            return String.format("logs/%04d/%02d/%08d.json", i / 10_000, (i / 100) % 100, i);
        }
    }

    @Benchmark
    public int listPage(Bucket b) {
        String start = b.starts[b.next++ & (b.starts.length - 1)];
        ListObjectsV2Response page = b.client.listObjectsV2(r -> r.bucket("listing").startAfter(start.isEmpty() ? null : start));
        return page.keyCount();
    }
}
