package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.GlobalSimulation;
import io.github.awssim.sdk.SimulatedClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The AWS CRT-based S3 client with the AWS CRT on the classpath (the {@code s3-crt} surefire execution): it
 * sends its requests from native code, so awssim cannot answer it, and the safety net says what to use
 * instead, for the client built by hand and for the one the Transfer Manager picks by itself.
 */
class S3CrtClientForkedTest {

    @Test
    void theCrtClientIsStoppedWithAdviceThatFitsIt() {
        try (Simulation sim = Simulation.create(); S3AsyncClient crt = S3AsyncClient.crtCreate()) {
            sim.s3().createBucket("reports");

            assertThatThrownBy(() -> crt.listBuckets().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SdkClientException.class)
                .hasMessageContaining("awssim: stopped a S3.ListBuckets call that was about to leave for https://s3.us-east-1.amazonaws.com/")
                .hasMessageContaining("AWS CRT-based S3 client")
                .hasMessageContaining("S3TransferManager.builder().s3Client(client)")
                .hasMessageNotContaining("zero-code swap");
            assertThat(sim.journal().size()).isZero();
        }
    }

    @Test
    void theTransferManagersOwnChoiceIsStoppedTooAndTheAdvisedClientWorks(@TempDir Path dir) throws Exception {
        Path upload = Files.write(dir.resolve("usage.csv"), "tenant,hours\nacme,3\n".getBytes(StandardCharsets.UTF_8));
        try (Simulation sim = Simulation.create(); GlobalSimulation.Installation ignored = GlobalSimulation.install(sim)) {
            sim.s3().createBucket("reports");
            try (S3TransferManager tm = S3TransferManager.create()) {   // aws-crt on the classpath: the CRT client
                assertThatThrownBy(() -> tm.uploadFile(u -> u.source(upload)
                        .putObjectRequest(p -> p.bucket("reports").key("usage.csv"))).completionFuture().join())
                    .hasRootCauseInstanceOf(SdkClientException.class)
                    .rootCause().hasMessageContaining("what S3TransferManager.create() builds when aws-crt is on the classpath");
            }
            assertThat(sim.s3().objects("reports")).isEmpty();

            try (S3AsyncClient s3 = SimulatedClients.of(sim).configure(S3AsyncClientBuilder.class, b -> b.multipartEnabled(true))
                     .create(S3AsyncClient.class);
                 S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
                tm.uploadFile(u -> u.source(upload).putObjectRequest(p -> p.bucket("reports").key("usage.csv")))
                    .completionFuture().join();
            }
            assertThat(sim.s3().object("reports", "usage.csv")).isPresent();
        }
    }
}
