package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static io.github.awssim.sdk.s3.S3ObjectOwnershipTest.OTHER_ID;
import static io.github.awssim.sdk.s3.S3ObjectOwnershipTest.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACLs on a bucket with ACLs enabled (BucketOwnerPreferred here): what writes and Put/GetBucketAcl,
 * Put/GetObjectAcl store and answer, by version, with S3's errors for malformed ACLs.
 */
class S3AclTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private final S3Fixture f = new S3Fixture();
    private String owner;

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("acls").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        owner = f.s3.listBuckets().owner().id();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<Grant> objectAcl(String key) {
        return f.s3.getObjectAcl(b -> b.bucket("acls").key(key)).grants();
    }

    @Test
    void writesStoreTheAclTheyAskForAndPrivateOtherwise() {
        f.s3.putObject(b -> b.bucket("acls").key("plain"), RequestBody.fromString("x"));
        assertThat(objectAcl("plain")).containsExactly(user(owner, Permission.FULL_CONTROL));
        f.s3.putObject(b -> b.bucket("acls").key("granted").grantRead("id=\"" + OTHER_ID + "\"")
            .grantWriteACP("id=" + owner), RequestBody.fromString("x"));
        assertThat(objectAcl("granted")).containsExactly(user(OTHER_ID, Permission.READ), user(owner, Permission.WRITE_ACP));

        // a copy never keeps its source's ACL: private unless it asks for one
        f.s3.copyObject(b -> b.sourceBucket("acls").sourceKey("granted").destinationBucket("acls").destinationKey("copy"));
        assertThat(objectAcl("copy")).containsExactly(user(owner, Permission.FULL_CONTROL));
        f.s3.copyObject(b -> b.sourceBucket("acls").sourceKey("plain").destinationBucket("acls").destinationKey("copy2")
            .grantFullControl("id=" + OTHER_ID));
        assertThat(objectAcl("copy2")).containsExactly(user(OTHER_ID, Permission.FULL_CONTROL));
    }

    @Test
    void aMultipartUploadsAclIsTheCompletedObjects() {
        f.sim.s3().minimumPartSize(1);
        String id = f.s3.createMultipartUpload(b -> b.bucket("acls").key("mpu").grantReadACP("id=" + OTHER_ID)).uploadId();
        String eTag = f.s3.uploadPart(b -> b.bucket("acls").key("mpu").uploadId(id).partNumber(1),
            RequestBody.fromString("part")).eTag();
        f.s3.completeMultipartUpload(b -> b.bucket("acls").key("mpu").uploadId(id)
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        assertThat(objectAcl("mpu")).containsExactly(user(OTHER_ID, Permission.READ_ACP));
    }

    @Test
    void putObjectAclSetsCannedGrantsOrABodyOnTheVersionAsked() {
        f.s3.putBucketVersioning(b -> b.bucket("acls").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String first = f.s3.putObject(b -> b.bucket("acls").key("k"), RequestBody.fromString("1")).versionId();
        f.s3.putObject(b -> b.bucket("acls").key("k"), RequestBody.fromString("2"));

        f.s3.putObjectAcl(b -> b.bucket("acls").key("k").versionId(first).accessControlPolicy(p -> p
            .owner(o -> o.id(owner)).grants(user(OTHER_ID, Permission.READ), Grant.builder()
                .grantee(g -> g.type(Type.GROUP).uri("http://acs.amazonaws.com/groups/s3/LogDelivery"))
                .permission(Permission.WRITE).build())));
        assertThat(f.s3.getObjectAcl(b -> b.bucket("acls").key("k").versionId(first)).grants())
            .containsExactly(user(OTHER_ID, Permission.READ), Grant.builder()
                .grantee(g -> g.type(Type.GROUP).uri("http://acs.amazonaws.com/groups/s3/LogDelivery"))
                .permission(Permission.WRITE).build());
        assertThat(objectAcl("k")).as("the current version keeps its own ACL").containsExactly(user(owner, Permission.FULL_CONTROL));

        f.s3.putObjectAcl(b -> b.bucket("acls").key("k").grantFullControl("id=" + OTHER_ID));
        assertThat(objectAcl("k")).containsExactly(user(OTHER_ID, Permission.FULL_CONTROL));
        f.s3.putObjectAcl(b -> b.bucket("acls").key("k").acl(ObjectCannedACL.PRIVATE));
        assertThat(objectAcl("k")).containsExactly(user(owner, Permission.FULL_CONTROL));
        assertThat(f.sim.s3().objectText("acls", "k")).as("an ACL change is not a new version").isEqualTo("2");
        assertThat(f.sim.s3().versions("acls", "k")).hasSize(2);
    }

    @Test
    void bucketAclsArePutAndReadBackThroughBothClients() {
        f.s3.putBucketAcl(b -> b.bucket("acls").grantRead("id=" + OTHER_ID).grantFullControl("id=" + owner));
        assertThat(f.s3.getBucketAcl(b -> b.bucket("acls")).grants())
            .containsExactly(user(owner, Permission.FULL_CONTROL), user(OTHER_ID, Permission.READ));

        f.async.putBucketAcl(b -> b.bucket("acls").accessControlPolicy(p -> p.owner(o -> o.id(owner))
            .grants(user(OTHER_ID, Permission.WRITE)))).join();
        assertThat(f.async.getBucketAcl(b -> b.bucket("acls")).join().grants()).containsExactly(user(OTHER_ID, Permission.WRITE));
        assertThat(f.pathStyle.getBucketAcl(b -> b.bucket("acls")).owner().id()).isEqualTo(owner);
    }

    @Test
    void malformedAclsGetS3sErrors() {
        f.s3.putObject(b -> b.bucket("acls").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").acl(ObjectCannedACL.PRIVATE)
            .grantRead("id=" + OTHER_ID)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageStartingWith("Specifying both Canned ACLs and Header Grants is not allowed");
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").acl(ObjectCannedACL.PRIVATE)
            .accessControlPolicy(p -> p.grants(user(owner, Permission.READ)))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("UnexpectedContent"));
        assertThatThrownBy(() -> f.s3.putBucketAcl(b -> b.bucket("acls")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MissingSecurityHeader"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400));
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").grantRead("id=not-a-canonical-id")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument")).hasMessageStartingWith("Invalid id");
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").grantRead("uri=http://example.com/group")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument")).hasMessageStartingWith("Invalid group uri");
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").grantRead("emailAddress=a@example.com")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("UnresolvableGrantByEmailAddress"));
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").acl("bucket-owner-everything")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").accessControlPolicy(p -> p
            .grants(Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(OTHER_ID)).build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedACLError"));
        assertThat(objectAcl("k")).as("nothing refused was stored").containsExactly(user(owner, Permission.FULL_CONTROL));
    }

    @Test
    void missingObjectsVersionsAndBuckets() {
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("missing").acl(ObjectCannedACL.PRIVATE)))
            .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> f.s3.getObjectAcl(b -> b.bucket("nobody").key("k"))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> f.s3.putBucketAcl(b -> b.bucket("nobody").acl("private")))
            .isInstanceOf(NoSuchBucketException.class);
        f.s3.putBucketVersioning(b -> b.bucket("acls").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        f.s3.putObject(b -> b.bucket("acls").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> f.s3.getObjectAcl(b -> b.bucket("acls").key("k").versionId("A".repeat(32))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchVersion"));
        String marker = f.s3.deleteObject(b -> b.bucket("acls").key("k")).versionId();
        assertThatThrownBy(() -> f.s3.getObjectAcl(b -> b.bucket("acls").key("k"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("acls").key("k").versionId(marker).acl("private")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MethodNotAllowed"));
    }

    @Test
    void recreatingYourOwnUsEast1BucketResetsItsAcl() {
        f.s3.putBucketAcl(b -> b.bucket("acls").grantRead("id=" + OTHER_ID));
        f.s3.createBucket(b -> b.bucket("acls"));
        assertThat(f.s3.getBucketAcl(b -> b.bucket("acls")).grants()).containsExactly(user(owner, Permission.FULL_CONTROL));
        assertThat(f.sim.s3().objectOwnership("acls")).contains(ObjectOwnership.BUCKET_OWNER_PREFERRED);
    }

    @Test
    void publicGroupsAreStoredOnceBlockPublicAccessIsOff() {
        f.s3.deletePublicAccessBlock(b -> b.bucket("acls"));
        f.s3.putObject(b -> b.bucket("acls").key("public").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        assertThat(objectAcl("public")).containsExactly(user(owner, Permission.FULL_CONTROL),
            Grant.builder().grantee(g -> g.type(Type.GROUP).uri(ALL_USERS)).permission(Permission.READ).build());
    }
}
