package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.s3.S3Fault;
import io.github.awssim.core.services.s3.S3Simulator;
import io.github.awssim.core.services.s3.StoredObject;
import io.github.awssim.sdk.SimulatedClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/** The S3 examples of README, verbatim: if one stops compiling or passing, README is wrong. */
class S3ReadmeExampleTest {

    // --- README: begin basics ---
    @Test
    void storesListsAndGuardsObjects() {
        try (Simulation sim = Simulation.create();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {   // SDK defaults: virtual host, CRC32
            sim.s3().createBucket("reports");

            s3.putObject(r -> r.bucket("reports").key("2026/01/usage.csv").ifNoneMatch("*"),
                RequestBody.fromString("hour,units\n10,3\n"));
            // A second writer loses, as on S3: a conditional write answers 412 PreconditionFailed.
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("reports").key("2026/01/usage.csv").ifNoneMatch("*"),
                RequestBody.fromString("hour,units\n10,5\n")))
                .isInstanceOf(S3Exception.class)
                .hasMessageStartingWith("At least one of the pre-conditions you specified did not hold");

            assertThat(s3.listObjectsV2(r -> r.bucket("reports").prefix("2026/").delimiter("/")).commonPrefixes())
                .extracting(CommonPrefix::prefix).containsExactly("2026/01/");
            assertThat(sim.s3().objectText("reports", "2026/01/usage.csv")).startsWith("hour,units");

            sim.s3().failNext(1, S3Fault.SLOW_DOWN);                   // the SDK retries it; nobody sleeps
            s3.getObjectAsBytes(r -> r.bucket("reports").key("2026/01/usage.csv").checksumMode(ChecksumMode.ENABLED));
            assertThat(sim.journal().last().attemptCount()).isEqualTo(2);
        }
    }
    // --- README: end basics ---

    // --- README: begin transfer ---
    @Test
    void transferManagerMovesLargeFilesInParts(@TempDir Path dir) throws Exception {
        Path report = Files.write(dir.resolve("report.bin"), new byte[20 * 1024 * 1024]);
        try (Simulation sim = Simulation.create();
             S3AsyncClient s3 = SimulatedClients.of(sim)
                 .configure(S3AsyncClientBuilder.class, b -> b.multipartEnabled(true))
                 .create(S3AsyncClient.class);
             S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
            sim.s3().createBucket("exports");

            tm.uploadFile(u -> u.source(report).putObjectRequest(p -> p.bucket("exports").key("report.bin")))
                .completionFuture().join();

            StoredObject stored = sim.s3().object("exports", "report.bin").orElseThrow();
            assertThat(stored.parts()).isEqualTo(3);              // 8 MiB parts: streamed, spilled to disk
            assertThat(stored.eTag()).endsWith("-3\"");
        }
    }
    // --- README: end transfer ---

    // --- README: begin stub ---
    @Test
    void anOperationAwssimDoesNotSimulateCanBeStubbed() {
        try (Simulation sim = Simulation.create();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("site");
            assertThatThrownBy(() -> s3.getBucketWebsite(r -> r.bucket("site")))
                .hasMessageStartingWith("awssim: S3.GetBucketWebsite is not simulated");

            S3Simulator stubbed = spy(sim.s3());                   // shares the simulator's state
            doReturn(GetBucketWebsiteResponse.builder().build()).when(stubbed).getBucketWebsite(any(GetBucketWebsiteRequest.class));
            sim.register(S3Client.class, stubbed);

            assertThat(s3.getBucketWebsite(r -> r.bucket("site")).routingRules()).isEmpty();
        }
    }
    // --- README: end stub ---
}
