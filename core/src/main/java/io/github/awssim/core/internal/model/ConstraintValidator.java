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
        List<Violation> out = new ArrayList<>();
        operation.input().ifPresent(shape -> structure(shape, request, "", out));
        return out;
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

    private static void structure(ShapeModel shape, SdkPojo pojo, String prefix, List<Violation> out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Optional<MemberModel> member = shape.member(field.memberName());
            if (member.isEmpty()) {
                continue; // the SDK knows a member the shipped model lacks: nothing to check it against
            }
            Object value = field.getValueOrDefault(pojo);
            String path = prefix + lowerFirst(field.memberName());
            if (value == null || isAutoConstructEmpty(value)) {
                if (shape.required().contains(field.memberName())) {
                    out.add(new Violation(path, null, "Member must not be null"));
                }
                continue;
            }
            value(member.get().shape(), value, path, out);
        }
    }

    private static boolean isAutoConstructEmpty(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
            || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    @SuppressWarnings("unchecked")
    private static void value(ShapeModel shape, Object value, String path, List<Violation> out) {
        switch (shape.type()) {
            case "string":
                string(shape, value.toString(), path, out);
                break;
            case "integer":
            case "long":
            case "float":
            case "double":
            case "bigdecimal":
            case "short":
            case "byte":
                number(shape, value, path, out);
                break;
            case "blob":
                if (value instanceof SdkBytes) {
                    length(shape, ((SdkBytes) value).asByteArray().length, value, path, out);
                }
                break;
            case "list":
                List<Object> list = (List<Object>) value;
                length(shape, list.size(), value, path, out);
                ShapeModel member = shape.listMember().orElse(null);
                for (int i = 0; member != null && i < list.size(); i++) {
                    Object element = list.get(i);
                    if (element != null) {
                        value(member, element, path + "." + (i + 1) + ".member", out);
                    }
                }
                break;
            case "map":
                Map<String, Object> map = (Map<String, Object>) value;
                length(shape, map.size(), value, path, out);
                ShapeModel key = shape.mapKey().orElse(null);
                ShapeModel val = shape.mapValue().orElse(null);
                for (Map.Entry<String, Object> e : map.entrySet()) {
                    if (key != null) {
                        value(key, e.getKey(), path + ".key", out);
                    }
                    if (val != null && e.getValue() != null) {
                        value(val, e.getValue(), path + "." + e.getKey(), out);
                    }
                }
                break;
            case "structure":
                if (value instanceof SdkPojo) {
                    structure(shape, (SdkPojo) value, path + ".", out);
                }
                break;
            default:
                break; // boolean, timestamp, document: no constraints in the models we ship
        }
    }

    private static void string(ShapeModel shape, String s, String path, List<Violation> out) {
        length(shape, s.codePointCount(0, s.length()), s, path, out);
        shape.pattern().ifPresent(p -> {
            if (!p.matcher(s).find()) {
                out.add(new Violation(path, s, "Member must satisfy regular expression pattern: " + shape.patternSource()));
            }
        });
        shape.enumValues().ifPresent(values -> {
            if (!values.contains(s)) {
                out.add(new Violation(path, s, "Member must satisfy enum value set: " + values));
            }
        });
    }

    private static void length(ShapeModel shape, long length, Object value, String path, List<Violation> out) {
        shape.min().ifPresent(min -> {
            if (BigDecimal.valueOf(length).compareTo(min) < 0) {
                out.add(new Violation(path, value, "Member must have length greater than or equal to " + min.toPlainString()));
            }
        });
        shape.max().ifPresent(max -> {
            if (BigDecimal.valueOf(length).compareTo(max) > 0) {
                out.add(new Violation(path, value, "Member must have length less than or equal to " + max.toPlainString()));
            }
        });
    }

    private static void number(ShapeModel shape, Object value, String path, List<Violation> out) {
        BigDecimal v;
        if (value instanceof BigDecimal) {
            v = (BigDecimal) value;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return;
            }
            v = BigDecimal.valueOf(d);
        } else if (value instanceof Number) {
            v = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            return;
        }
        shape.min().ifPresent(min -> {
            if (v.compareTo(min) < 0) {
                out.add(new Violation(path, value, "Member must have value greater than or equal to " + min.toPlainString()));
            }
        });
        shape.max().ifPresent(max -> {
            if (v.compareTo(max) > 0) {
                out.add(new Violation(path, value, "Member must have value less than or equal to " + max.toPlainString()));
            }
        });
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

}
