package io.github.awssim.sdk.internal;

import io.github.awssim.sdk.internal.wire.UriTemplate;
import java.lang.invoke.MethodHandle;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

/** One operation of a {@link ServiceBinding}: its request type and, for REST protocols, its HTTP binding. */
final class OperationBinding {
    private final String name;
    private final Class<? extends SdkRequest> requestType;
    private final MethodHandle builder;
    private final String httpMethod;
    private final UriTemplate template;
    private final int successStatus;

    OperationBinding(String name, Class<? extends SdkRequest> requestType, MethodHandle builder, String httpMethod,
                     UriTemplate template, int successStatus) {
        this.name = name;
        this.requestType = requestType;
        this.builder = builder;
        this.httpMethod = httpMethod;
        this.template = template;
        this.successStatus = successStatus;
    }

    String name() {
        return name;
    }

    Class<? extends SdkRequest> requestType() {
        return requestType;
    }

    /** A fresh builder of the request type, which is an {@code SdkPojo} the codecs fill. */
    SdkPojo newRequestBuilder() {
        try {
            return (SdkPojo) builder.invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("awssim: cannot create a " + requestType.getName() + " builder", t);
        }
    }

    /** The HTTP method of a REST operation, or null when the service model is unknown. */
    String httpMethod() {
        return httpMethod;
    }

    /** The request URI template of a REST operation, or null when the service model is unknown. */
    UriTemplate template() {
        return template;
    }

    int successStatus() {
        return successStatus;
    }

    @Override
    public String toString() {
        return name;
    }
}
