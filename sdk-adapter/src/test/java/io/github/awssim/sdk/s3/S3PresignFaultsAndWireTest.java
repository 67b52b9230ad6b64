package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.services.s3.S3Fault;
import io.github.awssim.core.services.s3.S3Simulator;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteRequest;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned URLs, faults the SDK retries, operations awssim does not simulate (and stubbing them), and
 * what arrives on the wire from hand-built or unusual clients.
 */
class S3PresignFaultsAndWireTest {
    private final S3Fixture f = new S3Fixture(io.github.awssim.core.Simulation.create());
    private final SimulatedHttpClient http = SimulatedHttpClient.create(f.sim);
    private final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIDPRESIGN", "secret"));
    /** Signed for S3 (awssim checks no signature): an unsigned request would be anonymous, and these buckets are private. */
    private static final String SIGNED =
        "AWS4-HMAC-SHA256 Credential=AKIDWIRE/20260301/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00";

    private static SdkHttpFullRequest.Builder signed() {
        return SdkHttpFullRequest.builder().putHeader("Authorization", SIGNED);
    }

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("shared"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    // ---- presigned URLs ----------------------------------------------------------------------

    @Test
    void presignedGetAndPutAreAnsweredFromTheWireAndExpireOnTheSimulationClock() throws Exception {
        f.sim.s3().putObject("shared", "report.csv", "a,b\n");
        try (S3Presigner presigner = S3Presigner.builder().region(f.sim.region()).credentialsProvider(credentials).build()) {
            PresignedGetObjectRequest get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(g -> g.bucket("shared").key("report.csv")));
            assertThat(get.isBrowserExecutable()).isTrue();
            assertThat(get.url().getHost()).isEqualTo("shared.s3.amazonaws.com");
            HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder().request(get.httpRequest()).build()).call();
            assertThat(r.httpResponse().statusCode()).isEqualTo(200);
            assertThat(new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n");

            PresignedPutObjectRequest put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                .putObjectRequest(o -> o.bucket("shared").key("upload.txt").contentType("text/plain")));
            byte[] body = "uploaded through a URL".getBytes(StandardCharsets.UTF_8);
            HttpExecuteResponse stored = http.prepareRequest(HttpExecuteRequest.builder()
                .request(put.httpRequest().toBuilder().putHeader("Content-Length", Integer.toString(body.length)).build())
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();
            assertThat(stored.httpResponse().statusCode()).isEqualTo(200);
            assertThat(f.sim.s3().objectText("shared", "upload.txt")).isEqualTo("uploaded through a URL");

            f.sim.clock().advance(Duration.ofMinutes(11));
            HttpExecuteResponse late = http.prepareRequest(HttpExecuteRequest.builder().request(get.httpRequest()).build()).call();
            assertThat(late.httpResponse().statusCode()).isEqualTo(403);
            assertThat(new String(late.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .contains("<Code>AccessDenied</Code>").contains("Request has expired");
        }
    }

    // ---- faults ------------------------------------------------------------------------------

    @Test
    void slowDownIsRetriedByTheSdkOnTheSimulationsClock() {
        try (S3Client retrying = SimulatedClients.create(f.sim, S3Client.class)) {
            f.sim.s3().failNext(2, S3Fault.SLOW_DOWN);
            retrying.putObject(b -> b.bucket("shared").key("k"), RequestBody.fromString("v"));
        }
        assertThat(f.sim.journal().last().attemptCount()).isEqualTo(3);
        assertThat(f.sim.journal().last().attempts().get(0).outcome()).isInstanceOfSatisfying(Outcome.ServiceError.class,
            e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(f.sim.s3().objectText("shared", "k")).isEqualTo("v");
    }

    @Test
    void faultsStrikeOnlyTheOperationTheyName() {
        f.sim.s3().failNext("GetObject", 1, S3Fault.INTERNAL_ERROR);
        f.s3.putObject(b -> b.bucket("shared").key("k"), RequestBody.fromString("v"));
        assertThatThrownBy(() -> f.s3.getObjectAsBytes(b -> b.bucket("shared").key("k")))
            .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(500));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("shared").key("k")).asUtf8String()).isEqualTo("v");
        assertThatThrownBy(() -> f.sim.s3().failNext("NoSuchOperation", 1, S3Fault.SLOW_DOWN))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("awssim: S3 has no operation");
    }

