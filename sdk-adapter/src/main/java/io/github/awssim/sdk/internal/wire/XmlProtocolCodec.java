package io.github.awssim.sdk.internal.wire;

import io.github.awssim.core.internal.ServiceErrors;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.protocols.query.unmarshall.XmlDomParser;
import software.amazon.awssdk.protocols.query.unmarshall.XmlElement;

/**
 * The restXml protocol (S3 and the other REST/XML services), both directions, generic over
 * {@code sdkFields()}: decodes what the SDK marshalled into a typed request, and encodes typed responses
 * and exceptions into what the SDK unmarshals into the same values. Headers (with the {@code x-amz-meta-}
 * prefix map), query parameters and URI labels travel as in restJson ({@link HttpText}); payloads are XML
 * ({@link XmlValues}), or raw bytes or text for an explicit blob or string payload.
 */
public final class XmlProtocolCodec {
    /** The namespace of S3's documents. */
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private XmlProtocolCodec() {
    }

    // ---- requests ----------------------------------------------------------------------------

    /**
     * Fills {@code builder} from the request: headers, query parameters and URI labels, then the XML body
     * (the explicit payload member's document, or the request's payload members as children of the root).
     * A streaming body is not read here.
     *
     * @throws MalformedRequestException when the body does not parse ({@code MalformedXML}), or a query parameter
     *     is not of its type ({@code InvalidArgument})
     */
    public static void decodeRequest(SdkPojo builder, SdkHttpRequest request, byte[] body, Map<String, String> pathLabels,
                                     Map<String, List<String>> query) {
        try {
            HttpText.readBindings(builder, request, pathLabels, query);
        } catch (MalformedRequestException e) {
            if (e.queryParameter() == null) {
                throw e;
            }
            // S3 answers a query parameter that is not of its type (max-keys=blah) 400 InvalidArgument.
            boolean number = e.getCause() != null && e.getCause().getCause() instanceof NumberFormatException;
            throw new MalformedRequestException("InvalidArgument", (number ? "Provided " + e.queryParameter()
                + " not an integer or within integer range" : "Invalid Argument") + " (" + e.getMessage() + ")", e);
        }
        if (body == null || body.length == 0) {
            return;
        }
        FieldIndex index = FieldIndex.of(builder);
        SdkField<?> explicit = index.explicitPayload();
        if (explicit != null) {
            MarshallingType<?> type = explicit.marshallingType();
            if (type == MarshallingType.SDK_BYTES) {
                explicit.set(builder, SdkBytes.fromByteArray(body));
            } else if (type == MarshallingType.STRING) {
                explicit.set(builder, new String(body, StandardCharsets.UTF_8));
            } else {
                XmlElement root = parse(body);
                explicit.set(builder, XmlValues.readValue(List.of(root), explicit, root.elementName()));
            }
            return;
        }
        if (!index.payload().isEmpty()) {
            XmlElement root = parse(body);
            XmlValues.readMembers(root, builder, root.elementName());
        }
    }

    private static XmlElement parse(byte[] body) {
        try {
            return XmlDomParser.parse(new ByteArrayInputStream(body));
        } catch (SdkClientException | IllegalStateException e) {
            throw new MalformedRequestException(XmlValues.MALFORMED_XML,
                "The XML you provided was not well-formed or did not validate against our published schema", e);
        }
    }

    // ---- responses ---------------------------------------------------------------------------

    /** How an answer's payload travels when the pojo alone does not say. */
    public record PayloadStyle(String rootElement, String namespace, boolean stringPayloadAsElement) {
    }

    /**
     * Encodes a typed response. Header members go to headers ({@code headers} already holds the per-call
     * ones); an explicit structure payload is a document rooted at the member's name; an explicit blob or
     * string payload is the body as it is (unless {@link PayloadStyle#stringPayloadAsElement}, as S3's
     * {@code <LocationConstraint>}); other payload members are children of {@link PayloadStyle#rootElement}.
     */
    public static WireResponse encodeResponse(SdkPojo response, int successStatus, PayloadStyle style,
                                              Map<String, List<String>> headers) {
        HttpText.writeHeaders(response, headers);
        FieldIndex index = FieldIndex.of(response);
        int status = successStatus;
        if (index.statusCode() != null && index.statusCode().getValueOrDefault(response) != null) {
            status = (Integer) index.statusCode().getValueOrDefault(response);
        }
        byte[] body = payload(response, index, style);
        if (body.length > 0 && !WireResponse.hasHeader(headers, "Content-Type")) {
            WireResponse.put(headers, "Content-Type", "application/xml");
        }
        return new WireResponse(status, headers, body);
    }

