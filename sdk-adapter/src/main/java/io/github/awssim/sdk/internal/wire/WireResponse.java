package io.github.awssim.sdk.internal.wire;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP answer as awssim encodes it: status, headers, and a body that is either bytes or, for a
 * streaming operation (S3 GetObject), a stream the HTTP client copies to the SDK without holding it.
 */
public final class WireResponse {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final InputStream stream;
    private final long streamLength;
    private final Delivery delivery;
    private final String failure;
    private String statusText;

    /** How the connection behaves while delivering this answer: normally, or as a transport fault says. */
    public enum Delivery {
        /** The whole answer arrives. */
        NORMAL,
        /** No answer: the connection fails before any byte (reset before the engine, response lost after it). */
        RESET,
        /** The headers and the first half of the body arrive, then the connection fails. */
        TRUNCATED,
        /** The headers arrive, then the body stalls until the client aborts or awssim's deadline passes. */
        STALLED
    }

    public WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, headers, body == null ? EMPTY : body, null, -1, Delivery.NORMAL, null);
    }

    private WireResponse(int status, Map<String, List<String>> headers, byte[] body, InputStream stream, long streamLength,
                         Delivery delivery, String failure) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.stream = stream;
        this.streamLength = streamLength;
        this.delivery = delivery;
        this.failure = failure;
    }

    /**
     * An answer whose body is {@code stream}, of {@code length} bytes (-1 when unknown); the receiver owns the
     * stream and closes it.
     */
    public static WireResponse streaming(int status, Map<String, List<String>> headers, InputStream stream, long length) {
        return new WireResponse(status, headers, EMPTY, stream, length, Delivery.NORMAL, null);
    }

    /** The same answer delivered as {@code delivery} says; {@code failure} is the message of the client's IOException. */
    public WireResponse delivered(Delivery delivery, String failure) {
        return new WireResponse(status, headers, body, stream, streamLength, delivery, failure).statusText(statusText);
    }

    /** No answer at all: the connection fails with {@code failure}. */
    public static WireResponse reset(String failure) {
        return new WireResponse(0, newHeaders(), EMPTY, null, -1, Delivery.RESET, failure);
    }

    /** The same status and headers with another body in bytes (a garbled transfer). */
    public WireResponse withBody(byte[] other) {
        return new WireResponse(status, headers, other, null, -1, delivery, failure).statusText(statusText);
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The IOException message the client sees when delivery is not normal. */
    public String failure() {
        return failure;
    }

    public int status() {
        return status;
    }

    /** The HTTP reason phrase, when the answer sets one (S3 puts its message there for bodiless HEAD errors). */
    public java.util.Optional<String> statusText() {
        return java.util.Optional.ofNullable(statusText);
    }

    public WireResponse statusText(String text) {
        this.statusText = text;
        return this;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body bytes; empty for a streaming answer (see {@link #stream()}). */
    public byte[] body() {
        return body;
    }

    /** The body of a streaming answer. */
    public Optional<InputStream> stream() {
        return Optional.ofNullable(stream);
    }

    /** The body's length in bytes, or -1 when a streaming body's length is unknown. */
    public long contentLength() {
        return stream != null ? streamLength : body.length;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** A mutable header map in insertion order, for codecs to fill. */
    public static Map<String, List<String>> newHeaders() {
        return new LinkedHashMap<>();
    }

    public static void put(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }

    /** Whether {@code headers} holds {@code name}, in any case. */
    public static boolean hasHeader(Map<String, List<String>> headers, String name) {
        for (String h : headers.keySet()) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
