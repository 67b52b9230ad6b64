package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3 Block Public Access: all four settings on for every new bucket (S3's default since April 2023),
 * Put/Get/DeletePublicAccessBlock, and the effects one account can observe: BlockPublicAcls refuses public
 * ACLs and BlockPublicPolicy public bucket policies, both with 403 AccessDenied.
 */
class S3PublicAccessBlockTest {
    private static final PublicAccessBlockConfiguration ALL_ON = PublicAccessBlockConfiguration.builder()
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        // ACLs enabled, so that what Block Public Access does is not hidden by AccessControlListNotSupported
        f.s3.createBucket(b -> b.bucket("pab").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        f.s3.putObject(b -> b.bucket("pab").key("k"), RequestBody.fromString("x"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static void accessDenied(Throwable e) {
        assertThat(code(e)).isEqualTo("AccessDenied");
        assertThat(status(e)).isEqualTo(403);
        assertThat(e).hasMessageStartingWith("Access Denied");
    }

    @Test
    void aNewBucketBlocksAllPublicAccess() {
        assertThat(f.s3.getPublicAccessBlock(b -> b.bucket("pab")).publicAccessBlockConfiguration()).isEqualTo(ALL_ON);
        f.s3.createBucket(b -> b.bucket("plain"));
        assertThat(f.async.getPublicAccessBlock(b -> b.bucket("plain")).join().publicAccessBlockConfiguration())
            .isEqualTo(ALL_ON);
    }

    @Test
    void theConfigurationIsPutReadAndDeleted() {
        f.s3.putPublicAccessBlock(b -> b.bucket("pab").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
            .ignorePublicAcls(false).blockPublicPolicy(true)));
        assertThat(f.s3.getPublicAccessBlock(b -> b.bucket("pab")).publicAccessBlockConfiguration())
            .as("a setting left out is off").isEqualTo(PublicAccessBlockConfiguration.builder().blockPublicAcls(true)
                .ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(false).build());

        f.s3.deletePublicAccessBlock(b -> b.bucket("pab"));
        assertThatThrownBy(() -> f.s3.getPublicAccessBlock(b -> b.bucket("pab")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchPublicAccessBlockConfiguration"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(404))
            .hasMessageStartingWith("The public access block configuration was not found");
        assertThatThrownBy(() -> f.async.getPublicAccessBlock(b -> b.bucket("pab")).join())
            .isInstanceOf(CompletionException.class)
            .satisfies(e -> assertThat(code(e.getCause())).isEqualTo("NoSuchPublicAccessBlockConfiguration"));
        assertThatThrownBy(() -> f.s3.deletePublicAccessBlock(b -> b.bucket("nobody")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucket"));
    }

    @Test
    void blockPublicAclsRefusesEveryWriteOfAPublicAcl() {
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("pab").key("pub").acl(ObjectCannedACL.PUBLIC_READ),
            RequestBody.fromString("x"))).satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("pab").key("pub").acl(ObjectCannedACL.AUTHENTICATED_READ),
            RequestBody.fromString("x"))).satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("pab").key("pub")
            .grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""), RequestBody.fromString("x")))
            .satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.async.putObject(b -> b.bucket("pab").key("pub").acl(ObjectCannedACL.PUBLIC_READ_WRITE),
            AsyncRequestBody.fromString("x")).join()).satisfies(e -> accessDenied(e.getCause()));
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("pab").sourceKey("k").destinationBucket("pab")
            .destinationKey("pub").acl(ObjectCannedACL.PUBLIC_READ))).satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.createMultipartUpload(b -> b.bucket("pab").key("pub").acl(ObjectCannedACL.PUBLIC_READ)))
            .satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.putObjectAcl(b -> b.bucket("pab").key("k").acl(ObjectCannedACL.PUBLIC_READ)))
            .satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.putBucketAcl(b -> b.bucket("pab").acl(BucketCannedACL.PUBLIC_READ)))
            .satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("pab").key("pub"))).isInstanceOf(NoSuchKeyException.class);
        // a private ACL is not public
        f.s3.putObject(b -> b.bucket("pab").key("private").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("x"));

        f.s3.putPublicAccessBlock(b -> b.bucket("pab").publicAccessBlockConfiguration(c -> c.blockPublicAcls(false)
            .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        f.s3.putObject(b -> b.bucket("pab").key("pub").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        f.s3.putBucketAcl(b -> b.bucket("pab").acl(BucketCannedACL.PUBLIC_READ));
    }

    @Test
    void aNewBucketCannotBeCreatedWithAPublicAcl() {
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("born-public").objectOwnership(ObjectOwnership.OBJECT_WRITER)
            .acl(BucketCannedACL.PUBLIC_READ))).satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThat(f.sim.s3().bucketExists("born-public")).isFalse();
    }

    @Test
    void blockPublicPolicyRefusesAPolicyForEveryone() {
        String everyone = policy("\"*\"", "");
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("pab").policy(everyone)))
            .satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("pab").policy(policy("{\"AWS\": [\"*\"]}", ""))))
            .satisfies(S3PublicAccessBlockTest::accessDenied);
        assertThatThrownBy(() -> f.s3.getBucketPolicy(b -> b.bucket("pab"))).satisfies(e -> assertThat(code(e))
            .isEqualTo("NoSuchBucketPolicy"));

        // fixed principals, or everyone limited to fixed source IPs or accounts, are not public
        f.s3.putBucketPolicy(b -> b.bucket("pab").policy(policy("{\"AWS\": \"arn:aws:iam::111122223333:root\"}", "")));
        f.s3.putBucketPolicy(b -> b.bucket("pab").policy(policy("\"*\"",
            ", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"192.0.2.0/24\"}}")));
        f.s3.putBucketPolicy(b -> b.bucket("pab").policy(policy("\"*\"",
            ", \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": [\"111122223333\"]}}")));
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("pab").policy(policy("\"*\"",
            ", \"Condition\": {\"StringLike\": {\"aws:SourceArn\": \"arn:aws:s3:::*\"}}")))).as("a wildcard is not fixed")
            .satisfies(S3PublicAccessBlockTest::accessDenied);

        f.s3.putPublicAccessBlock(b -> b.bucket("pab").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
        f.s3.putBucketPolicy(b -> b.bucket("pab").policy(everyone));
        assertThat(f.s3.getBucketPolicy(b -> b.bucket("pab")).policy()).isEqualTo(everyone);
    }

    private static String policy(String principal, String condition) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": " + principal
            + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::pab/*\"" + condition + "}]}";
    }
}
