package io.github.awssim.core.services.pricingcalculator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillInterval;
import software.amazon.awssdk.services.bcmpricingcalculator.model.HistoricalUsageEntity;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageAmount;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;

/** Rules several operations share. Each throws the service's exception or returns a per-entry problem. */
final class Checks {
    static final String AWS_PREFIX = "aws:";

    private Checks() {
    }

    /** Bill scenarios and bill estimates are for management and standalone accounts only. */
    static void requireBillingAccess(Partition p, Call c) {
        if (p.accountType == AccountType.MEMBER) {
            throw Errors.accessDenied(PricingCalculatorMessages.memberAccount(c.operation(), c.accountId()));
        }
    }

    /** Tags given at creation: no reserved prefix, at most the per-resource quota of user tags. */
    /** A create request's tags as stored: trimmed, none reserved, within the quota. */
    static Map<String, String> creationTags(Partition p, Call c, Map<String, String> sent) {
        Map<String, String> tags = trimmedTags(c, sent);
        int max = p.quota(PricingCalculatorQuota.TAGS_PER_RESOURCE);
        if (tags.size() > max) {
            throw Errors.invalid("tags", PricingCalculatorMessages.tooManyTags(c.operation(), tags.size(), max));
        }
        return tags;
    }

    /**
     * Tags as the service keeps them: "Keys and values are trimmed for any leading or trailing whitespaces" (the
     * model's documentation), so {@code " env "} is {@code env}, a key of spaces is empty, and an {@code aws:}
     * key cannot hide behind a space.
     */
    static Map<String, String> trimmedTags(Call c, Map<String, String> sent) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sent.entrySet()) {
            String key = e.getKey().trim();
            if (key.isEmpty()) {
                throw Errors.invalid("tags", PricingCalculatorMessages.emptyTagKey(c.operation(), e.getKey()));
            }
            if (key.regionMatches(true, 0, AWS_PREFIX, 0, AWS_PREFIX.length())) {
                throw Errors.invalid("tags", PricingCalculatorMessages.reservedTagKey(c.operation(), key));
            }
            tags.put(key, e.getValue() == null ? null : e.getValue().trim());
        }
        return tags;
    }

    /** PRIORITIZED and RESTRICTED sharing name the cost category that defines the groups; OPEN names none. */
    static void requireGroupSharing(Call c, String preference, String costCategoryArn) {
        boolean grouped = "PRIORITIZED".equals(preference) || "RESTRICTED".equals(preference);
        if (grouped && costCategoryArn == null) {
            throw Errors.invalid("costCategoryGroupSharingPreferenceArn",
                PricingCalculatorMessages.costCategoryMissing(c.operation(), preference));
        }
        if (!grouped && costCategoryArn != null) {
            throw Errors.invalid("costCategoryGroupSharingPreferenceArn",
                PricingCalculatorMessages.costCategoryUnused(c.operation(), preference));
        }
    }

    static void requireFuture(Call c, Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(c.now())) {
            throw Errors.invalid("expiresAt", PricingCalculatorMessages.expiresInPast(c.operation(), expiresAt, c.now()));
        }
    }

    /** The rate types a workload estimate may use: any until preferences say otherwise. */
    static void requireAllowedRate(Partition p, Call c, String rateType) {
        List<String> allowed = p.allowedRateTypes();
        if (allowed != null && !allowed.contains(rateType)) {
            throw Errors.invalid(ValidationExceptionReason.DISALLOWED_RATE, "rateType",
                PricingCalculatorMessages.disallowedRate(c.operation(), rateType, p.accountType, allowed));
        }
    }

    /**
     * What is wrong with a bill scenario usage line's amounts, or null: each is a finite amount of zero or more,
     * for a distinct whole hour inside the scenario's bill interval.
     */
    static String amountsProblem(BillScenario s, String prefix, List<UsageAmount> amounts) {
        Set<Instant> hours = new HashSet<>();
        for (int i = 0; i < amounts.size(); i++) {
            UsageAmount a = amounts.get(i);
            String at = prefix + "amounts[" + i + "]";
            String amountProblem = amountProblem(at + ".amount", a.amount());
            if (amountProblem != null) {
                return amountProblem;
            }
            Instant hour = a.startHour();
            if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
                return PricingCalculatorMessages.notAnHour(at + ".startHour", hour);
            }
            if (hour.isBefore(s.intervalStart) || !hour.isBefore(s.intervalEnd)) {
                return PricingCalculatorMessages.outsideInterval(at + ".startHour", hour, s.intervalStart, s.intervalEnd);
            }
            if (!hours.add(hour)) {
                return PricingCalculatorMessages.hourTwice(at + ".startHour", hour);
            }
        }
        return null;
    }

    /** What is wrong with a usage amount, or null. */
    static String amountProblem(String field, Double amount) {
        if (amount == null || amount.isNaN() || amount.isInfinite()) {
            return PricingCalculatorMessages.notFinite(field, amount);
        }
        if (amount < 0) {
            return PricingCalculatorMessages.negativeAmount(field, amount);
        }
        return null;
    }

    /** What is wrong with a historical usage reference, or null: its bill interval must run forward. */
    static String historicalProblem(String prefix, HistoricalUsageEntity h) {
        if (h == null) {
            return null;
        }
        BillInterval i = h.billInterval();
        if (i.start() == null || i.end() == null || !i.start().isBefore(i.end())) {
            return PricingCalculatorMessages.badHistoricalInterval(prefix + "historicalUsage.billInterval", i.start(), i.end());
        }
        return null;
    }
}
