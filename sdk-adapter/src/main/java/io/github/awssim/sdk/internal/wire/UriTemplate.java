package io.github.awssim.sdk.internal.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST operation's request URI template ({@code /reportDefinition/{reportId}}, {@code /{Key+}?uploads}):
 * matches a request path and extracts its labels, percent-decoded.
 */
public final class UriTemplate {
    private final String source;
    private final List<String> segments = new ArrayList<>();
    private final Map<String, String> queryLiterals = new LinkedHashMap<>();
    private final int literalCount;

    private UriTemplate(String source) {
        this.source = source;
        String path = source;
        int q = source.indexOf('?');
        if (q >= 0) {
            path = source.substring(0, q);
            for (String part : source.substring(q + 1).split("&")) {
                if (!part.isEmpty()) {
                    int eq = part.indexOf('=');
                    queryLiterals.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? null : part.substring(eq + 1));
                }
            }
        }
        int literals = 0;
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
                if (!s.startsWith("{")) {
                    literals++;
                }
            }
        }
        this.literalCount = literals + queryLiterals.size();
    }

    public static UriTemplate parse(String requestUri) {
        return new UriTemplate(requestUri == null ? "/" : requestUri);
    }

    /** More literal segments and query markers make a template more specific; the most specific match wins. */
    public int specificity() {
        return literalCount;
    }

    /**
     * The query without the template's literal keys ({@code ?uploads}, {@code ?mode=x}): what the request's
     * members bind, so an {@code @httpQueryParams} map does not collect the literals. The same map when the
     * template has none.
     */
    public Map<String, List<String>> unusedQuery(Map<String, List<String>> query) {
        if (queryLiterals.isEmpty()) {
            return query;
        }
        Map<String, List<String>> rest = new HashMap<>(query);
        queryLiterals.keySet().forEach(rest::remove);
        return rest;
    }

    /** The labels of {@code encodedPath} if it matches (query literals included), else null. */
    public Map<String, String> match(String encodedPath, Map<String, List<String>> query) {
        for (Map.Entry<String, String> lit : queryLiterals.entrySet()) {
            List<String> values = query.get(lit.getKey());
            if (values == null || (lit.getValue() != null && !values.contains(lit.getValue()))) {
                return null;
            }
        }
        String path = encodedPath == null ? "" : encodedPath;
        List<String> actual = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            actual.add(s);
        }
        // "/a/b" splits to ["", "a", "b"]; drop the leading empty segment, keep inner and trailing ones.
        if (!actual.isEmpty() && actual.get(0).isEmpty()) {
            actual.remove(0);
        }
        if (actual.size() == 1 && actual.get(0).isEmpty()) {
            actual.clear();
        }
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        for (int t = 0; t < segments.size(); t++) {
            String seg = segments.get(t);
            if (seg.startsWith("{") && seg.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                String rest = String.join("/", actual.subList(i, actual.size()));
                labels.put(seg.substring(1, seg.length() - 2), decode(rest));
                i = actual.size();
                continue;
            }
            if (i >= actual.size()) {
                return null;
            }
            String value = actual.get(i++);
            if (seg.startsWith("{")) {
                if (value.isEmpty()) {
                    return null;
                }
                labels.put(seg.substring(1, seg.length() - 1), decode(value));
            } else if (!seg.equals(value)) {
                return null;
            }
        }
        return i == actual.size() ? labels : null;
    }

    /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+'. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            }
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return source;
    }
}