    private static byte[] payload(SdkPojo response, FieldIndex index, PayloadStyle style) {
        SdkField<?> explicit = index.explicitPayload();
        if (explicit != null) {
            Object value = explicit.getValueOrDefault(response);
            if (value == null) {
                return new byte[0];
            }
            if (value instanceof SdkBytes) {
                return ((SdkBytes) value).asByteArray();
            }
            if (value instanceof String && !style.stringPayloadAsElement()) {
                return ((String) value).getBytes(StandardCharsets.UTF_8);
            }
            XmlOutput out = new XmlOutput().declaration();
            out.start(explicit.locationName(), namespace(style));
            if (value instanceof SdkPojo) {
                XmlValues.writeMembers(out, (SdkPojo) value);
            } else {
                out.text(XmlValues.format(value, explicit));
            }
            return out.toBytes();
        }
        if (index.payload().isEmpty()) {
            return new byte[0];
        }
        XmlOutput out = new XmlOutput().declaration();
        out.start(style.rootElement(), namespace(style));
        XmlValues.writeMembers(out, response);
        return out.toBytes();
    }

    private static Map<String, String> namespace(PayloadStyle style) {
        return style.namespace() == null ? Map.of() : Map.of("xmlns", style.namespace());
    }

    /**
     * Encodes a service error. S3's document is {@code <Error>} at the root; other restXml services wrap it
     * in {@code <ErrorResponse>}. The code, message and request id are elements, then the exception's
     * modeled members. A {@code HEAD} answer and a 304 carry no body at all, as S3's.
     */
    public static WireResponse encodeError(AwsServiceException e, String code, int status, boolean s3, boolean noBody,
                                           String requestId, String hostId, Map<String, List<String>> headers) {
        HttpText.writeHeaders(e, headers);
        extraHeaders(e, headers);
        if (noBody || status == 304) {
            return new WireResponse(status, headers, new byte[0]);
        }
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
            ? e.awsErrorDetails().errorMessage() : e.rawMessage();
        XmlOutput out = new XmlOutput().declaration();
        if (!s3) {
            out.start("ErrorResponse");
        }
        out.start("Error");
        if (!s3) {
            out.element("Type", status >= 500 ? "Receiver" : "Sender");
        }
        out.element("Code", code);
        FieldIndex index = FieldIndex.of(e);
        if (index.payloadField("Message") == null && index.payloadField("message") == null) {
            out.element("Message", message);
        }
        errorElements(e).forEach(out::element);
        XmlValues.writeMembers(out, e);
        if (s3) {
            out.element("RequestId", requestId);
            out.element("HostId", hostId);
        }
        out.end();
        if (!s3) {
            out.element("RequestId", requestId);
            out.end();
        }
        WireResponse.put(headers, "Content-Type", "application/xml");
        return new WireResponse(status, headers, out.toBytes());
    }

    private static boolean isErrorElement(String header) {
        return header.regionMatches(true, 0, ServiceErrors.ERROR_ELEMENT_HEADER, 0, ServiceErrors.ERROR_ELEMENT_HEADER.length());
    }

    /** Extra elements of the error document, from the exception's pseudo-headers ({@link ServiceErrors#ERROR_ELEMENT_HEADER}). */
    private static Map<String, String> errorElements(AwsServiceException e) {
        Map<String, String> elements = new java.util.LinkedHashMap<>();
        if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
            e.awsErrorDetails().sdkHttpResponse().forEachHeader((name, values) -> {
                if (isErrorElement(name) && !values.isEmpty()) {
                    elements.put(name.substring(ServiceErrors.ERROR_ELEMENT_HEADER.length()), values.get(0));
                }
            });
        }
        return elements;
    }

    /**
     * Headers the backend's exception carries in {@code awsErrorDetails().sdkHttpResponse()}, where the SDK
     * keeps the headers of an error it receives: S3's {@code x-amz-delete-marker} on a deleted key,
     * {@code x-amz-bucket-region} on a redirect, {@code Retry-After}. They go on the wire as they are.
     */
    private static void extraHeaders(AwsServiceException e, Map<String, List<String>> headers) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
            return;
        }
        e.awsErrorDetails().sdkHttpResponse().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Content-Type") && !isErrorElement(name)
                && !WireResponse.hasHeader(headers, name)) {
                values.forEach(v -> WireResponse.put(headers, name, v));
            }
        });
    }

    /** An S3-style error document for a request awssim could not tie to an operation or decode. */
    public static WireResponse plainError(String code, int status, String message, boolean noBody, String requestId,
                                          String hostId, Map<String, List<String>> headers) {
        if (noBody) {
            return new WireResponse(status, headers, new byte[0]);
        }
        XmlOutput out = new XmlOutput().declaration().start("Error");
        out.element("Code", code).element("Message", message).element("RequestId", requestId).element("HostId", hostId);
        WireResponse.put(headers, "Content-Type", "application/xml");
        return new WireResponse(status, headers, out.toBytes());
    }
}
