package io.github.awssim.core.internal.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes small JSON documents as plain {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}
 * trees. Only for model resources, never on a call's hot path.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonTree() {
    }

    public static Object read(InputStream in) {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.nextToken();
            return readValue(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return readValue(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, readValue(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /** Writes a tree with two-space indentation and keys in insertion order, so generated files diff well. */
    public static String write(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            writeValue(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : (List<Object>) v) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof java.math.BigDecimal) {
            g.writeNumber((java.math.BigDecimal) v);
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).longValue());
        } else {
            throw new IllegalArgumentException("not a JSON tree value: " + v.getClass());
        }
    }
}
