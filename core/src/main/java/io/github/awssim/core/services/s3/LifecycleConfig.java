package io.github.awssim.core.services.s3;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * A bucket's lifecycle configuration as PutBucketLifecycleConfiguration accepted it ({@link LifecycleChecks}), and
 * when each of its actions falls due. S3 "calculates the time by adding the number of days specified in the rule to
 * the object creation time and rounding the resulting time to the next day midnight UTC" (User Guide, Lifecycle
 * configuration elements); noncurrent days count from "the time when the new successor version of the object is
 * created", rounded the same way. Every due time is therefore a UTC midnight, which {@link Lifecycles} relies on.
 *
 * @param given the rules as answered by GetBucketLifecycleConfiguration (each with its ID)
 * @param minimumObjectSize {@code x-amz-transition-default-minimum-object-size}, stored and answered
 * @param since when the configuration was put: nothing it makes due happens before that
 */
record LifecycleConfig(List<LifecycleRule> given, List<Rule> rules, String minimumObjectSize, Instant since) {
    private static final DateTimeFormatter HTTP_DATE =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** One rule's filter and the actions awssim performs; transitions are stored in {@link #given} only. */
    record Rule(String id, boolean enabled, Filter filter, Integer days, Instant date, boolean expiredMarkers,
                Integer noncurrentDays, Integer newerNoncurrent, Integer abortDays) {
    }

    /** Which objects a rule applies to: all its parts must hold (S3: "a logical AND"). */
    record Filter(String prefix, Map<String, String> tags, Long greaterThan, Long lessThan) {
        boolean matches(String key, long size, Map<String, String> objectTags) {
            return key.startsWith(prefix) && (greaterThan == null || size > greaterThan)
                && (lessThan == null || size < lessThan)
                && tags.entrySet().stream().allMatch(t -> t.getValue().equals(objectTags.get(t.getKey())));
        }
    }

    /** A due time and the rule that makes it due. */
    record Due(Instant at, String ruleId) {
        Due later(Instant notBefore) {
            return at.isBefore(notBefore) ? new Due(notBefore, ruleId) : this;
        }

        static Due earlier(Due a, Due b) {
            return a == null || (b != null && b.at.isBefore(a.at)) ? b : a;
        }
    }

    /** The first UTC midnight at or after {@code t}. */
    static Instant midnightFrom(Instant t) {
        Instant day = t.truncatedTo(ChronoUnit.DAYS);
        return day.equals(t) ? t : day.plus(Duration.ofDays(1));
    }

    /**
     * When an Expiration (Days or Date) of an enabled rule ends the current version {@code v}, the earliest of them.
     * An object written after a rule's Date is due at the next midnight, when S3's daily evaluation would see it.
     */
    Due expiry(ObjectVersion v) {
        Due best = null;
        for (Rule r : rules) {
            if (r.enabled && (r.days != null || r.date != null) && r.filter.matches(v.key(), v.size(), v.tags())) {
                best = Due.earlier(best, new Due(dated(r, v.lastModified()), r.id));
            }
        }
        return best;
    }

    /** When a delete marker with no other version goes: ExpiredObjectDeleteMarker, or an Expiration's age. */
    Due loneMarkerExpiry(ObjectVersion marker) {
        Due best = null;
        for (Rule r : rules) {
            if (!r.enabled || !r.filter.matches(marker.key(), 0, Map.of())) {
                continue;
            }
            if (r.expiredMarkers) {
                best = Due.earlier(best, new Due(midnightFrom(marker.lastModified()), r.id));
            } else if (r.days != null || r.date != null) {
                // "When you specify the Days tag, Amazon S3 automatically performs ExpiredObjectDeleteMarker cleanup
                // when the delete markers are old enough to satisfy the age criteria."
                best = Due.earlier(best, new Due(dated(r, marker.lastModified()), r.id));
            }
        }
        return best;
    }

    /**
     * When the noncurrent version {@code v}, whose successor was written at {@code successor} and which has
     * {@code newer} noncurrent versions newer than itself, is removed for good; null when no rule removes it.
     */
    Due noncurrentExpiry(ObjectVersion v, Instant successor, int newer) {
        Due best = null;
        for (Rule r : rules) {
            if (r.enabled && r.noncurrentDays != null && (r.newerNoncurrent == null || newer >= r.newerNoncurrent)
                && r.filter.matches(v.key(), v.deleteMarker() ? 0 : v.size(), v.tags())) {
                best = Due.earlier(best, new Due(midnightFrom(successor.plus(Duration.ofDays(r.noncurrentDays))), r.id));
            }
        }
        return best;
    }

    /** When an incomplete multipart upload of {@code key} initiated at {@code initiated} is aborted. */
    Due abortDue(String key, Instant initiated) {
        Due best = null;
        for (Rule r : rules) {
            if (r.enabled && r.abortDays != null && key.startsWith(r.filter.prefix)) {
                best = Due.earlier(best, new Due(midnightFrom(initiated.plus(Duration.ofDays(r.abortDays))), r.id));
            }
        }
        return best;
    }

    private static Instant dated(Rule r, Instant created) {
        if (r.days != null) {
            return midnightFrom(created.plus(Duration.ofDays(r.days)));
        }
        Instant next = midnightFrom(created);
        return next.isAfter(r.date) ? next : r.date;
    }

    /**
     * The {@code x-amz-expiration} value for a current version a rule will expire, as S3 formats it:
     * {@code expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="picture-deletion-rule"}, the rule id URL-encoded.
     */
    String expirationHeader(ObjectVersion v) {
        Due d = v.deleteMarker() ? null : expiry(v);
        return d == null ? null
            : "expiry-date=\"" + HTTP_DATE.format(d.at) + "\", rule-id=\"" + SdkHttpUtils.urlEncode(d.ruleId) + "\"";
    }
}
