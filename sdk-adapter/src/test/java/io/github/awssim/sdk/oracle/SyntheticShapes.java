package io.github.awssim.sdk.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.LocationTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.Trait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Shapes the three shipped services do not have, built the way generated code builds them (public
 * {@code SdkField.builder} and traits), so the codec is proven against the SDK on every marshalling type
 * and binding the JSON protocols support: all scalar types, blobs, documents, big decimals, every
 * timestamp format trait, nested lists/maps/structures; restJson1 headers (with lists and
 * {@code @jsonvalue}), query strings (with lists and a query map), URI labels (numeric and greedy), an
 * {@code @httpResponseCode}, and explicit payloads (blob, string, structure).
 *
 * <p>Each shape is its own class because the codec caches field layouts per class. An instance is both
 * builder and built value, which is all {@code SdkPojo} and {@code Buildable} ask of generated code.
 */
final class SyntheticShapes {
    private SyntheticShapes() {
    }

    /** Base of the synthetic shapes: member values by member name, read and written through the SdkFields. */
    abstract static class Shape implements SdkPojo, Buildable {
        private final Map<String, Object> values = new LinkedHashMap<>();

        abstract Shape blank();

        @Override
        public Object build() {
            Shape copy = blank();
            copy.values.putAll(values);
            return copy;
        }

        @Override
        public Map<String, SdkField<?>> sdkFieldNameToField() {
            Map<String, SdkField<?>> byName = new LinkedHashMap<>();
            sdkFields().forEach(f -> byName.put(f.locationName(), f));
            return byName;
        }

        @Override
        public boolean equalsBySdkFields(Object other) {
            if (other == null || other.getClass() != getClass()) {
                return false;
            }
            for (SdkField<?> f : sdkFields()) {
                if (!Objects.equals(f.getValueOrDefault(this), f.getValueOrDefault(other))) {
                    return false;
                }
            }
            return true;
        }

        /** Like generated classes, equal when every member is equal (so lists and maps of shapes compare). */
        @Override
        public boolean equals(Object other) {
            return equalsBySdkFields(other);
        }

        @Override
        public int hashCode() {
            int h = getClass().hashCode();
            for (SdkField<?> f : sdkFields()) {
                h = 31 * h + Objects.hashCode(f.getValueOrDefault(this));
            }
            return h;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + values;
        }
    }

    // ---- field construction -------------------------------------------------------------------

    static <T> SdkField<T> field(MarshallingType<? super T> type, String member, MarshallLocation location,
                                 String locationName, Trait... more) {
        return field(type, member, location, locationName, null, more);
    }

    static <T> SdkField<T> field(MarshallingType<? super T> type, String member, MarshallLocation location,
                                 String locationName, Supplier<SdkPojo> constructor, Trait... more) {
        List<Trait> traits = new ArrayList<>();
        traits.add(LocationTrait.builder().location(location).locationName(locationName)
            .unmarshallLocationName(locationName).build());
        Collections.addAll(traits, more);
        SdkField.Builder<T> b = SdkField.<T>builder(type).memberName(member)
            .getter(o -> cast(((Shape) o).values.get(member)))
            .setter((o, v) -> ((Shape) o).values.put(member, v))
            .traits(traits.toArray(new Trait[0]));
        if (constructor != null) {
            b.constructor(constructor);
        }
        return b.build();
    }

    static <T> SdkField<T> payload(MarshallingType<? super T> type, String name, Trait... more) {
        return field(type, name, MarshallLocation.PAYLOAD, name, more);
    }

    /** A member field of a list or map (as generated code declares {@code memberFieldInfo}). */
    static SdkField<?> element(MarshallingType<?> type, Trait... more) {
        List<Trait> traits = new ArrayList<>();
        traits.add(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("member").build());
        Collections.addAll(traits, more);
        return SdkField.builder(type).traits(traits.toArray(new Trait[0])).build();
    }

    static SdkField<?> structElement(Supplier<SdkPojo> constructor) {
        return SdkField.<SdkPojo>builder(MarshallingType.SDK_POJO).constructor(constructor)
            .traits(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("member").build()).build();
    }

    static ListTrait listOf(SdkField<?> element) {
        return ListTrait.builder().memberLocationName(null).memberFieldInfo(element).build();
    }

    static MapTrait mapOf(SdkField<?> value) {
        return MapTrait.builder().keyLocationName("key").valueLocationName("value").valueFieldInfo(value).build();
    }