    // ---- operations awssim does not simulate -------------------------------------------------

    @Test
    void anUnsimulatedOperationSaysSoAndCanBeStubbed() {
        assertThatThrownBy(() -> f.s3.getBucketWebsite(b -> b.bucket("shared")))
            .isInstanceOf(S3Exception.class)
            .hasMessageStartingWith("awssim: S3.GetBucketWebsite is not simulated")
            .hasMessageContaining("getBucketWebsite(GetBucketWebsiteRequest)")
            .satisfies(e -> assertThat(code(e)).isEqualTo("AwssimNotSimulated"));

        S3Simulator stubbed = spy(f.sim.s3());
        doReturn(GetBucketWebsiteResponse.builder().indexDocument(d -> d.suffix("home.html")).build())
            .when(stubbed).getBucketWebsite(any(GetBucketWebsiteRequest.class));
        f.sim.register(S3Client.class, stubbed);

        assertThat(f.s3.getBucketWebsite(b -> b.bucket("shared")).indexDocument().suffix()).isEqualTo("home.html");
        // Everything else is still the simulator, sharing its state with the spy.
        f.s3.putObject(b -> b.bucket("shared").key("after-stub"), RequestBody.fromString("v"));
        assertThat(f.sim.s3().objectText("shared", "after-stub")).isEqualTo("v");
    }

    // ---- the wire ----------------------------------------------------------------------------

    @Test
    void plainHttpEndpointsSignEveryChunkAndLocalhostNamesCarryTheBucket() {
        try (S3Client pathStyle = S3Client.builder().httpClient(http).region(f.sim.region()).credentialsProvider(credentials)
                .endpointOverride(URI.create("http://localhost:4566")).forcePathStyle(true).build();
             S3Client virtual = S3Client.builder().httpClient(http).region(f.sim.region()).credentialsProvider(credentials)
                 .endpointOverride(URI.create("http://localhost:4566")).build()) {
            // Over http the SDK signs each chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER).
            pathStyle.putObject(b -> b.bucket("shared").key("signed"), RequestBody.fromString("signed chunks"));
            assertThat(virtual.getObjectAsBytes(b -> b.bucket("shared").key("signed")).asUtf8String()).isEqualTo("signed chunks");
        }
    }

