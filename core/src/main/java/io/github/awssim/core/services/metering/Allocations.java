package io.github.awssim.core.services.metering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageAllocationsException;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;

/**
 * UsageAllocations as the rules see them: checked (sum, unique tag sets, unique keys) and reduced to an
 * order-insensitive value, so "the same request" does not depend on the order allocations or tags were
 * listed in.
 */
final class Allocations {
    /** One tag, comparable so a tag set has one canonical order. */
    record TagPair(String key, String value) implements Comparable<TagPair> {
        private static final Comparator<TagPair> ORDER =
            Comparator.comparing(TagPair::key).thenComparing(TagPair::value);

        @Override
        public int compareTo(TagPair o) {
            return ORDER.compare(this, o);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** One allocation: its quantity and its tags in canonical order. */
    record Bucket(long quantity, List<TagPair> tags) {
    }

    private Allocations() {
    }

    /** The allocations as a multiset (bucket → how often it appears); empty when none were sent. */
    static Map<Bucket, Integer> canonical(List<UsageAllocation> allocations) {
        if (allocations == null || allocations.isEmpty()) {
            return Map.of(); // the common case, kept by every remembered ClientToken: share one empty map
        }
        Map<Bucket, Integer> out = new HashMap<>();
        for (UsageAllocation a : allocations) {
            out.merge(new Bucket(a.allocatedUsageQuantity() == null ? 0 : a.allocatedUsageQuantity(), tagsOf(a)), 1,
                Integer::sum);
        }
        return out;
    }

    private static List<TagPair> tagsOf(UsageAllocation a) {
        List<TagPair> tags = new ArrayList<>();
        if (a.tags() != null) {
            for (Tag t : a.tags()) {
                tags.add(new TagPair(t.key(), t.value()));
            }
        }
        tags.sort(null);
        return List.copyOf(tags);
    }

    /**
     * Throws {@code InvalidTagException} for a key used twice in one tag set, and
     * {@code InvalidUsageAllocationsException} for two allocations with the same tag set or allocations
     * that do not add up to {@code quantity}. Nothing to check when no allocations were sent.
     *
     * @param prefix where the allocations sit in the request, e.g. {@code ""} or {@code "UsageRecords[2]."}
     */
    static void check(String operation, String prefix, String quantityField, int quantity,
                      List<UsageAllocation> allocations) {
        if (allocations == null || allocations.isEmpty()) {
            return;
        }
        Map<List<TagPair>, Integer> seen = new HashMap<>();
        long sum = 0;
        for (int i = 0; i < allocations.size(); i++) {
            UsageAllocation a = allocations.get(i);
            Set<String> keys = new HashSet<>();
            for (TagPair t : tagsOf(a)) {
                if (!keys.add(t.key())) {
                    throw InvalidTagException.builder()
                        .message(MeteringMessages.duplicateTagKey(operation, prefix, i, t.key())).build();
                }
            }
            Integer first = seen.putIfAbsent(tagsOf(a), i);
            if (first != null) {
                throw InvalidUsageAllocationsException.builder()
                    .message(MeteringMessages.duplicateTagSet(operation, prefix, first, i, tagsOf(a))).build();
            }
            sum += a.allocatedUsageQuantity() == null ? 0 : a.allocatedUsageQuantity();
        }
        if (sum != quantity) {
            throw InvalidUsageAllocationsException.builder()
                .message(MeteringMessages.allocationsSum(operation, prefix, quantityField, sum, quantity)).build();
        }
    }
}
