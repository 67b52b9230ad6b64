package io.github.awssim.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The SDK's naming rules that connect a service name, its client interfaces and its model package:
 * {@code MarketplaceMetering} ↔ {@code ...marketplacemetering.MarketplaceMeteringClient} ↔
 * {@code ...marketplacemetering.model.MeterUsageRequest}.
 */
public final class ServiceNames {
    /** Class.forName is costly on the per-call path; the answer never changes for a request type. */
    private static final Map<Class<?>, Map<String, Optional<Class<? extends SdkClient>>>> INTERFACES = new ConcurrentHashMap<>();

    private ServiceNames() {
    }

    /** {@code MarketplaceMeteringClient} or {@code MarketplaceMeteringAsyncClient} → {@code MarketplaceMetering}. */
    public static String serviceName(Class<?> clientInterface) {
        String simple = clientInterface.getSimpleName();
        if (simple.endsWith("AsyncClient")) {
            return simple.substring(0, simple.length() - "AsyncClient".length());
        }
        if (simple.endsWith("Client")) {
            return simple.substring(0, simple.length() - "Client".length());
        }
        return simple;
    }

    /**
     * The SDK service name of a request type: generated requests extend {@code <Service>Request}
     * ({@code MeterUsageRequest extends MarketplaceMeteringRequest}).
     */
    public static Optional<String> serviceNameOfRequest(Class<?> requestType) {
        Class<?> base = requestType.getSuperclass();
        while (base != null && base.getSuperclass() != null
            && !base.getSuperclass().getName().equals("software.amazon.awssdk.awscore.AwsRequest")) {
            base = base.getSuperclass();
        }
        if (base == null || !base.getSimpleName().endsWith("Request")) {
            return Optional.empty();
        }
        return Optional.of(base.getSimpleName().substring(0, base.getSimpleName().length() - "Request".length()));
    }

    /** The SDK service name of an exception type: they extend {@code <Service>Exception}. */
    public static Optional<String> serviceNameOfException(Class<?> exceptionType) {
        Class<?> base = exceptionType;
        while (base != null && base.getSuperclass() != null
            && !base.getSuperclass().getName().equals("software.amazon.awssdk.awscore.exception.AwsServiceException")) {
            base = base.getSuperclass();
        }
        if (base == null || !base.getSimpleName().endsWith("Exception")) {
            return Optional.empty();
        }
        return Optional.of(base.getSimpleName().substring(0, base.getSimpleName().length() - "Exception".length()));
    }

    /** The sync client interface of the service whose model package holds {@code requestType}. */
    public static Optional<Class<? extends SdkClient>> clientInterfaceOf(Class<? extends SdkRequest> requestType, String serviceName) {
        return INTERFACES.computeIfAbsent(requestType, t -> new ConcurrentHashMap<>())
            .computeIfAbsent(serviceName, n -> findClientInterface(requestType, n));
    }

    private static Optional<Class<? extends SdkClient>> findClientInterface(Class<? extends SdkRequest> requestType,
                                                                            String serviceName) {
        String modelPackage = requestType.getPackageName();
        if (!modelPackage.endsWith(".model")) {
            return Optional.empty();
        }
        String servicePackage = modelPackage.substring(0, modelPackage.length() - ".model".length());
        return load(servicePackage + "." + serviceName + "Client", requestType.getClassLoader());
    }

    /** The sync client interface for an async one, or the interface itself when it is sync. */
    @SuppressWarnings("unchecked")
    public static Class<? extends SdkClient> syncInterface(Class<? extends SdkClient> clientInterface) {
        String simple = clientInterface.getSimpleName();
        if (!simple.endsWith("AsyncClient")) {
            return clientInterface;
        }
        String name = clientInterface.getPackageName() + "." + serviceName(clientInterface) + "Client";
        return load(name, clientInterface.getClassLoader())
            .orElseThrow(() -> new IllegalArgumentException("awssim: no sync client interface " + name));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Class<? extends SdkClient>> load(String name, ClassLoader loader) {
        try {
            Class<?> c = Class.forName(name, false, loader);
            return c.isInterface() && SdkClient.class.isAssignableFrom(c)
                ? Optional.of((Class<? extends SdkClient>) c) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
