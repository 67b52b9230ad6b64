package io.github.awssim.sdk.internal;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.core.internal.AttemptFaults;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import io.github.awssim.core.internal.ServiceNames;
import io.github.awssim.sdk.internal.wire.JsonProtocolCodec;
import io.github.awssim.sdk.internal.wire.JsonProtocolCodec.Flavor;
import io.github.awssim.sdk.internal.wire.MalformedRequestException;
import io.github.awssim.sdk.internal.wire.RequestContent;
import io.github.awssim.sdk.internal.wire.WireResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * One HTTP attempt, end to end on the service side: tie it to a service and operation (from the
 * interceptor's note, else from the wire), decode the typed request from the bytes the SDK sent,
 * dispatch it to the engine, journal it, and encode the outcome in the service's protocol.
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private static final String UNKNOWN_OPERATION = "UnknownOperationException";
    private static final String UNSUPPORTED = "AwssimUnsupportedProtocol";
    private static final String ADAPTER_FAILURE = "AwssimAdapterFailure";

    private Gateway() {
    }

    public static WireResponse handle(Engine engine, SdkHttpRequest request, byte[] body) {
        return handle(engine, request, RequestContent.of(body));
    }

    /**
     * As {@link #handle(Engine, SdkHttpRequest, byte[])}, with a body that may still be unread: a streaming
     * operation (S3 PutObject) reads it as it goes; every other reads it whole.
     */
    public static WireResponse handle(Engine engine, SdkHttpRequest request, RequestContent content) {
        Map<String, List<String>> headers = WireResponse.newHeaders();
        String requestId = engine.newRequestId();
        WireResponse.put(headers, "x-amzn-RequestId", requestId);
        Flavor fallback = flavorOf(request);
        try {
            return answer(engine, request, content, headers, fallback);
        } catch (MalformedRequestException e) {
            return JsonProtocolCodec.plainError(fallback, e.errorCode(), 400, e.getMessage(), headers);
        } catch (RuntimeException e) {
            LOG.warn("awssim: could not answer {} {}{}", request.method(), request.host(), request.encodedPath(), e);
            return JsonProtocolCodec.plainError(fallback, ADAPTER_FAILURE, 400,
                "awssim: the adapter failed to answer " + request.method() + " " + request.encodedPath() + ": " + e, headers);
        }
    }

    private static WireResponse answer(Engine engine, SdkHttpRequest request, RequestContent content,
                                       Map<String, List<String>> headers, Flavor fallback) {
        CallNote note = CallNotes.find(request.firstMatchingHeader(CallNotes.HEADER).orElse(null));
        Map<String, List<String>> query = request.rawQueryParameters();
        Credential credential = Credential.of(request);

        ServiceBinding binding;
        Optional<OperationBinding> operation;
        String operationName;
        if (note != null) {
            Optional<Class<? extends SdkClient>> iface = ServiceNames.clientInterfaceOf(note.request().getClass(), note.service());
            if (iface.isEmpty()) {
                return JsonProtocolCodec.plainError(fallback, UNKNOWN_OPERATION, 400,
                    AdapterMessages.noInterfaceFor(note.service(), note.request().getClass().getName()), headers);
            }
            WireProtocol hint = WireProtocol.of(note.protocol(),
                WireProtocol.jsonVersionOf(request.firstMatchingHeader("Content-Type").orElse(null)));
            binding = ServiceBinding.of(iface.get(), hint);
            if (binding.protocol() == WireProtocol.REST_XML) {
                return XmlGateway.answer(engine, binding, note, request, content, credential);
            }
            operationName = note.operation();
            operation = binding.operation(operationName);
        } else {
            String target = request.firstMatchingHeader("X-Amz-Target").orElse(null);
            if (target != null && target.indexOf('.') > 0) {
                int dot = target.lastIndexOf('.');
                binding = ServiceBinding.ofWireIdentity(target.substring(0, dot)).orElse(null);
                operationName = target.substring(dot + 1);
                operation = binding == null ? Optional.empty() : binding.operation(operationName);
            } else {
                binding = bindingFromHost(credential, request.host()).or(() -> anonymousS3(credential, request)).orElse(null);
                if (binding != null && binding.protocol() == WireProtocol.REST_XML) {
                    return XmlGateway.answer(engine, binding, null, request, content, credential);
                }
                if (binding != null && binding.protocol().json() != null && !binding.protocol().json().isRest()) {
                    // awsJson names the operation only in X-Amz-Target: without one there is nothing to match.
                    return JsonProtocolCodec.plainError(binding.protocol().json(), UNKNOWN_OPERATION, 400,
                        AdapterMessages.missingTarget(binding.service(),
                            binding.model().flatMap(m -> m.targetPrefix()).orElse(binding.service()), target), headers);
                }
                operation = binding == null ? Optional.empty()
                    : binding.matchRest(request.method().name(), request.encodedPath(), query);
                operationName = operation.map(OperationBinding::name).orElse(request.method() + " " + request.encodedPath());
            }
            if (binding == null) {
                return JsonProtocolCodec.plainError(fallback, UNKNOWN_OPERATION, 400,
                    AdapterMessages.unknownService(request.method().name(), request.host(), request.encodedPath()), headers);
            }
        }
        Flavor flavor = binding.protocol().json();
        Flavor answerFlavor = flavor != null ? flavor : fallback;
        if (operation.isEmpty()) {
            String message = note == null && answerFlavor.isRest()
                ? AdapterMessages.unknownRestOperation(binding.service(), request.method().name(), request.encodedPath())
                : AdapterMessages.unknownOperation(binding.service(), operationName);
            return JsonProtocolCodec.plainError(answerFlavor, UNKNOWN_OPERATION, 400, message, headers);
        }
        OperationBinding op = operation.get();
        if (flavor == null) {
            return JsonProtocolCodec.plainError(answerFlavor, UNSUPPORTED, 501,
                AdapterMessages.unsupportedProtocol(binding.service(), op.name(), binding.protocol().name()), headers);
        }

        SdkRequest typed;
        if (!flavor.isRest() || op.template() != null) {
            SdkPojo builder = op.newRequestBuilder();
            Map<String, String> labels = flavor.isRest() ? op.template().match(request.encodedPath(), query) : Map.of();
            JsonProtocolCodec.decodeRequest(flavor, builder, request, content.bytes(), labels == null ? Map.of() : labels,
                flavor.isRest() ? op.template().unusedQuery(query) : query);
            typed = (SdkRequest) ((Buildable) builder).build();
        } else {
            // A REST service awssim ships no model for: its URI labels cannot be read without the
            // template, so the typed request the interceptor noted is the best faithful source.
            typed = note.request();
        }

        ServiceCall call = new ServiceCall(binding.clientInterface(), binding.service(), op.name(), typed,
            request.firstMatchingHeader("amz-sdk-invocation-id").orElse(null), attemptOf(request),
            credential.accessKeyId(), credential.region());
        return TransportFaults.attempt(engine, call, outcome -> encode(flavor, op, outcome, headers));
    }

    static WireResponse encode(Flavor flavor, OperationBinding op, Outcome outcome, Map<String, List<String>> headers) {
        if (outcome instanceof Outcome.Response) {
            return JsonProtocolCodec.encodeResponse(flavor, (SdkPojo) ((Outcome.Response) outcome).response(),
                op.successStatus(), headers);
        }
        if (outcome instanceof Outcome.ServiceError) {
            Outcome.ServiceError e = (Outcome.ServiceError) outcome;
            return JsonProtocolCodec.encodeError(flavor, e.exception(), e.errorCode(), e.httpStatus(), headers);
        }
        throw new IllegalStateException("awssim: a transport fault has no wire encoding: " + outcome);
    }

    /**
     * An unsigned request nothing else ties to a service (the loopback server's {@code curl http://127.0.0.1:4566/bucket/key})
     * is S3's: S3 is the one service that takes anonymous requests, which it judges by the bucket's public access.
     * Every other service's clients sign; an unsigned {@code POST /} is an awsJson call without a target, never S3's.
     */
    private static Optional<ServiceBinding> anonymousS3(Credential credential, SdkHttpRequest request) {
        boolean rpcShaped = request.method() == SdkHttpMethod.POST
            && (request.encodedPath() == null || request.encodedPath().isEmpty() || request.encodedPath().equals("/"));
        return credential.accessKeyId() == null && !rpcShaped ? ServiceBinding.ofWireIdentity("s3") : Optional.empty();
    }

    private static Optional<ServiceBinding> bindingFromHost(Credential credential, String host) {
        if (credential.service() != null) {
            // S3 Express and S3 Object Lambda sign with their own names but are S3's operations.
            String service = credential.service().equals("s3express") || credential.service().equals("s3-object-lambda")
                ? "s3" : credential.service();
            Optional<ServiceBinding> b = ServiceBinding.ofWireIdentity(service);
            if (b.isPresent()) {
                return b;
            }
        }
        if (host == null) {
            return Optional.empty();
        }
        if (S3Addressing.isS3Host(host)) {
            return ServiceBinding.ofWireIdentity("s3");
        }
        // metering.marketplace.us-east-1.amazonaws.com: try the longest dotted prefix first
        String[] labels = host.split("\\.");
        for (int n = Math.min(labels.length, 3); n >= 1; n--) {
            Optional<ServiceBinding> b = ServiceBinding.ofWireIdentity(String.join(".", java.util.Arrays.copyOf(labels, n)));
            if (b.isPresent()) {
                return b;
            }
        }
        return Optional.empty();
    }

    private static Flavor flavorOf(SdkHttpRequest request) {
        String contentType = request.firstMatchingHeader("Content-Type").orElse("");
        if (contentType.startsWith("application/x-amz-json-1.0")) {
            return Flavor.AWS_JSON_1_0;
        }
        if (contentType.startsWith("application/json")) {
            return Flavor.REST_JSON_1;
        }
        return Flavor.AWS_JSON_1_1;
    }

    /** The SDK's attempt number from {@code amz-sdk-request: attempt=2; max=4}; 1 when absent. */
    static int attemptOf(SdkHttpRequest request) {
        String v = request.firstMatchingHeader("amz-sdk-request").orElse(null);
        int at = v == null ? -1 : v.indexOf("attempt=");
        if (at < 0) {
            return 1;
        }
        int n = 0;
        for (int i = at + "attempt=".length(); i < v.length() && Character.isDigit(v.charAt(i)); i++) {
            n = n * 10 + (v.charAt(i) - '0');
            if (n > 1_000_000) {
                return 1;
            }
        }
        return n == 0 ? 1 : n;
    }

    /** The SigV4 credential scope of a request: access key, region and signing name. */
    record Credential(String accessKeyId, String region, String service) {
        private static final Credential NONE = new Credential(null, null, null);

        static Credential of(SdkHttpRequest request) {
            String scope = null;
            String auth = request.firstMatchingHeader("Authorization").orElse(null);
            if (auth != null && auth.startsWith("AWS ")) {
                // Signature Version 2, "AWS <access key>:<signature>": only S3 still takes it (the AWS CLI v1's
                // presigned URLs, older S3 tools); it names no region.
                int colon = auth.indexOf(':');
                return new Credential(auth.substring(4, colon < 0 ? auth.length() : colon).trim(), null, "s3");
            }
            if (auth == null && request.rawQueryParameters().containsKey("Signature")) {
                List<String> v2 = request.rawQueryParameters().get("AWSAccessKeyId");   // a SigV2 presigned URL
                if (v2 != null && !v2.isEmpty()) {
                    return new Credential(v2.get(0), null, "s3");
                }
            }
            if (auth != null) {
                int i = auth.indexOf("Credential=");
                if (i >= 0) {
                    int end = auth.indexOf(',', i);
                    scope = auth.substring(i + "Credential=".length(), end < 0 ? auth.length() : end).trim();
                }
            } else {
                List<String> q = request.rawQueryParameters().get("X-Amz-Credential");
                scope = q == null || q.isEmpty() ? null : q.get(0);
            }
            if (scope == null) {
                return NONE;
            }
            // <access key>/<date>/<region>/<service>/aws4_request, parsed without a regex split on every call
            int a = scope.indexOf('/');
            int b = a < 0 ? -1 : scope.indexOf('/', a + 1);
            int c = b < 0 ? -1 : scope.indexOf('/', b + 1);
            int d = c < 0 ? -1 : scope.indexOf('/', c + 1);
            return new Credential(a < 0 ? scope : scope.substring(0, a),
                c < 0 ? null : scope.substring(b + 1, c),
                c < 0 ? null : scope.substring(c + 1, d < 0 ? scope.length() : d));
        }
    }
}
