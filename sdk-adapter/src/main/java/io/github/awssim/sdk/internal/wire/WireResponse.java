package io.github.awssim.sdk.internal.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP answer as awssim encodes it: status, headers, body bytes. */
public final class WireResponse {
    private static final byte[] EMPTY = new byte[0];

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

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Delivery delivery;
    private final String failure;

    public WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, headers, body, Delivery.NORMAL, null);
    }

    private WireResponse(int status, Map<String, List<String>> headers, byte[] body, Delivery delivery, String failure) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? EMPTY : body;
        this.delivery = delivery;
        this.failure = failure;
    }

    /** The same answer delivered as {@code delivery} says; {@code failure} is the message of the client's IOException. */
    public WireResponse delivered(Delivery delivery, String failure) {
        return new WireResponse(status, headers, body, delivery, failure);
    }

    /** No answer at all: the connection fails with {@code failure}. */
    public static WireResponse reset(String failure) {
        return new WireResponse(0, newHeaders(), EMPTY, Delivery.RESET, failure);
    }

    /** The same status and headers with another body of the same length (a garbled transfer). */
    public WireResponse withBody(byte[] other) {
        return new WireResponse(status, headers, other, delivery, failure);
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

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** A mutable header map in insertion order, for codecs to fill. */
    public static Map<String, List<String>> newHeaders() {
        return new LinkedHashMap<>();
    }

    public static void put(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }
}
