package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Objects, multipart, copies, checksums and encryption headers, following ceph/s3-tests
 * ({@code s3tests/functional/test_s3.py}; tests marked {@code fails_on_aws} are RGW's, not S3's, and left out).
 * Each test names the s3-tests tests it follows; the known values (checksums of 1 KiB of {@code A}) are theirs.
 */
class S3ConformanceObjectsTest {
    /** SHA-256 of 1,024 bytes of {@code A}, as s3-tests states it. */
    private static final String SHA256_1K_A = "arcu6553sHVAiX4MjW0j7I7vD4w6R+Gz9Ok0Q9lTa+0=";

    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("conform"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Headers the typed request has no member for, as a raw HTTP client (or boto's before-call hook) sends them. */
    private static Consumer<AwsRequestOverrideConfiguration.Builder> headers(Map<String, String> h) {
        return o -> h.forEach(o::putHeader);
    }

    /** test_get_obj_head_tagging: HEAD answers x-amz-tagging-count, as GET does; an untagged object none. */
    @Test
    void headAnswersTheTagCountAsGetDoes() {
        f.s3.putObject(r -> r.bucket("conform").key("tagged"), RequestBody.fromString("x"));
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("tagged")).tagCount()).isNull();

        f.s3.putObjectTagging(r -> r.bucket("conform").key("tagged")
            .tagging(t -> t.tagSet(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build())));

        assertThat(f.s3.headObject(r -> r.bucket("conform").key("tagged")).sdkHttpResponse()
            .firstMatchingHeader("x-amz-tagging-count")).contains("2");
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("tagged")).tagCount()).isEqualTo(2);
        assertThat(f.s3.getObjectAsBytes(r -> r.bucket("conform").key("tagged")).response().tagCount()).isEqualTo(2);

        f.s3.deleteObjectTagging(r -> r.bucket("conform").key("tagged"));
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("tagged")).tagCount()).isNull();
    }

    /** test_put_max_tags, test_put_excess_tags: ten tags are allowed, an eleventh is InvalidTag and changes nothing. */
    @Test
    void tenTagsFitAndAnEleventhIsRefusedWithoutChangingTheObject() {
        f.s3.putObject(r -> r.bucket("conform").key("t"), RequestBody.fromString("x"));
        List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> Tag.builder().key("key" + i).value("value" + i).build()).toList();

        assertThatThrownBy(() -> f.s3.putObjectTagging(r -> r.bucket("conform").key("t").tagging(t -> t.tagSet(eleven))))
            .satisfies(t -> assertThat(status(t)).isEqualTo(400))
            .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidTag"));
        assertThat(f.s3.getObjectTagging(r -> r.bucket("conform").key("t")).tagSet()).isEmpty();

        f.s3.putObjectTagging(r -> r.bucket("conform").key("t").tagging(t -> t.tagSet(eleven.subList(0, 10))));
        assertThat(f.s3.getObjectTagging(r -> r.bucket("conform").key("t")).tagSet()).isEqualTo(eleven.subList(0, 10));
    }

    /**
     * test_sse_kms_read_declare, test_sse_kms_method_head, test_sse_s3_default_method_head: an encryption header on
     * a read is 400 InvalidArgument, whatever the object's encryption (S3's GetObject: "you'll get an HTTP 400 Bad
     * Request error"); so is one on UploadPart and CompleteMultipartUpload, which take their upload's encryption
     * (S3 answers them so too, unlike RGW, which test_sse_kms_multipart_upload and _invalid_chunks_1 assume). The
     * writes that choose one still take it.
     */
    @Test
    void anEncryptionHeaderOnAnOperationThatTakesNoneIsInvalidArgument() {
        f.s3.putObject(r -> r.bucket("conform").key("k").serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("A"));
        Map<String, String> kms = Map.of("x-amz-server-side-encryption", "aws:kms",
            "x-amz-server-side-encryption-aws-kms-key-id", "testkey-1");

        assertThatThrownBy(() -> f.s3.getObjectAsBytes(r -> r.bucket("conform").key("k").overrideConfiguration(headers(kms))))
            .satisfies(t -> assertThat(status(t)).isEqualTo(400))
            .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidArgument"))
            .hasMessageStartingWith("x-amz-server-side-encryption header is not supported for this operation.");
        assertThatThrownBy(() -> f.s3.headObject(r -> r.bucket("conform").key("k")
            .overrideConfiguration(headers(Map.of("x-amz-server-side-encryption", "AES256")))))
            .satisfies(t -> assertThat(status(t)).isEqualTo(400));

        String upload = f.s3.createMultipartUpload(r -> r.bucket("conform").key("m").serverSideEncryption(ServerSideEncryption.AES256))
            .uploadId();
        assertThatThrownBy(() -> f.s3.uploadPart(r -> r.bucket("conform").key("m").uploadId(upload).partNumber(1)
            .overrideConfiguration(headers(Map.of("x-amz-server-side-encryption", "AES256"))), RequestBody.fromString("p")))
            .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidArgument"));
        assertThat(f.s3.listParts(r -> r.bucket("conform").key("m").uploadId(upload)).parts()).isEmpty();
        String eTag = f.s3.uploadPart(r -> r.bucket("conform").key("m").uploadId(upload).partNumber(1), RequestBody.fromString("p")).eTag();
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(r -> r.bucket("conform").key("m").uploadId(upload)
            .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag)))
            .overrideConfiguration(headers(Map.of("x-amz-server-side-encryption", "AES256")))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> f.s3.headObject(r -> r.bucket("conform").key("m"))).isInstanceOf(NoSuchKeyException.class);

        assertThat(f.s3.getObjectAsBytes(r -> r.bucket("conform").key("k")).asUtf8String()).isEqualTo("A");
    }

    /**
     * test_object_content_encoding_aws_chunked: {@code aws-chunked} is the upload's framing, never the object's
     * Content-Encoding; the other codings stay as sent. And an object stored as {@code gzip} answers HEAD through
     * both clients (a HEAD has no body: an empty one would be gunzipped by the SDK and fail) and GET as stored.
     */
    @Test
    void awsChunkedIsNoPartOfTheStoredContentEncodingAndGzipObjectsAnswerHead() {
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        stored.put("gzip", "gzip");
        stored.put("deflate, gzip", "deflate, gzip");
        stored.put("gzip, aws-chunked", "gzip");
        stored.put("aws-chunked, gzip", "gzip");
        stored.put("aws-chunked", null);
        stored.put("aws-chunked, aws-chunked", null);
        for (var s3 : f.syncClients()) {
            stored.forEach((sent, kept) -> {
                s3.putObject(r -> r.bucket("conform").key("encoding").contentEncoding(sent), RequestBody.fromString("not gzip"));
                assertThat(s3.headObject(r -> r.bucket("conform").key("encoding")).contentEncoding()).as(sent).isEqualTo(kept);
            });
        }
        f.s3.putObject(r -> r.bucket("conform").key("gz").contentEncoding("gzip"), RequestBody.fromString("stored as sent"));
        assertThat(f.async.headObject(r -> r.bucket("conform").key("gz")).join().contentEncoding()).isEqualTo("gzip");
        assertThat(f.s3.getObjectAsBytes(r -> r.bucket("conform").key("gz")).asUtf8String()).isEqualTo("stored as sent");
    }

    /** test_ranged_request_empty_object: no range of an empty object is satisfiable, not even one from byte 0. */
    @Test
    void noRangeOfAnEmptyObjectIsSatisfiable() {
        f.s3.putObject(r -> r.bucket("conform").key("empty"), RequestBody.empty());
        for (String range : List.of("bytes=40-50", "bytes=0-")) {
            assertThatThrownBy(() -> f.s3.getObject(r -> r.bucket("conform").key("empty").range(range)))
                .satisfies(t -> assertThat(status(t)).isEqualTo(416))
                .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidRange"));
        }
        assertThat(f.s3.getObjectAsBytes(r -> r.bucket("conform").key("empty")).asByteArray()).isEmpty();
    }

    /**
     * test_multipart_copy_special_names, test_object_copy_versioned_url_encoding: copy sources whose keys are a
     * space, underscores, or carry {@code ?} and {@code &} (which must be encoded in x-amz-copy-source, or they would
     * read as its versionId) copy the right object, by key and by version id.
     */
    @Test
    void copySourcesWithSpecialCharactersInTheirKeysCopyTheRightObject() {
        f.s3.putBucketVersioning(r -> r.bucket("conform").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        for (String key : List.of(" ", "_", "__", "?versionId", "foo?bar", "bar&foo")) {
            f.s3.putObject(r -> r.bucket("conform").key(key), RequestBody.fromString("body of [" + key + "]"));
            String upload = f.s3.createMultipartUpload(r -> r.bucket("conform").key("dest")).uploadId();
            String eTag = f.s3.uploadPartCopy(r -> r.sourceBucket("conform").sourceKey(key).destinationBucket("conform")
                .destinationKey("dest").uploadId(upload).partNumber(1)).copyPartResult().eTag();
            f.s3.completeMultipartUpload(r -> r.bucket("conform").key("dest").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag))));
            assertThat(f.s3.getObjectAsBytes(r -> r.bucket("conform").key("dest")).asUtf8String()).isEqualTo("body of [" + key + "]");
        }

        String src = f.s3.headObject(r -> r.bucket("conform").key("foo?bar")).versionId();
        f.s3.putObject(r -> r.bucket("conform").key("foo?bar"), RequestBody.fromString("newer"));
        f.s3.copyObject(r -> r.sourceBucket("conform").sourceKey("foo?bar").sourceVersionId(src)
            .destinationBucket("conform").destinationKey("bar&foo"));
        assertThat(f.s3.getObjectAsBytes(r -> r.bucket("conform").key("bar&foo")).asUtf8String()).isEqualTo("body of [foo?bar]");
    }

    /**
     * test_object_checksum_sha256, test_object_checksum_crc64nvme: s3-tests' known checksums of 1 KiB of {@code A}
     * are accepted and echoed, answered by HEAD only with checksum mode, and a wrong one is 400 BadDigest.
     */
    @Test
    void knownObjectChecksumsAreKeptAndAWrongOneIsBadDigest() {
        RequestBody body = RequestBody.fromString("A".repeat(1024));
        PutObjectResponse sha = f.s3.putObject(r -> r.bucket("conform").key("sha").checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .checksumSHA256(SHA256_1K_A), body);
        assertThat(sha.checksumSHA256()).isEqualTo(SHA256_1K_A);
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("sha")).checksumSHA256()).isNull();
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("sha").checksumMode(ChecksumMode.ENABLED)).checksumSHA256())
            .isEqualTo(SHA256_1K_A);

        PutObjectResponse crc = f.s3.putObject(r -> r.bucket("conform").key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)
            .checksumCRC64NVME("Qeh8oXvGiSo="), RequestBody.fromString("A".repeat(1024)));
        assertThat(crc.checksumCRC64NVME()).isEqualTo("Qeh8oXvGiSo=");
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("crc").checksumMode(ChecksumMode.ENABLED)).checksumCRC64NVME())
            .isEqualTo("Qeh8oXvGiSo=");

        assertThatThrownBy(() -> f.s3.putObject(r -> r.bucket("conform").key("sha").checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .checksumSHA256("bad"), RequestBody.fromString("A".repeat(1024))))
            .satisfies(t -> assertThat(status(t)).isEqualTo(400))
            .satisfies(t -> assertThat(code(t)).isEqualTo("BadDigest"));
        assertThatThrownBy(() -> f.s3.putObject(r -> r.bucket("conform").key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)
            .checksumCRC64NVME("bad"), RequestBody.fromString("A".repeat(1024))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("BadDigest"));
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("sha").checksumMode(ChecksumMode.ENABLED)).checksumSHA256())
            .isEqualTo(SHA256_1K_A);
    }

    /**
     * test_multipart_checksum_sha256: a wrong whole-upload checksum is BadDigest; s3-tests' known composite of one
     * 1 KiB part ({@code Ok6C…=-1}) is accepted, echoed, and answered by HEAD with checksum mode.
     */
    @Test
    void aKnownCompositeSha256IsAcceptedAndAWrongOneIsBadDigest() {
        String upload = f.s3.createMultipartUpload(r -> r.bucket("conform").key("mp").checksumAlgorithm(ChecksumAlgorithm.SHA256))
            .uploadId();
        UploadPartResponse part = f.s3.uploadPart(r -> r.bucket("conform").key("mp").uploadId(upload).partNumber(1)
            .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(SHA256_1K_A), RequestBody.fromString("A".repeat(1024)));
        assertThat(part.checksumSHA256()).isEqualTo(SHA256_1K_A);

        assertThatThrownBy(() -> f.s3.completeMultipartUpload(r -> r.bucket("conform").key("mp").uploadId(upload).checksumSHA256("bad")
            .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part.eTag()).checksumSHA256(part.checksumSHA256())))))
            .satisfies(t -> assertThat(status(t)).isEqualTo(400))
            .satisfies(t -> assertThat(code(t)).isEqualTo("BadDigest"));

        String composite = "Ok6Cs5b96ux6+MWQkJO7UBT5sKPBeXBLwvj/hK89smg=-1";
        CompleteMultipartUploadResponse done = f.s3.completeMultipartUpload(r -> r.bucket("conform").key("mp").uploadId(upload)
            .checksumSHA256(composite)
            .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part.eTag()).checksumSHA256(part.checksumSHA256()))));
        assertThat(done.checksumSHA256()).isEqualTo(composite);
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("mp")).checksumSHA256()).isNull();
        assertThat(f.s3.headObject(r -> r.bucket("conform").key("mp").checksumMode(ChecksumMode.ENABLED)).checksumSHA256())
            .isEqualTo(composite);
    }
}
