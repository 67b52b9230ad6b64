package io.github.awssim.core.internal;

import java.util.Objects;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One attempt of an SDK call, resolved by the adapter and handed to the {@link Engine}.
 *
 * @param clientInterface the service's sync client interface, e.g. {@code MarketplaceMeteringClient}
 * @param service the SDK service name, e.g. {@code MarketplaceMetering}
 * @param operation the operation name
 * @param request the typed request as received
 * @param invocationId the SDK's {@code amz-sdk-invocation-id}, or null
 * @param attempt the attempt number from {@code amz-sdk-request}, 1 when absent
 * @param accessKeyId the signing access key, or null when unsigned
 * @param region the signing region, or null to use the simulation's region
 * @param streams the streaming request body it carries and the streaming body it is answered with
 */
public record ServiceCall(Class<? extends SdkClient> clientInterface, String service, String operation, SdkRequest request,
                          String invocationId, int attempt, String accessKeyId, String region, CallStreams streams) {
    public ServiceCall {
        Objects.requireNonNull(clientInterface, "clientInterface");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        if (streams == null) {
            streams = CallStreams.none();
        }
    }

    /** A call that carries no streaming body. */
    public ServiceCall(Class<? extends SdkClient> clientInterface, String service, String operation, SdkRequest request,
                       String invocationId, int attempt, String accessKeyId, String region) {
        this(clientInterface, service, operation, request, invocationId, attempt, accessKeyId, region, null);
    }
}
