package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * PutBucketLifecycleConfiguration's checks, in S3's order: the rule count, the IDs, then each rule (status, filter,
 * actions). The first fault is the answer. Where S3's wording is known it is used (e.g. "'Date' must be at midnight
 * GMT", "Rule ID must be unique. Found same ID for more than one rule").
 */
final class LifecycleChecks {
    static final int MAX_RULES = 1000;
    private static final int MAX_ID = 255;
    /** The classes S3 keeps objects in for at least 30 days before a transition may reach them. */
    private static final Set<TransitionStorageClass> THIRTY_DAYS =
        Set.of(TransitionStorageClass.STANDARD_IA, TransitionStorageClass.ONEZONE_IA);

    private final String operation;

    private LifecycleChecks(String operation) {
        this.operation = operation;
    }

    /**
     * The configuration to store; rules without an ID get one from {@code newId}, as S3 assigns one.
     *
     * @param minimumObjectSize the {@code x-amz-transition-default-minimum-object-size} header, or null
     */
    static LifecycleConfig checked(String operation, BucketLifecycleConfiguration config, String minimumObjectSize,
                                   Instant now, Supplier<String> newId) {
        return new LifecycleChecks(operation).check(config, minimumObjectSize, now, newId);
    }

    private LifecycleConfig check(BucketLifecycleConfiguration config, String minimumObjectSize, Instant now,
                                  Supplier<String> newId) {
        List<LifecycleRule> given = config == null || !config.hasRules() ? List.of() : config.rules();
        if (given.isEmpty()) {
            throw malformed("a LifecycleConfiguration needs at least one Rule; to remove it, call DeleteBucketLifecycle");
        }
        if (given.size() > MAX_RULES) {
            throw invalidRequest(ConfigMessages.lifecycleTooManyRules(operation, given.size()));
        }
        String size = minimumObjectSize == null ? TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K.toString()
            : minimumObjectSize;
        if (TransitionDefaultMinimumObjectSize.fromValue(size) == TransitionDefaultMinimumObjectSize.UNKNOWN_TO_SDK_VERSION) {
            throw invalidRequest(ConfigMessages.lifecycleMinimumSize(operation, size));
        }
        Set<String> ids = new HashSet<>();
        for (LifecycleRule r : given) {
            if (r.id() != null && r.id().length() > MAX_ID) {
                throw invalidArgument(ConfigMessages.lifecycleIdTooLong(operation, r.id().length()));
            }
            if (r.id() != null && !ids.add(r.id())) {
                throw invalidArgument(ConfigMessages.lifecycleDuplicateId(operation, r.id()));
            }
        }
        List<LifecycleRule> stored = new ArrayList<>();
        List<LifecycleConfig.Rule> rules = new ArrayList<>();
        for (LifecycleRule r : given) {
            LifecycleRule withId = r.id() != null ? r : r.toBuilder().id(newId.get()).build();
            stored.add(withId);
            rules.add(rule(withId));
        }
        return new LifecycleConfig(List.copyOf(stored), List.copyOf(rules), size, now);
    }

