package io.github.awssim.sdk.internal.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP answer as awssim encodes it: status, headers, body bytes. */
public final class WireResponse {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? EMPTY : body;
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
