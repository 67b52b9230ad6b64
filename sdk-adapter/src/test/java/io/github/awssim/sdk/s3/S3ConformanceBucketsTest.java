package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Bucket-level scenarios of ceph/s3-tests ({@code s3tests/functional/test_s3.py}) that AWS itself passes, through
 * real S3 clients; each test names the s3-tests tests it follows. Where the suite predates S3's April 2023 defaults
 * (ACLs disabled, Block Public Access on), the test first sets what a user on AWS today would set.
 */
class S3ConformanceBucketsTest {
    private static final String PUBLIC_READ_POLICY = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::status/*"}]}""";

    private final S3Fixture f = new S3Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    /**
     * test_get_bucket_policy_status and test_get_nonpublicpolicy_*_bucket_policy_status. S3 judges the policy only:
     * a bucket without one answers NoSuchBucketPolicy (s3-tests expects IsPublic false there, which is RGW's answer),
     * and a public ACL does not make the status public (s3-tests' test_get_public_acl_bucket_policy_status is RGW's).
     */
    @Test
    void getBucketPolicyStatusJudgesThePolicyAlone() {
        f.s3.createBucket(b -> b.bucket("status").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        assertThatThrownBy(() -> f.s3.getBucketPolicyStatus(b -> b.bucket("status")))
            .isInstanceOf(S3Exception.class)
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucketPolicy"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(404));

        f.s3.deletePublicAccessBlock(b -> b.bucket("status"));
        f.s3.putBucketAcl(b -> b.bucket("status").acl(BucketCannedACL.PUBLIC_READ));
        f.s3.putBucketPolicy(b -> b.bucket("status").policy(PUBLIC_READ_POLICY.replace("\"*\"", "\"arn:aws:iam::"
            + "111122223333:root\"")));
        assertThat(f.s3.getBucketPolicyStatus(b -> b.bucket("status")).policyStatus().isPublic()).isFalse();

        f.s3.putBucketPolicy(b -> b.bucket("status").policy(PUBLIC_READ_POLICY));
        assertThat(f.s3.getBucketPolicyStatus(b -> b.bucket("status")).policyStatus().isPublic()).isTrue();

        f.s3.deleteBucketPolicy(b -> b.bucket("status"));
        assertThatThrownBy(() -> f.s3.getBucketPolicyStatus(b -> b.bucket("status")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucketPolicy"));
        assertThatThrownBy(() -> f.s3.getBucketPolicyStatus(b -> b.bucket("no-such-bucket")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucket"));
    }

    /**
     * test_bucket_policy_allow_notprincipal (an account "s3tenant1" is no account: 400 MalformedPolicy), with the
     * other statement checks S3 makes before storing a policy; a policy failing them is not stored.
     */
    @Test
    void putBucketPolicyChecksPrincipalsActionsAndResources() {
        f.s3.createBucket(b -> b.bucket("policed"));
        f.s3.deletePublicAccessBlock(b -> b.bucket("policed"));
        refusedPolicy("Invalid principal in policy", "Allow", "\"NotPrincipal\": {\"AWS\": \"arn:aws:iam::s3tenant1:root\"}",
            "s3:ListBucket", "arn:aws:s3:::policed");
        refusedPolicy("Invalid principal in policy", "Allow", "\"Principal\": \"someone\"", "s3:ListBucket",
            "arn:aws:s3:::policed");
        refusedPolicy("Invalid principal in policy", "Allow", "\"Principal\": {\"CanonicalUser\": \"abc\"}",
            "s3:ListBucket", "arn:aws:s3:::policed");
        refusedPolicy("Missing required field Principal", "Allow", "\"Sid\": \"none\"", "s3:ListBucket",
            "arn:aws:s3:::policed");
        refusedPolicy("Policy has invalid resource", "Allow", "\"Principal\": {\"AWS\": \"111122223333\"}",
            "s3:GetObject", "arn:aws:s3:::another-bucket/*");
        refusedPolicy("Policy has invalid action", "Allow", "\"Principal\": {\"AWS\": \"111122223333\"}",
            "iam:PassRole", "arn:aws:s3:::policed/*");
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("policed").policy("{\"Version\": \"2012-10-17\", "
            + "\"Statement\": [{\"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::policed/*\"}]}")))
            .hasMessageStartingWith("Missing required field Effect")
            .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedPolicy"));
        refusedPolicy("Invalid effect: Alow", "Alow", "\"Principal\": {\"AWS\": \"111122223333\"}",
            "s3:GetObject", "arn:aws:s3:::policed/*");
        assertThatThrownBy(() -> f.s3.getBucketPolicy(b -> b.bucket("policed")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucketPolicy"));

        for (String principal : List.of("{\"AWS\": \"111122223333\"}", "{\"AWS\": [\"arn:aws:iam::111122223333:root\", "
            + "\"arn:aws:iam::111122223333:role/reader\"]}", "{\"Service\": \"logging.s3.amazonaws.com\"}",
            "{\"AWS\": \"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL\"}")) {
            String policy = policy("Deny", "\"Principal\": " + principal, "s3:*", "arn:aws:s3:::policed*");
            f.s3.putBucketPolicy(b -> b.bucket("policed").policy(policy));
            assertThat(f.s3.getBucketPolicy(b -> b.bucket("policed")).policy()).isEqualTo(policy);
        }
    }

    private void refusedPolicy(String message, String effect, String principal, String action, String resource) {
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("policed")
            .policy(policy(effect, principal, action, resource))))
            .isInstanceOf(S3Exception.class)
            .hasMessageStartingWith(message)
            .satisfies(e -> assertThat(status(e)).isEqualTo(400))
            .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedPolicy"));
    }

    private static String policy(String effect, String principal, String action, String resource) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"" + effect + "\", " + principal
            + ", \"Action\": \"" + action + "\", \"Resource\": [\"" + resource + "\"]}]}";
    }

    /** test_list_buckets_paginated: a token only while buckets remain, and it reaches the next one. */
    @Test
    void listBucketsGivesATokenOnlyWhileBucketsRemain() {
        assertThat(f.s3.listBuckets(b -> b.maxBuckets(1)).buckets()).isEmpty();
        f.s3.createBucket(b -> b.bucket("first"));
        ListBucketsResponse one = f.s3.listBuckets(b -> b.maxBuckets(1));
        assertThat(one.buckets()).extracting(software.amazon.awssdk.services.s3.model.Bucket::name).containsExactly("first");
        assertThat(one.continuationToken()).isNull();

        f.s3.createBucket(b -> b.bucket("second"));
        ListBucketsResponse page = f.s3.listBuckets(b -> b.maxBuckets(1));
        assertThat(page.continuationToken()).isNotNull();
        ListBucketsResponse next = f.s3.listBuckets(b -> b.maxBuckets(1).continuationToken(page.continuationToken()));
        assertThat(next.buckets()).extracting(software.amazon.awssdk.services.s3.model.Bucket::name).containsExactly("second");
        assertThat(next.continuationToken()).isNull();
    }

    /**
     * test_bucket_list_delimiter_unreadable, test_bucket_list_marker_unreadable,
     * test_bucket_listv2_startafter_unreadable, test_bucket_list_prefix_unreadable: a line feed travels in the query
     * and back in the XML unchanged; as a delimiter found in no key it groups nothing.
     */
    @Test
    void aLineFeedAsDelimiterMarkerOrPrefixIsEchoedAndMatchesNothing() {
        f.s3.createBucket(b -> b.bucket("unreadable"));
        List<String> keys = List.of("bar", "baz", "cab", "foo");
        keys.forEach(k -> f.s3.putObject(b -> b.bucket("unreadable").key(k), RequestBody.fromString(k)));

        ListObjectsResponse byDelimiter = f.s3.listObjects(b -> b.bucket("unreadable").delimiter("\n"));
        assertThat(byDelimiter.delimiter()).isEqualTo("\n");
        assertThat(byDelimiter.contents()).extracting(S3Object::key).isEqualTo(keys);
        assertThat(byDelimiter.commonPrefixes()).extracting(CommonPrefix::prefix).isEmpty();

        ListObjectsResponse byMarker = f.s3.listObjects(b -> b.bucket("unreadable").marker("\n"));
        assertThat(byMarker.marker()).isEqualTo("\n");
        assertThat(byMarker.isTruncated()).isFalse();
        assertThat(byMarker.contents()).extracting(S3Object::key).isEqualTo(keys);

        assertThat(f.s3.listObjectsV2(b -> b.bucket("unreadable").startAfter("\n")).contents())
            .extracting(S3Object::key).isEqualTo(keys);
        assertThat(f.s3.listObjectsV2(b -> b.bucket("unreadable").prefix("\n")).contents()).isEmpty();
    }

    /**
     * test_bucket_list_delimiter_prefix, test_bucket_listv2_delimiter_prefix: with a delimiter, a page ends at a key
     * or a common prefix, v1's NextMarker names it (and a later page skips that whole prefix), and the last page
     * is not truncated even when it is exactly max-keys long.
     */
    @Test
    void delimitedPagesEndAtAKeyOrACommonPrefix() {
        f.s3.createBucket(b -> b.bucket("delimited"));
        for (String k : List.of("asdf", "boo/bar", "boo/baz/xyzzy", "cquux/thud", "cquux/bla")) {
            f.s3.putObject(b -> b.bucket("delimited").key(k), RequestBody.fromString(k));
        }
        String next = listPage("", "", 1, true, List.of("asdf"), List.of(), "asdf");
        next = listPage("", next, 1, true, List.of(), List.of("boo/"), "boo/");
        listPage("", next, 1, false, List.of(), List.of("cquux/"), null);
        next = listPage("", "", 2, true, List.of("asdf"), List.of("boo/"), "boo/");
        listPage("", next, 2, false, List.of(), List.of("cquux/"), null);
        next = listPage("boo/", "", 1, true, List.of("boo/bar"), List.of(), "boo/bar");
        listPage("boo/", next, 1, false, List.of(), List.of("boo/baz/"), null);
        listPage("boo/", "", 2, false, List.of("boo/bar"), List.of("boo/baz/"), null);

        ListObjectsV2Response first = f.s3.listObjectsV2(b -> b.bucket("delimited").delimiter("/").maxKeys(1));
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("asdf");
        ListObjectsV2Response second = f.s3.listObjectsV2(b -> b.bucket("delimited").delimiter("/").maxKeys(1)
            .continuationToken(first.nextContinuationToken()));
        assertThat(second.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("boo/");
        ListObjectsV2Response last = f.s3.listObjectsV2(b -> b.bucket("delimited").delimiter("/").maxKeys(1)
            .continuationToken(second.nextContinuationToken()));
        assertThat(last.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("cquux/");
        assertThat(last.isTruncated()).isFalse();
        assertThat(last.nextContinuationToken()).isNull();
    }

    private String listPage(String prefix, String marker, int maxKeys, boolean truncated, List<String> keys,
                            List<String> prefixes, String nextMarker) {
        ListObjectsResponse page = f.s3.listObjects(b -> b.bucket("delimited").delimiter("/").prefix(prefix)
            .marker(marker).maxKeys(maxKeys));
        assertThat(page.isTruncated()).isEqualTo(truncated);
        assertThat(page.contents()).extracting(S3Object::key).isEqualTo(keys);
        assertThat(page.commonPrefixes()).extracting(CommonPrefix::prefix).isEqualTo(prefixes);
        assertThat(page.nextMarker()).isEqualTo(nextMarker);
        return page.nextMarker();
    }

    /** test_bucket_list_maxkeys_invalid: a max-keys that is no number is 400 InvalidArgument, not a server error. */
    @Test
    void aMaxKeysThatIsNoNumberIsInvalidArgument() {
        ExecutionInterceptor blah = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().putRawQueryParameter("max-keys", "blah").build();
            }
        };
        try (S3Client s3 = SimulatedClients.of(f.sim)
            .withOverrides(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(blah))
            .create(S3Client.class)) {
            f.s3.createBucket(b -> b.bucket("maxkeys"));
            assertThatThrownBy(() -> s3.listObjects(b -> b.bucket("maxkeys")))
                .isInstanceOf(S3Exception.class)
                .hasMessageStartingWith("Provided max-keys not an integer or within integer range")
                .satisfies(e -> assertThat(status(e)).isEqualTo(400))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
            assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("maxkeys")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
        }
    }

    /**
     * test_delete_marker_nonversioned, test_delete_marker_versioned, test_delete_marker_suspended: HEAD of a key
     * whose current version is a delete marker is 404 with {@code x-amz-delete-marker: true}; a key deleted from an
     * unversioned bucket leaves no marker and no such header (s3-tests expects "false", RGW's answer; S3's HeadObject
     * reference says the header does not appear when false).
     */
    @Test
    void headOfADeleteMarkerSaysSoInItsHeaders() {
        f.s3.createBucket(b -> b.bucket("markers"));
        f.s3.putObject(b -> b.bucket("markers").key("frodo.txt"), RequestBody.fromString("body"));
        f.s3.deleteObject(b -> b.bucket("markers").key("frodo.txt"));
        assertThat(headFailure("markers", "frodo.txt").awsErrorDetails().sdkHttpResponse()
            .firstMatchingHeader("x-amz-delete-marker")).isEmpty();

        f.s3.putBucketVersioning(b -> b.bucket("markers").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        f.s3.putObject(b -> b.bucket("markers").key("bilbo.txt"), RequestBody.fromString("body"));
        f.s3.deleteObject(b -> b.bucket("markers").key("bilbo.txt"));
        assertThat(headFailure("markers", "bilbo.txt").awsErrorDetails().sdkHttpResponse()
            .firstMatchingHeader("x-amz-delete-marker")).contains("true");

        f.s3.putObject(b -> b.bucket("markers").key("ringo.txt"), RequestBody.fromString("body"));
        f.s3.putBucketVersioning(b -> b.bucket("markers").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        f.s3.deleteObject(b -> b.bucket("markers").key("ringo.txt"));
        S3Exception suspended = headFailure("markers", "ringo.txt");
        assertThat(suspended.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        assertThat(suspended.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).contains("null");
    }

    /** test_versioning_multi_object_delete_with_marker_create: DeleteObjects of a missing key leaves a marker. */
    @Test
    void deleteObjectsOfAMissingKeyInAVersionedBucketCreatesADeleteMarker() {
        f.s3.createBucket(b -> b.bucket("multi"));
        f.s3.putBucketVersioning(b -> b.bucket("multi").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        DeleteObjectsResponse deleted = f.s3.deleteObjects(b -> b.bucket("multi")
            .delete(d -> d.objects(ObjectIdentifier.builder().key("key").build())));

        assertThat(deleted.deleted()).singleElement().satisfies(d -> {
            assertThat(d.deleteMarker()).isTrue();
            assertThat(d.deleteMarkerVersionId()).hasSize(32);
        });
        assertThat(f.s3.listObjectVersions(b -> b.bucket("multi")).deleteMarkers()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("key");
            assertThat(m.versionId()).isEqualTo(deleted.deleted().get(0).deleteMarkerVersionId());
            assertThat(m.isLatest()).isTrue();
        });
        assertThat(f.s3.listObjectVersions(b -> b.bucket("multi")).versions()).isEmpty();
    }

    /**
     * test_versioning_concurrent_multi_object_delete, test_versioning_multi_object_delete_with_marker: DeleteObjects
     * of explicit versions is idempotent. Five racing requests for the same fifteen versions each report all fifteen
     * deleted and no error, and nothing is left; deleting a marker's version twice succeeds both times.
     */
    @Test
    void deletingVersionsByIdIsIdempotentEvenWhenRacing() throws Exception {
        f.s3.createBucket(b -> b.bucket("racing"));
        f.s3.putBucketVersioning(b -> b.bucket("racing").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                String key = "key_" + i;
                f.s3.putObject(b -> b.bucket("racing").key(key), RequestBody.fromString(key));
            }
        }
        List<ObjectIdentifier> all = f.s3.listObjectVersions(b -> b.bucket("racing")).versions().stream()
            .map(v -> ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()).toList();
        assertThat(all).hasSize(15);

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<DeleteObjectsResponse>> racing = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                racing.add(pool.submit(() -> f.s3.deleteObjects(b -> b.bucket("racing").delete(d -> d.objects(all)))));
            }
            for (Future<DeleteObjectsResponse> r : racing) {
                DeleteObjectsResponse response = r.get(30, TimeUnit.SECONDS);
                assertThat(response.deleted()).hasSize(15);
                assertThat(response.errors()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.s3.listObjects(b -> b.bucket("racing")).contents()).isEmpty();
        assertThat(f.s3.listObjectVersions(b -> b.bucket("racing")).versions()).isEmpty();

        String marker = f.s3.deleteObject(b -> b.bucket("racing").key("key_0")).versionId();
        for (int again = 0; again < 2; again++) {
            DeleteObjectsResponse gone = f.s3.deleteObjects(b -> b.bucket("racing").delete(d -> d.objects(
                ObjectIdentifier.builder().key("key_0").versionId(marker).build())));
            assertThat(gone.errors()).isEmpty();
            assertThat(gone.deleted()).singleElement().satisfies(d -> assertThat(d.versionId()).isEqualTo(marker));
        }
        assertThat(f.s3.listObjectVersions(b -> b.bucket("racing")).deleteMarkers()).isEmpty();
    }

    /**
     * test_versioning_bucket_atomic_upload_return_version_id, test_versioning_bucket_multipart_upload_return_version_id:
     * a write answers a version id only where versioning is enabled. A suspended bucket writes the null version and
     * answers no {@code x-amz-version-id} (S3's PutObject "versioning suspended" sample), for copies too; reading that
     * version back answers {@code null}.
     */
    @Test
    void writesAnswerAVersionIdOnlyWhereVersioningIsEnabled() {
        f.sim.s3().minimumPartSize(1);
        for (String bucket : List.of("enabled", "never", "suspended")) {
            f.s3.createBucket(b -> b.bucket(bucket));
        }
        f.s3.putBucketVersioning(b -> b.bucket("enabled").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        f.s3.putBucketVersioning(b -> b.bucket("suspended").versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));

        String put = f.s3.putObject(b -> b.bucket("enabled").key("bar"), RequestBody.empty()).versionId();
        assertThat(f.s3.listObjectVersions(b -> b.bucket("enabled")).versions()).extracting(ObjectVersion::versionId)
            .containsExactly(put);
        assertThat(completeUpload("enabled", "multi")).isNotNull().isNotEqualTo(put);
        assertThat(f.s3.copyObject(b -> b.sourceBucket("enabled").sourceKey("bar").destinationBucket("enabled")
            .destinationKey("copy")).versionId()).hasSize(32);

        for (String bucket : List.of("never", "suspended")) {
            assertThat(f.s3.putObject(b -> b.bucket(bucket).key("baz"), RequestBody.empty()).versionId()).isNull();
            assertThat(completeUpload(bucket, "multi")).isNull();
            assertThat(f.s3.copyObject(b -> b.sourceBucket("enabled").sourceKey("bar").destinationBucket(bucket)
                .destinationKey("copy")).versionId()).isNull();
        }
        assertThat(f.s3.headObject(b -> b.bucket("suspended").key("baz")).versionId()).isEqualTo("null");
        assertThat(f.s3.getObject(b -> b.bucket("suspended").key("copy")).response().versionId()).isEqualTo("null");
        assertThat(f.s3.headObject(b -> b.bucket("never").key("baz")).versionId()).isNull();
        assertThat(f.s3.listObjectVersions(b -> b.bucket("suspended")).versions()).extracting(ObjectVersion::versionId)
            .containsOnly("null");
    }

    /**
     * test_delete_marker_expiration: once NoncurrentVersionExpiration has removed the version a marker hides,
     * ExpiredObjectDeleteMarker removes the lone marker, on the simulation clock, and HEAD no longer reports one.
     */
    @Test
    void aLoneDeleteMarkerExpiresAfterTheVersionItHid() {
        f.s3.createBucket(b -> b.bucket("expiring"));
        f.s3.putBucketVersioning(b -> b.bucket("expiring").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        f.s3.putObject(b -> b.bucket("expiring").key("nugent.ted"), RequestBody.fromString("body"));
        f.s3.deleteObject(b -> b.bucket("expiring").key("nugent.ted"));
        f.s3.putBucketLifecycleConfiguration(b -> b.bucket("expiring").lifecycleConfiguration(c -> c.rules(
            LifecycleRule.builder().id("dm-1-days").prefix("").status(ExpirationStatus.ENABLED)
                .expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
            LifecycleRule.builder().id("noncur-1-days").prefix("").status(ExpirationStatus.ENABLED)
                .noncurrentVersionExpiration(e -> e.noncurrentDays(1)).build())));
        assertThat(headFailure("expiring", "nugent.ted").awsErrorDetails().sdkHttpResponse()
            .firstMatchingHeader("x-amz-delete-marker")).contains("true");

        f.sim.clock().set(S3Fixture.START.plus(Duration.ofDays(3)));

        assertThat(headFailure("expiring", "nugent.ted").awsErrorDetails().sdkHttpResponse()
            .firstMatchingHeader("x-amz-delete-marker")).isEmpty();
        ListObjectVersionsResponse left = f.s3.listObjectVersions(b -> b.bucket("expiring"));
        assertThat(left.versions()).isEmpty();
        assertThat(left.deleteMarkers()).isEmpty();
    }

    /**
     * test_lifecycle_expiration_header_tags_head, test_lifecycle_expiration_header_and_tags_head: x-amz-expiration
     * follows the object's current tags, a Tag filter needing its one tag and an And filter every one of its tags.
     */
    @Test
    void theExpirationHeaderFollowsTagFilters() {
        f.s3.createBucket(b -> b.bucket("tagged"));
        f.s3.putObject(b -> b.bucket("tagged").key("obj_key1"), RequestBody.fromString("obj_key1_body"));
        f.s3.putObjectTagging(b -> b.bucket("tagged").key("obj_key1").tagging(t -> t.tagSet(tag("key1", "tag1"),
            tag("key5", "tag5"))));

        expireAfterADay(LifecycleRuleFilter.builder().tag(tag("key1", "tag1")).build());
        assertThat(f.s3.headObject(b -> b.bucket("tagged").key("obj_key1")).expiration())
            .isEqualTo("expiry-date=\"Tue, 03 Mar 2026 00:00:00 GMT\", rule-id=\"rule1\"");

        expireAfterADay(LifecycleRuleFilter.builder().tag(tag("key2", "tag1")).build());
        assertThat(f.s3.headObject(b -> b.bucket("tagged").key("obj_key1")).expiration()).isNull();

        expireAfterADay(LifecycleRuleFilter.builder().and(a -> a.tags(tag("key1", "tag1"), tag("key5", "tag6"))).build());
        assertThat(f.s3.headObject(b -> b.bucket("tagged").key("obj_key1")).expiration()).isNull();

        expireAfterADay(LifecycleRuleFilter.builder().and(a -> a.tags(tag("key1", "tag1"), tag("key5", "tag5"))).build());
        assertThat(f.s3.headObject(b -> b.bucket("tagged").key("obj_key1")).expiration()).contains("rule-id=\"rule1\"");
    }

    private void expireAfterADay(LifecycleRuleFilter filter) {
        f.s3.putBucketLifecycleConfiguration(b -> b.bucket("tagged").lifecycleConfiguration(c -> c.rules(
            LifecycleRule.builder().id("rule1").filter(filter).status(ExpirationStatus.ENABLED).expiration(e -> e.days(1))
                .build())));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private String completeUpload(String bucket, String key) {
        String id = f.s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String eTag = f.s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1), RequestBody.fromString("part"))
            .eTag();
        return f.s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
            .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build()))).versionId();
    }

    private S3Exception headFailure(String bucket, String key) {
        try {
            f.s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return e;
        }
        throw new AssertionError("HEAD " + key + " succeeded");
    }
}