    private LifecycleConfig.Rule rule(LifecycleRule r) {
        if (r.status() != ExpirationStatus.ENABLED && r.status() != ExpirationStatus.DISABLED) {
            throw malformed("rule '" + r.id() + "' has Status '" + r.statusAsString() + "'; it takes Enabled or Disabled");
        }
        LifecycleConfig.Filter filter = filter(r);
        LifecycleExpiration e = r.expiration();
        NoncurrentVersionExpiration nve = r.noncurrentVersionExpiration();
        AbortIncompleteMultipartUpload abort = r.abortIncompleteMultipartUpload();
        boolean transitions = r.hasTransitions() && !r.transitions().isEmpty();
        boolean noncurrentTransitions = r.hasNoncurrentVersionTransitions() && !r.noncurrentVersionTransitions().isEmpty();
        if (e == null && nve == null && abort == null && !transitions && !noncurrentTransitions) {
            throw invalidRequest(ConfigMessages.lifecycleNoAction(operation, r.id()));
        }
        boolean markers = e != null && expiration(r.id(), e);
        boolean tags = !filter.tags().isEmpty();
        boolean sizes = filter.greaterThan() != null || filter.lessThan() != null;
        if (markers && (tags || sizes)) {
            throw invalidRequest(ConfigMessages.lifecycleActionWithFilter(operation, "ExpiredObjectDeleteMarker", tags));
        }
        Integer newer = null;
        if (nve != null) {
            if (nve.noncurrentDays() == null) {
                throw malformed("rule '" + r.id() + "': NoncurrentVersionExpiration needs NoncurrentDays");
            }
            positive(nve.noncurrentDays(), "'NoncurrentDays' for NoncurrentVersionExpiration action");
            if (nve.newerNoncurrentVersions() != null) {
                newer = positive(nve.newerNoncurrentVersions(), "'NewerNoncurrentVersions'");
            }
        }
        if (abort != null) {
            if (abort.daysAfterInitiation() == null) {
                throw malformed("rule '" + r.id() + "': AbortIncompleteMultipartUpload needs DaysAfterInitiation");
            }
            positive(abort.daysAfterInitiation(), "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action");
            if (tags || sizes) {
                throw invalidRequest(ConfigMessages.lifecycleActionWithFilter(operation, "AbortIncompleteMultipartUpload",
                    tags));
            }
        }
        transitions(r, e);
        return new LifecycleConfig.Rule(r.id(), r.status() == ExpirationStatus.ENABLED, filter,
            e == null ? null : e.days(), e == null ? null : e.date(), markers,
            nve == null ? null : nve.noncurrentDays(), newer, abort == null ? null : abort.daysAfterInitiation());
    }

    /** Checks an Expiration; answers whether it is ExpiredObjectDeleteMarker=true. */
    private boolean expiration(String id, LifecycleExpiration e) {
        int given = (e.days() != null ? 1 : 0) + (e.date() != null ? 1 : 0) + (e.expiredObjectDeleteMarker() != null ? 1 : 0);
        if (given != 1) {
            throw malformed("rule '" + id + "': an Expiration names exactly one of Days, Date and ExpiredObjectDeleteMarker");
        }
        if (e.days() != null) {
            positive(e.days(), "'Days' for Expiration action");
        }
        if (e.date() != null) {
            midnight(e.date());
        }
        return Boolean.TRUE.equals(e.expiredObjectDeleteMarker());
    }

    /** Transitions are checked and stored; awssim changes no storage class (README). */
    private void transitions(LifecycleRule r, LifecycleExpiration e) {
        boolean dated = e != null && e.date() != null;
        boolean counted = e != null && e.days() != null;
        Set<TransitionStorageClass> classes = new HashSet<>();
        for (Transition t : r.hasTransitions() ? r.transitions() : List.<Transition>of()) {
            TransitionStorageClass c = storageClass(r.id(), t.storageClass(), t.storageClassAsString());
            if ((t.days() == null) == (t.date() == null)) {
                throw malformed("rule '" + r.id() + "': a Transition names exactly one of Days and Date");
            }
            if (t.date() != null) {
                midnight(t.date());
                dated = true;
            } else {
                transitionDays(t.days(), c, "'Days' in Transition action");
                counted = true;
            }
            if (!classes.add(c)) {
                throw invalidArgument(ConfigMessages.lifecycleSameClass(operation, "Transition", c.toString()));
            }
        }
        if (dated && counted) {
            throw invalidRequest(ConfigMessages.lifecycleMixedDates(operation, r.id()));
        }
        classes.clear();
        for (NoncurrentVersionTransition t : r.hasNoncurrentVersionTransitions() ? r.noncurrentVersionTransitions()
            : List.<NoncurrentVersionTransition>of()) {
            TransitionStorageClass c = storageClass(r.id(), t.storageClass(), t.storageClassAsString());
            if (t.noncurrentDays() == null) {
                throw malformed("rule '" + r.id() + "': a NoncurrentVersionTransition needs NoncurrentDays");
            }
            transitionDays(t.noncurrentDays(), c, "'NoncurrentDays' in NoncurrentVersionTransition action");
            if (t.newerNoncurrentVersions() != null) {
                positive(t.newerNoncurrentVersions(), "'NewerNoncurrentVersions'");
            }
            if (!classes.add(c)) {
                throw invalidArgument(ConfigMessages.lifecycleSameClass(operation, "NoncurrentVersionTransition", c.toString()));
            }
        }
    }

