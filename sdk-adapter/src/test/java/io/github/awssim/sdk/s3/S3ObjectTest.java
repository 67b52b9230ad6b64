package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.services.s3.StoredObject;
import io.github.awssim.sdk.SimulatedClients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Object scenarios through real S3 clients, in the spirit of adobe/S3Mock's GetPutDeleteObject suite and
 * moto's conditional tests: what is stored and answered, conditional reads and writes in S3's precedence,
 * ranges, checksums, and deletes.
 */
class S3ObjectTest {
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("objects"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static String md5(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void putThenGetAndHeadAnswerWhatWasStoredBothAddressingStyles() {
        for (S3Client c : f.syncClients()) {
            PutObjectResponse put = c.putObject(b -> b.bucket("objects").key("dir/a b+c%.txt").contentType("text/csv")
                .metadata(Map.of("owner", "billing", "run", "7")).cacheControl("no-cache"), RequestBody.fromString("h,u\n1,2\n"));
            ResponseBytes<GetObjectResponse> got = c.getObjectAsBytes(b -> b.bucket("objects").key("dir/a b+c%.txt"));
            assertThat(got.asUtf8String()).isEqualTo("h,u\n1,2\n");
            assertThat(got.response().eTag()).isEqualTo(put.eTag());
            assertThat(got.response().contentType()).isEqualTo("text/csv");
            assertThat(got.response().metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "billing", "run", "7"));
            assertThat(got.response().cacheControl()).isEqualTo("no-cache");
            assertThat(got.response().lastModified()).isEqualTo(S3Fixture.START);
            HeadObjectResponse head = c.headObject(b -> b.bucket("objects").key("dir/a b+c%.txt"));
            assertThat(head.contentLength()).isEqualTo(8);
            assertThat(head.eTag()).isEqualTo(put.eTag());
            assertThat(head.acceptRanges()).isEqualTo("bytes");
        }
        assertThat(f.sim.s3().objectText("objects", "dir/a b+c%.txt")).isEqualTo("h,u\n1,2\n");
    }

    @Test
    void theEtagOfASinglePutIsTheMd5OfTheBody() throws Exception {
        PutObjectResponse put = f.s3.putObject(b -> b.bucket("objects").key("k"), RequestBody.fromString("hello"));
        String hex = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(put.eTag()).isEqualTo("\"" + hex + "\"");
        // SDK defaults since 2.30: CRC32 computed by the client, sent as an aws-chunked trailer, stored and answered.
        assertThat(put.checksumCRC32()).isNotNull();
        assertThat(f.sim.s3().object("objects", "k")).get().extracting(StoredObject::checksumAlgorithm).isEqualTo("CRC32");
    }

    @Test
    void missingKeysAnd404sHeadsHaveNoBody() {
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("missing")))
            .isInstanceOf(NoSuchKeyException.class).hasMessageStartingWith("The specified key does not exist.");
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("objects").key("missing")))
            .isInstanceOf(NoSuchKeyException.class)
            .satisfies(e -> {
                software.amazon.awssdk.core.SdkBytes raw = ((S3Exception) e).awsErrorDetails().rawResponse();
                assertThat(raw == null ? new byte[0] : raw.asByteArray()).isEmpty();
                // with no body, the status line's reason phrase is S3's
                assertThat(((S3Exception) e).awsErrorDetails().sdkHttpResponse().statusText()).contains("Not Found");
            });
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("nope").key("k")))
            .isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchBucketException.class);
    }

    @Test
    void everyAnswerCarriesS3RequestIds() {
        f.s3.putObject(b -> b.bucket("objects").key("k"), RequestBody.fromString("v"));
        GetObjectResponse r = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("k")).response();
        assertThat(r.responseMetadata().requestId()).matches("[0-9A-F]{16}");
        assertThat(r.responseMetadata().extendedRequestId()).isNotBlank();
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("missing")))
            .satisfies(e -> {
                assertThat(((S3Exception) e).requestId()).matches("[0-9A-F]{16}");
                assertThat(((S3Exception) e).extendedRequestId()).isNotBlank();
            });
    }

    // ---- conditional reads -------------------------------------------------------------------

    @Test
    void conditionalGetsFollowS3Precedence() {
        String eTag = f.s3.putObject(b -> b.bucket("objects").key("c"), RequestBody.fromString("v")).eTag();
        Instant modified = S3Fixture.START;
        Instant before = modified.minus(Duration.ofHours(1));
        Instant after = modified.plus(Duration.ofHours(1));
        f.sim.clock().advance(Duration.ofHours(2));

        // If-Match true wins over If-Unmodified-Since false: 200.
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("c").ifMatch(eTag).ifUnmodifiedSince(before))
            .asUtf8String()).isEqualTo("v");
        // unquoted and wildcard ETags match
        f.s3.getObjectAsBytes(b -> b.bucket("objects").key("c").ifMatch(eTag.replace("\"", "")));
        f.s3.getObjectAsBytes(b -> b.bucket("objects").key("c").ifMatch("*"));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("c").ifMatch("\"other\"")))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(412);
                assertThat(code(e)).isEqualTo("PreconditionFailed");
            });
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("c").ifUnmodifiedSince(before)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        // If-None-Match false (it matches) wins over If-Modified-Since true: 304, no body.
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("c").ifNoneMatch(eTag).ifModifiedSince(before)))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(304);
                assertThat(((S3Exception) e).awsErrorDetails().sdkHttpResponse().firstMatchingHeader("ETag")).contains(eTag);
            });
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("c").ifModifiedSince(after)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(304));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("c").ifModifiedSince(before)).asUtf8String()).isEqualTo("v");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("c").ifNoneMatch("\"other\"")).asUtf8String()).isEqualTo("v");
        // HEAD answers the same statuses, bodiless
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("objects").key("c").ifNoneMatch("*")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(304));
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("objects").key("c").ifMatch("\"x\"")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("c").ifMatch(eTag).ifUnmodifiedSince(before)).eTag()).isEqualTo(eTag);
    }

    @Test
    void ifNoneMatchThatHoldsMakesIfModifiedSinceIrrelevant() {
        f.s3.putObject(b -> b.bucket("objects").key("c"), RequestBody.fromString("v"));
        Instant after = S3Fixture.START.plus(Duration.ofHours(1));
        f.sim.clock().advance(Duration.ofHours(2));

        // alone, If-Modified-Since false is 304 ...
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("c").ifModifiedSince(after)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(304));
        // ... but with an If-None-Match that holds (no ETag matches), S3 evaluates If-None-Match only: 200
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("c").ifNoneMatch("\"other\"").ifModifiedSince(after))
            .asUtf8String()).isEqualTo("v");
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("c").ifNoneMatch("\"other\"").ifModifiedSince(after))
            .contentLength()).isEqualTo(1L);
    }

    // ---- conditional writes ------------------------------------------------------------------

    @Test
    void conditionalPutsLetOneWriterWin() {
        PutObjectResponse first = f.s3.putObject(b -> b.bucket("objects").key("once").ifNoneMatch("*"), RequestBody.fromString("1"));
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("once").ifNoneMatch("*"), RequestBody.fromString("2")))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(412);
                assertThat(code(e)).isEqualTo("PreconditionFailed");
            });
        f.s3.putObject(b -> b.bucket("objects").key("once").ifMatch(first.eTag()), RequestBody.fromString("3"));
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("once").ifMatch(first.eTag()), RequestBody.fromString("4")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("absent").ifMatch(first.eTag()), RequestBody.fromString("5")))
            .isInstanceOf(NoSuchKeyException.class);
        assertThat(f.sim.s3().objectText("objects", "once")).isEqualTo("3");
    }

    @Test
    void aConditionalWriteTakesOnlyIfNoneMatchStar() {
        String eTag = f.s3.putObject(b -> b.bucket("objects").key("only-star"), RequestBody.fromString("1")).eTag();

        // S3 implements If-None-Match on writes for "*" alone; an ETag there is 501 NotImplemented, not a 412.
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("only-star").ifNoneMatch(eTag),
            RequestBody.fromString("2")))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(501);
                assertThat(code(e)).isEqualTo("NotImplemented");
            })
            .hasMessageStartingWith("A header you provided implies functionality that is not implemented");
        assertThat(f.sim.s3().objectText("objects", "only-star")).isEqualTo("1");
    }

    @Test
    void conditionalDeletes() {
        String eTag = f.s3.putObject(b -> b.bucket("objects").key("d"), RequestBody.fromString("v")).eTag();
        assertThatThrownBy(() -> f.s3.deleteObject(b -> b.bucket("objects").key("d").ifMatch("\"nope\"")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        assertThatThrownBy(() -> f.s3.deleteObject(b -> b.bucket("objects").key("d").ifMatchSize(99L)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        f.s3.deleteObject(b -> b.bucket("objects").key("d").ifMatch(eTag));
        assertThat(f.sim.s3().object("objects", "d")).isEmpty();
        // A delete of a key that is not there answers 204 all the same.
        assertThat(f.s3.deleteObject(b -> b.bucket("objects").key("d")).sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> f.s3.deleteObject(b -> b.bucket("objects").key("d").ifMatch("*")))
            .isInstanceOf(NoSuchKeyException.class);
    }

    // ---- ranges ------------------------------------------------------------------------------

    @Test
    void singleRangesSuffixRangesAnd416() {
        f.s3.putObject(b -> b.bucket("objects").key("r"), RequestBody.fromString("0123456789"));
        ResponseBytes<GetObjectResponse> mid = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=2-5"));
        assertThat(mid.asUtf8String()).isEqualTo("2345");
        assertThat(mid.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(mid.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=-3")).asUtf8String()).isEqualTo("789");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=8-100")).asUtf8String()).isEqualTo("89");
        // several ranges: S3 serves the whole object
        ResponseBytes<GetObjectResponse> many = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=0-1,4-5"));
        assertThat(many.asUtf8String()).isEqualTo("0123456789");
        assertThat(many.response().sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("r").range("bytes=10-")))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(416);
                assertThat(code(e)).isEqualTo("InvalidRange");
            });
        HeadObjectResponse head = f.s3.headObject(b -> b.bucket("objects").key("r").range("bytes=0-0"));
        assertThat(head.contentLength()).isEqualTo(1);
        assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("r")).sdkHttpResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void aRangeAndAPartNumberTogetherAreInvalidRequest() {
        f.s3.putObject(b -> b.bucket("objects").key("rp"), RequestBody.fromString("0123456789"));

        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("rp").range("bytes=0-1").partNumber(1)))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(400);
                assertThat(code(e)).isEqualTo("InvalidRequest");
            })
            .hasMessageStartingWith("Cannot specify both Range header and partNumber query parameter");
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("objects").key("rp").range("bytes=0-1").partNumber(1)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400));
        // each alone is served
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("rp").partNumber(1)).asUtf8String()).isEqualTo("0123456789");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("rp").range("bytes=0-1")).asUtf8String()).isEqualTo("01");
    }

    @Test
    void aSuffixRangeLongerThanTheObjectServesAllOfIt() {
        f.s3.putObject(b -> b.bucket("objects").key("r"), RequestBody.fromString("0123456789"));

        ResponseBytes<GetObjectResponse> all = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=-20"));

        assertThat(all.asUtf8String()).isEqualTo("0123456789");
        assertThat(all.response().contentRange()).isEqualTo("bytes 0-9/10");
        assertThat(all.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("r").range("bytes=-20")).contentLength()).isEqualTo(10L);
    }

    @Test
    void aRangeS3CannotParseServesTheWholeObjectAndOneByteRangesServeOneByte() {
        f.s3.putObject(b -> b.bucket("objects").key("r"), RequestBody.fromString("0123456789"));

        // S3 ignores a range it cannot parse, or whose end comes before its start (versity/versitygw#1120,
        // noobaa/noobaa-core#9889), and serves bytes=a-a as the one byte at a (versity/versitygw#811).
        for (String ignored : List.of("bytes=invalid-range", "bytes=7-3", "bytes=1-0")) {
            ResponseBytes<GetObjectResponse> all = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range(ignored));
            assertThat(all.asUtf8String()).as(ignored).isEqualTo("0123456789");
            assertThat(all.response().sdkHttpResponse().statusCode()).as(ignored).isEqualTo(200);
            assertThat(all.response().contentRange()).as(ignored).isNull();
        }
        ResponseBytes<GetObjectResponse> one = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("r").range("bytes=4-4"));
        assertThat(one.asUtf8String()).isEqualTo("4");
        assertThat(one.response().contentRange()).isEqualTo("bytes 4-4/10");
        // a first byte past the end is 416 with S3's words (versity/versitygw#1004)
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("r").range("bytes=100-200")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRange"))
            .hasMessageStartingWith("The requested range is not satisfiable");
    }

    @Test
    void aPartNumberReadOfAKeyWithOnlyAnUnfinishedUploadIsNoSuchKey() {
        // versity/versitygw#1520: the parts of an upload in progress are not an object
        String id = f.s3.createMultipartUpload(b -> b.bucket("objects").key("mp")).uploadId();
        f.s3.uploadPart(b -> b.bucket("objects").key("mp").uploadId(id).partNumber(1), RequestBody.fromString("part"));

        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("objects").key("mp").partNumber(1)))
            .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("mp").partNumber(1)))
            .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aByteRangeOfAnEmptyObjectIsUnsatisfiableAndASuffixServesIt() {
        f.s3.putObject(b -> b.bucket("objects").key("empty"), RequestBody.empty());

        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("objects").key("empty").range("bytes=0-")))
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(416);
                assertThat(code(e)).isEqualTo("InvalidRange");
            });
        ResponseBytes<GetObjectResponse> suffix = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("empty").range("bytes=-5"));
        assertThat(suffix.asByteArray()).isEmpty();
        assertThat(suffix.response().sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("empty")).asByteArray()).isEmpty();
    }

    // ---- checksums ---------------------------------------------------------------------------

    @Test
    void checksumModeEnabledIsValidatedByTheClient() {
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
            ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256}) {
            f.s3.putObject(b -> b.bucket("objects").key("sum-" + algorithm).checksumAlgorithm(algorithm),
                RequestBody.fromString("checksummed " + algorithm));
            ResponseBytes<GetObjectResponse> got = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("sum-" + algorithm)
                .checksumMode(ChecksumMode.ENABLED));
            assertThat(got.asUtf8String()).isEqualTo("checksummed " + algorithm);
            assertThat(got.response().checksumType().toString()).isEqualTo("FULL_OBJECT");
            // The client validates only a checksum the answer carries: it must be there, and be the body's.
            assertThat(answeredChecksum(got.response(), algorithm)).as(algorithm.toString())
                .isEqualTo(expectedChecksum(algorithm, "checksummed " + algorithm));
        }
        // Without ChecksumMode the answer carries no checksum.
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("sum-CRC32")).response().checksumCRC32()).isNull();
    }

    /** The checksum of {@code algorithm} an answer carries, or null. */
    static String answeredChecksum(GetObjectResponse response, ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> response.checksumCRC32();
            case CRC32_C -> response.checksumCRC32C();
            case SHA1 -> response.checksumSHA1();
            case SHA256 -> response.checksumSHA256();
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }

    /** The base64 checksum S3 answers for {@code body}, computed here with the JDK, not with awssim's code. */
    static String expectedChecksum(ChecksumAlgorithm algorithm, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = switch (algorithm) {
                case CRC32, CRC32_C -> {
                    java.util.zip.Checksum crc = algorithm == ChecksumAlgorithm.CRC32 ? new java.util.zip.CRC32() : new java.util.zip.CRC32C();
                    crc.update(bytes, 0, bytes.length);
                    yield java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
                }
                case SHA1 -> MessageDigest.getInstance("SHA-1").digest(bytes);
                case SHA256 -> MessageDigest.getInstance("SHA-256").digest(bytes);
                default -> throw new IllegalArgumentException(algorithm.toString());
            };
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void objectsSentWithoutAChecksumStoreS3sDefaultCrc64Nvme() {
        try (S3Client plain = SimulatedClients.of(f.sim)
            .configure(S3BaseClientBuilder.class, b -> b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED))
            .create(S3Client.class)) {
            plain.putObject(b -> b.bucket("objects").key("plain"), RequestBody.fromString("no checksum sent"));
        }
        assertThat(f.sim.s3().object("objects", "plain")).get().extracting(StoredObject::checksumAlgorithm).isEqualTo("CRC64NVME");
    }

    @Test
    void wrongChecksumsAndDigestsAreRefused() throws Exception {
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("bad-crc").checksumCRC32("AAAAAA=="),
            RequestBody.fromString("data")))
            .satisfies(e -> {
                assertThat(code(e)).isEqualTo("BadDigest");
                assertThat(status(e)).isEqualTo(400);
            })
            .hasMessageContaining("CRC32 you specified did not match");
        String otherMd5 = md5("other");
        String dataMd5 = md5("data");
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("bad-md5").contentMD5(otherMd5),
            RequestBody.fromString("data")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"));
        f.s3.putObject(b -> b.bucket("objects").key("good-md5").contentMD5(dataMd5), RequestBody.fromString("data"));
        assertThat(f.sim.s3().object("objects", "bad-crc")).isEmpty();
    }

    @Test
    void neverAnswersAppendMd5() {
        f.s3.putObject(b -> b.bucket("objects").key("k"), RequestBody.fromString("v"));
        SdkHttpResponse http = f.s3.getObjectAsBytes(b -> b.bucket("objects").key("k")).response().sdkHttpResponse();
        assertThat(http.firstMatchingHeader("x-amz-transfer-encoding")).isEmpty();
    }

    // ---- misc --------------------------------------------------------------------------------

    @Test
    void responseOverridesAndTheInputStreamForm() throws Exception {
        f.s3.putObject(b -> b.bucket("objects").key("o").contentType("text/plain"), RequestBody.fromString("body"));
        try (ResponseInputStream<GetObjectResponse> in = f.s3.getObject(b -> b.bucket("objects").key("o")
            .responseContentType("application/x-custom").responseContentDisposition("attachment; filename=o.txt"))) {
            assertThat(in.response().contentType()).isEqualTo("application/x-custom");
            assertThat(in.response().contentDisposition()).isEqualTo("attachment; filename=o.txt");
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("body");
        }
    }

    @Test
    void headObjectAnswersTheResponseOverridesAsGetObjectDoes() {
        f.s3.putObject(b -> b.bucket("objects").key("h").contentType("text/plain").cacheControl("no-cache"),
            RequestBody.fromString("body"));
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");
        HeadObjectResponse head = f.s3.headObject(b -> b.bucket("objects").key("h").responseContentType("text/csv")
            .responseCacheControl("max-age=60").responseContentDisposition("attachment; filename=h.csv")
            .responseContentEncoding("identity").responseContentLanguage("en").responseExpires(expires));
        assertThat(head.contentType()).isEqualTo("text/csv");
        assertThat(head.cacheControl()).isEqualTo("max-age=60");
        assertThat(head.contentDisposition()).isEqualTo("attachment; filename=h.csv");
        assertThat(head.contentEncoding()).isEqualTo("identity");
        assertThat(head.contentLanguage()).isEqualTo("en");
        assertThat(head.expires()).isEqualTo(expires);
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("h")).cacheControl()).isEqualTo("no-cache");
    }

    @Test
    void userMetadataKeysAreStoredInLowercase() {
        f.s3.putObject(b -> b.bucket("objects").key("m").metadata(Map.of("MyKey", "v")), RequestBody.fromString("v"));
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("m")).metadata()).isEqualTo(Map.of("mykey", "v"));
        f.s3.copyObject(b -> b.sourceBucket("objects").sourceKey("m").destinationBucket("objects").destinationKey("m")
            .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("Replaced-Key", "w")));
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("m")).metadata()).isEqualTo(Map.of("replaced-key", "w"));
        f.sim.s3().minimumPartSize(1);
        String id = f.s3.createMultipartUpload(b -> b.bucket("objects").key("mpu").metadata(Map.of("UploadKey", "u")))
            .uploadId();
        String eTag = f.s3.uploadPart(b -> b.bucket("objects").key("mpu").uploadId(id).partNumber(1), RequestBody.fromString("p"))
            .eTag();
        f.s3.completeMultipartUpload(b -> b.bucket("objects").key("mpu").uploadId(id)
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        assertThat(f.s3.headObject(b -> b.bucket("objects").key("mpu")).metadata()).isEqualTo(Map.of("uploadkey", "u"));
    }

    @Test
    void archivedObjectsAreDescribedButNeitherReadNorCopied() {
        for (StorageClass archived : new StorageClass[] {StorageClass.GLACIER, StorageClass.DEEP_ARCHIVE}) {
            String key = "cold-" + archived;
            f.s3.putObject(b -> b.bucket("objects").key(key).storageClass(archived), RequestBody.fromString("frozen"));
            assertThatThrownBy(() -> f.s3.getObjectAsBytes(b -> b.bucket("objects").key(key)))
                .isInstanceOf(InvalidObjectStateException.class)
                .satisfies(e -> {
                    assertThat(status(e)).isEqualTo(403);
                    assertThat(code(e)).isEqualTo("InvalidObjectState");
                })
                .hasMessageStartingWith("The operation is not valid for the object's storage class");
            assertThat(f.s3.headObject(b -> b.bucket("objects").key(key)).storageClass()).isEqualTo(archived);
            assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("objects").sourceKey(key)
                .destinationBucket("objects").destinationKey("thawed")))
                .isInstanceOf(InvalidObjectStateException.class);
            String id = f.s3.createMultipartUpload(b -> b.bucket("objects").key("thawed")).uploadId();
            assertThatThrownBy(() -> f.s3.uploadPartCopy(b -> b.sourceBucket("objects").sourceKey(key)
                .destinationBucket("objects").destinationKey("thawed").uploadId(id).partNumber(1)))
                .isInstanceOf(InvalidObjectStateException.class);
        }
        // Instant-retrieval classes are read as any other.
        f.s3.putObject(b -> b.bucket("objects").key("ir").storageClass(StorageClass.GLACIER_IR), RequestBody.fromString("warm"));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("objects").key("ir")).asUtf8String()).isEqualTo("warm");
    }

    @Test
    void keyAndMetadataLimits() {
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("k".repeat(1025)), RequestBody.fromString("v")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("KeyTooLongError"));
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("m").metadata(Map.of("big", "x".repeat(2100))),
            RequestBody.fromString("v")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MetadataTooLarge"));
    }

    @Test
    void keysAndMetadataAreMeasuredInUtf8BytesKeysIncluded() {
        f.s3.putObject(b -> b.bucket("objects").key("k".repeat(1024)), RequestBody.fromString("v"));   // at the limit
        String twoByteKey = "\u00e9".repeat(513);                                                      // 513 chars, 1026 bytes
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key(twoByteKey), RequestBody.fromString("v")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("KeyTooLongError"));

        f.s3.putObject(b -> b.bucket("objects").key("at-limit").metadata(Map.of("a", "x".repeat(2047))),
            RequestBody.fromString("v"));                                                               // 1 + 2047 bytes
        // 100 bytes of key and 1990 of value: over 2 KB only when the key counts, as S3 counts it
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("m").metadata(Map.of("k".repeat(100), "x".repeat(1990))),
            RequestBody.fromString("v")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MetadataTooLarge"));
        assertThat(f.sim.s3().object("objects", "m")).isEmpty();
    }

    @Test
    void aFailedUploadLeavesNothingBehind() {
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("k").checksumSHA256("AAAA"),
            RequestBody.fromString("v"))).isInstanceOf(S3Exception.class);
        assertThat(f.sim.s3().objects("objects")).isEmpty();
        assertThatThrownBy(() -> f.sim.s3().objectBytes("objects", "k")).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aBadTrailerChecksumIsBadDigest() {
        // The bytes change on the way after the client computed its CRC32 trailer: S3 answers BadDigest.
        try (S3Client tampering = S3Client.builder().httpClient(new FlipFirstDataByte(
                io.github.awssim.sdk.SimulatedHttpClient.create(f.sim)))
            .region(f.sim.region()).credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "secret")))
            .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
            .build()) {
            assertThatThrownBy(() -> tampering.putObject(b -> b.bucket("objects").key("t"), RequestBody.fromString("payload")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"))
                .hasMessageContaining("x-amz-checksum-crc32");
        }
        assertThat(f.sim.s3().object("objects", "t")).isEmpty();
    }

    /** An HTTP client that corrupts the first data byte of an aws-chunked body on its way to awssim. */
    private static final class FlipFirstDataByte implements software.amazon.awssdk.http.SdkHttpClient {
        private final software.amazon.awssdk.http.SdkHttpClient delegate;

        FlipFirstDataByte(software.amazon.awssdk.http.SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public software.amazon.awssdk.http.ExecutableHttpRequest prepareRequest(software.amazon.awssdk.http.HttpExecuteRequest r) {
            if (r.contentStreamProvider().isEmpty()) {
                return delegate.prepareRequest(r);
            }
            byte[] body;
            try (java.io.InputStream in = r.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (int i = 0; i + 1 < body.length; i++) {
                if (body[i] == '\r' && body[i + 1] == '\n') {
                    body[i + 2] ^= 0x20;
                    break;
                }
            }
            return delegate.prepareRequest(software.amazon.awssdk.http.HttpExecuteRequest.builder().request(r.httpRequest())
                .contentStreamProvider(() -> new java.io.ByteArrayInputStream(body)).build());
        }

        @Override
        public String clientName() {
            return delegate.clientName();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aTruncatedBodyIsIncompleteBodyNotAClientHang() {
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("objects").key("short"),
            RequestBody.fromContentProvider(() -> new java.io.ByteArrayInputStream(new byte[3]), 10, "text/plain")))
            .isInstanceOfAny(S3Exception.class, SdkClientException.class);
        assertThat(f.sim.s3().object("objects", "short")).isEmpty();
    }
}
