package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Conditional writes and deletes as moto's AWS-verified {@code test_s3_conditionals.py} records S3 answering them:
 * 412 PreconditionFailed with "At least one of the pre-conditions you specified did not hold" and a
 * {@code <Condition>} element naming the header that failed; an If-Match ETag with or without its quotes, or with
 * one of them missing; NoSuchKey for an If-Match on a missing key.
 */
class S3ConditionalsMotoVerifiedTest {
    private final S3Fixture f = new S3Fixture();
    private final S3Client s3 = f.s3;

    @AfterEach
    void close() {
        f.close();
    }

    /**
     * The failed precondition's code, status and message. (The SDK keeps no raw error body for S3, so the
     * {@code <Condition>} element is read off the wire in {@link #theErrorDocumentNamesTheHeaderThatFailed}.)
     */
    private static void assertPreconditionFailed(Throwable t, String condition) {
        assertThat(code(t)).isEqualTo("PreconditionFailed");
        assertThat(status(t)).isEqualTo(412);
        assertThat(t).hasMessageStartingWith("At least one of the pre-conditions you specified did not hold")
            .hasMessageContaining(condition);
    }

    @Test
    void theErrorDocumentNamesTheHeaderThatFailed() throws Exception {
        s3.createBucket(b -> b.bucket("cond-wire"));
        s3.putObject(p -> p.bucket("cond-wire").key("k"), RequestBody.fromString("v"));
        SimulatedHttpClient http = SimulatedHttpClient.create(f.sim);

        assertThat(raw(http, SdkHttpMethod.PUT, "If-None-Match", "*")).contains("<Condition>If-None-Match</Condition>");
        assertThat(raw(http, SdkHttpMethod.PUT, "If-Match", "\"nope\"")).contains("<Condition>If-Match</Condition>");
        assertThat(raw(http, SdkHttpMethod.DELETE, "If-Match", "\"nope\"")).contains("<Condition>If-Match</Condition>");
        assertThat(raw(http, SdkHttpMethod.GET, "If-Match", "\"nope\"")).contains("<Condition>If-Match</Condition>");
    }

    private static String raw(SimulatedHttpClient http, SdkHttpMethod method, String header, String value) throws Exception {
        byte[] body = method == SdkHttpMethod.PUT ? "w".getBytes(StandardCharsets.UTF_8) : new byte[0];
        HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder().request(SdkHttpFullRequest.builder()
            .method(method).protocol("https").host("cond-wire.s3.us-east-1.amazonaws.com").encodedPath("/k")
            .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDCOND/20260301/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=00")
            .putHeader(header, value).putHeader("Content-Length", Integer.toString(body.length)).build())
            .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();
        assertThat(r.httpResponse().statusCode()).isEqualTo(412);
        return new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "versioned={0}")
    @ValueSource(booleans = {true, false})
    void testPutObjectIfNoneMatch(boolean versioned) {
        s3.createBucket(b -> b.bucket("cond-none"));
        if (versioned) {
            s3.putBucketVersioning(v -> v.bucket("cond-none").versioningConfiguration(c -> c.status("Enabled")));
        }
        s3.putObject(p -> p.bucket("cond-none").key("test_object").ifNoneMatch("*"), RequestBody.fromString("test"));

        assertPreconditionFailed(catchThrowable(() -> s3.putObject(p -> p.bucket("cond-none").key("test_object")
            .ifNoneMatch("*"), RequestBody.fromString("another_test"))), "If-None-Match");
        assertThat(f.sim.s3().objectText("cond-none", "test_object")).isEqualTo("test");
    }

    @Test
    void testPutObjectIfMatch() {
        s3.createBucket(b -> b.bucket("cond-match"));
        String etag = s3.putObject(p -> p.bucket("cond-match").key("test_key"), RequestBody.fromString("test")).eTag();

        assertPreconditionFailed(catchThrowable(() -> s3.putObject(p -> p.bucket("cond-match").key("test_key").ifMatch("test"),
            RequestBody.fromString("test2"))), "If-Match");
        String etag2 = s3.putObject(p -> p.bucket("cond-match").key("test_key").ifMatch(etag), RequestBody.fromString("test2"))
            .eTag();
        assertThat(etag2).isNotEqualTo(etag);
        String etag3 = s3.putObject(p -> p.bucket("cond-match").key("test_key").ifMatch(etag2.replace("\"", "")),
            RequestBody.fromString("test3")).eTag();                       // without quotes
        s3.putObject(p -> p.bucket("cond-match").key("test_key").ifMatch(etag3.substring(1)),
            RequestBody.fromString("test4"));                             // with one quote removed
        assertThat(f.sim.s3().objectText("cond-match", "test_key")).isEqualTo("test4");
        assertThat(code(catchThrowable(() -> s3.putObject(p -> p.bucket("cond-match").key("unknown").ifMatch("test"),
            RequestBody.fromString("test"))))).isEqualTo("NoSuchKey");
    }

    @ParameterizedTest(name = "existing object written by {0}")
    @ValueSource(strings = {"PutObject", "multipart upload"})
    void testMultipartUploadIfNoneMatch(String writer) {
        s3.createBucket(b -> b.bucket("cond-mpu"));
        if (writer.equals("PutObject")) {
            s3.putObject(p -> p.bucket("cond-mpu").key("key.txt"), RequestBody.empty());
        } else {
            completeUpload("key.txt", null);
        }

        assertPreconditionFailed(catchThrowable(() -> completeUpload("key.txt", "*")), "If-None-Match");
    }

    private void completeUpload(String key, String ifNoneMatch) {
        String upload = s3.createMultipartUpload(c -> c.bucket("cond-mpu").key(key)).uploadId();
        String e1 = s3.uploadPart(u -> u.bucket("cond-mpu").key(key).uploadId(upload).partNumber(1),
            RequestBody.fromBytes(new byte[5 * 1024 * 1024])).eTag();
        String e2 = s3.uploadPart(u -> u.bucket("cond-mpu").key(key).uploadId(upload).partNumber(2),
            RequestBody.fromString("1")).eTag();
        s3.completeMultipartUpload(c -> c.bucket("cond-mpu").key(key).uploadId(upload).ifNoneMatch(ifNoneMatch)
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build())));
    }

    @Test
    void testDeleteObjectIfMatch() {
        s3.createBucket(b -> b.bucket("cond-delete"));
        String etag = s3.putObject(p -> p.bucket("cond-delete").key("test_key"), RequestBody.fromString("test")).eTag();

        assertPreconditionFailed(catchThrowable(() -> s3.deleteObject(d -> d.bucket("cond-delete").key("test_key")
            .ifMatch("test"))), "If-Match");
        s3.deleteObject(d -> d.bucket("cond-delete").key("test_key").ifMatch(etag));
        assertThat(f.sim.s3().object("cond-delete", "test_key")).isEmpty();
        assertThat(code(catchThrowable(() -> s3.deleteObject(d -> d.bucket("cond-delete").key("unknown").ifMatch("test")))))
            .isEqualTo("NoSuchKey");
    }
}
