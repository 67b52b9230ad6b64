package io.github.awssim.core.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 simulator called directly, as tests and other simulators do: the typed API, direct operations,
 * the knobs and their misuse messages. (The rules through real clients are tested in awssim-sdk-adapter.)
 */
class S3SimulatorTest {
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final S3Simulator s3 = sim.s3();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void theSimulationsS3IsItsS3ClientBackend() {
        assertThat(sim.backend(S3Client.class)).isSameAs(s3);
        assertThat(s3.accountId()).isEqualTo(sim.accountId());
        assertThat(s3.region()).isEqualTo(sim.region());
    }

    @Test
    void typedApiWritesAndReadsObjects() {
        s3.createBucket("typed");
        StoredObject text = s3.putObject("typed", "a.txt", "hello");
        assertThat(text.contentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(text.size()).isEqualTo(5);
        assertThat(text.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(text.lastModified()).isEqualTo(NOW);
        assertThat(text.versionId()).isNull();
        assertThat(text.checksumAlgorithm()).isEqualTo("CRC64NVME");
        s3.putObject("typed", "b.bin", new byte[] {1, 2, 3});
        s3.putObject("typed", "dir/c", new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)), 8);

        assertThat(s3.objects("typed")).extracting(StoredObject::key).containsExactly("a.txt", "b.bin", "dir/c");
        assertThat(s3.objects("typed", "dir/")).extracting(StoredObject::key).containsExactly("dir/c");
        assertThat(s3.objectText("typed", "dir/c")).isEqualTo("streamed");
        assertThat(s3.objectBytes("typed", "b.bin")).containsExactly(1, 2, 3);
        assertThat(s3.object("typed", "missing")).isEmpty();
        assertThat(s3.buckets()).containsExactly("typed");
        assertThat(s3.bucketExists("typed")).isTrue();
        assertThat(s3.bucketExists("other")).isFalse();
    }

    @Test
    void directOperationsRunTheSameRules() throws Exception {
        s3.createBucket("direct");
        s3.putObject(b -> b.bucket("direct").key("k"), RequestBody.fromString("v1"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("direct").key("k").ifNoneMatch("*"), RequestBody.fromString("v2")))
            .isInstanceOf(S3Exception.class).hasMessageStartingWith("At least one of the pre-conditions");
        try (InputStream in = s3.getObject(b -> b.bucket("direct").key("k"), ResponseTransformer.toInputStream())) {
            assertThat(in.readAllBytes()).isEqualTo("v1".getBytes(StandardCharsets.UTF_8));
        }
        // The SDK's own paginators work on the simulator, which is an S3Client.
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket("direct").maxKeys(1)).contents().stream()
            .map(S3Object::key).toList();
        assertThat(keys).containsExactly("k");
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("direct").key("nope"), ResponseTransformer.toBytes()))
            .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.objects("no-bucket"))
            .isInstanceOf(NoSuchBucketException.class).hasMessageContaining("sim.s3().createBucket(\"no-bucket\")");
    }

    @Test
    void versionsListDeleteMarkersNewestFirst() {
        s3.createBucket("ver").versioning("ver", BucketVersioningStatus.ENABLED);
        s3.putObject("ver", "k", "1");
        sim.clock().advance(Duration.ofMinutes(1));
        s3.putObject("ver", "k", "2");
        s3.deleteObject(b -> b.bucket("ver").key("k"));
        assertThat(s3.versions("ver", "k")).extracting(StoredObject::deleteMarker).containsExactly(true, false, false);
        assertThat(s3.object("ver", "k")).isEmpty();
        assertThat(s3.objects("ver")).isEmpty();
    }

    @Test
    void viewsCreateBucketsForAnotherAccountAndRegion() {
        S3Simulator ireland = s3.in("111122223333", Region.EU_WEST_1);
        ireland.createBucket("their-bucket");
        assertThat(ireland.buckets()).containsExactly("their-bucket");
        assertThat(s3.buckets()).isEmpty();
        assertThat(s3.getBucketLocation(b -> b.bucket("their-bucket")).locationConstraintAsString()).isEqualTo("eu-west-1");
        // The typed API reaches every bucket by name.
        s3.putObject("their-bucket", "k", "v");
        assertThat(ireland.objectText("their-bucket", "k")).isEqualTo("v");
    }

    @Test
    void listingsSeekInsteadOfScanning() {
        s3.createBucket("many");
        for (int i = 0; i < 5_000; i++) {
            s3.putObject("many", String.format("p/%05d", i), new byte[0]);
        }
        ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket("many").startAfter("p/04997"));
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("p/04998", "p/04999");
        assertThat(page.isTruncated()).isFalse();
    }

    @Test
    void knobsAndTheirMisuse() {
        assertThat(s3.spillThreshold()).isEqualTo(1024 * 1024);
        assertThat(s3.spillThreshold(0).spillThreshold()).isZero();
        s3.createBucket("disk");
        s3.putObject("disk", "k", "tiny but on disk");
        assertThat(s3.storageDirectory()).isPresent();
        assertThatThrownBy(() -> s3.spillThreshold(-1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("awssim: the spill threshold");
        assertThatThrownBy(() -> s3.minimumPartSize(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S3's is 5 MiB");
        assertThatThrownBy(() -> s3.failNext(0, S3Fault.SLOW_DOWN))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("awssim: failNext(0");
        assertThatThrownBy(() -> s3.in("12", Region.US_EAST_1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 12 digits");
    }

    @Test
    void faultsStrikeClientsOnlyNeverTheTypedApi() {
        s3.createBucket("faults");
        s3.failNext(1, S3Fault.SLOW_DOWN);
        s3.putObject("faults", "k", "typed calls pass");
        assertThat(s3.objectText("faults", "k")).isEqualTo("typed calls pass");
        s3.clearFaults();
    }

    @Test
    void closingTheSimulationDeletesItsStorage() {
        s3.createBucket("gone").spillThreshold(0).putObject("gone", "k", "on disk");
        java.nio.file.Path dir = s3.storageDirectory().orElseThrow();
        assertThat(dir).exists();
        sim.close();
        assertThat(dir).doesNotExist();
    }
}
