package io.github.awssim.sdk.oracle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * A field-level difference of two SDK values, walked through {@code sdkFields()}: one line per differing
 * leaf, named by its member path ({@code entries[1].usageQuantity}), so a failing oracle case says
 * exactly which member the wire lost or bent. Stricter than {@code equalsBySdkFields} in two ways a
 * caller can observe: doubles compare bit for bit (so {@code -0.0} is not {@code 0.0}), and a collection
 * that was sent (even empty) must not come back as "absent" ({@code hasX()} tells the two apart).
 */
public final class PojoDiff {
    private PojoDiff() {
    }

    public static List<String> diff(Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    /** The differences as a readable block, or an empty string when there are none. */
    public static String describe(Object expected, Object actual) {
        List<String> d = diff(expected, actual);
        return d.isEmpty() ? "" : String.join("\n", d);
    }

    private static void walk(String path, Object e, Object a, List<String> out) {
        if (e == null || a == null) {
            if (e != a) {
                out.add(at(path) + ": expected " + show(e) + " but was " + show(a));
            }
            return;
        }
        if (e instanceof SdkPojo && a instanceof SdkPojo) {
            if (e.getClass() != a.getClass()) {
                out.add(at(path) + ": expected a " + e.getClass().getName() + " but was a " + a.getClass().getName());
                return;
            }
            for (SdkField<?> f : ((SdkPojo) e).sdkFields()) {
                walk(join(path, f.memberName()), f.getValueOrDefault(e), f.getValueOrDefault(a), out);
            }
            return;
        }
        if (e instanceof List && a instanceof List) {
            List<?> el = (List<?>) e;
            List<?> al = (List<?>) a;
            presence(path, e instanceof SdkAutoConstructList, a instanceof SdkAutoConstructList, out);
            if (el.size() != al.size()) {
                out.add(at(path) + ": expected " + el.size() + " elements but was " + al.size() + ": expected "
                    + show(e) + " but was " + show(a));
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                walk(path + "[" + i + "]", el.get(i), al.get(i), out);
            }
            return;
        }
        if (e instanceof Map && a instanceof Map) {
            Map<?, ?> em = (Map<?, ?>) e;
            Map<?, ?> am = (Map<?, ?>) a;
            presence(path, e instanceof SdkAutoConstructMap, a instanceof SdkAutoConstructMap, out);
            Set<Object> keys = new LinkedHashSet<>(em.keySet());
            keys.addAll(am.keySet());
            for (Object k : keys) {
                String p = path + "{" + show(k) + "}";
                if (!em.containsKey(k)) {
                    out.add(p + ": unexpected key, value " + show(am.get(k)));
                } else if (!am.containsKey(k)) {
                    out.add(p + ": missing key, expected " + show(em.get(k)));
                } else {
                    walk(p, em.get(k), am.get(k), out);
                }
            }
            return;
        }
        if (e instanceof Double && a instanceof Double) {
            if (Double.doubleToLongBits((Double) e) != Double.doubleToLongBits((Double) a)) {
                out.add(at(path) + ": expected " + e + " but was " + a);
            }
            return;
        }
        if (e instanceof Float && a instanceof Float) {
            if (Float.floatToIntBits((Float) e) != Float.floatToIntBits((Float) a)) {
                out.add(at(path) + ": expected " + e + " but was " + a);
            }
            return;
        }
        if (!Objects.equals(e, a)) {
            out.add(at(path) + ": expected " + show(e) + " but was " + show(a));
        }
    }

    private static void presence(String path, boolean expectedAbsent, boolean actualAbsent, List<String> out) {
        if (expectedAbsent != actualAbsent) {
            out.add(at(path) + ": expected the collection " + (expectedAbsent ? "absent" : "present (sent)")
                + " but it was " + (actualAbsent ? "absent" : "present"));
        }
    }

    private static String at(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    /** A value shown so that invisible differences (controls, surrogates, trailing blanks) are visible. */
    static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            String s = (String) v;
            StringBuilder b = new StringBuilder("\"");
            int shown = 0;
            for (int i = 0; i < s.length() && shown < 120; i++, shown++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            if (s.length() > 120) {
                b.append("...(").append(s.length()).append(" chars)");
            }
            return b.append('"').toString();
        }
        if (v instanceof Document) {
            return "Document(" + v + ")";
        }
        if (v instanceof SdkBytes) {
            return "SdkBytes(" + ((SdkBytes) v).asByteArrayUnsafe().length + " bytes)";
        }
        String s = String.valueOf(v);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
