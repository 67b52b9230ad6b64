package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Lifecycle actions on the simulation clock (the fixture starts at 2026-03-01T12:00Z, a Sunday): S3 adds the rule's
 * days to the creation time and rounds up to the next midnight UTC; awssim acts as soon as the clock passes it.
 */
class S3LifecycleActionsTest {
    private final S3Fixture f = new S3Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private void lifecycle(String bucket, Consumer<LifecycleRule.Builder>... rules) {
        LifecycleRule[] built = new LifecycleRule[rules.length];
        for (int i = 0; i < rules.length; i++) {
            LifecycleRule.Builder b = LifecycleRule.builder().id("rule-" + i).status(ExpirationStatus.ENABLED)
                .filter(x -> x.prefix(""));
            rules[i].accept(b);
            built[i] = b.build();
        }
        f.s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(built)));
    }

    private void put(String bucket, String key, String body) {
        f.s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    private void advanceTo(String instant) {
        f.sim.clock().set(Instant.parse(instant));
    }

    private boolean exists(String bucket, String key) {
        try {
            f.s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** Every version of every key: "key version-or-marker lastModified", newest first. */
    private List<String> history(String bucket) {
        ListObjectVersionsResponse r = f.s3.listObjectVersions(b -> b.bucket(bucket));
        return java.util.stream.Stream.concat(
                r.versions().stream().map(v -> v.key() + " " + v.size() + " " + v.lastModified() + (v.isLatest() ? " latest" : "")),
                r.deleteMarkers().stream().map(m -> m.key() + " marker " + m.lastModified() + (m.isLatest() ? " latest" : "")))
            .sorted().toList();
    }

    @Test
    void expirationDeletesAnObjectAtTheMidnightAfterItsDaysAndAnnouncesIt() {
        f.s3.createBucket(b -> b.bucket("tmp"));
        lifecycle("tmp", r -> r.id("scratch files").filter(x -> x.prefix("scratch/")).expiration(e -> e.days(1)));
        String header = "expiry-date=\"Tue, 03 Mar 2026 00:00:00 GMT\", rule-id=\"scratch%20files\"";
        assertThat(f.s3.putObject(b -> b.bucket("tmp").key("scratch/a"), RequestBody.fromString("a")).expiration())
            .isEqualTo(header);
        assertThat(f.async.putObject(b -> b.bucket("tmp").key("keep/b"), AsyncRequestBody.fromString("b")).join()
            .expiration()).as("no rule applies").isNull();
        assertThat(f.s3.headObject(b -> b.bucket("tmp").key("scratch/a")).expiration()).isEqualTo(header);
        assertThat(f.async.getObject(b -> b.bucket("tmp").key("scratch/a"),
            software.amazon.awssdk.core.async.AsyncResponseTransformer.toBytes()).join().response().expiration())
            .isEqualTo(header);

        advanceTo("2026-03-02T23:59:59Z");
        assertThat(exists("tmp", "scratch/a")).isTrue();
        advanceTo("2026-03-03T00:00:00Z");
        assertThat(exists("tmp", "scratch/a")).isFalse();
        assertThat(exists("tmp", "keep/b")).isTrue();
        assertThat(f.sim.s3().objects("tmp")).extracting(o -> o.key()).containsExactly("keep/b");
    }

    @Test
    void aDateExpiresEverythingOlderAtThatMidnightAndLaterObjectsAtTheNextOne() {
        f.s3.createBucket(b -> b.bucket("dated"));
        lifecycle("dated", r -> r.expiration(e -> e.date(Instant.parse("2026-03-05T00:00:00Z"))));
        put("dated", "old", "x");
        assertThat(f.s3.headObject(b -> b.bucket("dated").key("old")).expiration())
            .isEqualTo("expiry-date=\"Thu, 05 Mar 2026 00:00:00 GMT\", rule-id=\"rule-0\"");
        advanceTo("2026-03-04T23:00:00Z");
        assertThat(exists("dated", "old")).isTrue();
        advanceTo("2026-03-05T00:00:00Z");
        assertThat(exists("dated", "old")).isFalse();

        advanceTo("2026-03-06T10:00:00Z");
        put("dated", "late", "x");
        assertThat(exists("dated", "late")).as("kept until S3's next daily run").isTrue();
        advanceTo("2026-03-07T00:00:00Z");
        assertThat(exists("dated", "late")).isFalse();
    }

    @Test
    void aConfigurationExpiresObjectsAlreadyOldEnoughAtOnceAndStopsWhenDeleted() {
        f.s3.createBucket(b -> b.bucket("aged"));
        put("aged", "old", "x");
        advanceTo("2026-03-20T09:00:00Z");
        put("aged", "new", "x");
        lifecycle("aged", r -> r.expiration(e -> e.days(10)));
        assertThat(exists("aged", "old")).as("due 2026-03-12, passed before the rule came").isFalse();
        assertThat(exists("aged", "new")).isTrue();

        f.s3.deleteBucketLifecycle(b -> b.bucket("aged"));
        advanceTo("2026-06-01T00:00:00Z");
        assertThat(exists("aged", "new")).isTrue();
        assertThat(f.s3.headObject(b -> b.bucket("aged").key("new")).expiration()).isNull();
    }

    @Test
    void filtersSelectByPrefixTagsAndSizeAndDisabledRulesDoNothing() {
        f.s3.createBucket(b -> b.bucket("mixed"));
        lifecycle("mixed",
            r -> r.filter(x -> x.and(a -> a.prefix("logs/").tags(Tag.builder().key("class").value("temp").build())
                .objectSizeGreaterThan(3L))).expiration(e -> e.days(1)),
            r -> r.filter(x -> x.objectSizeLessThan(2L)).expiration(e -> e.days(1)),
            r -> r.filter(x -> x.prefix("off/")).status(ExpirationStatus.DISABLED).expiration(e -> e.days(1)));
        f.s3.putObject(b -> b.bucket("mixed").key("logs/big-temp").tagging("class=temp"), RequestBody.fromString("12345"));
        f.s3.putObject(b -> b.bucket("mixed").key("logs/small-temp").tagging("class=temp"), RequestBody.fromString("123"));
        f.s3.putObject(b -> b.bucket("mixed").key("logs/big-kept").tagging("class=keep"), RequestBody.fromString("12345"));
        put("mixed", "tiny", "1");
        put("mixed", "off/big", "12345");
        advanceTo("2026-04-01T00:00:00Z");
        assertThat(f.sim.s3().objects("mixed")).extracting(o -> o.key())
            .containsExactly("logs/big-kept", "logs/small-temp", "off/big");

        // tags changed after the write count: the rule reads the object's tags when it runs
        f.s3.putObjectTagging(b -> b.bucket("mixed").key("logs/big-kept").tagging(t -> t.tagSet(Tag.builder().key("class")
            .value("temp").build())));
        advanceTo("2026-04-02T00:00:00Z");
        assertThat(exists("mixed", "logs/big-kept")).isFalse();
    }

    @Test
    void inAVersionedBucketExpirationAddsADeleteMarkerAndNoncurrentVersionsGoLater() {
        f.s3.createBucket(b -> b.bucket("ver"));
        f.sim.s3().versioning("ver", BucketVersioningStatus.ENABLED);
        lifecycle("ver", r -> r.expiration(e -> e.days(2)).noncurrentVersionExpiration(n -> n.noncurrentDays(3)));
        put("ver", "k", "v1");

        advanceTo("2026-03-04T00:00:00Z");   // 12:00 + 2 days, rounded up
        assertThatThrownBy(() -> f.s3.getObject(b -> b.bucket("ver").key("k"), ResponseTransformer.toBytes()))
            .isInstanceOf(NoSuchKeyException.class);
        assertThat(history("ver")).containsExactly("k 2 2026-03-01T12:00:00Z",
            "k marker 2026-03-04T00:00:00Z latest");

        advanceTo("2026-03-06T23:59:59Z");
        assertThat(history("ver")).hasSize(2);
        advanceTo("2026-03-07T00:00:00Z");   // noncurrent since the marker, 3 days
        // the version is gone; the marker, alone and 2 days old, goes with it (an Expiration's Days cleans it up)
        assertThat(history("ver")).isEmpty();
    }

    @Test
    void newerNoncurrentVersionsAreKept() {
        f.s3.createBucket(b -> b.bucket("keep2"));
        f.sim.s3().versioning("keep2", BucketVersioningStatus.ENABLED);
        lifecycle("keep2", r -> r.noncurrentVersionExpiration(n -> n.noncurrentDays(1).newerNoncurrentVersions(2)));
        for (String v : List.of("1", "22", "333", "4444")) {
            put("keep2", "k", v);
        }
        advanceTo("2026-03-10T00:00:00Z");
        assertThat(f.sim.s3().versions("keep2", "k")).extracting(o -> o.size()).containsExactly(4L, 3L, 2L);
    }

    @Test
    void expiredObjectDeleteMarkersAreRemovedOnlyWhenAlone() {
        f.s3.createBucket(b -> b.bucket("markers"));
        f.sim.s3().versioning("markers", BucketVersioningStatus.ENABLED);
        lifecycle("markers", r -> r.expiration(e -> e.expiredObjectDeleteMarker(true)));
        put("markers", "alone", "x");
        put("markers", "kept", "x");
        String v = f.sim.s3().versions("markers", "alone").get(0).versionId();
        f.s3.deleteObject(b -> b.bucket("markers").key("alone"));
        f.s3.deleteObject(b -> b.bucket("markers").key("alone").versionId(v));
        f.s3.deleteObject(b -> b.bucket("markers").key("kept"));
        assertThat(history("markers")).hasSize(3);

        advanceTo("2026-03-02T00:00:00Z");
        assertThat(history("markers")).containsExactly("kept 1 2026-03-01T12:00:00Z",
            "kept marker 2026-03-01T12:00:00Z latest");
    }

    @Test
    void aSuspendedBucketsExpirationReplacesTheNullVersionWithAMarker() {
        f.s3.createBucket(b -> b.bucket("susp"));
        f.sim.s3().versioning("susp", BucketVersioningStatus.ENABLED);
        put("susp", "k", "versioned");
        f.sim.s3().versioning("susp", BucketVersioningStatus.SUSPENDED);
        put("susp", "k", "null");
        lifecycle("susp", r -> r.expiration(e -> e.days(1)));
        advanceTo("2026-03-03T00:00:00Z");
        assertThat(f.sim.s3().versions("susp", "k")).extracting(o -> o.versionId() + " " + o.deleteMarker())
            .hasSize(2).first().isEqualTo("null true");
    }

    @Test
    void incompleteMultipartUploadsAreAbortedDaysAfterInitiation() {
        f.s3.createBucket(b -> b.bucket("mpu"));
        lifecycle("mpu", r -> r.filter(x -> x.prefix("up/")).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2)));
        String id = f.s3.createMultipartUpload(b -> b.bucket("mpu").key("up/big")).uploadId();
        String other = f.s3.createMultipartUpload(b -> b.bucket("mpu").key("keep/big")).uploadId();
        advanceTo("2026-03-03T23:59:00Z");
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).hasSize(2);
        advanceTo("2026-03-04T00:00:00Z");
        assertThat(f.s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).extracting(u -> u.uploadId())
            .containsExactly(other);
        assertThatThrownBy(() -> f.s3.uploadPart(b -> b.bucket("mpu").key("up/big").uploadId(id).partNumber(1),
            RequestBody.fromString("x"))).satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchUpload"));
    }

    @Test
    void aLongJumpEndsWhereDayByDayStepsEnd() {
        List<String> stepped;
        List<String> jumped;
        try (S3Fixture daily = new S3Fixture()) {
            stepped = scenario(daily, true);
        }
        try (S3Fixture once = new S3Fixture()) {
            jumped = scenario(once, false);
        }
        assertThat(jumped).isEqualTo(stepped).isNotEmpty();
    }

    /** Versions, markers and noncurrent expirations chained over 40 days, observed daily or once at the end. */
    private static List<String> scenario(S3Fixture x, boolean daily) {
        x.s3.createBucket(b -> b.bucket("chain"));
        x.sim.s3().versioning("chain", BucketVersioningStatus.ENABLED);
        x.s3.putBucketLifecycleConfiguration(b -> b.bucket("chain").lifecycleConfiguration(c -> c.rules(
            LifecycleRule.builder().id("a").status(ExpirationStatus.ENABLED).filter(y -> y.prefix("a/"))
                .expiration(e -> e.days(3)).noncurrentVersionExpiration(n -> n.noncurrentDays(5)).build(),
            LifecycleRule.builder().id("b").status(ExpirationStatus.ENABLED).filter(y -> y.prefix("b/"))
                .expiration(e -> e.days(30)).noncurrentVersionExpiration(n -> n.noncurrentDays(2).newerNoncurrentVersions(1))
                .build())));
        for (String key : List.of("a/1", "a/2", "b/1", "b/1", "b/1")) {
            x.s3.putObject(b -> b.bucket("chain").key(key), RequestBody.fromString(key));
        }
        for (int day = 0; day < 40; day++) {
            x.sim.clock().advance(Duration.ofDays(1));
            if (daily) {
                x.s3.listObjectVersions(b -> b.bucket("chain"));
            }
        }
        ListObjectVersionsResponse r = x.s3.listObjectVersions(b -> b.bucket("chain"));
        return java.util.stream.Stream.concat(
                r.versions().stream().map(v -> v.key() + " " + v.lastModified() + " " + v.isLatest()),
                r.deleteMarkers().stream().map(m -> m.key() + " marker " + m.lastModified() + " " + m.isLatest()))
            .sorted().toList();
    }
}
