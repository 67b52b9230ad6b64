package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.sdk.SimulatedClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * A bucket policy's explicit Deny binds the bucket owner's own signed calls too (moto's AWS-verified
 * {@code test_deny_delete_policy}), key by key in DeleteObjects, while GetBucketPolicy, PutBucketPolicy and
 * DeleteBucketPolicy stay open to the owner so that no policy locks it out.
 */
class S3BucketPolicyDenyTest {
    private final S3Fixture f = new S3Fixture();
    private final S3Client owner = f.s3;

    @AfterEach
    void close() {
        f.close();
    }

    private static String deny(String principal, String action, String resource, String extra) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyIt\",\"Effect\":\"Deny\",\"Principal\":" + principal
            + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"" + extra + "}]}";
    }

    @Test
    void aDenyDeletePolicyStopsTheOwnersDeletesKeyByKeyUntilTheOwnerDeletesThePolicy() {
        owner.createBucket(b -> b.bucket("guarded"));
        owner.putBucketPolicy(p -> p.bucket("guarded").policy(deny("\"*\"", "s3:DeleteObject", "arn:aws:s3:::guarded/*", "")));
        owner.putObject(p -> p.bucket("guarded").key("obj"), RequestBody.fromString(""));

        assertThat(catchThrowable(() -> owner.deleteObject(d -> d.bucket("guarded").key("obj"))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"))
            .hasMessageContaining("explicitly denies s3:DeleteObject on arn:aws:s3:::guarded/obj");
        DeleteObjectsResponse batch = owner.deleteObjects(d -> d.bucket("guarded").delete(x -> x.objects(
            ObjectIdentifier.builder().key("obj").build())));
        assertThat(batch.errors()).extracting(S3Error::key, S3Error::code).containsExactly(
            org.assertj.core.groups.Tuple.tuple("obj", "AccessDenied"));
        assertThat(batch.deleted()).isEmpty();

        owner.deleteBucketPolicy(d -> d.bucket("guarded"));
        owner.deleteObject(d -> d.bucket("guarded").key("obj"));
        assertThat(f.sim.s3().object("guarded", "obj")).isEmpty();
    }

    @Test
    void evenADenyOfEverythingLeavesTheOwnerThePolicyOperations() {
        owner.createBucket(b -> b.bucket("locked"));
        owner.putObject(p -> p.bucket("locked").key("k"), RequestBody.fromString("v"));
        String lockout = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\","
            + "\"Resource\":[\"arn:aws:s3:::locked\",\"arn:aws:s3:::locked/*\"]}]}";
        owner.putBucketPolicy(p -> p.bucket("locked").policy(lockout));

        assertThat(code(catchThrowable(() -> owner.getObjectAsBytes(g -> g.bucket("locked").key("k"))))).isEqualTo("AccessDenied");
        assertThat(code(catchThrowable(() -> owner.listObjectsV2(l -> l.bucket("locked"))))).isEqualTo("AccessDenied");
        assertThat(code(catchThrowable(() -> owner.putBucketVersioning(v -> v.bucket("locked")
            .versioningConfiguration(c -> c.status("Enabled")))))).isEqualTo("AccessDenied");
        assertThat(owner.getBucketPolicy(g -> g.bucket("locked")).policy()).isEqualTo(lockout);

        owner.putBucketPolicy(p -> p.bucket("locked").policy(deny("\"*\"", "s3:PutObject", "arn:aws:s3:::locked/*", "")));
        assertThat(owner.getObjectAsBytes(g -> g.bucket("locked").key("k")).asUtf8String()).isEqualTo("v");
    }

    @Test
    void aDenyForAnotherAccountOrUnderAConditionLeavesTheOwnerAlone() {
        owner.createBucket(b -> b.bucket("others"));
        owner.putObject(p -> p.bucket("others").key("k"), RequestBody.fromString("v"));

        owner.putBucketPolicy(p -> p.bucket("others").policy(deny("{\"AWS\":\"arn:aws:iam::111122223333:root\"}",
            "s3:GetObject", "arn:aws:s3:::others/*", "")));
        assertThat(owner.getObjectAsBytes(g -> g.bucket("others").key("k")).asUtf8String()).isEqualTo("v");

        owner.putBucketPolicy(p -> p.bucket("others").policy(deny("{\"AWS\":\"" + f.sim.accountId() + "\"}",
            "s3:GetObject", "arn:aws:s3:::others/*", "")));
        assertThat(code(catchThrowable(() -> owner.getObjectAsBytes(g -> g.bucket("others").key("k"))))).isEqualTo("AccessDenied");

        // awssim weighs no Condition (README): this Deny, for requests not over TLS, is not applied
        owner.putBucketPolicy(p -> p.bucket("others").policy(deny("\"*\"", "s3:*", "arn:aws:s3:::others/*",
            ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")));
        assertThat(owner.getObjectAsBytes(g -> g.bucket("others").key("k")).asUtf8String()).isEqualTo("v");
    }

    @Test
    void anAnonymousDeleteObjectsIsJudgedKeyByKey() {
        S3Client anonymous = f.keep(SimulatedClients.of(f.sim).withOverrides(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .configure(S3BaseClientBuilder.class, b -> b.credentialsProvider(AnonymousCredentialsProvider.create()))
            .create(S3Client.class));
        owner.createBucket(b -> b.bucket("scratch"));
        owner.putObject(p -> p.bucket("scratch").key("tmp/a"), RequestBody.fromString("a"));
        owner.putObject(p -> p.bucket("scratch").key("keep/b"), RequestBody.fromString("b"));
        owner.deletePublicAccessBlock(d -> d.bucket("scratch"));
        owner.putBucketPolicy(p -> p.bucket("scratch").policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::scratch/tmp/*\"}]}"));

        DeleteObjectsResponse batch = anonymous.deleteObjects(d -> d.bucket("scratch").delete(x -> x.objects(
            ObjectIdentifier.builder().key("tmp/a").build(), ObjectIdentifier.builder().key("keep/b").build())));

        assertThat(batch.deleted()).extracting(d -> d.key()).containsExactly("tmp/a");
        assertThat(batch.errors()).extracting(S3Error::key, S3Error::code).containsExactly(
            org.assertj.core.groups.Tuple.tuple("keep/b", "AccessDenied"));
        assertThat(f.sim.s3().objects("scratch")).extracting(o -> o.key()).containsExactly("keep/b");
    }
}
