package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A 1 GiB object up and down through the sync and the async client, in a JVM of its own whose heap
 * ({@code -Xmx256m}, set by the {@code s3-large-objects} surefire execution) is a quarter of the object:
 * it passes only if neither the SDK side nor awssim ever holds the object in memory. The peak heap in use
 * after each transfer's collections is reported and checked against the object's size.
 */
class S3LargeObjectForkedTest {
    private static final long GIB = 1024L * 1024 * 1024;

    private static Simulation sim;

    @BeforeAll
    static void start() {
        sim = Simulation.create();
        sim.s3().createBucket("large");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void oneGibibyteThroughTheSyncClient() throws Exception {
        resetPeaks();
        try (S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            s3.putObject(b -> b.bucket("large").key("sync"), RequestBody.fromInputStream(S3StreamingTest.pattern(GIB, 1), GIB));
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket("large").key("sync"))) {
                assertThat(in.response().contentLength()).isEqualTo(GIB);
                assertThat(S3StreamingTest.md5(in)).isEqualTo(S3StreamingTest.md5(S3StreamingTest.pattern(GIB, 1)));
            }
        }
        assertHeapStayedSmall("sync");
    }

    @Test
    void oneGibibyteThroughTheAsyncClient() throws Exception {
        resetPeaks();
        var executor = Executors.newSingleThreadExecutor();
        try (S3AsyncClient s3 = SimulatedClients.create(sim, S3AsyncClient.class)) {
            s3.putObject(b -> b.bucket("large").key("async"), AsyncRequestBody.fromInputStream(S3StreamingTest.pattern(GIB, 2),
                GIB, executor)).get(5, TimeUnit.MINUTES);
            ResponsePublisher<GetObjectResponse> body = s3.getObject(b -> b.bucket("large").key("async"),
                AsyncResponseTransformer.toPublisher()).get(5, TimeUnit.MINUTES);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            body.subscribe((ByteBuffer buffer) -> md5.update(buffer)).get(5, TimeUnit.MINUTES);
            try (InputStream expected = S3StreamingTest.pattern(GIB, 2)) {
                assertThat(md5.digest()).isEqualTo(S3StreamingTest.md5(expected));
            }
        } finally {
            executor.shutdownNow();
        }
        assertHeapStayedSmall("async");
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The heap pools' peak usage (collected after use, so it is what was live plus garbage not yet collected). */
    private static void assertHeapStayedSmall(String what) {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("awssim: 1 GiB %s put+get, heap max %d MiB, peak pools %d MiB%n", what, max >> 20, peak >> 20);
        assertThat(max).as("this test runs with a small heap (-Xmx256m)").isLessThan(GIB / 3);
        assertThat(peak).as("peak heap during a 1 GiB transfer").isLessThan(GIB / 4);
    }
}
