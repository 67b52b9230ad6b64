package io.github.awssim.sdk.internal.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.BinaryUtils;

/**
 * Members bound to HTTP headers, query strings and URI labels, in the REST protocols' text formats
 * (timestamps per location: RFC 822 in headers, ISO 8601 in query and path; base64 JSON for
 * {@code @jsonvalue} headers; one header or query value per list element; prefix maps such as
 * {@code x-amz-meta-}).
 */
public final class HttpText {
    private HttpText() {
    }

    // ---- reading a request -------------------------------------------------------------------

    /** Fills {@code builder}'s header, query and path members from the request. */
    public static void readBindings(SdkPojo builder, SdkHttpRequest request, Map<String, String> pathLabels,
                                    Map<String, List<String>> query) {
        FieldIndex index = FieldIndex.of(builder);
        for (SdkField<?> f : index.headers()) {
            Object v = readHeader(f, request.headers());
            if (v != null) {
                f.set(builder, v);
            }
        }
        List<String> claimed = new ArrayList<>();
        SdkField<?> queryMap = null;
        for (SdkField<?> f : index.query()) {
            if (f.marshallingType() == MarshallingType.MAP) {
                queryMap = f;
                continue;
            }
            claimed.add(f.locationName());
            List<String> values = query.get(f.locationName());
            if (values == null || values.isEmpty()) {
                continue;
            }
            try {
                f.set(builder, f.marshallingType() == MarshallingType.LIST
                    ? listOf(f, values, "query parameter " + f.locationName())
                    : parse(values.get(0), f, "query parameter " + f.locationName()));
            } catch (MalformedRequestException e) {
                throw e.inQueryParameter(f.locationName());
            }
        }
        if (queryMap != null) {
            Map<String, Object> rest = new LinkedHashMap<>();
            SdkField<?> valueField = queryMap.getRequiredTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<String, List<String>> e : query.entrySet()) {
                if (!claimed.contains(e.getKey()) && !e.getValue().isEmpty()) {
                    rest.put(e.getKey(), valueField.marshallingType() == MarshallingType.LIST
                        ? listOf(valueField, e.getValue(), "query parameter " + e.getKey())
                        : parse(e.getValue().get(0), valueField, "query parameter " + e.getKey()));
                }
            }
            if (!rest.isEmpty()) {
                queryMap.set(builder, rest);
            }
        }
        for (SdkField<?> f : index.path()) {
            String v = pathLabels.get(f.locationName());
            if (v != null) {
                f.set(builder, parse(v, f, "URI label " + f.locationName()));
            }
        }
    }

    private static Object readHeader(SdkField<?> f, Map<String, List<String>> headers) {
        if (f.marshallingType() == MarshallingType.MAP) {
            String prefix = f.locationName().toLowerCase();
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            headers.forEach((name, values) -> {
                if (name.toLowerCase().startsWith(prefix) && !values.isEmpty()) {
                    map.put(name.substring(prefix.length()), parse(values.get(0), valueField, "header " + name));
                }
            });
            return map.isEmpty() ? null : map;
        }
        List<String> values = headerValues(headers, f.locationName());
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (f.marshallingType() == MarshallingType.LIST) {
            // The Java SDK sends one header value per element; botocore and the JavaScript SDK send one value with
            // the elements comma-separated (HTTP's list form, Smithy quoting any element with a comma or a quote).
            return listOf(f, splitListHeader(f, values), "header " + f.locationName());
        }
        return parse(values.get(0), f, "header " + f.locationName());
    }

    static List<String> headerValues(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static List<String> splitListHeader(SdkField<?> listField, List<String> values) {
        SdkField<?> member = listField.getRequiredTrait(ListTrait.class).memberFieldInfo();
        if (member.marshallingType() == MarshallingType.INSTANT) {
            return values;   // an HTTP date has a comma of its own ("Tue, 24 Nov 2026 ...")
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            StringBuilder element = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\\' && quoted && i + 1 < value.length()) {
                    element.append(value.charAt(++i));
                } else if (c == ',' && !quoted) {
                    out.add(element.toString().trim());
                    element.setLength(0);
                } else {
                    element.append(c);
                }
            }
            out.add(element.toString().trim());
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private static List<Object> listOf(SdkField<?> listField, List<String> values, String where) {
        SdkField<?> member = listField.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(parse(v, member, where));
        }
        return out;
    }

    /** Parses one text value of {@code field}'s scalar type. */
    @SuppressWarnings("unchecked")
    public static Object parse(String text, SdkField<?> field, String where) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return field.containsTrait(JsonValueTrait.class)
                    ? new String(BinaryUtils.fromBase64(text), StandardCharsets.UTF_8) : text;
            }
            if (type == MarshallingType.INTEGER) {
                return Integer.parseInt(text);
            }
            if (type == MarshallingType.LONG) {
                return Long.parseLong(text);
            }
            if (type == MarshallingType.SHORT) {
                return Short.parseShort(text);
            }
            if (type == MarshallingType.BYTE) {
                return Byte.parseByte(text);
            }
            if (type == MarshallingType.DOUBLE) {
                return Double.parseDouble(text);
            }
            if (type == MarshallingType.FLOAT) {
                return Float.parseFloat(text);
            }
            if (type == MarshallingType.BIG_DECIMAL) {
                return new BigDecimal(text);
            }
            if (type == MarshallingType.BOOLEAN) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("not a boolean");
                }
                return Boolean.parseBoolean(text);
            }
            if (type == MarshallingType.INSTANT) {
                return JsonValues.STRING_TO_INSTANT.convert(text, (SdkField<Instant>) field);
            }
            if (type == MarshallingType.SDK_BYTES) {
                return SdkBytes.fromByteArray(BinaryUtils.fromBase64(text));
            }
        } catch (RuntimeException e) {
            throw new MalformedRequestException("SerializationException",
                "Value '" + text + "' of " + where + " is not a valid " + type, e);
        }
        throw new MalformedRequestException("SerializationException", "awssim: cannot read a " + type + " from " + where);
    }

    // ---- writing a response ------------------------------------------------------------------

    /** Adds {@code pojo}'s header members to {@code headers}. */
    @SuppressWarnings("unchecked")
    public static void writeHeaders(SdkPojo pojo, Map<String, List<String>> headers) {
        List<String> written = null;
        for (SdkField<?> f : FieldIndex.of(pojo).headers()) {
            Object v = f.getValueOrDefault(pojo);
            if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
                continue;
            }
            if (f.marshallingType() != MarshallingType.MAP) {
                // Two members bound to one header (S3's Expires and ExpiresString) are one header on the
                // wire: the first member set gives its value.
                if (written == null) {
                    written = new ArrayList<>(4);
                } else if (written.contains(f.locationName().toLowerCase())) {
                    continue;
                }
                written.add(f.locationName().toLowerCase());
            }
            if (f.marshallingType() == MarshallingType.MAP) {
                SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
                ((Map<String, Object>) v).forEach((k, val) -> {
                    if (val != null) {
                        WireResponse.put(headers, f.locationName() + k, format(val, valueField));
                    }
                });
            } else if (f.marshallingType() == MarshallingType.LIST) {
                SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
                for (Object e : (List<Object>) v) {
                    if (e != null) {
                        WireResponse.put(headers, f.locationName(), format(e, member));
                    }
                }
            } else {
                WireResponse.put(headers, f.locationName(), format(v, f));
            }
        }
    }

    /** Formats one scalar value as the REST protocols carry it in text. */
    @SuppressWarnings("unchecked")
    public static String format(Object v, SdkField<?> field) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return field.containsTrait(JsonValueTrait.class)
                ? BinaryUtils.toBase64(((String) v).getBytes(StandardCharsets.UTF_8)) : (String) v;
        }
        if (type == MarshallingType.INSTANT) {
            return JsonValues.INSTANT_TO_STRING.convert((Instant) v, (SdkField<Instant>) field);
        }
        if (type == MarshallingType.SDK_BYTES) {
            return BinaryUtils.toBase64(((SdkBytes) v).asByteArray());
        }
        return v.toString();
    }
}
