package io.github.awssim.sdk.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.protocols.core.InstantToString;
import software.amazon.awssdk.protocols.core.StringToInstant;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * JSON values of any SDK member, generic over {@code MarshallingType} and traits, in the JSON protocols'
 * formats: payload timestamps as epoch seconds with millisecond fraction, blobs as base64, non-finite
 * doubles as strings, documents as plain JSON.
 */
public final class JsonValues {
    public static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The JSON protocols' default timestamp format per location (SDK 2.40.2 JsonProtocolMarshaller). */
    static final Map<MarshallLocation, TimestampFormatTrait.Format> DEFAULT_FORMATS = defaultFormats();
    static final InstantToString INSTANT_TO_STRING = InstantToString.create(DEFAULT_FORMATS);
    static final StringToInstant STRING_TO_INSTANT = StringToInstant.create(DEFAULT_FORMATS);

    private JsonValues() {
    }

    private static Map<MarshallLocation, TimestampFormatTrait.Format> defaultFormats() {
        Map<MarshallLocation, TimestampFormatTrait.Format> formats = new EnumMap<>(MarshallLocation.class);
        formats.put(MarshallLocation.HEADER, TimestampFormatTrait.Format.RFC_822);
        formats.put(MarshallLocation.PAYLOAD, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        formats.put(MarshallLocation.QUERY_PARAM, TimestampFormatTrait.Format.ISO_8601);
        formats.put(MarshallLocation.PATH, TimestampFormatTrait.Format.ISO_8601);
        formats.put(MarshallLocation.GREEDY_PATH, TimestampFormatTrait.Format.ISO_8601);
        return formats;
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Reads the JSON object the parser is positioned on (the whole body) into {@code builder}'s payload members. */
    public static void readStructure(JsonParser p, SdkPojo builder) throws IOException {
        readStructure(p, builder, "");
    }

    /**
     * Reads the JSON object the parser is positioned on into {@code builder}'s payload members;
     * {@code path} names the object in error messages ({@code UsageAllocations.2}), empty for the body.
     */
    static void readStructure(JsonParser p, SdkPojo builder, String path) throws IOException {
        expect(p, JsonToken.START_OBJECT, path, "a JSON object");
        FieldIndex index = FieldIndex.of(builder);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            SdkField<?> field = index.payloadField(name);
            if (field == null) {
                p.skipChildren(); // AWS JSON front ends ignore members they do not know
                continue;
            }
            field.set(builder, readValue(p, field, path.isEmpty() ? name : path + "." + name));
        }
    }

    /** Reads one value of {@code field}'s type at the parser's current token. */
    public static Object readValue(JsonParser p, SdkField<?> field, String path) throws IOException {
        JsonToken t = p.currentToken();
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.DOCUMENT) {
            // Before the null check: a JSON null in a document member is Document.fromNull(), not an
            // absent member (SDK 2.40.2 JsonUnmarshallingParser.valueFor checks DOCUMENT first).
            return readDocument(p);
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (type == MarshallingType.STRING) {
            expectScalar(p, JsonToken.VALUE_STRING, path, "a string");
            return SharedStrings.text(p);
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
            || type == MarshallingType.BYTE) {
            return readInteger(p, type, path);
        }
        if (type == MarshallingType.DOUBLE) {
            return t == JsonToken.VALUE_STRING ? nonFinite(p.getText(), path) : number(p, path).getDoubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            return t == JsonToken.VALUE_STRING ? (float) nonFinite(p.getText(), path) : number(p, path).getFloatValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return t == JsonToken.VALUE_STRING ? parseDecimal(p.getText(), path) : number(p, path).getDecimalValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                throw mismatch(path, "a boolean", t);
            }
            return t == JsonToken.VALUE_TRUE;
        }
        if (type == MarshallingType.INSTANT) {
            return readInstant(p, field, path);
        }
        if (type == MarshallingType.SDK_BYTES) {
            expectScalar(p, JsonToken.VALUE_STRING, path, "a base64 string");
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(p.getText()));
            } catch (IllegalArgumentException e) {
                throw new MalformedRequestException("SerializationException", "Value at '" + path + "' is not valid base64");
            }
        }
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            readStructure(p, nested, path);
            return ((Buildable) nested).build();
        }
        if (type == MarshallingType.LIST) {
            expect(p, JsonToken.START_ARRAY, path, "a JSON array");
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(p, member, path + "." + (++i)));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            expect(p, JsonToken.START_OBJECT, path, "a JSON object");
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                map.put(key, readValue(p, value, path + "." + key));
            }
            return map;
        }
        p.skipChildren();
        return null;
    }

    /**
     * An integral member; a number outside the type's range is the client's error, named by path, as the
     * SDK's own {@code JsonUnmarshallingParser.simpleValueFor} reads it ({@code getIntValue()} and kin).
     */
    private static Object readInteger(JsonParser p, MarshallingType<?> type, String path) throws IOException {
        String what = type == MarshallingType.INTEGER ? "an integer" : type == MarshallingType.LONG ? "a long"
            : type == MarshallingType.SHORT ? "a short" : "a byte";
        expectScalar(p, JsonToken.VALUE_NUMBER_INT, path, what);
        try {
            if (type == MarshallingType.INTEGER) {
                return p.getIntValue();
            }
            if (type == MarshallingType.LONG) {
                return p.getLongValue();
            }
            return type == MarshallingType.SHORT ? (Object) p.getShortValue() : (Object) p.getByteValue();
        } catch (InputCoercionException e) {
            throw new MalformedRequestException("SerializationException",
                "Value " + p.getText() + " at '" + path + "' is out of range for " + what);
        }
    }

    private static Instant readInstant(JsonParser p, SdkField<?> field, String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                return epochSeconds(p.getDecimalValue());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new MalformedRequestException("SerializationException",
                    "Value " + p.getText() + " at '" + path + "' is not a valid timestamp");
            }
        }
        if (t == JsonToken.VALUE_STRING) {
            TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format).orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
            try {
                switch (format) {
                    case ISO_8601:
                        return DateUtils.parseIso8601Date(p.getText());
                    case RFC_822:
                        return DateUtils.parseRfc822Date(p.getText());
                    default:
                        return epochSeconds(new BigDecimal(p.getText()));
                }
            } catch (RuntimeException e) {
                throw new MalformedRequestException("SerializationException",
                    "Value '" + p.getText() + "' at '" + path + "' is not a valid timestamp");
            }
        }
        throw mismatch(path, "a timestamp", t);
    }

    static Instant epochSeconds(BigDecimal seconds) {
        // Judged by its digits before any arithmetic: 1e100000000 would otherwise be expanded in full, for minutes.
        int integerDigits = seconds.precision() - seconds.scale();
        if (integerDigits > 19) {
            throw new ArithmeticException("beyond the range of an Instant");
        }
        if (integerDigits < -9) {
            return Instant.EPOCH;   // less than a nanosecond from it
        }
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        int nanos = seconds.subtract(whole).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static Document readDocument(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw mismatch("", "a JSON value", null);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Document> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, readDocument(p));
                }
                return Document.fromMap(map);
            }
            case START_ARRAY: {
                List<Document> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readDocument(p));
                }
                return Document.fromList(list);
            }
            case VALUE_STRING:
                return Document.fromString(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Document.fromNumber(SdkNumber.fromString(p.getText()));
            case VALUE_TRUE:
                return Document.fromBoolean(true);
            case VALUE_FALSE:
                return Document.fromBoolean(false);
            default:
                return Document.fromNull();
        }
    }

    private static JsonParser number(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(path, "a number", t);
        }
        return p;
    }

    private static double nonFinite(String text, String path) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new MalformedRequestException("SerializationException",
                    "Value '" + text + "' at '" + path + "' is not a number");
        }
    }

    private static BigDecimal parseDecimal(String text, String path) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("SerializationException", "Value '" + text + "' at '" + path + "' is not a number");
        }
    }

    private static void expect(JsonParser p, JsonToken token, String path, String what) {
        if (p.currentToken() != token) {
            throw mismatch(path, what, p.currentToken());
        }
    }

    private static void expectScalar(JsonParser p, JsonToken token, String path, String what) {
        if (p.currentToken() != token) {
            throw mismatch(path, what, p.currentToken());
        }
    }

    private static MalformedRequestException mismatch(String path, String expected, JsonToken actual) {
        return new MalformedRequestException("SerializationException", path.isEmpty()
            ? "Expected the request body to be " + expected + " but found " + describe(actual)
            : "Expected " + expected + " at '" + path + "' but found " + describe(actual));
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the document";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    // ---- writing -----------------------------------------------------------------------------

    /**
     * Writes {@code pojo} as the JSON object of a response body or nested structure: the members the SDK's
     * unmarshaller reads from a body ({@link FieldIndex#body()}); unset members and auto-constructed
     * collections are left out.
     */
    public static void writeStructure(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        writeMembers(g, pojo, FieldIndex.of(pojo).body());
        g.writeEndObject();
    }

    /** Writes the given members of {@code pojo} as fields of the object being written. */
    public static void writeMembers(JsonGenerator g, SdkPojo pojo, List<SdkField<?>> fields) throws IOException {
        for (SdkField<?> f : fields) {
            Object v = f.getValueOrDefault(pojo);
            if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
                continue;
            }
            g.writeFieldName(f.locationName());
            writeValue(g, v, f);
        }
    }

    @SuppressWarnings("unchecked")
    public static void writeValue(JsonGenerator g, Object v, SdkField<?> field) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            g.writeString((String) v);
        } else if (type == MarshallingType.INTEGER) {
            g.writeNumber((Integer) v);
        } else if (type == MarshallingType.LONG) {
            g.writeNumber((Long) v);
        } else if (type == MarshallingType.SHORT) {
            g.writeNumber((Short) v);
        } else if (type == MarshallingType.BYTE) {
            g.writeNumber((Byte) v);
        } else if (type == MarshallingType.DOUBLE) {
            double d = (Double) v;
            writeFloating(g, d, Double.toString(d));
        } else if (type == MarshallingType.FLOAT) {
            float f = (Float) v;
            writeFloating(g, f, Float.toString(f));
        } else if (type == MarshallingType.BIG_DECIMAL) {
            g.writeNumber((BigDecimal) v);
        } else if (type == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) v);
        } else if (type == MarshallingType.INSTANT) {
            writeInstant(g, (Instant) v, field);
        } else if (type == MarshallingType.SDK_BYTES) {
            g.writeString(BinaryUtils.toBase64(((SdkBytes) v).asByteArrayUnsafe()));
        } else if (type == MarshallingType.SDK_POJO) {
            writeStructure(g, (SdkPojo) v);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object e : (List<Object>) v) {
                writeValue(g, e, member);
            }
            g.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                if (e.getValue() != null) {
                    g.writeFieldName(e.getKey());
                    writeValue(g, e.getValue(), value);
                }
            }
            g.writeEndObject();
        } else if (type == MarshallingType.DOCUMENT) {
            writeDocument(g, (Document) v);
        } else {
            g.writeNull();
        }
    }

    private static void writeFloating(JsonGenerator g, double d, String text) throws IOException {
        if (Double.isNaN(d)) {
            g.writeString("NaN");
        } else if (Double.isInfinite(d)) {
            g.writeString(d > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(text);
        }
    }

    private static void writeInstant(JsonGenerator g, Instant instant, SdkField<?> field) throws IOException {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
            .map(TimestampFormatTrait::format).orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        switch (format) {
            case ISO_8601:
                g.writeString(DateUtils.formatIso8601Date(instant));
                break;
            case RFC_822:
                g.writeString(DateUtils.formatRfc822Date(instant));
                break;
            default:
                g.writeNumber(DateUtils.formatUnixTimestampInstant(instant));
                break;
        }
    }

    private static void writeDocument(JsonGenerator g, Document d) throws IOException {
        if (d == null || d.isNull()) {
            g.writeNull();
        } else if (d.isString()) {
            g.writeString(d.asString());
        } else if (d.isNumber()) {
            g.writeNumber(d.asNumber().stringValue());
        } else if (d.isBoolean()) {
            g.writeBoolean(d.asBoolean());
        } else if (d.isList()) {
            g.writeStartArray();
            for (Document e : d.asList()) {
                writeDocument(g, e);
            }
            g.writeEndArray();
        } else if (d.isMap()) {
            g.writeStartObject();
            for (Map.Entry<String, Document> e : d.asMap().entrySet()) {
                g.writeFieldName(e.getKey());
                writeDocument(g, e.getValue());
            }
            g.writeEndObject();
        }
    }
}
