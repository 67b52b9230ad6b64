package io.github.awssim.sdk.internal;

import io.github.awssim.sdk.internal.wire.UriTemplate;
import java.lang.invoke.MethodHandle;
import java.util.List;
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
    private final boolean streamingInput;
    private final boolean streamingOutput;
    private final List<String> requiredQuery;
    private final List<String> requiredHeaders;

    OperationBinding(String name, Class<? extends SdkRequest> requestType, MethodHandle builder, String httpMethod,
                     UriTemplate template, int successStatus) {
        this(name, requestType, builder, httpMethod, template, successStatus, false, false, List.of(), List.of());
    }

    OperationBinding(String name, Class<? extends SdkRequest> requestType, MethodHandle builder, String httpMethod,
                     UriTemplate template, int successStatus, boolean streamingInput, boolean streamingOutput,
                     List<String> requiredQuery, List<String> requiredHeaders) {
        this.name = name;
        this.requestType = requestType;
        this.builder = builder;
        this.httpMethod = httpMethod;
        this.template = template;
        this.successStatus = successStatus;
        this.streamingInput = streamingInput;
        this.streamingOutput = streamingOutput;
        this.requiredQuery = requiredQuery;
        this.requiredHeaders = requiredHeaders;
    }

    /** Whether the request's body streams to the backend as a {@code RequestBody} (S3 PutObject, UploadPart). */
    boolean streamingInput() {
        return streamingInput;
    }

    /** Whether the answer's body streams from the backend through a {@code ResponseTransformer} (S3 GetObject). */
    boolean streamingOutput() {
        return streamingOutput;
    }

    /** Query parameters the model requires: they tell apart operations that share a method and path (S3 UploadPart). */
    List<String> requiredQuery() {
        return requiredQuery;
    }

    /** Headers the model requires: they tell apart operations that share a method and path (S3 CopyObject). */
    List<String> requiredHeaders() {
        return requiredHeaders;
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
