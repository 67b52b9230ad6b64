package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * S3 Object Ownership as S3 sets it since April 2023: every new bucket is BucketOwnerEnforced (ACLs disabled),
 * which accepts writes without an ACL or with bucket-owner-full-control only (400 AccessControlListNotSupported),
 * refuses to set ACLs, and answers ACL reads with the owner's FULL_CONTROL; CreateBucket and
 * Put/Get/DeleteBucketOwnershipControls change it under S3's rules.
 */
class S3ObjectOwnershipTest {
    static final String OTHER_ID = "0123456789abcdef".repeat(4);
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("owned"));
        f.s3.putObject(b -> b.bucket("owned").key("source"), RequestBody.fromString("s"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String ownerId() {
        return f.s3.listBuckets().owner().id();
    }

    static Grant user(String id, Permission permission) {
        return Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(id)).permission(permission).build();
    }

    private static void aclsNotSupported(Throwable e, String operation) {
        assertThat(code(e)).isEqualTo("AccessControlListNotSupported");
        assertThat(status(e)).isEqualTo(400);
        assertThat(e).hasMessageStartingWith("The bucket does not allow ACLs (" + operation + ": bucket 'owned'");
    }

    @Test
    void aNewBucketIsBucketOwnerEnforced() {
        assertThat(f.s3.getBucketOwnershipControls(b -> b.bucket("owned")).ownershipControls().rules())
            .extracting(OwnershipControlsRule::objectOwnership).containsExactly(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        assertThat(f.sim.s3().objectOwnership("owned")).contains(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        f.sim.s3().createBucket("typed");
        assertThat(f.sim.s3().objectOwnership("typed")).contains(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    @Test
    void putObjectOnAnEnforcedBucketTakesNoAclOrBucketOwnerFullControlOnly() {
        f.s3.putObject(b -> b.bucket("owned").key("none"), RequestBody.fromString("x"));
        f.s3.putObject(b -> b.bucket("owned").key("bofc").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
            RequestBody.fromString("x"));
        // the header form of the same ACL: FULL_CONTROL to the owner and nobody else
        f.s3.putObject(b -> b.bucket("owned").key("grant").grantFullControl("id=\"" + ownerId() + "\""),
            RequestBody.fromString("x"));

        // even private, and a public ACL too: ownership is checked before Block Public Access
        for (ObjectCannedACL refused : new ObjectCannedACL[] {ObjectCannedACL.PRIVATE, ObjectCannedACL.PUBLIC_READ}) {
            assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("owned").key("refused").acl(refused),
                RequestBody.fromString("x"))).satisfies(e -> aclsNotSupported(e, "PutObject"));
        }
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("owned").key("refused").grantRead("id=" + OTHER_ID),
            RequestBody.fromString("x"))).satisfies(e -> aclsNotSupported(e, "PutObject"));
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("owned").key("refused"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void copyObjectAndCreateMultipartUploadFollowTheSameRule() {
        f.s3.copyObject(b -> b.sourceBucket("owned").sourceKey("source").destinationBucket("owned").destinationKey("copy")
            .acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL));
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("owned").sourceKey("source").destinationBucket("owned")
            .destinationKey("copy2").acl(ObjectCannedACL.PRIVATE))).satisfies(e -> aclsNotSupported(e, "CopyObject"));

        assertThat(f.s3.createMultipartUpload(b -> b.bucket("owned").key("mpu").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL))
            .uploadId()).isNotEmpty();
        assertThatThrownBy(() -> f.s3.createMultipartUpload(b -> b.bucket("owned").key("mpu2").grantReadACP("id=" + OTHER_ID)))
            .satisfies(e -> aclsNotSupported(e, "CreateMultipartUpload"));
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("owned")).uploads()).hasSize(1);
    }

    @Test
    void theAsyncClientGetsTheSameRefusal() {
        Consumer<PutObjectRequest.Builder> privateAcl = b -> b.bucket("owned").key("async").acl(ObjectCannedACL.PRIVATE);
        assertThatThrownBy(() -> f.async.putObject(privateAcl, AsyncRequestBody.fromString("x")).join())
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(AwsServiceException.class)
            .satisfies(e -> aclsNotSupported(e.getCause(), "PutObject"));
        assertThatThrownBy(() -> f.async.createMultipartUpload(b -> b.bucket("owned").key("async")
            .acl(ObjectCannedACL.AUTHENTICATED_READ)).join())
            .satisfies(e -> aclsNotSupported(e.getCause(), "CreateMultipartUpload"));
        f.async.putObject(b -> b.bucket("owned").key("async").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
            AsyncRequestBody.fromString("x")).join();
        assertThat(f.async.getObjectAcl(b -> b.bucket("owned").key("async")).join().grants())
            .containsExactly(user(ownerId(), Permission.FULL_CONTROL));
    }

    @Test
    void aclReadsShowTheOwnersFullControlAndTheSameOwnerAsListings() {
        String owner = ownerId();
        var bucketAcl = f.s3.getBucketAcl(b -> b.bucket("owned"));
        assertThat(bucketAcl.owner().id()).isEqualTo(owner).hasSize(64);
        assertThat(bucketAcl.grants()).containsExactly(user(owner, Permission.FULL_CONTROL));
        var objectAcl = f.s3.getObjectAcl(b -> b.bucket("owned").key("source"));
        assertThat(objectAcl.owner()).isEqualTo(bucketAcl.owner());
        assertThat(objectAcl.grants()).containsExactly(user(owner, Permission.FULL_CONTROL));
        assertThat(f.s3.listObjectsV2(b -> b.bucket("owned").fetchOwner(true)).contents().get(0).owner())
            .isEqualTo(bucketAcl.owner());
        assertThatThrownBy(() -> f.s3.getObjectAcl(b -> b.bucket("owned").key("missing"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void settingAnAclOnAnEnforcedBucketIsRefused() {
        assertThatThrownBy(() -> f.s3.putBucketAcl(b -> b.bucket("owned").acl(BucketCannedACL.PRIVATE)))
            .satisfies(e -> aclsNotSupported(e, "PutBucketAcl"));
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("owned").key("source").acl(ObjectCannedACL.PRIVATE)))
            .satisfies(e -> aclsNotSupported(e, "PutObjectAcl"));
    }

    @Test
    void createBucketTakesAnAclOnlyWithAclsEnabled() {
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("default-with-acl").grantRead("id=" + OTHER_ID)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidBucketAclWithObjectOwnership"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400))
            .hasMessageStartingWith("Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("enforced-public").acl(BucketCannedACL.PUBLIC_READ)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidBucketAclWithObjectOwnership"));
        assertThat(f.sim.s3().bucketExists("default-with-acl") || f.sim.s3().bucketExists("enforced-public")).isFalse();

        // private is the owner's FULL_CONTROL only: fine for an ACLs-disabled bucket
        f.s3.createBucket(b -> b.bucket("private-acl").acl(BucketCannedACL.PRIVATE));
        assertThat(f.sim.s3().objectOwnership("private-acl")).contains(ObjectOwnership.BUCKET_OWNER_ENFORCED);

        f.s3.createBucket(b -> b.bucket("writer").objectOwnership(ObjectOwnership.OBJECT_WRITER).grantRead("id=" + OTHER_ID));
        assertThat(f.sim.s3().objectOwnership("writer")).contains(ObjectOwnership.OBJECT_WRITER);
        assertThat(f.s3.getBucketAcl(b -> b.bucket("writer")).grants()).containsExactly(user(OTHER_ID, Permission.READ));

        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("bad-ownership").objectOwnership("Anyone")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageStartingWith("Invalid x-amz-object-ownership header: Anyone");
    }

    @Test
    void ownershipControlsArePutReadAndDeleted() {
        f.s3.putBucketOwnershipControls(b -> b.bucket("owned").ownershipControls(o -> o.rules(
            OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED).build())));
        assertThat(f.s3.getBucketOwnershipControls(b -> b.bucket("owned")).ownershipControls().rules().get(0)
            .objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_PREFERRED);

        f.s3.deleteBucketOwnershipControls(b -> b.bucket("owned"));
        assertThatThrownBy(() -> f.s3.getBucketOwnershipControls(b -> b.bucket("owned")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("OwnershipControlsNotFoundError"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(404))
            .hasMessageStartingWith("The bucket ownership controls were not found");
        assertThat(f.sim.s3().objectOwnership("owned")).isEqualTo(Optional.empty());
        f.s3.deleteBucketOwnershipControls(b -> b.bucket("owned"));
        // without ownership controls ACLs are enabled, as for ObjectWriter
        f.s3.putObjectAcl(b -> b.bucket("owned").key("source").acl(ObjectCannedACL.PRIVATE));

        assertThatThrownBy(() -> f.s3.putBucketOwnershipControls(b -> b.bucket("owned").ownershipControls(o -> o.rules(
            OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.OBJECT_WRITER).build(),
            OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED).build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedXML"));
        assertThatThrownBy(() -> f.s3.getBucketOwnershipControls(b -> b.bucket("nobody")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucket"));
    }

    @Test
    void bucketOwnerEnforcedNeedsABucketAclForTheOwnerOnly() {
        f.s3.createBucket(b -> b.bucket("shared-acl").objectOwnership(ObjectOwnership.OBJECT_WRITER)
            .grantFullControl("id=" + OTHER_ID));
        assertThatThrownBy(() -> f.s3.putBucketOwnershipControls(b -> b.bucket("shared-acl").ownershipControls(o -> o.rules(
            OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED).build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidBucketAclWithObjectOwnership"));
        assertThat(f.sim.s3().objectOwnership("shared-acl")).contains(ObjectOwnership.OBJECT_WRITER);

        f.s3.putBucketAcl(b -> b.bucket("shared-acl").acl(BucketCannedACL.PRIVATE));
        f.s3.putBucketOwnershipControls(b -> b.bucket("shared-acl").ownershipControls(o -> o.rules(
            OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED).build())));
        assertThat(f.sim.s3().objectOwnership("shared-acl")).contains(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    @Test
    void objectAclsKeptWhileAclsAreDisabledComeBackWhenEnabled() {
        f.s3.createBucket(b -> b.bucket("toggle").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        f.s3.putObject(b -> b.bucket("toggle").key("k").grantRead("id=" + OTHER_ID), RequestBody.fromString("x"));
        setOwnership("toggle", ObjectOwnership.BUCKET_OWNER_ENFORCED);
        assertThat(f.s3.getObjectAcl(b -> b.bucket("toggle").key("k")).grants())
            .containsExactly(user(ownerId(), Permission.FULL_CONTROL));
        setOwnership("toggle", ObjectOwnership.OBJECT_WRITER);
        assertThat(f.s3.getObjectAcl(b -> b.bucket("toggle").key("k")).grants()).containsExactly(user(OTHER_ID, Permission.READ));
    }

    private void setOwnership(String bucket, ObjectOwnership ownership) {
        f.s3.putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(o -> o.rules(
            OwnershipControlsRule.builder().objectOwnership(ownership).build())));
    }
}
