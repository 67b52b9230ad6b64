package io.github.awssim.sdk.internal.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;
import software.amazon.awssdk.core.traits.XmlAttributesTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.protocols.core.InstantToString;
import software.amazon.awssdk.protocols.core.StringToInstant;
import software.amazon.awssdk.protocols.core.StringToValueConverter;
import software.amazon.awssdk.protocols.core.ValueToStringConverter;
import software.amazon.awssdk.protocols.query.unmarshall.XmlElement;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * XML values of any SDK member, generic over {@code MarshallingType} and traits, in the restXml
 * protocol's shapes: wrapped and flattened lists (member element {@code member} unless named), maps as
 * {@code entry/key/value}, structures as nested elements, attributes ({@code xsi:type}), timestamps as
 * ISO 8601 unless a format trait says otherwise, blobs as base64. Reading mirrors the SDK's own
 * unmarshaller, writing its marshaller, so a value survives the trip either way.
 */
public final class XmlValues {
    /** The restXml protocol's default timestamp formats (SDK 2.40.2 XmlProtocolMarshaller/Unmarshaller). */
    static final Map<MarshallLocation, TimestampFormatTrait.Format> DEFAULT_FORMATS = defaultFormats();
    private static final InstantToString INSTANT_TO_STRING = InstantToString.create(DEFAULT_FORMATS);
    private static final StringToInstant STRING_TO_INSTANT = StringToInstant.create(DEFAULT_FORMATS);

    private XmlValues() {
    }

    private static Map<MarshallLocation, TimestampFormatTrait.Format> defaultFormats() {
        Map<MarshallLocation, TimestampFormatTrait.Format> formats = new EnumMap<>(MarshallLocation.class);
        formats.put(MarshallLocation.HEADER, TimestampFormatTrait.Format.RFC_822);
        formats.put(MarshallLocation.PAYLOAD, TimestampFormatTrait.Format.ISO_8601);
        formats.put(MarshallLocation.QUERY_PARAM, TimestampFormatTrait.Format.ISO_8601);
        return Collections.unmodifiableMap(formats);
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Reads the children (and attributes) of {@code element} into {@code builder}'s payload members. */
    public static void readMembers(XmlElement element, SdkPojo builder, String path) {
        for (SdkField<?> f : builder.sdkFields()) {
            if (!isPayload(f) || f.containsTrait(PayloadTrait.class)) {
                continue;
            }
            if (f.containsTrait(XmlAttributeTrait.class)) {
                element.getOptionalAttributeByName(f.unmarshallLocationName()).ifPresent(v -> f.set(builder, v));
                continue;
            }
            List<XmlElement> content = element.getElementsByName(f.unmarshallLocationName());
            if (!content.isEmpty()) {
                f.set(builder, readValue(content, f, path + "/" + f.unmarshallLocationName()));
            }
        }
    }

    /** Reads one value of {@code field}'s type from its element(s): one element, or every flattened list element. */
    public static Object readValue(List<XmlElement> content, SdkField<?> field, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            ListTrait trait = field.getRequiredTrait(ListTrait.class);
            SdkField<?> member = trait.memberFieldInfo();
            String memberName = trait.memberLocationName() != null ? trait.memberLocationName() : member.locationName();
            List<XmlElement> members = trait.isFlattened() ? content : content.get(0).getElementsByName(memberName);
            List<Object> list = new ArrayList<>(members.size());
            for (XmlElement m : members) {
                list.add(readValue(List.of(m), member, path + "/" + memberName));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            MapTrait trait = field.getRequiredTrait(MapTrait.class);
            List<XmlElement> entries = trait.isFlattened() ? flattenedEntries(content) : content.get(0).getElementsByName("entry");
            Map<String, Object> map = new LinkedHashMap<>();
            for (XmlElement entry : entries) {
                XmlElement key = entry.getElementByName(trait.keyLocationName());
                XmlElement value = entry.getElementByName(trait.valueLocationName());
                if (key == null || value == null) {
                    throw new MalformedRequestException(MALFORMED_XML, "A map entry at " + path + " lacks its "
                        + trait.keyLocationName() + " or " + trait.valueLocationName() + " element.");
                }
                map.put(key.textContent(), readValue(List.of(value), trait.valueFieldInfo(), path + "/entry"));
            }
            return map;
        }
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo builder = field.constructor().get();
            readMembers(content.get(0), builder, path);
            return ((Buildable) builder).build();
        }
        return parse(content.get(0).textContent(), field, path);
    }

    /**
     * The entries of a flattened map: each element is one, except that the SDK's marshaller ignores the
     * flattening and wraps a request's entries in {@code <entry>} inside one element; both are read.
     */
    private static List<XmlElement> flattenedEntries(List<XmlElement> content) {
        List<XmlElement> entries = new ArrayList<>(content.size());
        for (XmlElement element : content) {
            List<XmlElement> wrapped = element.getElementsByName("entry");
            if (wrapped.isEmpty()) {
                entries.add(element);
            } else {
                entries.addAll(wrapped);
            }
        }
        return entries;
    }

    /** The error code S3 answers for request XML it cannot read. */
    public static final String MALFORMED_XML = "MalformedXML";

