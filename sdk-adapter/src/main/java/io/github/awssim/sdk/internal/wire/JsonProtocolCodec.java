package io.github.awssim.sdk.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The three JSON protocols (awsJson1_0, awsJson1_1, restJson1), both directions, generic over
 * {@code sdkFields()}: decodes what the SDK marshalled into a typed request, encodes typed responses and
 * exceptions into what the SDK unmarshals into the same values.
 */
public final class JsonProtocolCodec {

    /** Which JSON protocol, with the Content-Type it speaks. */
    public enum Flavor {
        AWS_JSON_1_0("application/x-amz-json-1.0", false),
        AWS_JSON_1_1("application/x-amz-json-1.1", false),
        REST_JSON_1("application/json", true);

        private final String contentType;
        private final boolean rest;

        Flavor(String contentType, boolean rest) {
            this.contentType = contentType;
            this.rest = rest;
        }

        public String contentType() {
            return contentType;
        }

        public boolean isRest() {
            return rest;
        }
    }

    private JsonProtocolCodec() {
    }

    // ---- requests ----------------------------------------------------------------------------

    /**
     * Fills {@code builder} from the request: the JSON body (or the explicit payload member), and for
     * restJson1 also headers, query parameters and the URI labels already matched.
     *
     * @throws MalformedRequestException when the bytes do not parse; its code is the service's
     */
    public static void decodeRequest(Flavor flavor, SdkPojo builder, SdkHttpRequest request, byte[] body,
                                     Map<String, String> pathLabels, Map<String, List<String>> query) {
        FieldIndex index = FieldIndex.of(builder);
        SdkField<?> explicit = index.explicitPayload();
        if (explicit != null) {
            Object v = readExplicitPayload(explicit, body);
            if (v != null) {
                explicit.set(builder, v);
            }
        } else if (body != null && body.length > 0) {
            try (JsonParser p = JsonValues.FACTORY.createParser(body)) {
                if (p.nextToken() != null) {
                    JsonValues.readStructure(p, builder);
                    if (p.nextToken() != null) {
                        throw new MalformedRequestException("SerializationException",
                            "Unexpected content after the end of the JSON document");
                    }
                }
            } catch (JsonProcessingException e) {
                throw notJson(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (flavor.isRest()) {
            HttpText.readBindings(builder, request, pathLabels, query);
        }
    }

    /** Jackson's parse-error details (a source description, a marker location, which parser feature would allow it). */
    private static final Pattern JACKSON_DETAIL =
        Pattern.compile(" \\(start marker at \\[Source: [^\\]]*\\]\\)|: enable `[^`]*` to allow");

    /**
     * The service's answer to bytes that do not parse: what is wrong and where, without the parser's own
     * vocabulary (its source descriptions and feature names mean nothing to the caller, who did not choose Jackson).
     */
    private static MalformedRequestException notJson(JsonProcessingException e) {
        String what = JACKSON_DETAIL.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new MalformedRequestException("SerializationException", "The request body is not valid JSON: " + what + where, e);
    }

    private static Object readExplicitPayload(SdkField<?> field, byte[] body) {
        MarshallingType<?> type = field.marshallingType();
        if (body == null || body.length == 0) {
            // An empty blob or string payload and an absent one are the same bytes on the wire; read them as
            // the SDK's own JsonProtocolUnmarshaller does (2.40.2, L282-294): empty bytes, empty string.
            return type == MarshallingType.SDK_BYTES ? SdkBytes.fromByteArray(new byte[0])
                : type == MarshallingType.STRING ? "" : null;
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(body);
        }
        if (type == MarshallingType.STRING) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (JsonParser p = JsonValues.FACTORY.createParser(body)) {
            p.nextToken();
            return JsonValues.readValue(p, field, field.memberName());
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- responses ---------------------------------------------------------------------------

    /** Encodes a typed response; {@code headers} already holds the per-call headers (request id). */
    public static WireResponse encodeResponse(Flavor flavor, SdkPojo response, int successStatus,
                                              Map<String, List<String>> headers) {
        FieldIndex index = FieldIndex.of(response);
        int status = successStatus;
        byte[] body;
        if (flavor.isRest()) {
            HttpText.writeHeaders(response, headers);
            if (index.statusCode() != null && index.statusCode().getValueOrDefault(response) != null) {
                status = (Integer) index.statusCode().getValueOrDefault(response);
            }
            SdkField<?> explicit = index.explicitPayload();
            if (explicit != null) {
                body = explicitPayload(explicit, explicit.getValueOrDefault(response));
            } else if (!index.body().isEmpty()) {
                body = json(g -> JsonValues.writeStructure(g, response));
            } else {
                body = new byte[0];
            }
        } else {
            body = json(g -> JsonValues.writeStructure(g, response));
        }
        if (!WireResponse.hasHeader(headers, "Content-Type")) {   // a member bound to Content-Type already said it
            WireResponse.put(headers, "Content-Type", flavor.contentType());
        }
        return new WireResponse(status, headers, body);
    }

    private static byte[] explicitPayload(SdkField<?> field, Object value) {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof SdkBytes) {
            return ((SdkBytes) value).asByteArray();
        }
        if (value instanceof String) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        return json(g -> JsonValues.writeValue(g, value, field));
    }

    /**
     * Encodes a service error the way AWS JSON services answer: the code in {@code x-amzn-ErrorType} and
     * in {@code __type}, the message in {@code message}, and the exception's modeled members. The message
     * is the error details' message, else the exception's raw message exactly as the service raised it
     * ({@code SdkException.rawMessage()}; {@code getMessage()} appends the SDK's diagnostics).
     */
    public static WireResponse encodeError(Flavor flavor, AwsServiceException e, String code, int status,
                                           Map<String, List<String>> headers) {
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
            ? e.awsErrorDetails().errorMessage() : e.rawMessage();
        FieldIndex index = FieldIndex.of(e);
        if (flavor.isRest()) {
            HttpText.writeHeaders(e, headers);
        }
        byte[] body = json(g -> {
            g.writeStartObject();
            g.writeStringField("__type", code);
            boolean modeledMessage = index.payloadField("message") != null || index.payloadField("Message") != null;
            if (!modeledMessage && message != null) {
                g.writeStringField("message", message);
            }
            JsonValues.writeMembers(g, e, index.body());
            g.writeEndObject();
        });
        WireResponse.put(headers, "x-amzn-ErrorType", code);
        WireResponse.put(headers, "Content-Type", flavor.contentType());
        SdkField<?> retryAfter = index.payloadField("retryAfterSeconds");
        Object seconds = retryAfter == null ? null : retryAfter.getValueOrDefault(e);
        if (seconds instanceof Number && ((Number) seconds).longValue() >= 0) {   // HTTP knows no negative delay
            // Smithy binds retryAfterSeconds to the Retry-After header (BCM's throttling and internal errors);
            // botocore and the SDK read the body member. Both are sent; the SDK waits at least that long.
            WireResponse.put(headers, "Retry-After", seconds.toString());
        }
        return new WireResponse(status, headers, body);
    }

    /** A JSON error answer for a request awssim could not tie to a service or decode. */
    public static WireResponse plainError(Flavor flavor, String code, int status, String message,
                                          Map<String, List<String>> headers) {
        byte[] body = json(g -> {
            g.writeStartObject();
            g.writeStringField("__type", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
        WireResponse.put(headers, "x-amzn-ErrorType", code);
        WireResponse.put(headers, "Content-Type", flavor.contentType());
        return new WireResponse(status, headers, body);
    }

    interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] json(JsonWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JsonValues.FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
