package io.github.awssim.core.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Checks a typed request against its operation's model constraints (required members, lengths, ranges,
 * patterns, enums), the way AWS's front end does before a service sees the call. Violations are named
 * with AWS's own wording and member paths ({@code usageAllocations.1.member.tags}), so messages read like
 * the real service's {@code ValidationException}.
 */
public final class ConstraintValidator {
    private ConstraintValidator() {
    }

    /** One failed constraint: the member path, the offending value, and the constraint it broke. */
    public record Violation(String path, Object value, String constraint) {
        /** AWS's phrasing: {@code Value 'x' at 'productCode' failed to satisfy constraint: Member must ...}. */
        public String describe() {
            return "Value " + render(value) + " at '" + path + "' failed to satisfy constraint: " + constraint;
        }

        private static String render(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Collection || v instanceof Map) {
                return "'" + v + "'";
            }
            if (v instanceof SdkBytes) {
                return "'" + ((SdkBytes) v).asByteArray().length + " bytes'";
            }
            return "'" + v + "'";
        }
    }

    /** Validates {@code request} against {@code operation}'s input shape; empty when it passes. */
    public static List<Violation> validate(OperationModel operation, SdkPojo request) {
        ShapeModel input = operation.input().orElse(null);
        if (input == null) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>(0);
        structure(input, request, null, true, out);
        return out;
    }

    /**
     * Checks that {@code pojo} (a response or exception of {@code shape}) has its required members and
     * valid enum values: what a stubbed answer must satisfy to be one the service could send. Lengths,
     * ranges and patterns are left alone so tests may use short made-up values.
     */
    public static List<Violation> validateAnswer(ShapeModel shape, SdkPojo pojo) {
        List<Violation> out = new ArrayList<>(0);
        structure(shape, pojo, null, false, out);
        return out;
    }

    /**
     * A member path built only when a violation needs it: validation of a valid request (the common case)
     * allocates no strings.
     */
    private static final class Path {
        private final Path parent;
        private final String member;
        private final int index;

        private Path(Path parent, String member, int index) {
            this.parent = parent;
            this.member = member;
            this.index = index;
        }

        static Path member(Path parent, String memberName) {
            return new Path(parent, memberName, 0);
        }

        static Path element(Path parent, int oneBased) {
            return new Path(parent, null, oneBased);
        }

        static Path mapKey(Path parent) {
            return new Path(parent, "key", -1);
        }

        static Path mapValue(Path parent, String key) {
            return new Path(parent, key, -1);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            render(b);
            return b.toString();
        }

        private void render(StringBuilder b) {
            if (parent != null) {
                parent.render(b);
                b.append('.');
            }
            if (member == null) {
                b.append(index).append(".member");
            } else if (index == -1) {
                b.append(member);
            } else {
                b.append(Character.toLowerCase(member.charAt(0))).append(member, 1, member.length());
            }
        }
    }

    /** The AWS summary line for a list of violations: {@code 2 validation errors detected: ...; ...}. */
    public static String summary(List<Violation> violations) {
        StringBuilder b = new StringBuilder();
        b.append(violations.size()).append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                b.append("; ");
            }
            b.append(violations.get(i).describe());
        }
        return b.toString();
    }

    private static void structure(ShapeModel shape, SdkPojo pojo, Path at, boolean full, List<Violation> out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            MemberModel member = shape.members().get(field.memberName());
            if (member == null) {
                continue; // the SDK knows a member the shipped model lacks: nothing to check it against
            }
            Object value = field.getValueOrDefault(pojo);
            if (value == null || isAutoConstructEmpty(value)) {
                if (shape.required().contains(field.memberName())) {
                    out.add(new Violation(Path.member(at, field.memberName()).toString(), null, "Member must not be null"));
                }
                continue;
            }
            value(member.shape(), value, at, field.memberName(), full, out);
        }
    }

    private static boolean isAutoConstructEmpty(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
            || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    /** Checks one value; its path is {@code parent} plus {@code name} (a member name), built lazily. */
    private static void value(ShapeModel shape, Object value, Path parent, String name, boolean full, List<Violation> out) {
        value(shape, value, () -> name == null ? parent : Path.member(parent, name), full, out);
    }

    private interface LazyPath {
        Path get();
    }

    @SuppressWarnings("unchecked")
    private static void value(ShapeModel shape, Object value, LazyPath at, boolean full, List<Violation> out) {
        switch (shape.type()) {
            case "string":
                string(shape, value.toString(), at, full, out);
                break;
            case "integer":
            case "long":
            case "float":
            case "double":
            case "bigdecimal":
            case "short":
            case "byte":
                if (full) {
                    number(shape, value, at, out);
                }
                break;
            case "blob":
                if (full && value instanceof SdkBytes) {
                    length(shape, ((SdkBytes) value).asByteArrayUnsafe().length, value, at, out);
                }
                break;
            case "list": {
                List<Object> list = (List<Object>) value;
                if (full) {
                    length(shape, list.size(), value, at, out);
                }
                ShapeModel member = shape.listMemberOrNull();
                if (member != null && !list.isEmpty()) {
                    Path here = at.get();
                    for (int i = 0; i < list.size(); i++) {
                        Object element = list.get(i);
                        int oneBased = i + 1;
                        if (element == null) {
                            // no list in the shipped models is sparse: JSON's [null] is a missing member
                            out.add(new Violation(Path.element(here, oneBased).toString(), null, "Member must not be null"));
                        } else {
                            value(member, element, () -> Path.element(here, oneBased), full, out);
                        }
                    }
                }
                break;
            }
            case "map": {
                Map<String, Object> map = (Map<String, Object>) value;
                if (full) {
                    length(shape, map.size(), value, at, out);
                }
                ShapeModel key = shape.mapKeyOrNull();
                ShapeModel val = shape.mapValueOrNull();
                if (!map.isEmpty() && (key != null || val != null)) {
                    Path here = at.get();
                    for (Map.Entry<String, Object> e : map.entrySet()) {
                        if (key != null) {
                            value(key, e.getKey(), () -> Path.mapKey(here), full, out);
                        }
                        if (e.getValue() == null) {
                            out.add(new Violation(Path.mapValue(here, e.getKey()).toString(), null, "Member must not be null"));
                        } else if (val != null) {
                            value(val, e.getValue(), () -> Path.mapValue(here, e.getKey()), full, out);
                        }
                    }
                }
                break;
            }
            case "structure":
                if (value instanceof SdkPojo) {
                    structure(shape, (SdkPojo) value, at.get(), full, out);
                }
                break;
            default:
                break; // boolean, timestamp, document: no constraints in the models we ship
        }
    }

    private static void string(ShapeModel shape, String s, LazyPath at, boolean full, List<Violation> out) {
        if (full && (shape.minBound() != null || shape.maxBound() != null)) {
            length(shape, s.codePointCount(0, s.length()), s, at, out);
        }
        if (full && shape.patternOrNull() != null && !shape.matchesPattern(s)) {
            out.add(new Violation(at.get().toString(), s,
                "Member must satisfy regular expression pattern: " + shape.patternSource()));
        }
        List<String> values = shape.enumOrNull();
        if (values != null && !values.contains(s)) {
            out.add(new Violation(at.get().toString(), s, "Member must satisfy enum value set: " + values));
        }
    }

    private static void length(ShapeModel shape, long length, Object value, LazyPath at, List<Violation> out) {
        BigDecimal min = shape.minBound();
        if (min != null && below(length, min, shape.minLong())) {
            out.add(new Violation(at.get().toString(), value,
                "Member must have length greater than or equal to " + min.toPlainString()));
        }
        BigDecimal max = shape.maxBound();
        if (max != null && above(length, max, shape.maxLong())) {
            out.add(new Violation(at.get().toString(), value,
                "Member must have length less than or equal to " + max.toPlainString()));
        }
    }

    private static boolean below(long v, BigDecimal bound, Long exact) {
        return exact != null ? v < exact : BigDecimal.valueOf(v).compareTo(bound) < 0;
    }

    private static boolean above(long v, BigDecimal bound, Long exact) {
        return exact != null ? v > exact : BigDecimal.valueOf(v).compareTo(bound) > 0;
    }

    private static void number(ShapeModel shape, Object value, LazyPath at, List<Violation> out) {
        BigDecimal min = shape.minBound();
        BigDecimal max = shape.maxBound();
        if (min == null && max == null) {
            return;
        }
        boolean tooSmall;
        boolean tooBig;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            tooSmall = min != null && below(v, min, shape.minLong());
            tooBig = max != null && above(v, max, shape.maxLong());
        } else {
            BigDecimal v;
            if (value instanceof BigDecimal) {
                v = (BigDecimal) value;
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    // JSON carries "NaN" and "Infinity"; no bounded range holds them, and NaN is in no range
                    tooSmall = min != null && (Double.isNaN(d) || d < 0);
                    tooBig = max != null && !tooSmall && (Double.isNaN(d) || d > 0);
                    report(min, max, tooSmall, tooBig, value, at, out);
                    return;
                }
                v = BigDecimal.valueOf(d);
            } else {
                return;
            }
            tooSmall = min != null && v.compareTo(min) < 0;
            tooBig = max != null && v.compareTo(max) > 0;
        }
        report(min, max, tooSmall, tooBig, value, at, out);
    }

    private static void report(BigDecimal min, BigDecimal max, boolean tooSmall, boolean tooBig, Object value,
                               LazyPath at, List<Violation> out) {
        if (tooSmall) {
            out.add(new Violation(at.get().toString(), value,
                "Member must have value greater than or equal to " + min.toPlainString()));
        }
        if (tooBig) {
            out.add(new Violation(at.get().toString(), value,
                "Member must have value less than or equal to " + max.toPlainString()));
        }
    }


}