    static TimestampFormatTrait format(TimestampFormatTrait.Format f) {
        return TimestampFormatTrait.create(f);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    // ---- payload structure, recursive -----------------------------------------------------------

    /** Every payload type and timestamp format, recursing through a structure, a list and a map of itself. */
    static final class Inner extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            payload(MarshallingType.STRING, "str"),
            payload(MarshallingType.INTEGER, "int"),
            payload(MarshallingType.LONG, "long"),
            payload(MarshallingType.SHORT, "short"),
            payload(MarshallingType.BYTE, "byte"),
            payload(MarshallingType.FLOAT, "float"),
            payload(MarshallingType.DOUBLE, "double"),
            payload(MarshallingType.BIG_DECIMAL, "decimal"),
            payload(MarshallingType.BOOLEAN, "bool"),
            payload(MarshallingType.INSTANT, "epoch"),
            payload(MarshallingType.INSTANT, "epochTrait", format(TimestampFormatTrait.Format.UNIX_TIMESTAMP)),
            payload(MarshallingType.INSTANT, "iso", format(TimestampFormatTrait.Format.ISO_8601)),
            payload(MarshallingType.INSTANT, "rfc822", format(TimestampFormatTrait.Format.RFC_822)),
            payload(MarshallingType.SDK_BYTES, "blob"),
            payload(MarshallingType.DOCUMENT, "doc"),
            field(MarshallingType.SDK_POJO, "child", MarshallLocation.PAYLOAD, "child", Inner::new),
            payload(MarshallingType.LIST, "children", listOf(structElement(Inner::new))),
            payload(MarshallingType.MAP, "byName", mapOf(structElement(Inner::new))),
            payload(MarshallingType.LIST, "matrix", listOf(SdkField.builder(MarshallingType.LIST)
                .traits(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("member").build(),
                    listOf(element(MarshallingType.DOUBLE))).build())),
            payload(MarshallingType.MAP, "tags", mapOf(element(MarshallingType.STRING))),
            payload(MarshallingType.MAP, "series", mapOf(SdkField.builder(MarshallingType.LIST)
                .traits(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("value").build(),
                    listOf(element(MarshallingType.INSTANT))).build())),
            payload(MarshallingType.LIST, "blobs", listOf(element(MarshallingType.SDK_BYTES))),
            payload(MarshallingType.LIST, "docs", listOf(element(MarshallingType.DOCUMENT))),
            payload(MarshallingType.LIST, "isoTimes", listOf(element(MarshallingType.INSTANT,
                format(TimestampFormatTrait.Format.ISO_8601)))));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new Inner();
        }
    }

    // ---- restJson1 input: every binding -------------------------------------------------------

    /** With a query literal, which an {@code @httpQueryParams} map must not collect. */
    static final String REST_URI = "/synthetic/{label}/{num}/{rest+}?mode=full";

    static final class RestInput extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            field(MarshallingType.STRING, "label", MarshallLocation.PATH, "label"),
            field(MarshallingType.LONG, "num", MarshallLocation.PATH, "num"),
            field(MarshallingType.STRING, "rest", MarshallLocation.GREEDY_PATH, "rest"),
            field(MarshallingType.STRING, "qStr", MarshallLocation.QUERY_PARAM, "q-str"),
            field(MarshallingType.INTEGER, "qInt", MarshallLocation.QUERY_PARAM, "q-int"),
            field(MarshallingType.BOOLEAN, "qBool", MarshallLocation.QUERY_PARAM, "q-bool"),
            field(MarshallingType.DOUBLE, "qDouble", MarshallLocation.QUERY_PARAM, "q-double"),
            field(MarshallingType.INSTANT, "qTime", MarshallLocation.QUERY_PARAM, "q-time"),
            field(MarshallingType.INSTANT, "qEpoch", MarshallLocation.QUERY_PARAM, "q-epoch",
                format(TimestampFormatTrait.Format.UNIX_TIMESTAMP)),
            field(MarshallingType.LIST, "qList", MarshallLocation.QUERY_PARAM, "q-list", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "qInts", MarshallLocation.QUERY_PARAM, "q-ints", listOf(element(MarshallingType.INTEGER))),
            field(MarshallingType.MAP, "qMap", MarshallLocation.QUERY_PARAM, "q-map", mapOf(element(MarshallingType.STRING))),
            field(MarshallingType.STRING, "hStr", MarshallLocation.HEADER, "x-h-str"),
            field(MarshallingType.INTEGER, "hInt", MarshallLocation.HEADER, "x-h-int"),
            field(MarshallingType.LONG, "hLong", MarshallLocation.HEADER, "x-h-long"),
            field(MarshallingType.SHORT, "hShort", MarshallLocation.HEADER, "x-h-short"),
            field(MarshallingType.BOOLEAN, "hBool", MarshallLocation.HEADER, "x-h-bool"),
            field(MarshallingType.DOUBLE, "hDouble", MarshallLocation.HEADER, "x-h-double"),
            field(MarshallingType.FLOAT, "hFloat", MarshallLocation.HEADER, "x-h-float"),
            field(MarshallingType.INSTANT, "hTime", MarshallLocation.HEADER, "x-h-time"),
            field(MarshallingType.INSTANT, "hIso", MarshallLocation.HEADER, "x-h-iso", format(TimestampFormatTrait.Format.ISO_8601)),
            field(MarshallingType.INSTANT, "hEpoch", MarshallLocation.HEADER, "x-h-epoch",
                format(TimestampFormatTrait.Format.UNIX_TIMESTAMP)),
            field(MarshallingType.LIST, "hList", MarshallLocation.HEADER, "x-h-list", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.LIST, "hInts", MarshallLocation.HEADER, "x-h-ints", listOf(element(MarshallingType.INTEGER))),
            field(MarshallingType.STRING, "hJson", MarshallLocation.HEADER, "x-h-json", JsonValueTrait.create()),
            payload(MarshallingType.STRING, "bodyStr"),
            payload(MarshallingType.DOCUMENT, "bodyDoc"),
            field(MarshallingType.SDK_POJO, "inner", MarshallLocation.PAYLOAD, "inner", Inner::new));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new RestInput();
        }
    }

    // ---- restJson1 output: headers, status code, payload ----------------------------------------

    static final class RestOutput extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            field(MarshallingType.INTEGER, "status", MarshallLocation.STATUS_CODE, "status"),
            field(MarshallingType.STRING, "hStr", MarshallLocation.HEADER, "x-h-str"),
            field(MarshallingType.INTEGER, "hInt", MarshallLocation.HEADER, "x-h-int"),
            field(MarshallingType.LONG, "hLong", MarshallLocation.HEADER, "x-h-long"),
            field(MarshallingType.SHORT, "hShort", MarshallLocation.HEADER, "x-h-short"),
            field(MarshallingType.BOOLEAN, "hBool", MarshallLocation.HEADER, "x-h-bool"),
            field(MarshallingType.DOUBLE, "hDouble", MarshallLocation.HEADER, "x-h-double"),
            field(MarshallingType.FLOAT, "hFloat", MarshallLocation.HEADER, "x-h-float"),
            field(MarshallingType.INSTANT, "hTime", MarshallLocation.HEADER, "x-h-time"),
            field(MarshallingType.INSTANT, "hIso", MarshallLocation.HEADER, "x-h-iso", format(TimestampFormatTrait.Format.ISO_8601)),
            field(MarshallingType.LIST, "hList", MarshallLocation.HEADER, "x-h-list", listOf(element(MarshallingType.STRING))),
            field(MarshallingType.STRING, "hJson", MarshallLocation.HEADER, "x-h-json", JsonValueTrait.create()),
            // Output members bound to the URI or query string travel in the body: the SDK reads PATH and
            // QUERY_PARAM members of a response from the payload (JsonUnmarshallingParser.isPayloadUnmarshalling).
            field(MarshallingType.STRING, "echoLabel", MarshallLocation.PATH, "echoLabel"),
            field(MarshallingType.INTEGER, "echoQuery", MarshallLocation.QUERY_PARAM, "echoQuery"),
            payload(MarshallingType.STRING, "bodyStr"),
            field(MarshallingType.SDK_POJO, "inner", MarshallLocation.PAYLOAD, "inner", Inner::new));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new RestOutput();
        }
    }

    // ---- explicit payloads --------------------------------------------------------------------

    static final class BlobPayload extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            field(MarshallingType.STRING, "hStr", MarshallLocation.HEADER, "x-h-str"),
            field(MarshallingType.SDK_BYTES, "body", MarshallLocation.PAYLOAD, "body", PayloadTrait.create()));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new BlobPayload();
        }
    }

    static final class StringPayload extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            field(MarshallingType.INTEGER, "hInt", MarshallLocation.HEADER, "x-h-int"),
            field(MarshallingType.STRING, "body", MarshallLocation.PAYLOAD, "body", PayloadTrait.create()));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new StringPayload();
        }
    }

    static final class StructPayload extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            field(MarshallingType.STRING, "hStr", MarshallLocation.HEADER, "x-h-str"),
            field(MarshallingType.SDK_POJO, "body", MarshallLocation.PAYLOAD, "body", Inner::new, PayloadTrait.create()));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new StructPayload();
        }
    }
}
