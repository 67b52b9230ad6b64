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

    /**
     * As {@link #matchRest(String, String, Map)}, telling apart operations that share a method and URI (S3's
     * {@code PUT /{Bucket}/{Key+}} is PutObject, CopyObject, UploadPart or UploadPartCopy) by the query
     * parameters and headers their models require: an operation whose required ones are all present beats one
     * that requires fewer; one missing any is out.
     */
    List<OperationBinding> matchRest(String method, String encodedPath, Map<String, List<String>> query,
                                     java.util.function.Predicate<String> hasHeader) {
        int specificity = -1;
        List<OperationBinding> candidates = new java.util.ArrayList<>();
        for (OperationBinding op : restOperations) {
            if (!op.httpMethod().equalsIgnoreCase(method) || op.template().match(encodedPath, query) == null) {
                continue;
            }
            int s = op.template().specificity();
            if (s > specificity) {
                specificity = s;
                candidates.clear();
            }
            if (s == specificity) {
                candidates.add(op);
            }
        }
        List<OperationBinding> fit = new java.util.ArrayList<>();
        int most = -1;
        for (OperationBinding op : candidates) {
            boolean all = op.requiredQuery().stream().allMatch(query::containsKey)
                && op.requiredHeaders().stream().allMatch(hasHeader);
            int n = op.requiredQuery().size() + op.requiredHeaders().size();
            if (!all) {
                continue;
            }
            if (n > most) {
                most = n;
                fit.clear();
            }
            if (n == most) {
                fit.add(op);
            }
        }
        return fit;
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
        List<String> requiredQuery = new java.util.ArrayList<>();
        List<String> requiredHeaders = new java.util.ArrayList<>();
        op.flatMap(OperationModel::input).ifPresent(input -> input.required().forEach(member ->
            input.member(member).ifPresent(mm -> {
                String location = mm.location().orElse("");
                if (location.equals("querystring")) {
                    requiredQuery.add(mm.locationName());
                } else if (location.equals("header")) {
                    requiredHeaders.add(mm.locationName());
                }
            })));
        return Optional.of(new OperationBinding(name, requestType, builder,
            op.map(OperationModel::httpMethod).orElse(null),
            op.map(o -> UriTemplate.parse(o.requestUri())).orElse(null),
            op.map(OperationModel::responseCode).orElse(200),
            hasStreamingOverload(requestType, software.amazon.awssdk.core.sync.RequestBody.class),
            hasStreamingOverload(requestType, software.amazon.awssdk.core.sync.ResponseTransformer.class),
            List.copyOf(requiredQuery), List.copyOf(requiredHeaders)));
    }

    /** Whether the client interface takes this request with a streaming body or transformer beside it. */
    private boolean hasStreamingOverload(Class<?> requestType, Class<?> second) {
        for (java.lang.reflect.Method m : clientInterface.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 2 && p[0] == requestType && p[1] == second) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return service + " (" + protocol + ")";
    }
}