    @SuppressWarnings("unchecked")
    static Object parse(String text, SdkField<?> field, String path) {
        if (text == null) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return text;
            }
            if (type == MarshallingType.INSTANT) {
                return STRING_TO_INSTANT.convert(text, (SdkField<Instant>) field);
            }
            StringToValueConverter.SimpleStringToValue<?> converter = toValue(type);
            if (converter == null) {
                throw new MalformedRequestException(MALFORMED_XML, "awssim: cannot read a " + type + " from XML at " + path);
            }
            return converter.convert(text, (SdkField) field);
        } catch (MalformedRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedRequestException(MALFORMED_XML, "The value '" + text + "' at " + path
                + " is not a valid " + type + ".", e);
        }
    }

    private static StringToValueConverter.SimpleStringToValue<?> toValue(MarshallingType<?> type) {
        if (type == MarshallingType.INTEGER) {
            return StringToValueConverter.TO_INTEGER;
        }
        if (type == MarshallingType.LONG) {
            return StringToValueConverter.TO_LONG;
        }
        if (type == MarshallingType.SHORT) {
            return StringToValueConverter.TO_SHORT;
        }
        if (type == MarshallingType.BYTE) {
            return StringToValueConverter.TO_BYTE;
        }
        if (type == MarshallingType.FLOAT) {
            return StringToValueConverter.TO_FLOAT;
        }
        if (type == MarshallingType.DOUBLE) {
            return StringToValueConverter.TO_DOUBLE;
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return StringToValueConverter.TO_BIG_DECIMAL;
        }
        if (type == MarshallingType.BOOLEAN) {
            return StringToValueConverter.TO_BOOLEAN;
        }
        if (type == MarshallingType.SDK_BYTES) {
            return StringToValueConverter.TO_SDK_BYTES;
        }
        return null;
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Writes {@code pojo}'s payload members (not attributes, not the explicit payload) as child elements. */
    public static void writeMembers(XmlOutput out, SdkPojo pojo) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (!isPayload(f) || f.containsTrait(XmlAttributeTrait.class) || f.containsTrait(PayloadTrait.class)) {
                continue;
            }
            writeValue(out, f.locationName(), f.getValueOrDefault(pojo), f);
        }
    }

    /** Writes one member value as element {@code name}: nothing for null or an untouched (auto-construct) list or map. */
    @SuppressWarnings("unchecked")
    public static void writeValue(XmlOutput out, String name, Object value, SdkField<?> field) {
        if (value == null || name == null) {
            return;
        }
        MarshallingType<?> type = field == null ? MarshallingType.STRING : field.marshallingType();
        if (type == MarshallingType.LIST) {
            if (value instanceof SdkAutoConstructList) {
                return;
            }
            ListTrait trait = field.getRequiredTrait(ListTrait.class);
            String memberName = trait.memberLocationName() != null ? trait.memberLocationName()
                : trait.isFlattened() ? name : "member";
            if (!trait.isFlattened()) {
                out.start(name);
            }
            for (Object element : (List<Object>) value) {
                writeValue(out, memberName, element, trait.memberFieldInfo());
            }
            if (!trait.isFlattened()) {
                out.end();
            }
            return;
        }
        if (type == MarshallingType.MAP) {
            if (value instanceof SdkAutoConstructMap) {
                return;
            }
            MapTrait trait = field.getRequiredTrait(MapTrait.class);
            // wrapped: <Name><entry><key/><value/></entry>...</Name>; flattened: one <Name><key/><value/></Name> per entry
            if (!trait.isFlattened()) {
                out.start(name);
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                out.start(trait.isFlattened() ? name : "entry");
                writeValue(out, trait.keyLocationName(), e.getKey(), null);
                writeValue(out, trait.valueLocationName(), e.getValue(), trait.valueFieldInfo());
                out.end();
            }
            if (!trait.isFlattened()) {
                out.end();
            }
            return;
        }
        out.start(name, attributesOf(field, value));
        if (type == MarshallingType.SDK_POJO) {
            writeMembers(out, (SdkPojo) value);
        } else {
            out.text(format(value, field));
        }
        out.end();
    }

    private static Map<String, String> attributesOf(SdkField<?> field, Object value) {
        if (field == null) {
            return Map.of();
        }
        return field.getOptionalTrait(XmlAttributesTrait.class).map(t -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            t.attributes().forEach((k, accessors) -> attributes.put(k, accessors.attributeGetter().apply(value)));
            return attributes;
        }).orElse(Map.of());
    }

    /** Formats one scalar as XML text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String format(Object value, SdkField<?> field) {
        if (field == null || value instanceof String) {
            return (String) value;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.INSTANT) {
            return INSTANT_TO_STRING.convert((Instant) value, (SdkField<Instant>) field);
        }
        if (type == MarshallingType.SDK_BYTES) {
            return ValueToStringConverter.FROM_SDK_BYTES.convert((SdkBytes) value, (SdkField) field);
        }
        return value.toString();
    }

    static boolean isPayload(SdkField<?> f) {
        return f.location() == null || f.location() == MarshallLocation.PAYLOAD;
    }
}
