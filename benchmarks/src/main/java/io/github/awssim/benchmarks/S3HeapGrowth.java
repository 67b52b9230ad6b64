package io.github.awssim.benchmarks;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Heap growth for a 1 GiB object: puts and gets it through a real {@code S3Client} and prints the heap's
 * peak use (all heap pools, before and after) and the time taken. Not a JMH benchmark: what it measures is
 * a peak, not a rate. Run with a small heap to make the point:
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.github.awssim.benchmarks.S3HeapGrowth}.
 */
public final class S3HeapGrowth {
    private static final long GIB = 1024L * 1024 * 1024;

    private S3HeapGrowth() {
    }

    public static void main(String[] args) {
        try (Simulation sim = Simulation.create();
             S3Client s3 = S3Client.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.US_EAST_1)
                 .credentialsProvider(MeterUsageBenchmark.CREDENTIALS).build()) {
            sim.s3().createBucket("heap");
            System.gc();
            long before = heapUsed();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            s3.putObject(b -> b.bucket("heap").key("gib"),
                RequestBody.fromContentProvider(() -> S3ObjectBenchmark.pattern(GIB), GIB, "application/octet-stream"));
            long put = System.nanoTime();
            long read = s3.getObject(b -> b.bucket("heap").key("gib"), new S3ObjectBenchmark.Drain());
            long get = System.nanoTime();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("1 GiB object: heap max %d MiB, in use before %d MiB, peak %d MiB (growth %d MiB); "
                    + "put %.1f s, get %.1f s, %d bytes read%n", Runtime.getRuntime().maxMemory() >> 20, before >> 20, peak >> 20,
                (peak - before) >> 20, (put - start) / 1e9, (get - put) / 1e9, read);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
