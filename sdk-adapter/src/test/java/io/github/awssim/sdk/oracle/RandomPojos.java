package io.github.awssim.sdk.oracle;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Seeded random values for any SDK shape, driven only by {@code sdkFields()} and the field traits: every
 * member of every structure is set (unions get exactly one), recursively down to {@link #MAX_DEPTH},
 * with the edge values the JSON wire must carry: empty, escaped and astral-plane strings, extreme and
 * non-finite numbers, pre-1970 and millisecond timestamps, empty and multi-element lists and maps,
 * empty blobs, nested documents.
 *
 * <p>Values stay inside what the SDK's own marshallers can put on the wire, because a value the SDK cannot
 * send (or reads back differently) proves nothing about awssim. Each restriction, with its reason:
 * <ul>
 *   <li><b>URI labels</b> ({@code PATH}/{@code GREEDY_PATH}) are never empty: {@code PathMarshaller}
 *       rejects an empty label ("cannot be empty"); greedy labels do not start with '/', which
 *       {@code GreedyPathMarshaller} strips.</li>
 *   <li><b>Query lists and maps</b> have 1..3 entries: an empty one puts no parameter on the wire
 *       ({@code QueryParamMarshaller.LIST/MAP} loop over the entries), so it reads back as absent.</li>
 *   <li><b>Query maps</b> have no key equal to a named query member of the same request: both would be the
 *       same query parameter.</li>
 *   <li><b>{@code @httpResponseCode}</b> members are 2xx statuses that allow a body: any other status makes the
 *       SDK read the answer as an error.</li>
 *   <li><b>Header values</b> are printable ASCII without leading or trailing blanks: HTTP header values
 *       carry no control characters and intermediaries trim surrounding whitespace (RFC 7230 §3.2), and the
 *       SDK's {@code HeaderMarshaller.LIST} skips blank list elements and sends nothing for an empty list,
 *       so header lists have 1..3 non-blank elements. {@code @jsonvalue} headers are base64 on the wire and
 *       take any string but the empty one: its base64 is an empty header value, which the SDK reads as no
 *       header at all ({@code DefaultSdkHttpFullResponse.firstMatchingHeader}). Header list elements have no
 *       comma or double quote: HTTP's form of a list header joins its elements with commas (Smithy quotes an
 *       element that holds one; the Java SDK sends a line per element and quotes nothing), so awssim, like S3,
 *       reads a comma as a separator.</li>
 *   <li><b>Prefix-map header keys</b> are lowercase tokens: header names are case-insensitive, so only a
 *       lowercase key reads back as itself.</li>
 *   <li><b>Timestamps</b> lie between 1900 and 2200 (ISO 8601 and RFC 822 print four-digit years and the
 *       SDK refuses epoch strings over 20 characters) and carry whole milliseconds (epoch seconds travel with
 *       three decimals, {@code DateUtils.formatUnixTimestampInstant}); RFC 822 ones (the header default) carry
 *       whole seconds, the most that format prints.</li>
 *   <li><b>Strings</b> are valid Unicode (no lone surrogates): UTF-8 cannot encode a lone surrogate.</li>
 *   <li><b>Document numbers</b> are finite: a JSON document has no NaN or infinity (typed float/double
 *       members do carry them, as the strings "NaN", "Infinity", "-Infinity").</li>
 *   <li><b>List elements and map values</b> are never null: the SDK drops null map values on the wire and
 *       generated list copiers are not meant to hold nulls.</li>
 * </ul>
 */
public final class RandomPojos {
    /** Structures nested deeper than this are left unset (and lists/maps of them empty), so recursive shapes end. */
    public static final int MAX_DEPTH = 6;

    private static final Instant MIN_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant MAX_INSTANT = Instant.parse("2200-01-01T00:00:00Z");

