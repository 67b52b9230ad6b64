package io.github.awssim.sdk.internal;

import software.amazon.awssdk.core.SdkRequest;

/**
 * What the interceptor learned about a call before it was marshalled: the service, the operation, the
 * typed request and the protocol. The HTTP client finds it through the call-id header.
 */
public final class CallNote {
    private final String service;
    private final String operation;
    private final String protocol;
    private volatile SdkRequest request;
    private volatile String id;

    public CallNote(String service, String operation, String protocol, SdkRequest request) {
        this.service = service;
        this.operation = operation;
        this.protocol = protocol;
        this.request = request;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    /** The SDK's protocol name (json, rest-json, rest-xml, query, ...), or null when unknown. */
    public String protocol() {
        return protocol;
    }

    public SdkRequest request() {
        return request;
    }

    void request(SdkRequest r) {
        this.request = r;
    }

    public String id() {
        return id;
    }

    void id(String id) {
        this.id = id;
    }
}
