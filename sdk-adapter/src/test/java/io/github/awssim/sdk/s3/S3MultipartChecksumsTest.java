package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.sdk.SimulatedClients;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart checksums as real S3 answers them: the rows measured with boto3 against S3 (eu-west-1,
 * 2026-09-03) in floci-io/floci#3093 ("AWS vs before vs after") and floci-io/floci#3083, one test a row
 * or a few rows alike. Parts are small (the minimum part size is lowered); the values are computed here
 * independently of the simulator, with the JDK's digests and CRCs.
 */
class S3MultipartChecksumsTest {
    private final S3Fixture f = new S3Fixture();
    private final Random random = new Random(3093);
    /** A client that sends no checksum unless told to: the requests a row describes, header for header. */
    private final S3Client plain = f.keep(SimulatedClients.of(f.sim)
        .withOverrides(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .configure(S3BaseClientBuilder.class, b -> b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED))
        .create(S3Client.class));

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("sums"));
        f.sim.s3().minimumPartSize(1);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ---- what the client computes --------------------------------------------------------------

    private static byte[] digest(ChecksumAlgorithm algorithm, byte[] data) {
        try {
            switch (algorithm) {
                case SHA256:
                    return MessageDigest.getInstance("SHA-256").digest(data);
                case SHA1:
                    return MessageDigest.getInstance("SHA-1").digest(data);
                case CRC32:
                    return crc(new CRC32(), data);
                case CRC32_C:
                    return crc(new CRC32C(), data);
                default:
                    throw new IllegalArgumentException(algorithm.toString());
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] crc(Checksum crc, byte[] data) {
        crc.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** S3's COMPOSITE checksum: the checksum of the parts' binary checksums, in part order, then {@code -N}. */
    private static String composite(ChecksumAlgorithm algorithm, List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(p -> all.writeBytes(digest(algorithm, p)));
        return base64(digest(algorithm, all.toByteArray())) + "-" + parts.size();
    }

    /** The response's member for {@code algorithm}: every S3 response names them {@code checksum<ALGORITHM>}. */
    private static String partChecksum(Object response, ChecksumAlgorithm algorithm) {
        try {
            return (String) response.getClass().getMethod("checksum" + algorithm).invoke(response);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletedPart completed(int number, String eTag, ChecksumAlgorithm algorithm, String value) {
        CompletedPart.Builder p = CompletedPart.builder().partNumber(number).eTag(eTag);
        switch (algorithm) {
            case SHA256: return p.checksumSHA256(value).build();
            case SHA1: return p.checksumSHA1(value).build();
            case CRC32: return p.checksumCRC32(value).build();
            case CRC32_C: return p.checksumCRC32C(value).build();
            default: return p.checksumCRC64NVME(value).build();
        }
    }

    // ---- rows 1-5: COMPOSITE -----------------------------------------------------------------

    static Stream<Arguments> compositeRows() {
        return Stream.of(
            Arguments.of("row 1: SHA256, 3 parts", ChecksumAlgorithm.SHA256, new int[] {5000, 5000, 1000}),
            Arguments.of("row 2: SHA256, single part", ChecksumAlgorithm.SHA256, new int[] {5000}),
            Arguments.of("row 3: SHA1, 2 parts", ChecksumAlgorithm.SHA1, new int[] {5000, 1000}),
            Arguments.of("row 4: CRC32, 2 parts, no type", ChecksumAlgorithm.CRC32, new int[] {5000, 1000}),
            Arguments.of("row 5: CRC32C, 2 parts, no type", ChecksumAlgorithm.CRC32_C, new int[] {5000, 1000}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compositeRows")
    void compositeUploadsKeepTheChecksumOfThePartChecksums(String row, ChecksumAlgorithm algorithm, int[] sizes) {
        String key = "composite-" + algorithm + "-" + sizes.length;
        var created = f.s3.createMultipartUpload(b -> b.bucket("sums").key(key).checksumAlgorithm(algorithm));
        assertThat(created.checksumAlgorithm()).isEqualTo(algorithm);   // S3 echoes x-amz-checksum-algorithm
        String id = created.uploadId();
        List<byte[]> data = new ArrayList<>();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int n = i + 1;
            byte[] part = bytes(sizes[i]);
            data.add(part);
            UploadPartResponse r = f.s3.uploadPart(b -> b.bucket("sums").key(key).uploadId(id).partNumber(n)
                .checksumAlgorithm(algorithm), RequestBody.fromBytes(part));
            // S3 echoes the part's checksum in the upload's algorithm; the SDKs list it when completing.
            assertThat(partChecksum(r, algorithm)).isEqualTo(base64(digest(algorithm, part)));
            parts.add(completed(n, r.eTag(), algorithm, partChecksum(r, algorithm)));
        }
        CompleteMultipartUploadResponse done = f.s3.completeMultipartUpload(b -> b.bucket("sums").key(key).uploadId(id)
            .multipartUpload(m -> m.parts(parts)));
        String expected = composite(algorithm, data);
        assertThat(partChecksum(done, algorithm)).isEqualTo(expected);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);

        HeadObjectResponse head = f.s3.headObject(b -> b.bucket("sums").key(key).checksumMode(ChecksumMode.ENABLED));
        assertThat(partChecksum(head, algorithm)).isEqualTo(expected);
        assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(head.eTag()).startsWith("\"").endsWith("-" + sizes.length + "\"");

        // GetObjectAttributes: the same value without "-N", the ETag without quotes, each part's checksum
        GetObjectAttributesResponse attrs = f.s3.getObjectAttributes(b -> b.bucket("sums").key(key)
            .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS));
        assertThat(partChecksum(attrs.checksum(), algorithm)).isEqualTo(expected.substring(0, expected.lastIndexOf('-')));
        assertThat(attrs.checksum().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(attrs.eTag()).isEqualTo(head.eTag().replace("\"", ""));
        assertThat(attrs.objectParts().totalPartsCount()).isEqualTo(sizes.length);
    }

    // ---- rows 6-7 and no algorithm: FULL_OBJECT ----------------------------------------------------

    @Test
    void row6Crc32WithFullObjectIsTheWholeObjectsCrc32() {
        String id = f.s3.createMultipartUpload(b -> b.bucket("sums").key("full-crc32").checksumAlgorithm(ChecksumAlgorithm.CRC32)
            .checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        byte[] one = bytes(5000);
        byte[] two = bytes(1000);
        UploadPartResponse r1 = f.s3.uploadPart(b -> b.bucket("sums").key("full-crc32").uploadId(id).partNumber(1)
            .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(one));
        UploadPartResponse r2 = f.s3.uploadPart(b -> b.bucket("sums").key("full-crc32").uploadId(id).partNumber(2)
            .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(two));
        CompleteMultipartUploadResponse done = f.s3.completeMultipartUpload(b -> b.bucket("sums").key("full-crc32")
            .uploadId(id).multipartUpload(m -> m.parts(completed(1, r1.eTag(), ChecksumAlgorithm.CRC32, r1.checksumCRC32()),
                completed(2, r2.eTag(), ChecksumAlgorithm.CRC32, r2.checksumCRC32()))));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(one);
        whole.writeBytes(two);
        assertThat(done.checksumCRC32()).isEqualTo(base64(digest(ChecksumAlgorithm.CRC32, whole.toByteArray())));
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    }

    @Test
    void row7Crc64NvmeAndNoAlgorithmAreTheWholeObjectsCrc64Nvme() {
        byte[] one = bytes(5000);
        byte[] two = bytes(1000);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(one);
        whole.writeBytes(two);
        // the CRC64NVME S3 keeps for the same bytes put at once
        plain.putObject(b -> b.bucket("sums").key("at-once"), RequestBody.fromBytes(whole.toByteArray()));
        String crc64 = f.s3.headObject(b -> b.bucket("sums").key("at-once").checksumMode(ChecksumMode.ENABLED))
            .checksumCRC64NVME();
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC64_NVME, null}) {
            String key = "full-" + algorithm;
            String id = f.s3.createMultipartUpload(b -> b.bucket("sums").key(key).checksumAlgorithm(algorithm)).uploadId();
            UploadPartResponse r1 = plain.uploadPart(b -> b.bucket("sums").key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(one));
            UploadPartResponse r2 = plain.uploadPart(b -> b.bucket("sums").key(key).uploadId(id).partNumber(2),
                RequestBody.fromBytes(two));
            CompleteMultipartUploadResponse done = plain.completeMultipartUpload(b -> b.bucket("sums").key(key).uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build(),
                    CompletedPart.builder().partNumber(2).eTag(r2.eTag()).build())));
            assertThat(done.checksumCRC64NVME()).as(key).isEqualTo(crc64);
            assertThat(done.checksumType()).as(key).isEqualTo(ChecksumType.FULL_OBJECT);
        }
    }

    // ---- rows 21-23: what S3 refuses ---------------------------------------------------------------

    /** A SHA256 upload of two parts sent with their checksums; answers the parts' ETags and checksums. */
    private List<UploadPartResponse> sha256Parts(String key, String id) {
        List<UploadPartResponse> out = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            int number = n;
            out.add(f.s3.uploadPart(b -> b.bucket("sums").key(key).uploadId(id).partNumber(number)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bytes(number == 1 ? 5000 : 1000))));
        }
        return out;
    }

    private String sha256Upload(String key) {
        return f.s3.createMultipartUpload(b -> b.bucket("sums").key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
    }

    @Test
    void row21AWrongPartChecksumInTheCompleteBodyIsInvalidPart() {
        String id = sha256Upload("wrong-part");
        List<UploadPartResponse> parts = sha256Parts("wrong-part", id);
        String otherBytes = base64(digest(ChecksumAlgorithm.SHA256, new byte[] {1}));
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("sums").key("wrong-part").uploadId(id)
            .multipartUpload(m -> m.parts(completed(1, parts.get(0).eTag(), ChecksumAlgorithm.SHA256, otherBytes),
                completed(2, parts.get(1).eTag(), ChecksumAlgorithm.SHA256, parts.get(1).checksumSHA256())))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidPart"))
            .hasMessageContaining("One or more of the specified parts could not be found.");
    }

    @Test
    void row22APartOfASha256UploadSentWithoutAChecksumIsRefused() {
        String id = sha256Upload("no-part-checksum");
        assertThatThrownBy(() -> plain.uploadPart(b -> b.bucket("sums").key("no-part-checksum").uploadId(id).partNumber(1),
            RequestBody.fromBytes(bytes(100))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: null");
        // and a part sent with another algorithm's checksum names it
        assertThatThrownBy(() -> f.s3.uploadPart(b -> b.bucket("sums").key("no-part-checksum").uploadId(id).partNumber(1)
            .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bytes(100))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: crc32");
        assertThat(f.s3.listParts(b -> b.bucket("sums").key("no-part-checksum").uploadId(id)).parts()).isEmpty();
    }

    @Test
    void row23CompletingASha256UploadWithoutThePartChecksumsIsRefused() {
        String id = sha256Upload("no-checksums");
        List<UploadPartResponse> parts = sha256Parts("no-checksums", id);
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("sums").key("no-checksums").uploadId(id)
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(parts.get(0).eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(parts.get(1).eTag()).build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("The upload was created using a sha256 checksum. The complete request must include the "
                + "checksum for each part.");
    }

    @Test
    void aCompositeTheCompleteRequestSendsMustBeTheObjects() {
        String id = sha256Upload("claimed");
        List<UploadPartResponse> parts = sha256Parts("claimed", id);
        List<CompletedPart> listed = List.of(
            completed(1, parts.get(0).eTag(), ChecksumAlgorithm.SHA256, parts.get(0).checksumSHA256()),
            completed(2, parts.get(1).eTag(), ChecksumAlgorithm.SHA256, parts.get(1).checksumSHA256()));
        String wrong = base64(digest(ChecksumAlgorithm.SHA256, new byte[] {1})) + "-2";
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("sums").key("claimed").uploadId(id)
            .checksumSHA256(wrong).multipartUpload(m -> m.parts(listed))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"));

        ByteArrayOutputStream partSums = new ByteArrayOutputStream();
        parts.forEach(p -> partSums.writeBytes(Base64.getDecoder().decode(p.checksumSHA256())));
        String right = base64(digest(ChecksumAlgorithm.SHA256, partSums.toByteArray())) + "-2";
        CompleteMultipartUploadResponse done = f.s3.completeMultipartUpload(b -> b.bucket("sums").key("claimed").uploadId(id)
            .checksumSHA256(right).multipartUpload(m -> m.parts(listed)));
        assertThat(done.checksumSHA256()).isEqualTo(right);
    }

    @Test
    void aPartListedWithAnotherAlgorithmsChecksumIsBadDigest() {
        String id = sha256Upload("other-algorithm");
        List<UploadPartResponse> parts = sha256Parts("other-algorithm", id);
        String crc32 = base64(digest(ChecksumAlgorithm.CRC32, new byte[] {1}));
        assertThatThrownBy(() -> f.s3.completeMultipartUpload(b -> b.bucket("sums").key("other-algorithm").uploadId(id)
            .multipartUpload(m -> m.parts(completed(1, parts.get(0).eTag(), ChecksumAlgorithm.CRC32, crc32),
                completed(2, parts.get(1).eTag(), ChecksumAlgorithm.SHA256, parts.get(1).checksumSHA256())))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"))
            .hasMessageContaining("part 1 lists a CRC32 checksum");
    }

    @Test
    void createMultipartUploadRefusesTheTypesS3Refuses() {
        assertThatThrownBy(() -> f.s3.createMultipartUpload(b -> b.bucket("sums").key("full-sha")
            .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumType(ChecksumType.FULL_OBJECT)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm.");
        assertThatThrownBy(() -> f.s3.createMultipartUpload(b -> b.bucket("sums").key("type-only")
            .checksumType(ChecksumType.COMPOSITE)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        assertThatThrownBy(() -> f.s3.createMultipartUpload(b -> b.bucket("sums").key("bad-type")
            .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType("PARTIAL")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("Value for x-amz-checksum-type header is invalid.");
    }

    // ---- CopyObject ---------------------------------------------------------------------------------

    @Test
    void aCopyOfAMultipartObjectIsOneObjectWithTheMd5OfItsContentAsETag() throws Exception {
        String id = sha256Upload("multipart-source");
        List<UploadPartResponse> parts = sha256Parts("multipart-source", id);
        f.s3.completeMultipartUpload(b -> b.bucket("sums").key("multipart-source").uploadId(id).multipartUpload(m -> m.parts(
            completed(1, parts.get(0).eTag(), ChecksumAlgorithm.SHA256, parts.get(0).checksumSHA256()),
            completed(2, parts.get(1).eTag(), ChecksumAlgorithm.SHA256, parts.get(1).checksumSHA256()))));
        byte[] content = f.s3.getObjectAsBytes(b -> b.bucket("sums").key("multipart-source")).asByteArray();
        String md5 = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";

        CopyObjectResponse copy = f.s3.copyObject(b -> b.sourceBucket("sums").sourceKey("multipart-source")
            .destinationBucket("sums").destinationKey("copy"));
        assertThat(copy.copyObjectResult().eTag()).isEqualTo(md5);
        assertThat(f.s3.headObject(b -> b.bucket("sums").key("copy")).eTag()).isEqualTo(md5);
        assertThat(f.s3.getObjectAttributes(b -> b.bucket("sums").key("copy").objectAttributes(ObjectAttributes.E_TAG)).eTag())
            .isEqualTo(md5.replace("\"", ""));
    }
}