    /** Strings that have broken JSON codecs before: escapes, controls, astral plane, JSON-looking text. */
    private static final List<String> EDGE_STRINGS = List.of(
        "", " ", "a", "quote \" backslash \\ slash / ",
        "tab\tnewline\ncr\rnul\u0000unit\u001fdel\u007f",
        "\u00fcn\u00efc\u00f8d\u00e9 \u65e5\u672c\u8a9e \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "astral \uD83D\uDE00\uD834\uDD1E",
        "line\u2028para\u2029sep",
        "{\"__type\":\"NotAnError\",\"message\":\"json-looking\"}",
        "100%25 %2F+plus&amp=eq?#frag",
        "  padded  ",
        "message (Service: Fake, Status Code: 400, Request ID: x)",
        "</script><!--",
        "null");

    private static final Map<Class<?>, Boolean> UNIONS = new ConcurrentHashMap<>();

    private final Random random;
    private final long seed;
    private final int maxDepth;

    public RandomPojos(long seed) {
        this(seed, MAX_DEPTH);
    }

    /** A generator with a lower depth bound, for shapes that recurse through several members. */
    public RandomPojos(long seed, int maxDepth) {
        this.seed = seed;
        this.random = new Random(seed);
        this.maxDepth = maxDepth;
    }

    public long seed() {
        return seed;
    }

    /** A built instance of {@code type} (a request, response, exception or structure class) with every member set. */
    public <T> T of(Class<T> type) {
        SdkPojo builder = builderOf(type);
        fill(builder, 0);
        return type.cast(((Buildable) builder).build());
    }

    /** The builder of an SDK type with every member set, not built (exceptions get their message set on it). */
    public SdkPojo filledBuilder(Class<?> type) {
        SdkPojo builder = builderOf(type);
        fill(builder, 0);
        return builder;
    }

    /** An error message: usually text of any kind, sometimes empty or absent. */
    public String message() {
        int kind = random.nextInt(10);
        return kind == 0 ? null : kind == 1 ? "" : anyString();
    }

    static SdkPojo builderOf(Class<?> type) {
        try {
            return (SdkPojo) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no static builder() on " + type.getName(), e);
        }
    }

    /** Sets every member of {@code builder} (exactly one for a union). */
    public void fill(SdkPojo builder, int depth) {
        List<SdkField<?>> fields = builder.sdkFields();
        if (isUnion(builder) && !fields.isEmpty()) {
            SdkField<?> only = fields.get(random.nextInt(fields.size()));
            Object v = value(only, locationOf(only), depth);
            if (v == null) {
                // The chosen member is a structure past the depth limit; a union still needs one member.
                for (SdkField<?> f : fields) {
                    v = value(f, locationOf(f), depth);
                    if (v != null) {
                        f.set(builder, v);
                        return;
                    }
                }
                return;
            }
            only.set(builder, v);
            return;
        }
        for (SdkField<?> f : fields) {
            Object v = f.location() == MarshallLocation.STATUS_CODE ? statusCode() : value(f, locationOf(f), depth);
            if (v instanceof Map && f.location() == MarshallLocation.QUERY_PARAM) {
                // A query map shares the query string with the named query members: a key equal to one of
                // their names would be the same parameter twice, which no service can tell apart.
                for (SdkField<?> other : fields) {
                    ((Map<?, ?>) v).remove(other.locationName());
                }
            }
            if (v != null) {
                f.set(builder, v);
            }
        }
    }

    /** A success status for an {@code @httpResponseCode} member: 2xx (others are errors), none that forbids a body. */
    private Integer statusCode() {
        return pick(200, 201, 202, 203, 206, 299);
    }

    private static MarshallLocation locationOf(SdkField<?> f) {
        if (f.location() == null || f.location() == MarshallLocation.STATUS_CODE) {
            return MarshallLocation.PAYLOAD;
        }
        return f.location();
    }

