package io.github.awssim.sdk.internal;

import io.github.awssim.core.internal.ServiceNames;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.core.internal.model.ServiceModels;
import io.github.awssim.sdk.internal.wire.UriTemplate;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * What awssim knows of one service on the wire: its client interface, protocol, and operations. Built
 * from the shipped model for the services awssim simulates, and from the SDK's classes (plus what the
 * interceptor noted) for any other service.
 */
final class ServiceBinding {
    private static final Map<Class<?>, ServiceBinding> BY_INTERFACE = new ConcurrentHashMap<>();
    private static final Map<String, Optional<ServiceBinding>> BY_MODEL = new ConcurrentHashMap<>();

    private final String service;
    private final Class<? extends SdkClient> clientInterface;
    private final Optional<ServiceModel> model;
    private final WireProtocol protocol;
    private final Map<String, Optional<OperationBinding>> operations = new ConcurrentHashMap<>();
    private final List<OperationBinding> restOperations;

    private ServiceBinding(Class<? extends SdkClient> clientInterface, WireProtocol protocolHint) {
        this.clientInterface = clientInterface;
        this.service = ServiceNames.serviceName(clientInterface);
        this.model = ServiceModels.forService(service);
        this.protocol = model.map(WireProtocol::of).orElse(protocolHint);
        this.restOperations = model.isPresent() && (protocol == WireProtocol.REST_JSON_1 || protocol == WireProtocol.REST_XML)
            ? model.get().operations().keySet().stream().map(this::operation).flatMap(Optional::stream).toList()
            : List.of();
    }

    /** The binding of a client interface; the protocol hint is used only when awssim ships no model. */
    static ServiceBinding of(Class<? extends SdkClient> clientInterface, WireProtocol protocolHint) {
        ServiceBinding b = BY_INTERFACE.get(clientInterface);
        if (b == null || (b.model.isEmpty() && b.protocol != protocolHint && protocolHint != WireProtocol.UNSUPPORTED)) {
            b = new ServiceBinding(clientInterface, protocolHint);
            BY_INTERFACE.put(clientInterface, b);
        }
        return b;
    }

    /** The binding of a shipped model, found by its signing name, endpoint prefix or JSON target prefix. */
    static Optional<ServiceBinding> ofWireIdentity(String id) {
        return BY_MODEL.computeIfAbsent(id, key -> ServiceModels.byWireIdentity(key).flatMap(m -> {
            String pkg = "software.amazon.awssdk.services." + m.sdkServiceName().toLowerCase();
            try {
                Class<?> c = Class.forName(pkg + "." + m.sdkServiceName() + "Client", false, ServiceBinding.class.getClassLoader());
                return Optional.of(of(c.asSubclass(SdkClient.class), WireProtocol.of(m)));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        }));
    }

    String service() {
        return service;
    }

    Class<? extends SdkClient> clientInterface() {
        return clientInterface;
    }

    Optional<ServiceModel> model() {
        return model;
    }

    WireProtocol protocol() {
        return protocol;
    }

    /** The operation by name, if the SDK has a request type for it. */
    Optional<OperationBinding> operation(String name) {
        return operations.computeIfAbsent(name, this::bind);
    }

    /** The REST operation whose method and URI template match the request, most specific first. */
    Optional<OperationBinding> matchRest(String method, String encodedPath, Map<String, List<String>> query) {
        OperationBinding best = null;
        for (OperationBinding op : restOperations) {
            if (op.httpMethod().equalsIgnoreCase(method) && op.template().match(encodedPath, query) != null
                && (best == null || op.template().specificity() > best.template().specificity())) {
                best = op;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<OperationBinding> bind(String name) {
        String typeName = clientInterface.getPackageName() + ".model." + name + "Request";
        Class<? extends SdkRequest> requestType;
        MethodHandle builder;
        try {
            requestType = Class.forName(typeName, false, clientInterface.getClassLoader()).asSubclass(SdkRequest.class);
            Class<?> builderType = requestType.getMethod("builder").getReturnType();
            builder = MethodHandles.publicLookup().findStatic(requestType, "builder", MethodType.methodType(builderType));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
        Optional<OperationModel> op = model.flatMap(m -> m.operation(name));
        return Optional.of(new OperationBinding(name, requestType, builder,
            op.map(OperationModel::httpMethod).orElse(null),
            op.map(o -> UriTemplate.parse(o.requestUri())).orElse(null),
            op.map(OperationModel::responseCode).orElse(200)));
    }

    @Override
    public String toString() {
        return service + " (" + protocol + ")";
    }
}
