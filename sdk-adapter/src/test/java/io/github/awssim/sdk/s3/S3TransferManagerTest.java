package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.s3.StoredObject;
import io.github.awssim.sdk.SimulatedClients;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryUpload;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/**
 * S3 Transfer Manager over the SDK's Java-based multipart S3AsyncClient ({@code multipartEnabled(true)}):
 * files split into parts on the way up, parts fetched in parallel on the way down, large copies done part
 * by part, directories; all against the simulation.
 */
class S3TransferManagerTest {
    private static final long MIB = 1024 * 1024;

    private Simulation sim;
    private S3AsyncClient multipart;
    private S3TransferManager tm;

    @BeforeEach
    void start() {
        sim = Simulation.create();
        sim.s3().createBucket("transfers");
        multipart = SimulatedClients.of(sim)
            .configure(S3AsyncClientBuilder.class, b -> b.multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(8 * MIB).minimumPartSizeInBytes(8 * MIB)))
            .create(S3AsyncClient.class);
        tm = S3TransferManager.builder().s3Client(multipart).build();
    }

    @AfterEach
    void stop() {
        tm.close();
        multipart.close();
        sim.close();
    }

    private static void write(Path file, long size, int seed) throws Exception {
        try (InputStream in = S3StreamingTest.pattern(size, seed)) {
            Files.copy(in, file);
        }
    }

    @Test
    void uploadFileGoesMultipartAndDownloadFileComesBackIdentical(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("report.bin");
        write(source, 37 * MIB + 5, 1);
        CompletedFileUpload up = tm.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket("transfers").key("report.bin")))
            .completionFuture().join();
        assertThat(up.response().eTag()).endsWith("-5\"");
        StoredObject stored = sim.s3().object("transfers", "report.bin").orElseThrow();
        assertThat(stored.parts()).isEqualTo(5);
        assertThat(stored.size()).isEqualTo(37 * MIB + 5);
        assertThat(sim.journal().requests(UploadPartRequest.class)).hasSize(5);
        assertThat(sim.journal().requests(CompleteMultipartUploadRequest.class)).hasSize(1);

        Path back = dir.resolve("back.bin");
        tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket("transfers").key("report.bin")).destination(back))
            .completionFuture().join();
        assertThat(Files.mismatch(source, back)).isEqualTo(-1);
        // The multipart client downloads part by part.
        assertThat(sim.journal().requests(GetObjectRequest.class)).extracting(GetObjectRequest::partNumber)
            .contains(1, 2, 3, 4, 5);
    }

    @Test
    void uploadFromAStreamOfUnknownLength() throws Exception {
        long size = 20 * MIB + 1;
        tm.upload(u -> u.requestBody(AsyncRequestBody.fromInputStream(S3StreamingTest.pattern(size, 2), null,
                java.util.concurrent.Executors.newSingleThreadExecutor()))
            .putObjectRequest(p -> p.bucket("transfers").key("stream.bin"))).completionFuture().join();
        try (InputStream in = sim.s3().openObject("transfers", "stream.bin")) {
            assertThat(S3StreamingTest.md5(in)).isEqualTo(S3StreamingTest.md5(S3StreamingTest.pattern(size, 2)));
        }
    }

    @Test
    void largeCopiesGoPartByPart(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("big.bin");
        write(source, 17 * MIB, 3);
        tm.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket("transfers").key("big.bin"))).completionFuture().join();
        tm.copy(c -> c.copyObjectRequest(r -> r.sourceBucket("transfers").sourceKey("big.bin")
            .destinationBucket("transfers").destinationKey("copy.bin"))).completionFuture().join();
        assertThat(sim.journal().requests(UploadPartCopyRequest.class)).isNotEmpty();
        try (InputStream a = sim.s3().openObject("transfers", "big.bin"); InputStream b = sim.s3().openObject("transfers", "copy.bin")) {
            assertThat(S3StreamingTest.md5(b)).isEqualTo(S3StreamingTest.md5(a));
        }
    }

    /**
     * Downloads {@code dir/} again while every failure is SDK 2.40.2's race aws/aws-sdk-java-v2#7351 (fixed by
     * #7354): a multipart-enabled download of a single-part object can die of a NullPointerException in
     * {@code EmittingSubscription} when the answer arrives as fast as an in-process one does. Any other failure
     * is returned at once, so awssim's own faults still fail the test.
     */
    private CompletedDirectoryDownload downloadDirectory(Path down) {
        CompletedDirectoryDownload done = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            done = tm.downloadDirectory(d -> d.bucket("transfers").listObjectsV2RequestTransformer(l -> l.prefix("dir/"))
                .destination(down)).completionFuture().join();
            boolean onlyTheSdkRace = !done.failedTransfers().isEmpty() && done.failedTransfers().stream()
                .allMatch(f -> f.exception() instanceof NullPointerException
                    && String.valueOf(f.exception().getMessage()).contains("downstreamSubscriber"));
            if (!onlyTheSdkRace) {
                return done;
            }
        }
        return done;
    }

    @Test
    void directoriesUpAndDown(@TempDir Path dir) throws Exception {
        Path up = Files.createDirectories(dir.resolve("up/nested"));
        Files.writeString(dir.resolve("up/a.txt"), "a");
        Files.writeString(up.resolve("b.txt"), "b");
        CompletedDirectoryUpload done = tm.uploadDirectory(u -> u.source(dir.resolve("up")).bucket("transfers").s3Prefix("dir"))
            .completionFuture().join();
        assertThat(done.failedTransfers()).isEmpty();
        assertThat(sim.s3().objects("transfers", "dir/")).extracting(StoredObject::key)
            .containsExactly("dir/a.txt", "dir/nested/b.txt");
        Path down = dir.resolve("down");
        assertThat(downloadDirectory(down).failedTransfers()).isEmpty();
        // The prefix is the directory's root: keys under it land relative to the destination.
        assertThat(Files.readString(down.resolve("nested/b.txt"))).isEqualTo("b");
        assertThat(List.of(Files.readString(down.resolve("a.txt")))).containsExactly("a");
    }
}
