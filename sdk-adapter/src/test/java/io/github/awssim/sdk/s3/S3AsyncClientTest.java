package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.services.s3.S3Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The object rules whose answers travel differently to an {@code S3AsyncClient}: bodiless 304/412/404 answers
 * and 206/416 ranges reach the SDK's async response handler, checksums are validated by its publisher rather
 * than its input stream, a 200 carrying an {@code <Error>} is detected in the buffered async body, and an
 * operation awssim does not simulate fails the future rather than the call.
 */
class S3AsyncClientTest {
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.async.createBucket(b -> b.bucket("async")).join();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ResponseBytes<GetObjectResponse> get(Consumer<GetObjectRequest.Builder> request) {
        return f.async.getObject(b -> request.accept(b.bucket("async")), AsyncResponseTransformer.toBytes()).join();
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException ? t.getCause() : t;
    }

    @Test
    void conditionalReadsAnswerTheSameStatusesWithoutABody() {
        String eTag = f.async.putObject(b -> b.bucket("async").key("c"), AsyncRequestBody.fromString("v")).join().eTag();
        Instant before = S3Fixture.START.minus(Duration.ofHours(1));
        f.sim.clock().advance(Duration.ofHours(2));

        assertThat(get(b -> b.key("c").ifMatch(eTag).ifUnmodifiedSince(before)).asUtf8String()).isEqualTo("v");
        assertThatThrownBy(() -> get(b -> b.key("c").ifNoneMatch(eTag).ifModifiedSince(before)))
            .satisfies(e -> assertThat(status(cause(e))).isEqualTo(304));
        assertThatThrownBy(() -> get(b -> b.key("c").ifMatch("\"other\"")))
            .satisfies(e -> {
                assertThat(status(cause(e))).isEqualTo(412);
                assertThat(code(cause(e))).isEqualTo("PreconditionFailed");
            });
        assertThatThrownBy(() -> f.async.headObject(b -> b.bucket("async").key("c").ifNoneMatch("*")).join())
            .satisfies(e -> assertThat(status(cause(e))).isEqualTo(304));
        assertThatThrownBy(() -> f.async.headObject(b -> b.bucket("async").key("missing")).join())
            .hasCauseInstanceOf(NoSuchKeyException.class)
            .satisfies(e -> {
                software.amazon.awssdk.core.SdkBytes raw = ((S3Exception) cause(e)).awsErrorDetails().rawResponse();
                assertThat(raw == null ? new byte[0] : raw.asByteArray()).isEmpty();
            });
    }

    @Test
    void rangesAnswer206WithTheirBytesAnd416PastTheEnd() {
        f.async.putObject(b -> b.bucket("async").key("r"), AsyncRequestBody.fromString("0123456789")).join();

        ResponseBytes<GetObjectResponse> mid = get(b -> b.key("r").range("bytes=2-5"));
        assertThat(mid.asUtf8String()).isEqualTo("2345");
        assertThat(mid.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(mid.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(get(b -> b.key("r").range("bytes=-3")).asUtf8String()).isEqualTo("789");
        assertThatThrownBy(() -> get(b -> b.key("r").range("bytes=10-")))
            .satisfies(e -> {
                assertThat(status(cause(e))).isEqualTo(416);
                assertThat(code(cause(e))).isEqualTo("InvalidRange");
            });
    }

    @Test
    void checksumModeEnabledAnswersTheStoredChecksumWhichTheClientValidates() {
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
            ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256}) {
            String key = "sum-" + algorithm;
            String body = "checksummed " + algorithm;
            f.async.putObject(b -> b.bucket("async").key(key).checksumAlgorithm(algorithm), AsyncRequestBody.fromString(body)).join();

            ResponseBytes<GetObjectResponse> got = get(b -> b.key(key).checksumMode(ChecksumMode.ENABLED));

            assertThat(got.asUtf8String()).isEqualTo(body);
            assertThat(S3ObjectTest.answeredChecksum(got.response(), algorithm)).as(key)
                .isEqualTo(S3ObjectTest.expectedChecksum(algorithm, body));
        }
    }

    @Test
    void aCopyFailingInsideA200IsDetectedByTheAsyncClientToo() {
        f.async.putObject(b -> b.bucket("async").key("k"), AsyncRequestBody.fromString("v")).join();
        f.sim.s3().failNext("CopyObject", 1, S3Fault.INTERNAL_ERROR_IN_200_RESPONSE);

        assertThatThrownBy(() -> f.async.copyObject(b -> b.sourceBucket("async").sourceKey("k")
            .destinationBucket("async").destinationKey("copy")).join())
            .hasCauseInstanceOf(S3Exception.class)
            .satisfies(e -> {
                assertThat(status(cause(e))).isEqualTo(200);
                assertThat(code(cause(e))).isEqualTo("InternalError");
            });
        assertThat(f.sim.s3().object("async", "copy")).isEmpty();
    }

    @Test
    void anUnsimulatedOperationFailsTheFutureWithAwssimsErrorAndCanBeStubbed() {
        assertThatThrownBy(() -> f.async.getBucketWebsite(b -> b.bucket("async")).join())
            .hasCauseInstanceOf(S3Exception.class)
            .satisfies(e -> {
                assertThat(cause(e)).hasMessageStartingWith("awssim: S3.GetBucketWebsite is not simulated");
                assertThat(code(cause(e))).isEqualTo("AwssimNotSimulated");
                assertThat(status(cause(e))).isEqualTo(501);
            });

        f.sim.stubs().on(GetBucketWebsiteRequest.class).where("bucket async", r -> r.bucket().equals("async"))
            .respond(GetBucketWebsiteResponse.builder().indexDocument(d -> d.suffix("index.html")).build());

        assertThat(f.async.getBucketWebsite(b -> b.bucket("async")).join().indexDocument().suffix()).isEqualTo("index.html");
    }
}
