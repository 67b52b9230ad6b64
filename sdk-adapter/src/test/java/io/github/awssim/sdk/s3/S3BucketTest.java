package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.sdk.SimulatedClients;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Bucket scenarios through real S3 clients: creation rules, deletion, listing, location, versioning, tags, policy. */
class S3BucketTest {
    private final S3Fixture f = new S3Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createHeadDeleteBothAddressingStyles() {
        for (S3Client c : f.syncClients()) {
            c.createBucket(b -> b.bucket("life-cycle"));
            assertThat(c.headBucket(b -> b.bucket("life-cycle")).bucketRegion()).isEqualTo("us-east-1");
            c.deleteBucket(b -> b.bucket("life-cycle"));
            assertThatThrownBy(() -> c.headBucket(b -> b.bucket("life-cycle"))).isInstanceOf(NoSuchBucketException.class);
            assertThatThrownBy(() -> c.deleteBucket(b -> b.bucket("life-cycle")))
                .isInstanceOf(NoSuchBucketException.class).hasMessageContaining("The specified bucket does not exist");
        }
    }

    @Test
    void recreatingYourOwnBucketSucceedsInUsEast1AndFailsElsewhere() {
        f.s3.createBucket(b -> b.bucket("mine"));
        f.s3.createBucket(b -> b.bucket("mine"));  // us-east-1: 200, as S3 answers

        try (S3Client ireland = SimulatedClients.of(f.sim).withRegion(Region.EU_WEST_1).create(S3Client.class)) {
            ireland.createBucket(b -> b.bucket("mine-in-eu"));  // the SDK adds LocationConstraint eu-west-1
            assertThatThrownBy(() -> ireland.createBucket(b -> b.bucket("mine-in-eu")))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class).extracting(e -> ((S3Exception) e).statusCode())
                .isEqualTo(409);
            assertThat(ireland.getBucketLocation(b -> b.bucket("mine-in-eu")).locationConstraint())
                .isEqualTo(BucketLocationConstraint.EU_WEST_1);
        }
        assertThat(f.s3.getBucketLocation(b -> b.bucket("mine")).locationConstraintAsString()).isEmpty();
    }

    @Test
    void anotherAccountsBucketNameIsTaken() {
        f.sim.s3().in("210987654321", Region.US_EAST_1).createBucket("theirs");
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("theirs")))
            .isInstanceOf(software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException.class);
        assertThatThrownBy(() -> f.s3.listObjectsV2(b -> b.bucket("theirs")))
            .isInstanceOf(S3Exception.class).satisfies(e -> {
                assertThat(code(e)).isEqualTo("AccessDenied");
                assertThat(((S3Exception) e).statusCode()).isEqualTo(403);
            });
    }

    @Test
    void anExpectedBucketOwnerMustOwnTheBucket() {
        String owner = f.sim.accountId();
        f.s3.createBucket(b -> b.bucket("owned"));
        f.s3.createBucket(b -> b.bucket("copies"));
        f.s3.putObject(b -> b.bucket("owned").key("k").expectedBucketOwner(owner), RequestBody.fromString("v"));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("owned").key("k").expectedBucketOwner(owner)).asUtf8String())
            .isEqualTo("v");
        assertThatThrownBy(() -> f.s3.getObjectAsBytes(b -> b.bucket("owned").key("k").expectedBucketOwner("111122223333")))
            .isInstanceOf(S3Exception.class)
            .satisfies(e -> {
                assertThat(code(e)).isEqualTo("AccessDenied");
                assertThat(((S3Exception) e).statusCode()).isEqualTo(403);
            })
            .hasMessageContaining("x-amz-expected-bucket-owner is 111122223333");
        assertThatThrownBy(() -> f.s3.deleteObject(b -> b.bucket("owned").key("k").expectedBucketOwner("111122223333")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
        assertThat(f.sim.s3().object("owned", "k")).isPresent();

        // A copy checks each bucket against its own header.
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("owned").sourceKey("k").destinationBucket("copies")
            .destinationKey("k").expectedBucketOwner(owner).expectedSourceBucketOwner("111122223333")))
            .satisfies(e -> {
                assertThat(code(e)).isEqualTo("AccessDenied");
                assertThat(((S3Exception) e).statusCode()).isEqualTo(403);
            })
            .hasMessageContaining("x-amz-source-expected-bucket-owner");
        String id = f.s3.createMultipartUpload(b -> b.bucket("copies").key("part")).uploadId();
        assertThatThrownBy(() -> f.s3.uploadPartCopy(b -> b.sourceBucket("owned").sourceKey("k").destinationBucket("copies")
            .destinationKey("part").uploadId(id).partNumber(1).expectedSourceBucketOwner("111122223333")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
        f.s3.copyObject(b -> b.sourceBucket("owned").sourceKey("k").destinationBucket("copies").destinationKey("k")
            .expectedBucketOwner(owner).expectedSourceBucketOwner(owner));
        f.s3.deleteObject(b -> b.bucket("owned").key("k").expectedBucketOwner(owner));
        assertThat(f.sim.s3().object("owned", "k")).isEmpty();
    }

    @Test
    void locationConstraintRules() {
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("east").createBucketConfiguration(
            c -> c.locationConstraint("us-east-1"))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidLocationConstraint"));
        // versity/versitygw#1644: an empty constraint is not the absent one
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("empty").createBucketConfiguration(
            c -> c.locationConstraint(""))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidLocationConstraint"))
            .hasMessageStartingWith("The specified location-constraint is not valid");
        assertThat(f.sim.s3().buckets()).doesNotContain("empty");
        f.s3.createBucket(b -> b.bucket("from-global").createBucketConfiguration(c -> c.locationConstraint("ap-south-1")));
        assertThat(f.sim.s3().buckets()).contains("from-global");
        try (S3Client oregon = SimulatedClients.of(f.sim).withRegion(Region.US_WEST_2).create(S3Client.class)) {
            assertThatThrownBy(() -> oregon.createBucket(b -> b.bucket("elsewhere").createBucketConfiguration(
                c -> c.locationConstraint("eu-central-1"))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("IllegalLocationConstraintException"))
                .hasMessageContaining("incompatible for the region specific endpoint");
        }
    }

    @Test
    void aClientInAnotherRegionIsRedirectedUnlessCrossRegionAccessIsOn() {
        f.sim.s3().in(f.sim.accountId(), Region.EU_CENTRAL_1).createBucket("in-frankfurt")
            .putObject("in-frankfurt", "k", "v");
        assertThatThrownBy(() -> f.s3.getObjectAsBytes(b -> b.bucket("in-frankfurt").key("k")))
            .isInstanceOf(S3Exception.class)
            .satisfies(e -> {
                assertThat(((S3Exception) e).statusCode()).isEqualTo(301);
                assertThat(code(e)).isEqualTo("PermanentRedirect");
                assertThat(((S3Exception) e).awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region"))
                    .contains("eu-central-1");
            })
            .hasMessageContaining(".crossRegionAccessEnabled(true)");
        try (S3Client anywhere = SimulatedClients.of(f.sim)
            .configure(S3BaseClientBuilder.class, b -> b.crossRegionAccessEnabled(true)).create(S3Client.class)) {
            assertThat(anywhere.getObjectAsBytes(b -> b.bucket("in-frankfurt").key("k")).asUtf8String()).isEqualTo("v");
        }
    }

    @Test
    void deletingANonEmptyBucketFailsUntilEveryVersionIsGone() {
        f.s3.createBucket(b -> b.bucket("full"));
        f.s3.putBucketVersioning(b -> b.bucket("full").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        f.s3.putObject(b -> b.bucket("full").key("a"), RequestBody.fromString("1"));
        f.s3.deleteObject(b -> b.bucket("full").key("a"));  // a delete marker: the version stays
        assertThatThrownBy(() -> f.s3.deleteBucket(b -> b.bucket("full")))
            .satisfies(e -> {
                assertThat(code(e)).isEqualTo("BucketNotEmpty");
                assertThat(((S3Exception) e).statusCode()).isEqualTo(409);
            });
        f.s3.listObjectVersions(b -> b.bucket("full")).versions().forEach(v ->
            f.s3.deleteObject(d -> d.bucket("full").key(v.key()).versionId(v.versionId())));
        f.s3.listObjectVersions(b -> b.bucket("full")).deleteMarkers().forEach(m ->
            f.s3.deleteObject(d -> d.bucket("full").key(m.key()).versionId(m.versionId())));
        f.s3.deleteBucket(b -> b.bucket("full"));
        assertThat(f.sim.s3().bucketExists("full")).isFalse();
    }

    @Test
    void bucketNamesAreValidatedBeforeAndByTheService() {
        // The SDK refuses some names itself, before any request (uppercase, IP addresses, '..'); S3 refuses the rest.
        for (String sdkRefuses : List.of("Upper", "192.168.5.4", "two..dots")) {
            assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket(sdkRefuses))).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("xn--punycode", "ends-s3alias", "sthree-bucket", "amzn-s3-demo-bucket", "dir--x-s3")) {
            assertThatThrownBy(() -> f.pathStyle.createBucket(b -> b.bucket(bad)))
                .as(bad).satisfies(e -> assertThat(code(e)).isEqualTo("InvalidBucketName"));
        }
        assertThatThrownBy(() -> f.sim.s3().createBucket("a"))
            .isInstanceOf(S3Exception.class).hasMessageContaining("3 to 63 characters");
    }

    @Test
    void namesTheSdkRefusesAreRefusedByTheSimulatorToo() {
        // The typed API skips the SDK's own name check: S3's rules must hold there as well.
        for (String bad : List.of("two..dots", "192.168.5.4", "Upper", "-dash-first", "dot-last.")) {
            assertThatThrownBy(() -> f.sim.s3().createBucket(bad))
                .as(bad).isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidBucketName"));
            assertThat(f.sim.s3().bucketExists(bad)).as(bad).isFalse();
        }
        for (String reserved : List.of("access--ol-s3", "global.mrap", "tables--table-s3")) {
            assertThatThrownBy(() -> f.pathStyle.createBucket(b -> b.bucket(reserved)))
                .as(reserved).satisfies(e -> assertThat(code(e)).isEqualTo("InvalidBucketName"));
        }
    }

    @Test
    void listBucketsPagesByPrefixAndToken() {
        IntStream.range(0, 5).forEach(i -> f.s3.createBucket(b -> b.bucket("team-a-" + i)));
        f.s3.createBucket(b -> b.bucket("other"));
        assertThat(f.s3.listBuckets().buckets()).extracting(Bucket::name)
            .containsExactly("other", "team-a-0", "team-a-1", "team-a-2", "team-a-3", "team-a-4");

        ListBucketsResponse first = f.s3.listBuckets(b -> b.prefix("team-a-").maxBuckets(2));
        assertThat(first.buckets()).extracting(Bucket::name).containsExactly("team-a-0", "team-a-1");
        assertThat(first.continuationToken()).isNotNull();
        assertThat(first.buckets()).allSatisfy(b -> assertThat(b.bucketRegion()).isEqualTo("us-east-1"));
        List<String> all = f.s3.listBucketsPaginator(b -> b.prefix("team-a-").maxBuckets(2)).buckets().stream()
            .map(Bucket::name).toList();
        assertThat(all).containsExactly("team-a-0", "team-a-1", "team-a-2", "team-a-3", "team-a-4");
        assertThat(f.s3.listBuckets(b -> b.bucketRegion("eu-west-1")).buckets()).isEmpty();
    }

    @Test
    void versioningStartsUnsetThenEnabledThenSuspendedNeverBack() {
        f.s3.createBucket(b -> b.bucket("versions"));
        assertThat(f.s3.getBucketVersioning(b -> b.bucket("versions")).status()).isNull();
        f.s3.putBucketVersioning(b -> b.bucket("versions").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        assertThat(f.s3.getBucketVersioning(b -> b.bucket("versions")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        f.s3.putBucketVersioning(b -> b.bucket("versions").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        assertThat(f.s3.getBucketVersioning(b -> b.bucket("versions")).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
        assertThatThrownBy(() -> f.s3.putBucketVersioning(b -> b.bucket("versions")
            .versioningConfiguration(v -> v.status("Disabled"))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedXML"));
    }

    @Test
    void bucketTagsAndPolicy() {
        f.s3.createBucket(b -> b.bucket("tagged"));
        assertThatThrownBy(() -> f.s3.getBucketTagging(b -> b.bucket("tagged")))
            .satisfies(e -> {
                assertThat(code(e)).isEqualTo("NoSuchTagSet");
                assertThat(((S3Exception) e).statusCode()).isEqualTo(404);
            });
        f.s3.putBucketTagging(b -> b.bucket("tagged").tagging(t -> t.tagSet(Tag.builder().key("team").value("billing").build(),
            Tag.builder().key("env").value("test").build())));
        assertThat(f.s3.getBucketTagging(b -> b.bucket("tagged")).tagSet()).extracting(Tag::key).containsExactly("team", "env");
        assertThatThrownBy(() -> f.s3.putBucketTagging(b -> b.bucket("tagged").tagging(t -> t.tagSet(
            Tag.builder().key("k").value("1").build(), Tag.builder().key("k").value("2").build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidTag"));
        f.s3.deleteBucketTagging(b -> b.bucket("tagged"));
        assertThatThrownBy(() -> f.s3.getBucketTagging(b -> b.bucket("tagged")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchTagSet"));

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::tagged/*\"}]}";
        assertThatThrownBy(() -> f.s3.getBucketPolicy(b -> b.bucket("tagged")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucketPolicy"));
        f.s3.putBucketPolicy(b -> b.bucket("tagged").policy(policy));
        assertThat(f.s3.getBucketPolicy(b -> b.bucket("tagged")).policy()).isEqualTo(policy);
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("tagged").policy("not json")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedPolicy"));
        f.s3.deleteBucketPolicy(b -> b.bucket("tagged"));
    }
}