    @Test
    void requestsAwssimCannotMatchGetAnS3ErrorDocument() throws Exception {
        HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.PATCH).protocol("https").host("shared.s3.amazonaws.com").encodedPath("/k").build()).build()).call();
        assertThat(r.httpResponse().statusCode()).isEqualTo(400);
        String body = new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("<?xml").contains("<Error><Code>UnknownOperationException</Code>")
            .contains("awssim: S3 has no operation bound to PATCH /shared/k");
        assertThat(r.httpResponse().firstMatchingHeader("x-amz-request-id")).isPresent();

        byte[] junk = "<Tagging><TagSet><Tag>".getBytes(StandardCharsets.UTF_8);
        HttpExecuteResponse malformed = http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.PUT).protocol("https").host("s3.amazonaws.com").encodedPath("/shared")
            .putRawQueryParameter("tagging", "").putHeader("Content-Length", Integer.toString(junk.length)).build())
            .contentStreamProvider(() -> new ByteArrayInputStream(junk)).build()).call();
        assertThat(malformed.httpResponse().statusCode()).isEqualTo(400);
        assertThat(new String(malformed.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<Code>MalformedXML</Code>");
    }

    @Test
    void bucketCreationDatesAreWholeSecondsAsS3KeepsThemEvenOnALiveClock() {
        f.s3.createBucket(b -> b.bucket("created-now"));   // this fixture's clock follows wall time, nanoseconds and all

        assertThat(f.s3.listBuckets().buckets()).filteredOn(b -> b.name().equals("created-now")).singleElement()
            .satisfies(b -> assertThat(b.creationDate().getNano()).isZero());
    }

    @Test
    void aListHeaderSentAsOneCommaSeparatedValueIsReadAsItsElements() throws Exception {
        // botocore and the JavaScript SDK send x-amz-object-attributes so; the Java SDK one header line per element
        f.sim.s3().putObject("shared", "attrs", "twelve bytes");
        HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.GET).protocol("https").host("shared.s3.us-east-1.amazonaws.com").encodedPath("/attrs")
            .putRawQueryParameter("attributes", (String) null).putHeader("x-amz-object-attributes", "ETag, ObjectSize,StorageClass")
            .build()).build()).call();

        assertThat(r.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<ETag>").contains("<ObjectSize>12</ObjectSize>").contains("<StorageClass>STANDARD</StorageClass>");
    }

    @Test
    void xmlAnswersCarryS3sNamespaceOnTheRootElementAndErrorDocumentsNone() throws Exception {
        // What an XML reader other than the SDK (a presigned URL fetched by hand, a namespace-aware parser) sees.
        f.sim.s3().putObject("shared", "k", "v");
        HttpExecuteResponse listing = http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.GET).protocol("https").host("shared.s3.us-east-1.amazonaws.com").encodedPath("/")
            .putRawQueryParameter("list-type", "2").build()).build()).call();
        assertThat(listing.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(listing.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">").contains("<Key>k</Key>");

        HttpExecuteResponse missing = http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.GET).protocol("https").host("shared.s3.us-east-1.amazonaws.com").encodedPath("/nope")
            .build()).build()).call();
        assertThat(missing.httpResponse().statusCode()).isEqualTo(404);
        assertThat(new String(missing.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<Error><Code>NoSuchKey</Code>").doesNotContain("xmlns");
    }

    @Test
    void aCrc64NvmeTrailerIsVerifiedAndStoredEvenWithoutAwsCrt() throws Exception {
        // The SDK computes CRC64NVME only with aws-crt on the classpath; a client that has it sends this body.
        byte[] data = "crc64 in a trailer".getBytes(StandardCharsets.UTF_8);
        io.github.awssim.core.internal.Crc64Nvme crc = new io.github.awssim.core.internal.Crc64Nvme();
        crc.update(data, 0, data.length);
        String good = java.util.Base64.getEncoder().encodeToString(crc.bytes());
        assertThat(putChunked("good", data, good).httpResponse().statusCode()).isEqualTo(200);
        assertThat(f.sim.s3().object("shared", "good")).get().satisfies(o -> {
            assertThat(o.checksumAlgorithm()).isEqualTo("CRC64NVME");
            assertThat(o.checksum()).isEqualTo(good);
        });

        HttpExecuteResponse bad = putChunked("bad", data, "AAAAAAAAAAA=");
        assertThat(bad.httpResponse().statusCode()).isEqualTo(400);
        assertThat(new String(bad.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<Code>BadDigest</Code>").contains("CRC64NVME");
        assertThat(f.sim.s3().object("shared", "bad")).isEmpty();
    }

    @Test
    void chunksThatDecodeToAnotherLengthThanDeclaredAreIncompleteBodyAndNothingIsStored() throws Exception {
        byte[] data = "twenty bytes of data".getBytes(StandardCharsets.UTF_8);
        io.github.awssim.core.internal.Crc64Nvme crc = new io.github.awssim.core.internal.Crc64Nvme();
        crc.update(data, 0, data.length);
        String checksum = java.util.Base64.getEncoder().encodeToString(crc.bytes());

        HttpExecuteResponse r = putChunked("short", data, checksum, data.length + 5);
        assertThat(r.httpResponse().statusCode()).isEqualTo(400);
        assertThat(new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<Code>IncompleteBody</Code>").contains("x-amz-decoded-content-length");
        assertThat(f.sim.s3().object("shared", "short")).isEmpty();
    }

    @Test
    void aTrailerAnnouncedButNotSentIsInvalidRequestAndNothingIsStored() throws Exception {
        byte[] data = "no trailer follows".getBytes(StandardCharsets.UTF_8);

        HttpExecuteResponse r = putChunked("untrailed", data, null);
        assertThat(r.httpResponse().statusCode()).isEqualTo(400);
        assertThat(new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<Code>InvalidRequest</Code>").contains("x-amz-checksum-crc64nvme");
        assertThat(f.sim.s3().object("shared", "untrailed")).isEmpty();
    }

    @Test
    void aChunkHeaderThatIsNoHexSizeIsInvalidChunkSizeErrorAndNothingIsStored() throws Exception {
        byte[] body = "zz\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        HttpExecuteResponse r = putRawChunked("garbled", body, 5);
        assertThat(r.httpResponse().statusCode()).isEqualTo(400);
        assertThat(new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
            .contains("<Code>InvalidChunkSizeError</Code>").contains("'zz'");
        assertThat(f.sim.s3().object("shared", "garbled")).isEmpty();

        // the same body with a well-formed size is stored: only the header made the difference
        HttpExecuteResponse ok = putRawChunked("garbled", "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 5);
        assertThat(ok.httpResponse().statusCode()).isEqualTo(200);
        assertThat(f.sim.s3().objectText("shared", "garbled")).isEqualTo("hello");
    }

    /** An unsigned aws-chunked PutObject without a trailer, its body exactly as given. */
    private HttpExecuteResponse putRawChunked(String key, byte[] bytes, long decodedLength) throws Exception {
        return http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.PUT).protocol("https").host("shared.s3.us-east-1.amazonaws.com").encodedPath("/" + key)
            .putHeader("Content-Encoding", "aws-chunked").putHeader("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD")
            .putHeader("x-amz-decoded-content-length", Long.toString(decodedLength))
            .putHeader("Content-Length", Integer.toString(bytes.length)).build())
            .contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build()).call();
    }

    /** An unsigned aws-chunked PutObject in two chunks with a CRC64NVME trailer (none when null), as the SDK (with aws-crt) sends it. */
    private HttpExecuteResponse putChunked(String key, byte[] data, String trailerValue) throws Exception {
        return putChunked(key, data, trailerValue, data.length);
    }

    private HttpExecuteResponse putChunked(String key, byte[] data, String trailerValue, long decodedLength) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int half = data.length / 2;
        body.writeBytes((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(data, 0, half);
        body.writeBytes(("\r\n" + Integer.toHexString(data.length - half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(data, half, data.length - half);
        String trailer = trailerValue == null ? "" : "x-amz-checksum-crc64nvme:" + trailerValue + "\r\n";
        body.writeBytes(("\r\n0\r\n" + trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();
        return http.prepareRequest(HttpExecuteRequest.builder().request(signed()
            .method(SdkHttpMethod.PUT).protocol("https").host("shared.s3.us-east-1.amazonaws.com").encodedPath("/" + key)
            .putHeader("Content-Encoding", "aws-chunked").putHeader("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
            .putHeader("x-amz-decoded-content-length", Long.toString(decodedLength))
            .putHeader("x-amz-trailer", "x-amz-checksum-crc64nvme").putHeader("x-amz-sdk-checksum-algorithm", "CRC64NVME")
            .putHeader("Content-Length", Integer.toString(bytes.length)).build())
            .contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build()).call();
    }
}
