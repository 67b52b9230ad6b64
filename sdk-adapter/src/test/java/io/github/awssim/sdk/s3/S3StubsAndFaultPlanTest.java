package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.sdk.SimulatedClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The test author's toolkit (stubs, fault plans, the journal) on S3's REST-XML wire and streaming bodies, through
 * real clients: the same machinery as for the JSON services, so a regression in either gateway shows here.
 */
class S3StubsAndFaultPlanTest {

    @Test
    void aStubAnswersAnOperationTheSimulatorDoesNotImplement() {
        try (Simulation sim = Simulation.create();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("site");
            sim.stubs().on(GetBucketWebsiteRequest.class).where("bucket site", r -> r.bucket().equals("site"))
                .respond(GetBucketWebsiteResponse.builder()
                    .indexDocument(d -> d.suffix("index.html")).build());

            assertThat(s3.getBucketWebsite(r -> r.bucket("site")).indexDocument().suffix()).isEqualTo("index.html");
            assertThatThrownBy(() -> s3.getBucketWebsite(r -> r.bucket("other")))
                .hasMessageStartingWith("awssim: S3.GetBucketWebsite is not simulated");
            assertThat(sim.stubs().nearMisses()).singleElement().asString().contains("bucket site");
        }
    }

    @Test
    void aStubbedModeledExceptionTravelsAsS3sErrorDocumentAndHeadErrorsStayBodiless() {
        try (Simulation sim = Simulation.create();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("bkt");
            sim.s3().putObject("bkt", "k", "there");
            sim.stubs().on(GetObjectRequest.class)
                .fail(NoSuchKeyException.builder().message("stubbed: gone").build()).once();
            sim.stubs().on(HeadObjectRequest.class)
                .fail(NoSuchKeyException.builder().message("stubbed: gone").build()).once();

            assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("bkt").key("k")))
                .isInstanceOf(NoSuchKeyException.class).hasMessageStartingWith("stubbed: gone");
            assertThatThrownBy(() -> s3.headObject(r -> r.bucket("bkt").key("k")))
                .isInstanceOf(NoSuchKeyException.class);
            // Only the first call of each was stubbed: the simulator answers the next ones.
            assertThat(s3.getObjectAsBytes(r -> r.bucket("bkt").key("k")).asUtf8String()).isEqualTo("there");
            assertThat(s3.headObject(r -> r.bucket("bkt").key("k")).contentLength()).isEqualTo(5L);
        }
    }

    @Test
    void aHeadThatAwssimItselfCannotAnswerKeepsTheBodyThatSaysWhatToFix() {
        try (Simulation sim = Simulation.create();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("bkt");
            sim.stubs().on(HeadObjectRequest.class).where("key is tagged", r -> {
                throw new IllegalStateException("no tags here");
            }).respond(HeadObjectResponse.builder().build());

            assertThatThrownBy(() -> s3.headObject(r -> r.bucket("bkt").key("k")))
                .isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AwssimBackendFailure"))
                .hasMessageContaining("awssim: stub #1").hasMessageContaining("key is tagged");
        }
    }

    @Test
    void aReaderWaitingOnAStalledDownloadIsReleasedWhenTheStreamIsAborted() throws Exception {
        FaultPlan plan = FaultPlan.of(FaultRule.on(GetObjectRequest.class).times(1).fail(TransportFault.STALLED_BODY));
        ScheduledExecutorService aborter = Executors.newSingleThreadScheduledExecutor();
        try (Simulation sim = Simulation.builder().faults(plan).build();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("bkt");
            sim.s3().putObject("bkt", "k", "never arrives");
            ResponseInputStream<?> in = s3.getObject(r -> r.bucket("bkt").key("k"));
            aborter.schedule(in::abort, 200, TimeUnit.MILLISECONDS);

            long start = System.nanoTime();
            assertThatThrownBy(() -> in.read(new byte[16])).isInstanceOf(IOException.class)
                .hasMessageContaining("the client aborted");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            aborter.shutdownNow();
        }
    }

    @Test
    void aStubOnAStreamingUploadAnswersWithoutStoringAndTheSdkStillSendsTheBody() {
        try (Simulation sim = Simulation.create();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("bkt");
            sim.stubs().on(PutObjectRequest.class).respond(PutObjectResponse.builder().eTag("\"stubbed\"").build()).once();

            assertThat(s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromString("payload")).eTag())
                .isEqualTo("\"stubbed\"");
            assertThat(sim.s3().object("bkt", "k")).isEmpty();

            s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromString("payload"));
            assertThat(sim.s3().objectText("bkt", "k")).isEqualTo("payload");
        }
    }

    @Test
    void aPutWhoseResponseIsLostIsRetriedAndStoredOnce() {
        FaultPlan plan = FaultPlan.of(FaultRule.on(PutObjectRequest.class).times(1)
            .fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT));
        try (Simulation sim = Simulation.builder().seed(7).faults(plan).build();
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            sim.s3().createBucket("bkt");
            sim.s3().versioning("bkt", software.amazon.awssdk.services.s3.model.BucketVersioningStatus.ENABLED);

            s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromString("once"));

            assertThat(sim.journal().last().attempts()).extracting(a -> a.outcome().label())
                .containsExactly("RESPONSE_LOST_AFTER_COMMIT", "PutObjectResponse");
            assertThat(((Outcome.TransportFault) sim.journal().last().attempts().get(0).outcome()).engineRan()).isTrue();
            // The retry re-sent the body: S3 has no idempotency token, so a versioned bucket shows both writes.
            assertThat(sim.s3().versions("bkt", "k")).hasSize(2);
            assertThat(sim.s3().objectText("bkt", "k")).isEqualTo("once");
        }
    }

    @Test
    void anAsyncDownloadSurvivesResetsAndATruncatedBody() {
        FaultPlan plan = FaultPlan.of(
            FaultRule.on(GetObjectRequest.class).onAttempts(1).fail(TransportFault.CONNECTION_RESET_BEFORE_ENGINE),
            FaultRule.on(GetObjectRequest.class).onAttempts(2).fail(TransportFault.TRUNCATED_BODY));
        try (Simulation sim = Simulation.builder().seed(3).faults(plan).build();
             S3AsyncClient s3 = SimulatedClients.create(sim, S3AsyncClient.class)) {
            sim.s3().createBucket("bkt");
            byte[] big = new byte[300_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31);
            }
            s3.putObject(r -> r.bucket("bkt").key("big"), AsyncRequestBody.fromBytes(big)).join();

            byte[] read = s3.getObject(r -> r.bucket("bkt").key("big"), AsyncResponseTransformer.toBytes()).join()
                .asByteArray();

            assertThat(read).isEqualTo(big);
            assertThat(sim.journal().last().attempts()).extracting(a -> a.outcome().label())
                .containsExactly("CONNECTION_RESET_BEFORE_ENGINE", "TRUNCATED_BODY", "GetObjectResponse");
        }
    }

    @Test
    void aModeledThrottleFromThePlanIsS3sSlowDownShapeAndTheMessageNamesTheSeed() {
        FaultPlan plan = FaultPlan.of(FaultRule.onService(S3Client.class).times(10)
            .fail(software.amazon.awssdk.services.s3.model.S3Exception.builder().statusCode(503)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                    .errorCode("SlowDown").errorMessage("Please reduce your request rate.").build())
                .build()));
        try (Simulation sim = Simulation.builder().seed(11).faults(plan).build();
             S3AsyncClient s3 = SimulatedClients.create(sim, S3AsyncClient.class)) {
            sim.s3().createBucket("bkt");
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("bkt").key("k"),
                AsyncRequestBody.fromString("x", StandardCharsets.UTF_8)).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class)
                .satisfies(e -> assertThat(((software.amazon.awssdk.services.s3.model.S3Exception) e)
                    .awsErrorDetails().errorCode()).isEqualTo("SlowDown"))
                .hasMessageContaining("seed 11");
            assertThat(sim.journal().last().attemptCount()).isGreaterThan(1);
            assertThat(sim.s3().object("bkt", "k")).isEmpty();
        }
    }
}
