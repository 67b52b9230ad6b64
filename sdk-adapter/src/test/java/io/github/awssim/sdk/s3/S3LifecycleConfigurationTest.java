package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Put/Get/DeleteBucketLifecycleConfiguration and the checks S3 makes of a configuration. */
class S3LifecycleConfigurationTest {
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("logs"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A valid rule (prefix "tmp/", expire after 7 days) changed by {@code change}. */
    private static LifecycleRule rule(Consumer<LifecycleRule.Builder> change) {
        LifecycleRule.Builder b = LifecycleRule.builder().id("tmp").status(ExpirationStatus.ENABLED)
            .filter(x -> x.prefix("tmp/")).expiration(e -> e.days(7));
        change.accept(b);
        return b.build();
    }

    private void put(LifecycleRule... rules) {
        f.s3.putBucketLifecycleConfiguration(b -> b.bucket("logs").lifecycleConfiguration(c -> c.rules(rules)));
    }

    private void refused(String code, String message, LifecycleRule... rules) {
        assertThatThrownBy(() -> put(rules))
            .satisfies(e -> assertThat(code(e)).isEqualTo(code))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400))
            .hasMessageStartingWith(message);
    }

    @Test
    void aConfigurationIsPutReadAndDeleted() {
        assertThatThrownBy(() -> f.s3.getBucketLifecycleConfiguration(b -> b.bucket("logs")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchLifecycleConfiguration"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(404))
            .hasMessageStartingWith("The lifecycle configuration does not exist");

        LifecycleRule tmp = rule(r -> r.transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER))
            .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2)));
        LifecycleRule unnamed = rule(r -> r.id(null).filter(x -> x.and(a -> a.prefix("a/").tags(Tag.builder().key("k")
            .value("v").build()).objectSizeGreaterThan(10L))).status(ExpirationStatus.DISABLED));
        assertThat(f.s3.putBucketLifecycleConfiguration(b -> b.bucket("logs").lifecycleConfiguration(c -> c.rules(tmp,
            unnamed))).transitionDefaultMinimumObjectSize())
            .as("S3's default, answered when the header is not sent")
            .isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
        GetBucketLifecycleConfigurationResponse got = f.s3.getBucketLifecycleConfiguration(b -> b.bucket("logs"));
        assertThat(got.rules()).hasSize(2);
        assertThat(got.rules().get(0)).isEqualTo(tmp);
        assertThat(got.rules().get(1).id()).as("S3 names a rule sent without an ID").isNotBlank();
        assertThat(got.rules().get(1).toBuilder().id(null).build()).isEqualTo(unnamed);
        assertThat(got.transitionDefaultMinimumObjectSize()).isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);

        f.async.putBucketLifecycleConfiguration(b -> b.bucket("logs").lifecycleConfiguration(c -> c.rules(tmp))
            .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS)).join();
        GetBucketLifecycleConfigurationResponse replaced = f.async.getBucketLifecycleConfiguration(b -> b.bucket("logs")).join();
        assertThat(replaced.rules()).containsExactly(tmp);
        assertThat(replaced.transitionDefaultMinimumObjectSize()).isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);

        f.pathStyle.deleteBucketLifecycle(b -> b.bucket("logs"));
        assertThatThrownBy(() -> f.async.getBucketLifecycleConfiguration(b -> b.bucket("logs")).join())
            .isInstanceOf(CompletionException.class)
            .satisfies(e -> assertThat(code(e.getCause())).isEqualTo("NoSuchLifecycleConfiguration"));
        f.s3.deleteBucketLifecycle(b -> b.bucket("logs"));   // none to delete: fine, as on S3
        assertThatThrownBy(() -> f.s3.deleteBucketLifecycle(b -> b.bucket("nobody")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucket"));
    }

    @Test
    void rulesNumberOneToAThousandWithUniqueIdsOf255CharactersAtMost() {
        List<LifecycleRule> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            String id = "r" + i;
            many.add(rule(r -> r.id(id)));
        }
        refused("InvalidRequest", "The number of lifecycle rules must not exceed the allowed limit of 1000 rules.",
            many.toArray(LifecycleRule[]::new));
        put(many.subList(0, 1000).toArray(LifecycleRule[]::new));
        assertThatThrownBy(() -> f.s3.putBucketLifecycleConfiguration(b -> b.bucket("logs")
            .lifecycleConfiguration(c -> c.rules(List.of())))).satisfies(e -> assertThat(code(e)).isEqualTo("MalformedXML"));

        refused("InvalidArgument", "ID length should not exceed allowed limit of 255", rule(r -> r.id("i".repeat(256))));
        put(rule(r -> r.id("i".repeat(255))));
        refused("InvalidArgument", "Rule ID must be unique. Found same ID for more than one rule",
            rule(r -> r.id("same")), rule(r -> r.id("same").filter(x -> x.prefix("other/"))));
    }

    @Test
    void aRuleHasAStatusAFilterAndAnAction() {
        refused("MalformedXML", "The XML you provided was not well-formed", rule(r -> r.status("enabled")));
        refused("MalformedXML", "The XML you provided was not well-formed", rule(r -> r.filter((software.amazon.awssdk.services
            .s3.model.LifecycleRuleFilter) null)));
        refused("MalformedXML", "The XML you provided was not well-formed",
            rule(r -> r.filter(x -> x.prefix("a/").objectSizeLessThan(10L))));
        refused("InvalidRequest", "At least one action needs to be specified in a rule", rule(r -> r.expiration(
            (software.amazon.awssdk.services.s3.model.LifecycleExpiration) null)));
        refused("InvalidRequest", "'ObjectSizeLessThan' has to be a value greater than 'ObjectSizeGreaterThan'.",
            rule(r -> r.filter(x -> x.and(a -> a.objectSizeGreaterThan(100L).objectSizeLessThan(100L)))));
        refused("InvalidRequest", "Duplicate Tag Keys are not allowed.", rule(r -> r.filter(x -> x.and(a -> a.tags(
            Tag.builder().key("k").value("1").build(), Tag.builder().key("k").value("2").build())))));
        // the legacy rule-level Prefix, and an empty Filter (every object), are both accepted
        put(rule(r -> r.filter((software.amazon.awssdk.services.s3.model.LifecycleRuleFilter) null).prefix("old/")));
        put(rule(r -> r.filter(x -> { })));
    }

    @Test
    void expirationsCountWholePositiveDaysOrNameAMidnight() {
        refused("InvalidArgument", "'Days' for Expiration action must be a positive integer", rule(r -> r.expiration(e -> e.days(0))));
        refused("InvalidArgument", "'Date' must be at midnight GMT",
            rule(r -> r.expiration(e -> e.date(Instant.parse("2026-04-01T01:00:00Z")))));
        refused("MalformedXML", "The XML you provided was not well-formed",
            rule(r -> r.expiration(e -> e.days(3).expiredObjectDeleteMarker(true))));
        refused("MalformedXML", "The XML you provided was not well-formed",
            rule(r -> r.expiration(e -> e.days(3).date(Instant.parse("2026-04-01T00:00:00Z")))));
        refused("InvalidArgument", "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer",
            rule(r -> r.noncurrentVersionExpiration(n -> n.noncurrentDays(0))));
        refused("InvalidArgument", "'NewerNoncurrentVersions' must be a positive integer",
            rule(r -> r.noncurrentVersionExpiration(n -> n.noncurrentDays(1).newerNoncurrentVersions(0))));
        refused("InvalidArgument", "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer",
            rule(r -> r.abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(0))));
        put(rule(r -> r.expiration(e -> e.date(Instant.parse("2026-04-01T00:00:00Z")))));
    }

    @Test
    void deleteMarkerAndUploadActionsTakeNoTagOrSizeFilter() {
        refused("InvalidRequest", "AbortIncompleteMultipartUpload cannot be specified with Tags.", rule(r -> r
            .filter(x -> x.tag(t -> t.key("k").value("v"))).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1))));
        refused("InvalidRequest", "AbortIncompleteMultipartUpload cannot be specified with Object Size.", rule(r -> r
            .filter(x -> x.objectSizeGreaterThan(5L)).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1))));
        refused("InvalidRequest", "ExpiredObjectDeleteMarker cannot be specified with Tags.", rule(r -> r
            .filter(x -> x.tag(t -> t.key("k").value("v"))).expiration(e -> e.expiredObjectDeleteMarker(true))));
        put(rule(r -> r.expiration(e -> e.expiredObjectDeleteMarker(true)).abortIncompleteMultipartUpload(a -> a
            .daysAfterInitiation(1))));
    }

    @Test
    void transitionsAreCheckedAsS3ChecksThem() {
        refused("InvalidArgument", "'Days' in Transition action must be greater than or equal to 30 for storageClass "
            + "'STANDARD_IA'", rule(r -> r.expiration(e -> e.days(365))
            .transitions(t -> t.days(29).storageClass(TransitionStorageClass.STANDARD_IA))));
        refused("InvalidArgument", "'StorageClass' must be different for 'Transition' actions in same 'Rule'",
            rule(r -> r.transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER),
                t -> t.days(60).storageClass(TransitionStorageClass.GLACIER))));
        refused("InvalidRequest", "Found mixed 'Date' and 'Days' based Expiration and Transition actions in lifecycle rule",
            rule(r -> r.transitions(t -> t.date(Instant.parse("2026-05-01T00:00:00Z")).storageClass(TransitionStorageClass.GLACIER))));
        refused("MalformedXML", "The XML you provided was not well-formed",
            rule(r -> r.transitions(t -> t.days(30).storageClass("STANDARD"))));
        refused("InvalidArgument", "'NoncurrentDays' in NoncurrentVersionTransition action must be greater than or equal to 30",
            rule(r -> r.noncurrentVersionTransitions(t -> t.noncurrentDays(10).storageClass(TransitionStorageClass.ONEZONE_IA))));
        assertThatThrownBy(() -> f.s3.putBucketLifecycleConfiguration(b -> b.bucket("logs").lifecycleConfiguration(
            c -> c.rules(rule(r -> { }))).transitionDefaultMinimumObjectSize("all_storage_classes_64K")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"))
            .hasMessageStartingWith("Invalid TransitionDefaultMinimumObjectSize found");
        put(rule(r -> r.transitions(t -> t.days(0).storageClass(TransitionStorageClass.GLACIER_IR),
            t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA))));
    }
}
