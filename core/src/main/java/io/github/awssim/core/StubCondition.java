package io.github.awssim.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/** One condition of a stub: a described predicate, or the members of a partial request. */
final class StubCondition<R extends SdkRequest> {
    private final String description;
    private final Predicate<? super R> predicate;
    private final SdkPojo partial;

    private StubCondition(String description, Predicate<? super R> predicate, SdkPojo partial) {
        this.description = description;
        this.predicate = predicate;
        this.partial = partial;
    }

    static <R extends SdkRequest> StubCondition<R> predicate(String description, Predicate<? super R> predicate) {
        return new StubCondition<>(description, predicate, null);
    }

    static <R extends SdkRequest> StubCondition<R> partial(R partial) {
        return new StubCondition<>(describe(partial), null, partial);
    }

    String description() {
        return description;
    }

    /** Empty when the request matches; otherwise why not, one entry per differing member. */
    List<String> misses(R request) {
        if (predicate != null) {
            return predicate.test(request) ? List.of() : List.of("'" + description + "' is false");
        }
        List<String> out = new ArrayList<>();
        for (SdkField<?> f : partial.sdkFields()) {
            Object expected = set(f, partial);
            if (expected == null) {
                continue;
            }
            Object actual = set(f, (SdkPojo) request);
            if (!same(expected, actual, f.location() == MarshallLocation.HEADER ? ChronoUnit.SECONDS : ChronoUnit.MILLIS)) {
                out.add(f.memberName() + " was " + render(actual) + ", the stub wants " + render(expected));
            }
        }
        return out;
    }

    /**
     * Equal as the wire can tell: a request reaches a simulator decoded from the wire, where times carry
     * milliseconds (seconds in headers), so a stub made with the client's {@code Instant} must match at that
     * precision, nested members included.
     */
    private static boolean same(Object expected, Object actual, ChronoUnit precision) {
        if (expected instanceof Instant && actual instanceof Instant) {
            return ((Instant) expected).truncatedTo(precision).equals(((Instant) actual).truncatedTo(precision));
        }
        if (expected instanceof List && actual instanceof List) {
            List<?> e = (List<?>) expected;
            List<?> a = (List<?>) actual;
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!same(e.get(i), a.get(i), ChronoUnit.MILLIS)) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map && actual instanceof Map) {
            Map<?, ?> e = (Map<?, ?>) expected;
            Map<?, ?> a = (Map<?, ?>) actual;
            if (!e.keySet().equals(a.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                if (!same(entry.getValue(), a.get(entry.getKey()), ChronoUnit.MILLIS)) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof SdkPojo && actual != null && expected.getClass() == actual.getClass()) {
            for (SdkField<?> f : ((SdkPojo) expected).sdkFields()) {
                if (!same(f.getValueOrDefault(expected), f.getValueOrDefault(actual), ChronoUnit.MILLIS)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(expected, actual);
    }

    private static Object set(SdkField<?> f, SdkPojo pojo) {
        // getValueOrDefault would invent an idempotency token for an unset member, and a partial request
        // leaves such members unset on purpose: read those without their default.
        Object v = f.containsTrait(DefaultValueTrait.class) ? rawValue(f, pojo) : f.getValueOrDefault(pojo);
        return v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap ? null : v;
    }

    /** The member's value without applying its default (an idempotency token stays unset). */
    private static Object rawValue(SdkField<?> f, SdkPojo pojo) {
        try {
            java.lang.reflect.Method getter = pojo.getClass().getMethod(
                Character.toLowerCase(f.memberName().charAt(0)) + f.memberName().substring(1));
            return getter.invoke(pojo);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String describe(SdkPojo partial) {
        List<String> parts = new ArrayList<>();
        for (SdkField<?> f : partial.sdkFields()) {
            Object v = set(f, partial);
            if (v != null) {
                parts.add(f.memberName() + "=" + render(v));
            }
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String render(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
