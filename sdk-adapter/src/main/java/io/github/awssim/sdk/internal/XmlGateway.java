package io.github.awssim.sdk.internal;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.internal.CallStreams;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ShapeModel;
import io.github.awssim.sdk.internal.wire.AwsChunkedInputStream;
import io.github.awssim.sdk.internal.wire.MalformedRequestException;
import io.github.awssim.sdk.internal.wire.RequestContent;
import io.github.awssim.sdk.internal.wire.WireResponse;
import io.github.awssim.sdk.internal.wire.XmlProtocolCodec;
import io.github.awssim.sdk.internal.wire.XmlProtocolCodec.PayloadStyle;
import io.github.awssim.sdk.internal.wire.XmlRootNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * One restXml attempt (S3), end to end on the service side: find the bucket (host or path), the
 * operation (the interceptor's note, else method, URI, query and required headers), decode the typed
 * request (an {@code aws-chunked} body decoded and its trailing checksum verified on the way), hand a
 * streaming body to the backend as a {@code RequestBody}, dispatch, journal, and encode the answer: XML,
 * or the backend's stream for GetObject; S3 errors as {@code <Error>} documents, HEAD errors bodiless,
 * every answer with {@code x-amz-request-id} and {@code x-amz-id-2}.
 */
final class XmlGateway {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(XmlGateway.class);
    private static final String UNKNOWN_OPERATION = "UnknownOperationException";
    private static final String ADAPTER_FAILURE = "AwssimAdapterFailure";
    /** S3 refuses presigned URLs valid for longer than seven days. */
    private static final long MAX_PRESIGN_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private XmlGateway() {
    }

    static WireResponse answer(Engine engine, ServiceBinding binding, CallNote note, SdkHttpRequest request,
                               RequestContent content, Gateway.Credential credential) {
        Map<String, List<String>> headers = WireResponse.newHeaders();
        String uuid = engine.newRequestId().replace("-", "").toUpperCase(Locale.ROOT);
        String requestId = uuid.substring(0, 16);
        String hostId = hostId(uuid);
        WireResponse.put(headers, "x-amz-request-id", requestId);
        WireResponse.put(headers, "x-amz-id-2", hostId);
        boolean s3 = "S3".equals(binding.service());
        boolean head = request.method() == SdkHttpMethod.HEAD;
        try {
            return answer(engine, binding, note, request, content, credential, headers, s3, head, requestId, hostId);
        } catch (MalformedRequestException e) {
            return XmlProtocolCodec.plainError(e.errorCode(), 400, e.getMessage(), head, requestId, hostId, headers);
        } catch (RuntimeException e) {
            LOG.warn("awssim: could not answer {} {}{}", request.method(), request.host(), request.encodedPath(), e);
            return XmlProtocolCodec.plainError(ADAPTER_FAILURE, 400, "awssim: the adapter failed to answer "
                + request.method() + " " + request.encodedPath() + ": " + e, head, requestId, hostId, headers);
        }
    }

    private static WireResponse answer(Engine engine, ServiceBinding binding, CallNote note, SdkHttpRequest request,
                                       RequestContent content, Gateway.Credential credential,
                                       Map<String, List<String>> headers, boolean s3, boolean head, String requestId,
                                       String hostId) {
        S3Addressing.Resolved address = s3 ? S3Addressing.resolve(request, note)
            : new S3Addressing.Resolved(null, request.encodedPath() == null ? "" : request.encodedPath(), false);
        Map<String, List<String>> query = request.rawQueryParameters();
        OperationBinding op = note != null ? binding.operation(note.operation()).orElse(null)
            : pick(binding.matchRest(request.method().name(), address.path(), query,
                h -> request.firstMatchingHeader(h).isPresent()), address);
        if (op == null) {
            String message = note != null ? AdapterMessages.unknownOperation(binding.service(), note.operation())
                : AdapterMessages.unknownRestOperation(binding.service(), request.method().name(), address.path()
                    + (query.isEmpty() ? "" : "?" + String.join("&", query.keySet())));
            return XmlProtocolCodec.plainError(UNKNOWN_OPERATION, 400, message, head, requestId, hostId, headers);
        }
        ServiceErrors errors = ServiceErrors.of(binding.clientInterface());
        boolean chunked = isAwsChunked(request);
        SdkHttpRequest view = chunked ? decodedView(request) : request;

        Map<String, String> labels = op.template() == null ? null : op.template().match(address.path(), query);
        SdkRequest typed;
        if (labels != null) {
            SdkPojo builder = op.newRequestBuilder();
            byte[] body = op.streamingInput() ? null : content.bytes();
            XmlProtocolCodec.decodeRequest(builder, view, body, labels, op.template().unusedQuery(query));
            typed = (SdkRequest) ((Buildable) builder).build();
        } else if (note != null) {
            // A restXml service awssim ships no model for: its URI labels cannot be read without the
            // template, so the typed request the interceptor noted is the best faithful source.
            typed = note.request();
        } else {
            return XmlProtocolCodec.plainError(UNKNOWN_OPERATION, 400, AdapterMessages.unknownRestOperation(
                binding.service(), request.method().name(), address.path()), head, requestId, hostId, headers);
        }

        RequestBody body = null;
        if (op.streamingInput()) {
            body = requestBody(content, request, chunked, (code, message) -> errors.unmodeled(code, message));
        }
        ServiceCall call = new ServiceCall(binding.clientInterface(), binding.service(), op.name(), typed,
            request.firstMatchingHeader("amz-sdk-invocation-id").orElse(null), Gateway.attemptOf(request),
            credential.accessKeyId(), credential.region(), new CallStreams(body));
        Instant at = engine.clock().instant();
        Optional<AwsServiceException> refused = presignRefusal(request, at, errors);
        if (refused.isEmpty() && s3 && typed instanceof SdkPojo) {
            refused = unmodeledEncryptionHeader(request, (SdkPojo) typed, errors);
        }
        if (refused.isPresent()) {
            Outcome outcome = errors.describe(refused.get());
            engine.record(call, at, outcome);
            return encode(outcome, call, op, binding, s3, head, requestId, hostId, headers);
        }
        return TransportFaults.attempt(engine, call, outcome -> encode(outcome, call, op, binding, s3, head, requestId, hostId,
            headers));
    }

    private static WireResponse encode(Outcome outcome, ServiceCall call, OperationBinding op, ServiceBinding binding,
                                       boolean s3, boolean head, String requestId, String hostId,
                                       Map<String, List<String>> headers) {
        if (outcome instanceof Outcome.Response) {
            SdkPojo response = (SdkPojo) ((Outcome.Response) outcome).response();
            Optional<AbortableInputStream> stream = call.streams().responseBody();
            if (stream.isPresent()) {
                return streamingAnswer(response, stream.get(), op, headers, head);
            }
            Integer partial = statusOf(response);   // a HEAD of a range or part answers 206, as a GET of it does
            WireResponse answer = XmlProtocolCodec.encodeResponse(response, partial != null ? partial : op.successStatus(),
                payloadStyle(binding, op, s3), headers);
            return head ? new WireResponse(answer.status(), answer.headers(), new byte[0]) : answer;
        }
        if (outcome instanceof Outcome.ServiceError) {
            Outcome.ServiceError e = (Outcome.ServiceError) outcome;
            // A HEAD answer has no body, so S3's message cannot reach the client; awssim's own errors (an
            // operation not simulated, a backend failure) keep theirs, which is the only way to say what to fix.
            boolean bodiless = head && !e.errorCode().startsWith("Awssim");
            WireResponse answer = XmlProtocolCodec.encodeError(e.exception(), e.errorCode(), e.httpStatus(), s3, bodiless,
                requestId, hostId, headers);
            return head ? answer.statusText(reasonPhrase(e.errorCode(), e.httpStatus())) : answer;
        }
        throw new IllegalStateException("awssim: a transport fault has no wire encoding: " + outcome);
    }

    /** The reason phrase S3 answers a bodiless error with (the SDK keeps it as the error's {@code statusText()}). */
    private static String reasonPhrase(String code, int status) {
        if ("SlowDown".equals(code)) {
            return "Slow Down";
        }
        switch (status) {
            case 301:
                return "Moved Permanently";
            case 304:
                return "Not Modified";
            case 400:
                return "Bad Request";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 409:
                return "Conflict";
            case 412:
                return "Precondition Failed";
            case 416:
                return "Requested Range Not Satisfiable";
            case 500:
                return "Internal Server Error";
            case 501:
                return "Not Implemented";
            case 503:
                return "Service Unavailable";
            default:
                return null;
        }
    }

    /** The most fitting of the operations that match a request's method, URI, query and headers. */
    private static OperationBinding pick(List<OperationBinding> candidates, S3Addressing.Resolved address) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() > 1) {
            // GET / is ListBuckets on the regional endpoint and ListDirectoryBuckets on S3 Express's control
            // endpoint: the model tells them apart only by the endpoint its rules choose.
            for (OperationBinding op : candidates) {
                if (op.name().equals("ListDirectoryBuckets") == address.expressControl()) {
                    return op;
                }
            }
        }
        return candidates.get(0);
    }

    private static PayloadStyle payloadStyle(ServiceBinding binding, OperationBinding op, boolean s3) {
        Optional<ShapeModel> output = binding.model().flatMap(m -> m.operation(op.name())).flatMap(OperationModel::output);
        // The SDK reads a string payload the model does not declare as one (S3 GetBucketLocation's
        // LocationConstraint) from an element, and a declared one (GetBucketPolicy's JSON) as raw text.
        boolean stringAsElement = output.isPresent() && output.get().payload().isEmpty();
        return new PayloadStyle(XmlRootNames.of(binding.service(), op.name()),
            s3 ? XmlProtocolCodec.S3_NAMESPACE : null, stringAsElement);
    }

    private static WireResponse streamingAnswer(SdkPojo response, AbortableInputStream stream, OperationBinding op,
                                                Map<String, List<String>> headers, boolean head) {
        io.github.awssim.sdk.internal.wire.HttpText.writeHeaders(response, headers);
        int status = op.successStatus();
        Integer partial = statusOf(response);
        if (partial != null) {
            status = partial;
        }
        if (head) {
            closeQuietly(stream);
            return new WireResponse(status, headers, new byte[0]);
        }
        long length = -1;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Length") && !h.getValue().isEmpty()) {
                try {
                    length = Long.parseLong(h.getValue().get(0).trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
        }
        return WireResponse.streaming(status, headers, stream, length);
    }

    /** GetObject and HeadObject answer 206 for a range or part: the response's Content-Range says so. */
    private static Integer statusOf(SdkPojo response) {
        for (software.amazon.awssdk.core.SdkField<?> f : response.sdkFields()) {
            if ("Content-Range".equalsIgnoreCase(f.locationName()) && f.getValueOrDefault(response) != null) {
                return 206;
            }
        }
        return null;
    }

    // ---- request bodies ----------------------------------------------------------------------

    /**
     * Whether the body is {@code aws-chunked}: the SDK says so in {@code Content-Encoding}, and in
     * {@code x-amz-content-sha256} ({@code STREAMING-…}) for signed chunks.
     */
    static boolean isAwsChunked(SdkHttpRequest request) {
        String encoding = request.firstMatchingHeader("Content-Encoding").orElse("");
        String sha = request.firstMatchingHeader("x-amz-content-sha256").orElse("");
        return encoding.toLowerCase(Locale.ROOT).contains("aws-chunked") || sha.startsWith("STREAMING-");
    }

    /**
     * The request as S3 reads it once the chunks are removed: the object's length is
     * {@code x-amz-decoded-content-length}, and {@code aws-chunked} is no part of its Content-Encoding.
     */
    private static SdkHttpRequest decodedView(SdkHttpRequest request) {
        SdkHttpRequest.Builder b = request.toBuilder();
        request.firstMatchingHeader("x-amz-decoded-content-length").ifPresent(len -> b.putHeader("Content-Length", len));
        b.removeHeader("Content-Encoding");
        request.firstMatchingHeader("Content-Encoding").ifPresent(encoding -> {
            StringBuilder rest = new StringBuilder();
            for (String token : encoding.split(",")) {
                String t = token.trim();
                if (!t.isEmpty() && !t.equalsIgnoreCase("aws-chunked")) {
                    rest.append(rest.length() == 0 ? "" : ", ").append(t);   // "deflate, gzip" stays as sent
                }
            }
            if (rest.length() > 0) {
                b.putHeader("Content-Encoding", rest.toString());
            }
        });
        return b.build();
    }

    private static RequestBody requestBody(RequestContent content, SdkHttpRequest request, boolean chunked,
                                           java.util.function.BiFunction<String, String, RuntimeException> errors) {
        long length = content.declaredLength();
        InputStream raw = content.stream();
        InputStream in = raw;
        if (chunked) {
            long decoded = request.firstMatchingHeader("x-amz-decoded-content-length").map(XmlGateway::parseLong).orElse(-1L);
            in = new AwsChunkedInputStream(raw, request.firstMatchingHeader("x-amz-trailer").orElse(null), decoded, errors);
            length = decoded;
        }
        String type = request.firstMatchingHeader("Content-Type").orElse("application/octet-stream");
        InputStream body = in;
        AtomicBoolean taken = new AtomicBoolean();
        software.amazon.awssdk.http.ContentStreamProvider provider = () -> {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException(AdapterMessages.bodyReadTwice());
            }
            return body;
        };
        return length >= 0 ? RequestBody.fromContentProvider(provider, length, type)
            : RequestBody.fromContentProvider(provider, type);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- presigned URLs ----------------------------------------------------------------------

    /**
     * S3's own refusals of a presigned URL, judged on the simulation clock: past {@code X-Amz-Date} +
     * {@code X-Amz-Expires} it answers 403 AccessDenied "Request has expired"; an expiry over seven days is
     * 400 AuthorizationQueryParametersError. Signatures are not checked (every access key is accepted).
     */
    private static Optional<AwsServiceException> presignRefusal(SdkHttpRequest request, Instant now, ServiceErrors errors) {
        Map<String, List<String>> q = request.rawQueryParameters();
        if (q.containsKey("AWSAccessKeyId") && q.containsKey("Signature") && q.containsKey("Expires")) {
            return presignV2Refusal(q.get("Expires"), now, errors);
        }
        if (!q.containsKey("X-Amz-Signature") || !q.containsKey("X-Amz-Expires") || !q.containsKey("X-Amz-Date")) {
            return Optional.empty();
        }
        long expires;
        Instant signed;
        try {
            expires = Long.parseLong(q.get("X-Amz-Expires").get(0));
            signed = LocalDateTime.parse(q.get("X-Amz-Date").get(0), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (NumberFormatException | DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.of(errors.unmodeled("AuthorizationQueryParametersError",
                "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\" and X-Amz-Expires a number of seconds."));
        }
        if (expires > MAX_PRESIGN_SECONDS || expires < 0) {
            return Optional.of(errors.unmodeled("AuthorizationQueryParametersError",
                "X-Amz-Expires must be less than a week (in seconds) that is 604800; this URL says " + expires + "."));
        }
        Instant expiry = signed.plus(Duration.ofSeconds(expires));
        if (now.isAfter(expiry)) {
            return Optional.of(errors.unmodeled("AccessDenied", 403, "Request has expired: the URL expired at " + expiry
                + " and the simulation clock reads " + now + "."));
        }
        return Optional.empty();
    }

    /**
     * A Signature Version 2 presigned URL ({@code AWSAccessKeyId}, {@code Signature}, {@code Expires} in epoch
     * seconds, as the AWS CLI v1 makes them): 403 AccessDenied "Request has expired" once the simulation clock is
     * past {@code Expires}. SigV2 sets no seven-day limit.
     */
    private static Optional<AwsServiceException> presignV2Refusal(List<String> expiresParam, Instant now, ServiceErrors errors) {
        Instant expiry;
        try {
            expiry = Instant.ofEpochSecond(Long.parseLong(expiresParam.get(0)));
        } catch (NumberFormatException | IndexOutOfBoundsException | java.time.DateTimeException e) {
            return Optional.of(errors.unmodeled("AccessDenied", 403, "Invalid date (should be seconds since epoch): "
                + (expiresParam.isEmpty() ? "" : expiresParam.get(0))));
        }
        if (now.isAfter(expiry)) {
            return Optional.of(errors.unmodeled("AccessDenied", 403, "Request has expired: the URL expired at " + expiry
                + " and the simulation clock reads " + now + "."));
        }
        return Optional.empty();
    }

    /**
     * S3 answers 400 {@code InvalidArgument} to {@code x-amz-server-side-encryption} on an operation that does not
     * take it (GetObject, HeadObject, UploadPart, CompleteMultipartUpload, ...): a read is decrypted with the key it
     * was written with, and only writes choose one (GetObject: "If you include the header in your GetObject requests
     * for the object that uses these types of keys, you'll get an HTTP 400 Bad Request error"). The typed request has
     * no member for it, so only the wire can tell; s3-tests {@code test_sse_kms_read_declare}.
     */
    private static Optional<AwsServiceException> unmodeledEncryptionHeader(SdkHttpRequest request, SdkPojo typed,
                                                                           ServiceErrors errors) {
        String header = "x-amz-server-side-encryption";
        if (request.firstMatchingHeader(header).isEmpty()) {
            return Optional.empty();
        }
        boolean modeled = typed.sdkFields().stream().anyMatch(f -> f.location() == MarshallLocation.HEADER
            && header.equalsIgnoreCase(f.locationName()));
        return modeled ? Optional.empty()
            : Optional.of(errors.unmodeled("InvalidArgument", 400, AdapterMessages.encryptionHeaderNotSupported(header)));
    }

    private static String hostId(String uuid) {
        byte[] bytes = (uuid + uuid.substring(0, 8)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | UncheckedIOException e) {
            // A HEAD answer never reads the body; closing it early is all that is needed.
        }
    }
}