    /**
     * A value of {@code field}'s type, fit for {@code location} (the location of the top-level member the value
     * belongs to: list elements and map values of a header member travel in headers too).
     */
    public Object value(SdkField<?> field, MarshallLocation location, int depth) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return string(field, location);
        }
        if (type == MarshallingType.INTEGER) {
            return pick(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt(), random.nextInt(1000));
        }
        if (type == MarshallingType.LONG) {
            return pick(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong(), (long) random.nextInt(1000));
        }
        if (type == MarshallingType.SHORT) {
            return pick((short) 0, (short) -1, Short.MAX_VALUE, Short.MIN_VALUE, (short) random.nextInt());
        }
        if (type == MarshallingType.BYTE) {
            return pick((byte) 0, (byte) -1, Byte.MAX_VALUE, Byte.MIN_VALUE, (byte) random.nextInt());
        }
        if (type == MarshallingType.DOUBLE) {
            return pick(0.0, -0.0, 1.5, -2.25e-7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.1 + 0.2, 1e21, random.nextDouble() * 1e6,
                random.nextGaussian());
        }
        if (type == MarshallingType.FLOAT) {
            return pick(0.0f, -0.0f, 1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MAX_VALUE, Float.MIN_VALUE, 0.1f, 3.4e-20f, random.nextFloat() * 1e6f);
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return pick(BigDecimal.ZERO, new BigDecimal("-1234567890123456789012345678901234567890.000000000001"),
                new BigDecimal("1E+400"), new BigDecimal("0.1"), new BigDecimal("-0.000"),
                new BigDecimal(new BigInteger(96, random), random.nextInt(20) - 5));
        }
        if (type == MarshallingType.BOOLEAN) {
            return random.nextBoolean();
        }
        if (type == MarshallingType.INSTANT) {
            return instant(field, location);
        }
        if (type == MarshallingType.SDK_BYTES) {
            return bytes();
        }
        if (type == MarshallingType.SDK_POJO) {
            if (depth >= maxDepth) {
                return null;
            }
            SdkPojo nested = field.constructor().get();
            fill(nested, depth + 1);
            return ((Buildable) nested).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            int size = location == MarshallLocation.HEADER || location == MarshallLocation.QUERY_PARAM
                ? 1 + random.nextInt(3) : size(depth, member);
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Object e = value(member, location, depth + 1);
                if (e instanceof String text && location == MarshallLocation.HEADER
                    && !member.containsTrait(JsonValueTrait.class)) {
                    e = text.replace(',', '_').replace('"', '_');
                }
                if (e != null) {
                    list.add(e);
                }
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            int size = location == MarshallLocation.QUERY_PARAM ? 1 + random.nextInt(3) : size(depth, valueField);
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                String key = location == MarshallLocation.HEADER ? headerToken() : mapKey(i);
                Object v = value(valueField, location, depth + 1);
                if (v != null) {
                    map.put(key, v);
                }
            }
            return map;
        }
        if (type == MarshallingType.DOCUMENT) {
            return document(0);
        }
        throw new IllegalArgumentException("RandomPojos: no generator for " + type + " (" + field.memberName() + ")");
    }

    private int size(int depth, SdkField<?> element) {
        if (depth >= maxDepth && element.marshallingType() == MarshallingType.SDK_POJO) {
            return 0;
        }
        // 0 (empty, still sent), 1, or several: all three are distinct cases on the wire.
        return pick(0, 1, 2, 3);
    }

    private String mapKey(int i) {
        // Keys must be distinct within one map; the index suffix guarantees it while the prefix varies.
        String base = pick("", "k", "\u00fcml\u00e4ut", "dot.ted", "sp ace", "\uD83D\uDE00", "\"q\"");
        return base + i;
    }

    private String string(SdkField<?> field, MarshallLocation location) {
        switch (location) {
            case HEADER: {
                if (!field.containsTrait(JsonValueTrait.class)) {
                    return headerValue();
                }
                String s = anyString();
                return s.isEmpty() ? "{}" : s;
            }
            case PATH: {
                String s = anyString();
                return s.isEmpty() ? "label" : s;
            }
            case GREEDY_PATH: {
                // GreedyPathMarshaller drops one leading '/' ({Key+} is already after a slash).
                String s = anyString().replaceFirst("^/+", "");
                return s.isEmpty() ? "label/more" : s;
            }
            default:
                return anyString();
        }
    }

    private String anyString() {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return EDGE_STRINGS.get(random.nextInt(EDGE_STRINGS.size()));
        }
        if (kind == 1) {
            return unicode(1 + random.nextInt(40));
        }
        if (kind == 2) {
            return "x".repeat(1 + random.nextInt(2000));
        }
        return alnum(1 + random.nextInt(24));
    }

    private String alnum(int n) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** Random valid Unicode: ASCII (controls included), Latin-1, CJK, and astral code points as surrogate pairs. */
    private String unicode(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp;
            switch (random.nextInt(5)) {
                case 0:
                    cp = random.nextInt(0x80);
                    break;
                case 1:
                    cp = 0x80 + random.nextInt(0x780);
                    break;
                case 2:
                    cp = 0x4E00 + random.nextInt(0x5000);
                    break;
                case 3:
                    cp = 0x1F300 + random.nextInt(0x300);
                    break;
                default:
                    cp = 0x20 + random.nextInt(0x5F);
                    break;
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private String headerValue() {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&'()*+,;=:@/?\"% ";
        int n = 1 + random.nextInt(30);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString().strip().isEmpty() ? "h" : b.toString().strip();
    }

    private String headerToken() {
        return "k" + alnum(1 + random.nextInt(8)).toLowerCase().replace('_', '-');
    }

    private Instant instant(SdkField<?> field, MarshallLocation location) {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
            .map(TimestampFormatTrait::format)
            .orElse(location == MarshallLocation.HEADER ? TimestampFormatTrait.Format.RFC_822
                : location == MarshallLocation.PAYLOAD ? TimestampFormatTrait.Format.UNIX_TIMESTAMP
                : TimestampFormatTrait.Format.ISO_8601);
        long millis = pick(0L, -1L, 1L, -62_135_596L, 1_700_000_000_123L, 4_102_444_800_999L,
            MIN_INSTANT.toEpochMilli() + (long) (random.nextDouble()
                * (MAX_INSTANT.toEpochMilli() - MIN_INSTANT.toEpochMilli())));
        Instant at = Instant.ofEpochMilli(millis);
        if (format == TimestampFormatTrait.Format.RFC_822) {
            at = Instant.ofEpochSecond(Math.floorDiv(millis, 1000L));
        }
        return at;
    }

    private SdkBytes bytes() {
        int kind = random.nextInt(3);
        if (kind == 0) {
            return SdkBytes.fromByteArray(new byte[0]);
        }
        if (kind == 1) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            return SdkBytes.fromByteArray(all);
        }
        byte[] b = new byte[1 + random.nextInt(64)];
        random.nextBytes(b);
        return SdkBytes.fromByteArray(b);
    }

    private Document document(int depth) {
        int kind = random.nextInt(depth >= 3 ? 5 : 7);
        switch (kind) {
            case 0:
                return Document.fromString(anyString());
            case 1:
                return Document.fromNumber(pick("0", "-1", "1.5", "123456789012345678901234567890", "-2.5E-10",
                    Long.toString(random.nextLong())));
            case 2:
                return Document.fromBoolean(random.nextBoolean());
            case 3:
                return Document.fromNull();
            case 4:
                return Document.fromString(alnum(5));
            case 5: {
                Document.ListBuilder list = Document.listBuilder();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.addDocument(document(depth + 1));
                }
                return list.build();
            }
            default: {
                Document.MapBuilder map = Document.mapBuilder();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    map.putDocument(mapKey(i), document(depth + 1));
                }
                return map.build();
            }
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /**
     * Whether a builder builds a union: generated unions (Smithy {@code @union}) have a {@code type()} accessor
     * returning their nested {@code Type} enum, which no other generated structure has.
     */
    static boolean isUnion(SdkPojo builder) {
        return UNIONS.computeIfAbsent(builder.getClass(), c -> {
            Object built = ((Buildable) builder).build();
            try {
                Method type = built.getClass().getMethod("type");
                Class<?> r = type.getReturnType();
                return r.isEnum() && r.getSimpleName().equals("Type") && r.getEnclosingClass() == built.getClass()
                    && !Modifier.isStatic(type.getModifiers());
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }
}
