package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.services.s3.S3Fault;
import io.github.awssim.core.services.s3.StoredObject;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** CopyObject, DeleteObjects, tagging, GetObjectAttributes and versioning through real S3 clients. */
class S3CopyTaggingVersionsTest {
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("src"));
        f.s3.createBucket(b -> b.bucket("dst"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    // ---- CopyObject --------------------------------------------------------------------------

    @Test
    void copyKeepsOrReplacesMetadataAndTags() {
        f.s3.putObject(b -> b.bucket("src").key("dir/a b.txt").contentType("text/plain").metadata(Map.of("m", "1"))
            .tagging("team=billing"), RequestBody.fromString("content"));
        CopyObjectResponse kept = f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("dir/a b.txt")
            .destinationBucket("dst").destinationKey("copy"));
        assertThat(kept.copyObjectResult().eTag()).isEqualTo(f.sim.s3().object("src", "dir/a b.txt").get().eTag());
        StoredObject copy = f.sim.s3().object("dst", "copy").orElseThrow();
        assertThat(copy.contentType()).isEqualTo("text/plain");
        assertThat(copy.metadata()).isEqualTo(Map.of("m", "1"));
        assertThat(copy.tags()).isEqualTo(Map.of("team", "billing"));
        assertThat(f.sim.s3().objectText("dst", "copy")).isEqualTo("content");

        f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("dir/a b.txt").destinationBucket("dst").destinationKey("replaced")
            .metadataDirective(MetadataDirective.REPLACE).contentType("text/csv").metadata(Map.of("n", "2"))
            .taggingDirective(TaggingDirective.REPLACE).tagging("env=test").storageClass(StorageClass.STANDARD_IA));
        StoredObject replaced = f.sim.s3().object("dst", "replaced").orElseThrow();
        assertThat(replaced.contentType()).isEqualTo("text/csv");
        assertThat(replaced.metadata()).isEqualTo(Map.of("n", "2"));
        assertThat(replaced.tags()).isEqualTo(Map.of("env", "test"));
        assertThat(replaced.storageClass()).isEqualTo("STANDARD_IA");
    }

    @Test
    void copyingAnObjectOntoItselfNeedsAChange() {
        f.s3.putObject(b -> b.bucket("src").key("self"), RequestBody.fromString("v"));
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("self").destinationBucket("src")
            .destinationKey("self")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("copy an object to itself");
        f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("self").destinationBucket("src").destinationKey("self")
            .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("touched", "yes")));
        assertThat(f.sim.s3().object("src", "self").get().metadata()).containsEntry("touched", "yes");
    }

    @Test
    void aCopyIsStandardWithoutAWebsiteRedirectUnlessItAsks() {
        f.s3.putObject(b -> b.bucket("src").key("ia").storageClass(StorageClass.STANDARD_IA).websiteRedirectLocation("/elsewhere")
            .contentType("text/plain"), RequestBody.fromString("v"));
        f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("ia").destinationBucket("dst").destinationKey("plain"));
        HeadObjectResponse plain = f.s3.headObject(b -> b.bucket("dst").key("plain"));
        assertThat(plain.storageClass()).isNull();  // STANDARD, which S3 does not answer
        assertThat(plain.websiteRedirectLocation()).isNull();
        assertThat(plain.contentType()).isEqualTo("text/plain");
        f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("ia").destinationBucket("dst").destinationKey("asked")
            .storageClass(StorageClass.ONEZONE_IA).websiteRedirectLocation("/there"));
        HeadObjectResponse asked = f.s3.headObject(b -> b.bucket("dst").key("asked"));
        assertThat(asked.storageClass()).isEqualTo(StorageClass.ONEZONE_IA);
        assertThat(asked.websiteRedirectLocation()).isEqualTo("/there");

        // Onto itself, naming the class it already has changes nothing; leaving the class out makes it STANDARD.
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("ia").destinationBucket("src")
            .destinationKey("ia").storageClass(StorageClass.STANDARD_IA)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageContaining("copy an object to itself");
        f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("ia").destinationBucket("src").destinationKey("ia"));
        assertThat(f.sim.s3().object("src", "ia").orElseThrow().storageClass()).isEqualTo("STANDARD");
    }

    @Test
    void conditionalCopySource() {
        String eTag = f.s3.putObject(b -> b.bucket("src").key("c"), RequestBody.fromString("v")).eTag();
        Instant before = S3Fixture.START.minus(Duration.ofHours(1));
        f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("c").destinationBucket("dst").destinationKey("1")
            .copySourceIfMatch(eTag).copySourceIfUnmodifiedSince(before));
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("c").destinationBucket("dst")
            .destinationKey("2").copySourceIfMatch("\"x\"")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        // If-None-Match false with If-Modified-Since true: 412 for a copy source (304 is for GET and HEAD).
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("c").destinationBucket("dst")
            .destinationKey("3").copySourceIfNoneMatch(eTag).copySourceIfModifiedSince(before)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(412));
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("missing").destinationBucket("dst")
            .destinationKey("4"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aCopyFailingInsideA200IsRetriedByTheSdk() {
        f.s3.putObject(b -> b.bucket("src").key("k"), RequestBody.fromString("v"));
        // One attempt: the SDK finds <Error> in the 200 body and throws S3Exception with status 200.
        f.sim.s3().failNext("CopyObject", 1, S3Fault.INTERNAL_ERROR_IN_200_RESPONSE);
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("k").destinationBucket("dst").destinationKey("k")))
            .isInstanceOf(S3Exception.class)
            .satisfies(e -> {
                assertThat(status(e)).isEqualTo(200);
                assertThat(code(e)).isEqualTo("InternalError");
            });
        // With the SDK's default retries, InternalError is retried and the copy succeeds on the 3rd attempt.
        try (S3Client retrying = SimulatedClients.create(f.sim, S3Client.class)) {
            f.sim.s3().failNext("CopyObject", 2, S3Fault.INTERNAL_ERROR_IN_200_RESPONSE);
            retrying.copyObject(b -> b.sourceBucket("src").sourceKey("k").destinationBucket("dst").destinationKey("k"));
        }
        assertThat(f.sim.journal().last().attemptCount()).isEqualTo(3);
        assertThat(f.sim.s3().objectText("dst", "k")).isEqualTo("v");
    }

    // ---- DeleteObjects -----------------------------------------------------------------------

    @Test
    void deleteObjectsReportsEachKeyAndQuietModeOnlyErrors() {
        f.s3.putObject(b -> b.bucket("src").key("a"), RequestBody.fromString("1"));
        f.s3.putObject(b -> b.bucket("src").key("b"), RequestBody.fromString("2"));
        DeleteObjectsResponse loud = f.s3.deleteObjects(b -> b.bucket("src").delete(d -> d.objects(
            ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("never-was").build())));
        assertThat(loud.deleted()).extracting(DeletedObject::key).containsExactly("a", "never-was");
        assertThat(loud.errors()).isEmpty();
        DeleteObjectsResponse quiet = f.s3.deleteObjects(b -> b.bucket("src").delete(d -> d.quiet(true).objects(
            ObjectIdentifier.builder().key("b").build(),
            ObjectIdentifier.builder().key("c").eTag("\"not-it\"").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("c");
            assertThat(e.code()).isEqualTo("NoSuchKey");
        });
        assertThat(f.sim.s3().objects("src")).isEmpty();
    }

    // ---- tagging and attributes --------------------------------------------------------------

    @Test
    void objectTagging() {
        f.s3.putObject(b -> b.bucket("src").key("t").tagging("a=1&b=two%20words"), RequestBody.fromString("v"));
        assertThat(f.s3.getObjectTagging(b -> b.bucket("src").key("t")).tagSet())
            .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1"),
                org.assertj.core.groups.Tuple.tuple("b", "two words"));
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("src").key("t")).response().tagCount()).isEqualTo(2);
        f.s3.putObjectTagging(b -> b.bucket("src").key("t").tagging(t -> t.tagSet(Tag.builder().key("only").value("x").build())));
        assertThat(f.sim.s3().object("src", "t").get().tags()).isEqualTo(Map.of("only", "x"));
        List<Tag> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThatThrownBy(() -> f.s3.putObjectTagging(b -> b.bucket("src").key("t").tagging(t -> t.tagSet(eleven))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidTag"));
        assertThatThrownBy(() -> f.s3.putObjectTagging(b -> b.bucket("src").key("t").tagging(t -> t.tagSet(
            Tag.builder().key("aws:reserved").value("x").build()))))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidTag"));
        f.s3.deleteObjectTagging(b -> b.bucket("src").key("t"));
        assertThat(f.s3.getObjectTagging(b -> b.bucket("src").key("t")).tagSet()).isEmpty();
    }

    @Test
    void anXAmzTaggingHeaderIsAQueryStringWithoutEmptyOrRepeatedKeys() {
        // versity/versitygw#1216: what looks odd is still a query string S3 takes; a name without '=' has an empty value
        for (String odd : List.of("key", "&", "key=", "&&", "123", "key1&key2", "key1=val1&key2")) {
            f.s3.putObject(b -> b.bucket("src").key("odd").tagging(odd), RequestBody.fromString("v"));
        }
        assertThat(f.sim.s3().object("src", "odd").get().tags()).isEqualTo(Map.of("key1", "val1", "key2", ""));
        // versity/versitygw#1215: an empty name or a name twice is the header's fault, InvalidArgument, not InvalidTag
        for (String bad : List.of("=", "=value", "key=value&key=value2")) {
            assertThatThrownBy(() -> f.s3.putObject(b -> b.bucket("src").key("bad").tagging(bad), RequestBody.fromString("v")))
                .as(bad)
                .satisfies(e -> {
                    assertThat(status(e)).isEqualTo(400);
                    assertThat(code(e)).isEqualTo("InvalidArgument");
                })
                .hasMessageStartingWith("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query "
                    + "parameters without tag name duplicates.");
            assertThatThrownBy(() -> f.s3.createMultipartUpload(b -> b.bucket("src").key("bad").tagging(bad)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
        }
        assertThat(f.sim.s3().object("src", "bad")).isEmpty();
    }

    @Test
    void invalidTagsAreNamedInS3sWords() {
        f.s3.putObject(b -> b.bucket("src").key("t"), RequestBody.fromString("v"));
        // versity/versitygw#1232 (an empty key, or one over 128 characters), #2039 (a value, a key twice)
        Map<List<Tag>, String> refused = Map.of(
            List.of(Tag.builder().key("").value("v").build()), "The TagKey you have provided is invalid",
            List.of(Tag.builder().key("a".repeat(129)).value("v").build()), "The TagKey you have provided is invalid",
            List.of(Tag.builder().key("ke&y").value("v").build()), "The TagKey you have provided is invalid",
            List.of(Tag.builder().key("key").value("inv&alid").build()), "The TagValue you have provided is invalid",
            List.of(Tag.builder().key("key").value("v".repeat(257)).build()), "The TagValue you have provided is invalid",
            List.of(Tag.builder().key("key").value("value").build(), Tag.builder().key("key").value("value1").build()),
            "Cannot provide multiple Tags with the same key");
        refused.forEach((tags, message) -> {
            assertThatThrownBy(() -> f.s3.putObjectTagging(b -> b.bucket("src").key("t").tagging(t -> t.tagSet(tags))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidTag"))
                .hasMessageStartingWith(message);
            assertThatThrownBy(() -> f.s3.putBucketTagging(b -> b.bucket("src").tagging(t -> t.tagSet(tags))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidTag"))
                .hasMessageStartingWith(message);
        });
    }

    @Test
    void aCopySourceWithoutABucketOrAKeyIsInvalidArgument() {
        // versity/versitygw#1390 (CopyObject, as #1388 and #1389 for UploadPartCopy)
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.copySource("").destinationBucket("dst").destinationKey("k")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageStartingWith("Invalid copy source bucket name");
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.copySource("src").destinationBucket("dst").destinationKey("k")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageStartingWith("Invalid copy source object key");
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.copySource("src/").destinationBucket("dst").destinationKey("k")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageStartingWith("Invalid copy source object key");
    }

    @Test
    void getObjectAttributes() {
        PutObjectResponse put = f.s3.putObject(b -> b.bucket("src").key("attr").checksumAlgorithm("SHA256"),
            RequestBody.fromString("attributes"));
        GetObjectAttributesResponse a = f.s3.getObjectAttributes(b -> b.bucket("src").key("attr").objectAttributes(
            ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_SIZE, ObjectAttributes.STORAGE_CLASS));
        assertThat(a.eTag()).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(a.objectSize()).isEqualTo(10);
        assertThat(a.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(a.checksum().checksumSHA256()).isEqualTo(put.checksumSHA256());
        assertThat(a.objectParts()).isNull();
    }

    // ---- versioning --------------------------------------------------------------------------

    @Test
    void versionsDeleteMarkersAndReadsByVersionId() {
        f.sim.s3().versioning("src", BucketVersioningStatus.ENABLED);
        String v1 = f.s3.putObject(b -> b.bucket("src").key("doc"), RequestBody.fromString("one")).versionId();
        f.sim.clock().advance(Duration.ofSeconds(1));
        String v2 = f.s3.putObject(b -> b.bucket("src").key("doc"), RequestBody.fromString("two")).versionId();
        assertThat(v1).isNotEqualTo(v2).hasSize(32);
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("src").key("doc")).asUtf8String()).isEqualTo("two");
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("src").key("doc").versionId(v1)).asUtf8String()).isEqualTo("one");

        DeleteObjectResponse marker = f.s3.deleteObject(b -> b.bucket("src").key("doc"));
        assertThat(marker.deleteMarker()).isTrue();
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("src").key("doc")))
            .isInstanceOf(NoSuchKeyException.class)
            .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().sdkHttpResponse()
                .firstMatchingHeader("x-amz-delete-marker")).contains("true"));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("src").key("doc").versionId(marker.versionId())))
            .satisfies(e -> assertThat(status(e)).isEqualTo(405));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("src").key("doc").versionId(NO_SUCH_VERSION)))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchVersion"));
        assertThat(f.s3.listObjectsV2(b -> b.bucket("src")).contents()).isEmpty();

        ListObjectVersionsResponse all = f.s3.listObjectVersions(b -> b.bucket("src"));
        assertThat(all.versions()).extracting(v -> v.versionId()).containsExactly(v2, v1);
        assertThat(all.versions()).extracting(v -> v.isLatest()).containsExactly(false, false);
        assertThat(all.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.isLatest()).isTrue());

        // Deleting the delete marker brings the object back.
        DeleteObjectResponse undelete = f.s3.deleteObject(b -> b.bucket("src").key("doc").versionId(marker.versionId()));
        assertThat(undelete.deleteMarker()).isTrue();
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("src").key("doc")).asUtf8String()).isEqualTo("two");
        f.s3.deleteObject(b -> b.bucket("src").key("doc").versionId(v2));
        assertThat(f.sim.s3().objectText("src", "doc")).isEqualTo("one");
    }

    /** Shaped like S3's version ids (32 URL-safe characters), naming no version. */
    private static final String NO_SUCH_VERSION = "Zx3bX9lJq7rVw1KcYp0sTa5uNd8eHf2G";

    @Test
    void aVersionIdS3CouldNotHaveIssuedIsInvalidArgumentNotNoSuchVersion() {
        f.sim.s3().versioning("src", BucketVersioningStatus.ENABLED);
        f.s3.putObject(b -> b.bucket("src").key("doc"), RequestBody.fromString("one"));

        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("src").key("doc").versionId("dsf")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("Invalid version id specified (GetObject: VersionId 'dsf'");
        assertThatThrownBy(() -> f.s3.headObject(b -> b.bucket("src").key("doc").versionId("dsf")))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400));
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("src").key("doc").versionId(NO_SUCH_VERSION)))
            .satisfies(e -> assertThat(status(e)).isEqualTo(404))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchVersion"));

        // a delete: a malformed id is refused, a well-formed unknown one is nothing to do (204)
        assertThatThrownBy(() -> f.s3.deleteObject(b -> b.bucket("src").key("doc").versionId("dsf")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
        assertThat(f.s3.deleteObject(b -> b.bucket("src").key("doc").versionId(NO_SUCH_VERSION))
            .sdkHttpResponse().statusCode()).isEqualTo(204);
        // in a DeleteResult S3 reports a malformed id as NoSuchVersion, per key
        DeleteObjectsResponse many = f.s3.deleteObjects(b -> b.bucket("src").delete(d -> d.objects(
            ObjectIdentifier.builder().key("doc").versionId("dsf").build(),
            ObjectIdentifier.builder().key("doc").versionId(NO_SUCH_VERSION).build())));
        assertThat(many.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("NoSuchVersion");
            assertThat(e.versionId()).isEqualTo("dsf");
        });
        assertThat(many.deleted()).extracting(DeletedObject::versionId).containsExactly(NO_SUCH_VERSION);

        assertThatThrownBy(() -> f.s3.listObjectVersions(b -> b.bucket("src").keyMarker("doc").versionIdMarker("dsf")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("VersionIdMarker 'dsf'");
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("src").sourceKey("doc").sourceVersionId("dsf")
            .destinationBucket("src").destinationKey("copy")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"))
            .hasMessageContaining("CopySource versionId 'dsf'");
        assertThat(f.sim.s3().objectText("src", "doc")).isEqualTo("one");
    }

    @Test
    void suspendedBucketsWriteTheNullVersion() {
        f.s3.putObject(b -> b.bucket("src").key("k"), RequestBody.fromString("before"));  // unversioned: null version
        f.sim.s3().versioning("src", BucketVersioningStatus.ENABLED);
        String v1 = f.s3.putObject(b -> b.bucket("src").key("k"), RequestBody.fromString("versioned")).versionId();
        f.sim.s3().versioning("src", BucketVersioningStatus.SUSPENDED);
        PutObjectResponse suspended = f.s3.putObject(b -> b.bucket("src").key("k"), RequestBody.fromString("suspended"));
        assertThat(suspended.versionId()).isNull();   // S3 answers a suspended write without x-amz-version-id
        assertThat(f.s3.headObject(b -> b.bucket("src").key("k")).versionId()).isEqualTo("null");   // reads say it
        assertThat(f.sim.s3().versions("src", "k")).extracting(StoredObject::versionId).containsExactly("null", v1);
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("src").key("k").versionId("null")).asUtf8String()).isEqualTo("suspended");
    }

    @Test
    void deletingInASuspendedBucketReplacesTheNullVersionWithANullDeleteMarker() {
        f.sim.s3().versioning("src", BucketVersioningStatus.ENABLED);
        String v1 = f.s3.putObject(b -> b.bucket("src").key("k"), RequestBody.fromString("versioned")).versionId();
        f.sim.s3().versioning("src", BucketVersioningStatus.SUSPENDED);
        f.s3.putObject(b -> b.bucket("src").key("k"), RequestBody.fromString("suspended"));

        DeleteObjectResponse deleted = f.s3.deleteObject(b -> b.bucket("src").key("k"));

        assertThat(deleted.deleteMarker()).isTrue();
        assertThat(deleted.versionId()).isEqualTo("null");
        ListObjectVersionsResponse all = f.s3.listObjectVersions(b -> b.bucket("src"));
        assertThat(all.versions()).extracting(v -> v.versionId()).containsExactly(v1);   // the null version is gone
        assertThat(all.deleteMarkers()).singleElement().satisfies(m -> {
            assertThat(m.versionId()).isEqualTo("null");
            assertThat(m.isLatest()).isTrue();
        });
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("src").key("k").versionId(v1)).asUtf8String()).isEqualTo("versioned");
    }

    @Test
    void listObjectVersionsPaginatesAcrossKeysAndVersions() {
        f.sim.s3().versioning("src", BucketVersioningStatus.ENABLED);
        for (String key : List.of("a", "b", "c")) {
            for (int i = 0; i < 3; i++) {
                f.s3.putObject(b -> b.bucket("src").key(key), RequestBody.fromString(key));
            }
        }
        List<String> seen = f.s3.listObjectVersionsPaginator(b -> b.bucket("src").maxKeys(2)).stream()
            .flatMap(p -> p.versions().stream()).map(v -> v.key() + ":" + v.versionId()).toList();
        assertThat(seen).hasSize(9).doesNotHaveDuplicates();
        assertThat(seen.stream().map(s -> s.substring(0, 1)).toList()).containsExactly("a", "a", "a", "b", "b", "b", "c", "c", "c");
    }
}