    private TransitionStorageClass storageClass(String id, TransitionStorageClass c, String given) {
        if (c == null || c == TransitionStorageClass.UNKNOWN_TO_SDK_VERSION) {
            throw malformed("rule '" + id + "': StorageClass '" + given + "' is not one a lifecycle transition reaches "
                + "(GLACIER, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, DEEP_ARCHIVE, GLACIER_IR)");
        }
        return c;
    }

    private void transitionDays(int days, TransitionStorageClass c, String member) {
        if (days < 0) {
            throw invalidArgument(ConfigMessages.lifecycleNegativeDays(operation, member));
        }
        if (days < 30 && THIRTY_DAYS.contains(c)) {
            throw invalidArgument(ConfigMessages.lifecycleThirtyDays(operation, member, c.toString(), days));
        }
    }

    /** The rule's filter: a Filter with at most one member (And for several), or the legacy rule-level Prefix. */
    private LifecycleConfig.Filter filter(LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        if ((f == null) == (r.prefix() == null)) {
            throw malformed("rule '" + r.id() + "' needs exactly one of Filter and the legacy Prefix");
        }
        if (f == null) {
            return new LifecycleConfig.Filter(r.prefix(), Map.of(), null, null);
        }
        int members = (f.prefix() != null ? 1 : 0) + (f.tag() != null ? 1 : 0) + (f.objectSizeGreaterThan() != null ? 1 : 0)
            + (f.objectSizeLessThan() != null ? 1 : 0) + (f.and() != null ? 1 : 0);
        if (members > 1) {
            throw malformed("rule '" + r.id() + "': a Filter has one of Prefix, Tag, ObjectSizeGreaterThan, "
                + "ObjectSizeLessThan; combine several with And");
        }
        LifecycleRuleAndOperator and = f.and();
        if (and == null) {
            return sized(f.prefix(), f.tag() == null ? List.of() : List.of(f.tag()), f.objectSizeGreaterThan(),
                f.objectSizeLessThan());
        }
        return sized(and.prefix(), and.hasTags() ? and.tags() : List.of(), and.objectSizeGreaterThan(),
            and.objectSizeLessThan());
    }

    private LifecycleConfig.Filter sized(String prefix, List<Tag> tagList, Long greaterThan, Long lessThan) {
        if (greaterThan != null && lessThan != null && lessThan <= greaterThan) {
            throw invalidRequest(ConfigMessages.lifecycleSizeOrder(operation, greaterThan, lessThan));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : tagList) {
            if (t.key() == null || t.key().isEmpty()) {
                throw malformed("a Tag in a Filter needs a Key");
            }
            if (tags.put(t.key(), t.value() == null ? "" : t.value()) != null) {
                throw invalidRequest(ConfigMessages.lifecycleDuplicateTag(operation, t.key()));
            }
        }
        return new LifecycleConfig.Filter(prefix == null ? "" : prefix, Map.copyOf(tags), greaterThan, lessThan);
    }

    private int positive(int value, String member) {
        if (value <= 0) {
            throw invalidArgument(ConfigMessages.lifecyclePositive(operation, member, value));
        }
        return value;
    }

    private void midnight(Instant date) {
        if (!date.truncatedTo(ChronoUnit.DAYS).equals(date)) {
            throw invalidArgument(ConfigMessages.lifecycleMidnight(operation, date));
        }
    }

    private RuntimeException malformed(String detail) {
        return S3Errors.error("MalformedXML", ConfigMessages.malformed(operation, detail));
    }

    private static RuntimeException invalidRequest(String message) {
        return S3Errors.error("InvalidRequest", message);
    }

    private static RuntimeException invalidArgument(String message) {
        return S3Errors.error("InvalidArgument", message);
    }
}
