package io.github.awssim.core.services.pricingcalculator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.bcmpricingcalculator.model.FilterTimestamp;

/**
 * The List operations' filters. Filters combine with AND; a filter's values with OR. A value matches per the
 * filter's {@code matchOption}: {@code EQUALS} (the default), {@code STARTS_WITH} or {@code CONTAINS},
 * case-sensitive. An attribute the item lacks matches nothing. Timestamp filters are inclusive.
 */
final class Filters {
    /** One filter, whatever its request type. */
    record Filter(String name, List<String> values, String matchOption) {
    }

    private Filters() {
    }

    /** True when {@code attributes} (filter name → the item's value) passes every filter. */
    static boolean matches(List<Filter> filters, Function<String, String> attributes) {
        for (Filter f : filters) {
            String actual = attributes.apply(f.name());
            if (actual == null || f.values().stream().noneMatch(v -> matches(f.matchOption(), actual, v))) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(List<Filter> filters, Map<String, String> attributes) {
        return matches(filters, attributes::get);
    }

    private static boolean matches(String option, String actual, String wanted) {
        if (wanted == null) {
            return false;
        }
        if ("STARTS_WITH".equals(option)) {
            return actual.startsWith(wanted);
        }
        if ("CONTAINS".equals(option)) {
            return actual.contains(wanted);
        }
        return actual.equals(wanted);
    }

    static boolean within(FilterTimestamp filter, Instant t) {
        if (filter == null) {
            return true;
        }
        if (t == null) {
            return false;
        }
        return (filter.afterTimestamp() == null || !t.isBefore(filter.afterTimestamp()))
            && (filter.beforeTimestamp() == null || !t.isAfter(filter.beforeTimestamp()));
    }
}
