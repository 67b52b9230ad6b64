package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Server-side encryption as S3 states it: SSE-S3 on every object unless asked otherwise, SSE-KMS echoed with
 * its key, SSE-C blocked on new buckets and, once allowed, enforced on every read.
 */
class S3EncryptionTest {
    private final S3Fixture f = new S3Fixture();

    /** A customer key (SSE-C): 32 bytes, base64, and the base64 MD5 S3 checks it against. */
    record Key(String key, String md5) {
        static Key of(int fill) {
            byte[] bytes = new byte[32];
            Arrays.fill(bytes, (byte) fill);
            try {
                return new Key(Base64.getEncoder().encodeToString(bytes),
                    Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Consumer<GetObjectRequest.Builder> on(String bucket, String objectKey) {
            return b -> b.bucket(bucket).key(objectKey).sseCustomerAlgorithm("AES256").sseCustomerKey(key).sseCustomerKeyMD5(md5);
        }
    }

    private static final Key MINE = Key.of(7);
    private static final Key OTHER = Key.of(9);

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("enc"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void allowCustomerKeys() {
        f.s3.putBucketEncryption(b -> b.bucket("enc").serverSideEncryptionConfiguration(c -> c.rules(
            ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                .blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.NONE)).build())));
    }

    private PutObjectResponse putWithKey(String objectKey, String text, Key k) {
        return f.s3.putObject(b -> b.bucket("enc").key(objectKey).sseCustomerAlgorithm("AES256").sseCustomerKey(k.key())
            .sseCustomerKeyMD5(k.md5()), RequestBody.fromString(text));
    }

    @Test
    void everyObjectIsSseS3UnlessAskedOtherwise() {
        PutObjectResponse put = f.s3.putObject(b -> b.bucket("enc").key("plain"), RequestBody.fromString("x"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(f.s3.headObject(b -> b.bucket("enc").key("plain")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("enc").key("plain")).response().serverSideEncryption())
            .isEqualTo(ServerSideEncryption.AES256);

        ServerSideEncryptionRule rule = f.s3.getBucketEncryption(b -> b.bucket("enc")).serverSideEncryptionConfiguration()
            .rules().get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(rule.blockedEncryptionTypes().encryptionType()).containsExactly(EncryptionType.SSE_C);
    }

    @Test
    void sseKmsIsEchoedWithTheKeysArn() {
        String prefix = "arn:aws:kms:us-east-1:" + f.sim.accountId() + ":key/";
        PutObjectResponse managed = f.s3.putObject(b -> b.bucket("enc").key("a").serverSideEncryption(ServerSideEncryption.AWS_KMS),
            RequestBody.fromString("a"));
        assertThat(managed.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(managed.ssekmsKeyId()).as("the account's aws/s3 key").startsWith(prefix);
        PutObjectResponse named = f.s3.putObject(b -> b.bucket("enc").key("b").serverSideEncryption(ServerSideEncryption.AWS_KMS)
            .ssekmsKeyId("1234abcd-12ab-34cd-56ef-1234567890ab").bucketKeyEnabled(true), RequestBody.fromString("b"));
        assertThat(named.ssekmsKeyId()).isEqualTo(prefix + "1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(named.bucketKeyEnabled()).isTrue();

        HeadObjectResponse head = f.s3.headObject(b -> b.bucket("enc").key("a"));
        assertThat(head.ssekmsKeyId()).isEqualTo(managed.ssekmsKeyId());
        assertThat(f.s3.putObject(b -> b.bucket("enc").key("c").serverSideEncryption(ServerSideEncryption.AWS_KMS),
            RequestBody.fromString("c")).ssekmsKeyId()).as("one aws/s3 key per account and region").isEqualTo(managed.ssekmsKeyId());

        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("enc").key("d").serverSideEncryption(ServerSideEncryption.AES256)
            .ssekmsKeyId("k"), RequestBody.fromString("d")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("PutObject: SSEKMSKeyId names a KMS key");
    }

    @Test
    void aBucketsDefaultEncryptionAppliesToWritesThatAskForNoneAndCopiesTakeTheirDestinations() {
        f.s3.createBucket(b -> b.bucket("kms"));
        f.s3.putBucketEncryption(b -> b.bucket("kms").serverSideEncryptionConfiguration(c -> c.rules(ServerSideEncryptionRule
            .builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                .kmsMasterKeyID("arn:aws:kms:us-east-1:111122223333:key/bucket-key")).bucketKeyEnabled(true).build())));

        PutObjectResponse put = f.s3.putObject(b -> b.bucket("kms").key("k"), RequestBody.fromString("v"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/bucket-key");
        assertThat(put.bucketKeyEnabled()).isTrue();

        // a copy is a new write: the destination bucket's default, not the source's encryption
        assertThat(f.s3.copyObject(b -> b.sourceBucket("kms").sourceKey("k").destinationBucket("enc").destinationKey("k"))
            .serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        f.s3.deleteBucketEncryption(b -> b.bucket("kms"));
        assertThat(f.s3.putObject(b -> b.bucket("kms").key("k2"), RequestBody.fromString("v")).serverSideEncryption())
            .isEqualTo(ServerSideEncryption.AES256);
        assertThatThrownBy(() -> f.s3.putBucketEncryption(b -> b.bucket("kms").serverSideEncryptionConfiguration(c -> c.rules(
            ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)
                .kmsMasterKeyID("k")).build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
    }

    @Test
    void newBucketsBlockCustomerKeysAsS3DoesSinceApril2026() {
        assertThatThrownBy(() -> putWithKey("c", "secret", MINE))
            .satisfies(e -> assertThat(status(e)).isEqualTo(403))
            .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"))
            .hasMessageContaining("PutObject: bucket 'enc' blocks SSE-C writes")
            .hasMessageContaining("BlockedEncryptionTypes NONE");
        assertThat(f.sim.s3().objects("enc")).isEmpty();
    }

    @Test
    void anSseCObjectAnswersOnlyToItsKey() {
        allowCustomerKeys();
        PutObjectResponse put = putWithKey("c", "secret", MINE);
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(MINE.md5());
        assertThat(put.serverSideEncryption()).isNull();

        ResponseBytes<GetObjectResponse> got = f.s3.getObjectAsBytes(MINE.on("enc", "c"));
        assertThat(got.asString(StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(MINE.md5());
        assertThat(f.async.getObject(GetObjectRequest.builder().applyMutation(MINE.on("enc", "c")).build(),
            software.amazon.awssdk.core.async.AsyncResponseTransformer.toBytes()).join().asUtf8String())
            .as("async").isEqualTo("secret");
        assertThatThrownBy(() -> f.async.getObject(b -> b.bucket("enc").key("c"),
            software.amazon.awssdk.core.async.AsyncResponseTransformer.toBytes()).join())
            .hasCauseInstanceOf(AwsServiceException.class)
            .satisfies(e -> assertThat(status(e.getCause())).isEqualTo(400));

        assertThatThrownBy(() -> f.s3.getObjectAsBytes(b -> b.bucket("enc").key("c")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("The object was stored using a form of Server Side Encryption");
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("enc").key("c")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400));
        assertThatThrownBy(() -> f.s3.getObjectAsBytes(OTHER.on("enc", "c")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(403))
            .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> f.s3.getObjectAttributes(b -> b.bucket("enc").key("c")
            .objectAttributes(software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_SIZE)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"));
        assertThat(f.s3.getObjectAttributes(b -> b.bucket("enc").key("c").sseCustomerAlgorithm("AES256")
            .sseCustomerKey(MINE.key()).sseCustomerKeyMD5(MINE.md5())
            .objectAttributes(software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_SIZE)).objectSize()).isEqualTo(6L);
        assertThat(f.s3.headObject(b -> b.bucket("enc").key("c").sseCustomerAlgorithm("AES256").sseCustomerKey(MINE.key())
            .sseCustomerKeyMD5(MINE.md5())).contentLength()).isEqualTo(6L);

        f.s3.putObject(b -> b.bucket("enc").key("plain"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> f.s3.getObjectAsBytes(MINE.on("enc", "plain")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("The encryption parameters are not applicable to this object");
    }

    @Test
    void aCustomerKeyIsCheckedAsS3ChecksIt() {
        allowCustomerKeys();
        assertThatThrownBy(() -> putWithKey("c", "x", new Key(MINE.key(), OTHER.md5())))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("The calculated MD5 hash of the key did not match");
        assertThatThrownBy(() -> putWithKey("c", "x", new Key(Base64.getEncoder().encodeToString(new byte[16]), MINE.md5())))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("The secret key was invalid for the specified algorithm");
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("enc").key("c").sseCustomerAlgorithm("AES128")
            .sseCustomerKey(MINE.key()).sseCustomerKeyMD5(MINE.md5()), RequestBody.fromString("x")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidEncryptionAlgorithmError"));
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("enc").key("c").sseCustomerKey(MINE.key())
            .sseCustomerKeyMD5(MINE.md5()), RequestBody.fromString("x")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("must provide a valid encryption algorithm");
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("enc").key("c").sseCustomerAlgorithm("AES256")
            .sseCustomerKey(MINE.key()).sseCustomerKeyMD5(MINE.md5()).serverSideEncryption(ServerSideEncryption.AES256),
            RequestBody.fromString("x")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("incompatible with the encryption method specified");
        assertThat(f.sim.s3().objects("enc")).isEmpty();
    }

    @Test
    void copiesAndMultipartUploadsCarryTheCustomerKey() {
        allowCustomerKeys();
        putWithKey("src", "secret", MINE);

        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("enc").sourceKey("src").destinationBucket("enc")
            .destinationKey("dst")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("CopyObject: copy source 'src' was written with SSE-C");
        f.s3.copyObject(b -> b.sourceBucket("enc").sourceKey("src").destinationBucket("enc").destinationKey("dst")
            .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(MINE.key()).copySourceSSECustomerKeyMD5(MINE.md5())
            .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER.key()).sseCustomerKeyMD5(OTHER.md5()));
        assertThat(f.s3.getObjectAsBytes(OTHER.on("enc", "dst")).asUtf8String()).isEqualTo("secret");

        CreateMultipartUploadResponse up = f.s3.createMultipartUpload(b -> b.bucket("enc").key("mp").sseCustomerAlgorithm("AES256")
            .sseCustomerKey(MINE.key()).sseCustomerKeyMD5(MINE.md5()));
        assertThat(up.sseCustomerKeyMD5()).isEqualTo(MINE.md5());
        assertThatThrownBy(() -> f.s3.uploadPart(b -> b.bucket("enc").key("mp").uploadId(up.uploadId()).partNumber(1),
            RequestBody.fromString("part")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("Subsequent part requests must include the appropriate encryption parameters");
        assertThatThrownBy(() -> f.s3.uploadPart(b -> b.bucket("enc").key("mp").uploadId(up.uploadId()).partNumber(1)
            .sseCustomerAlgorithm("AES256").sseCustomerKey(OTHER.key()).sseCustomerKeyMD5(OTHER.md5()), RequestBody.fromString("part")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("did not match the ones used originally");
        String eTag = f.s3.uploadPart(b -> b.bucket("enc").key("mp").uploadId(up.uploadId()).partNumber(1)
            .sseCustomerAlgorithm("AES256").sseCustomerKey(MINE.key()).sseCustomerKeyMD5(MINE.md5()), RequestBody.fromString("part"))
            .eTag();
        f.s3.completeMultipartUpload(b -> b.bucket("enc").key("mp").uploadId(up.uploadId())
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        assertThat(f.s3.getObjectAsBytes(MINE.on("enc", "mp")).asUtf8String()).isEqualTo("part");
        assertThatThrownBy(() -> f.s3.getObjectAsBytes(b -> b.bucket("enc").key("mp")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400));
    }
}
