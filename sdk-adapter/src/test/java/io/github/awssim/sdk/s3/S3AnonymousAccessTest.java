package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulationServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Unsigned requests (the SDK's {@code AnonymousCredentialsProvider}, and curl against the loopback server) reach
 * only what a bucket makes public: a policy for Principal "*" or an AllUsers ACL grant, as Block Public Access
 * lets them count; an explicit Deny wins; a missing key is 403 unless the caller may also list the bucket.
 */
class S3AnonymousAccessTest {
    private final S3Fixture f = new S3Fixture();
    private final S3Client owner = f.s3;
    private final S3Client anonymous = f.keep(SimulatedClients.of(f.sim)
        .withOverrides(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .configure(S3BaseClientBuilder.class, b -> b.credentialsProvider(AnonymousCredentialsProvider.create()))
        .create(S3Client.class));

    @AfterEach
    void close() {
        f.close();
    }

    private static String publicRead(String bucket, String... extraStatements) {
        StringBuilder more = new StringBuilder();
        for (String s : extraStatements) {
            more.append(',').append(s);
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}" + more + "]}";
    }

    private void seed(String bucket, String... keys) {
        owner.createBucket(b -> b.bucket(bucket));
        for (String key : keys) {
            owner.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
        }
    }

    @Test
    void aPrivateBucketDeniesEveryAnonymousCallAndAMissingBucketIsStillNoSuchBucket() {
        seed("private-bucket", "k");

        assertThat(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("private-bucket").key("k"))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"))
            .hasMessageContaining("anonymous request").hasMessageContaining("s3:GetObject on arn:aws:s3:::private-bucket/k");
        assertThat(status(catchThrowable(() -> anonymous.headObject(h -> h.bucket("private-bucket").key("k"))))).isEqualTo(403);
        assertThat(code(catchThrowable(() -> anonymous.listObjectsV2(l -> l.bucket("private-bucket"))))).isEqualTo("AccessDenied");
        assertThat(code(catchThrowable(() -> anonymous.putObject(p -> p.bucket("private-bucket").key("new"),
            RequestBody.fromString("x"))))).isEqualTo("AccessDenied");
        assertThat(code(catchThrowable(() -> anonymous.listBuckets()))).isEqualTo("AccessDenied");
        assertThat(code(catchThrowable(() -> anonymous.createBucket(b -> b.bucket("anon-bucket"))))).isEqualTo("AccessDenied");
        assertThat(code(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("no-such-bucket-x").key("k")))))
            .isEqualTo("NoSuchBucket");
        assertThat(f.sim.s3().objectText("private-bucket", "k")).isEqualTo("content of k");
        assertThat(f.sim.s3().bucketExists("anon-bucket")).isFalse();
    }

    @Test
    void aPublicReadPolicyOpensObjectsButNotTheListingAndAMissingKeyStays403WithoutListBucket() {
        seed("website", "index.html");
        owner.deletePublicAccessBlock(d -> d.bucket("website"));
        owner.putBucketPolicy(p -> p.bucket("website").policy(publicRead("website")));

        assertThat(anonymous.getObjectAsBytes(g -> g.bucket("website").key("index.html")).asUtf8String())
            .isEqualTo("content of index.html");
        assertThat(code(catchThrowable(() -> anonymous.listObjectsV2(l -> l.bucket("website"))))).isEqualTo("AccessDenied");
        assertThat(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("website").key("missing.html"))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied")).hasMessageContaining("s3:ListBucket");

        owner.putBucketPolicy(p -> p.bucket("website").policy(publicRead("website",
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:List*\",\"Resource\":\"arn:aws:s3:::website\"}")));

        assertThat(code(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("website").key("missing.html")))))
            .isEqualTo("NoSuchKey");
        assertThat(anonymous.listObjectsV2(l -> l.bucket("website")).contents()).extracting(S3Object::key)
            .containsExactly("index.html");
        assertThat(code(catchThrowable(() -> anonymous.putObject(p -> p.bucket("website").key("defaced.html"),
            RequestBody.fromString("x"))))).as("reading is not writing").isEqualTo("AccessDenied");
    }

    @Test
    void anExplicitDenyForEveryoneWinsAndRestrictPublicBucketsDropsThePublicPolicy() {
        seed("mixed", "open/a", "secret/b");
        owner.deletePublicAccessBlock(d -> d.bucket("mixed"));
        owner.putBucketPolicy(p -> p.bucket("mixed").policy(publicRead("mixed",
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::mixed/secret/*\"}")));

        assertThat(anonymous.getObjectAsBytes(g -> g.bucket("mixed").key("open/a")).asUtf8String()).isEqualTo("content of open/a");
        assertThat(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("mixed").key("secret/b"))))
            .hasMessageContaining("the bucket policy denies everyone s3:GetObject");

        owner.putPublicAccessBlock(p -> p.bucket("mixed").publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));

        assertThat(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("mixed").key("open/a"))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied")).hasMessageContaining("RestrictPublicBuckets");
    }

    @Test
    void aclGrantsToAllUsersCountWhileAclsAreEnabledAndNotIgnored() {
        owner.createBucket(b -> b.bucket("acl-bucket").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        owner.deletePublicAccessBlock(d -> d.bucket("acl-bucket"));
        owner.putObject(p -> p.bucket("acl-bucket").key("public").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("p"));
        owner.putObject(p -> p.bucket("acl-bucket").key("private"), RequestBody.fromString("q"));

        assertThat(anonymous.getObjectAsBytes(g -> g.bucket("acl-bucket").key("public")).asUtf8String()).isEqualTo("p");
        assertThat(code(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("acl-bucket").key("private")))))
            .isEqualTo("AccessDenied");

        owner.putBucketAcl(a -> a.bucket("acl-bucket").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ_WRITE));
        anonymous.putObject(p -> p.bucket("acl-bucket").key("dropped"), RequestBody.fromString("from anyone"));
        assertThat(anonymous.listObjectsV2(l -> l.bucket("acl-bucket")).contents()).extracting(S3Object::key)
            .containsExactly("dropped", "private", "public");
        assertThat(f.sim.s3().objectText("acl-bucket", "dropped")).isEqualTo("from anyone");

        owner.putPublicAccessBlock(p -> p.bucket("acl-bucket").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        assertThat(catchThrowable(() -> anonymous.getObjectAsBytes(g -> g.bucket("acl-bucket").key("public"))))
            .hasMessageContaining("IgnorePublicAcls");
    }

    @Test
    void anAnonymousCopyNeedsToReadTheSourceAsWellAsWriteTheTarget() {
        seed("drop-box");
        seed("vault", "gold");
        owner.deletePublicAccessBlock(d -> d.bucket("drop-box"));
        owner.putBucketPolicy(p -> p.bucket("drop-box").policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":[\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::drop-box/*\"}]}"));

        assertThat(catchThrowable(() -> anonymous.copyObject(c -> c.sourceBucket("vault").sourceKey("gold")
            .destinationBucket("drop-box").destinationKey("stolen"))))
            .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied")).hasMessageContaining("arn:aws:s3:::vault/gold");
        assertThat(f.sim.s3().object("drop-box", "stolen")).isEmpty();
    }

    @Test
    void curlAgainstTheServerReadsAPublicObjectAndIsRefusedAPrivateOne() throws Exception {
        seed("cdn", "logo.svg", "draft.svg");
        owner.deletePublicAccessBlock(d -> d.bucket("cdn"));
        owner.putBucketPolicy(p -> p.bucket("cdn").policy(publicRead("cdn").replace("cdn/*", "cdn/logo.svg")));

        try (SimulationServer server = SimulationServer.start(f.sim)) {
            HttpClient curl = HttpClient.newHttpClient();
            HttpResponse<String> logo = curl.send(HttpRequest.newBuilder(server.endpoint().resolve("/cdn/logo.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> draft = curl.send(HttpRequest.newBuilder(server.endpoint().resolve("/cdn/draft.svg")).build(),
                HttpResponse.BodyHandlers.ofString());

            assertThat(logo.statusCode()).isEqualTo(200);
            assertThat(logo.body()).isEqualTo("content of logo.svg");
            assertThat(draft.statusCode()).isEqualTo(403);
            assertThat(draft.body()).contains("<Code>AccessDenied</Code>");
        }
    }
}
