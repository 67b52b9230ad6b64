package io.github.awssim.core.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One AWS service's model as awssim needs it at run time: protocol metadata, operation HTTP bindings,
 * shapes with their constraints, and the error table (code and HTTP status per modeled error).
 * Immutable and safe to share.
 */
public final class ServiceModel {
    private final String sdkServiceName;
    private final String resourceName;
    private final Map<String, Object> metadata;
    private final Map<String, OperationModel> operations;
    private final Map<String, ShapeModel> shapes;
    private final Map<String, ErrorInfo> errorsByShape;
    private final Map<String, ErrorInfo> errorsByCode;
    private final Map<String, Paginator> paginators;
    private final Properties errorTable;

    @SuppressWarnings("unchecked")
    ServiceModel(String sdkServiceName, String resourceName, Map<String, Object> tree, Properties errorTable) {
        this.sdkServiceName = sdkServiceName;
        this.resourceName = resourceName;
        this.errorTable = errorTable;
        this.metadata = Collections.unmodifiableMap((Map<String, Object>) tree.get("metadata"));
        Map<String, ShapeModel> shapeMap = new LinkedHashMap<>();
        ((Map<String, Object>) tree.get("shapes")).forEach((name, s) ->
            shapeMap.put(name, new ShapeModel(name, (Map<String, Object>) s, this)));
        this.shapes = Collections.unmodifiableMap(shapeMap);
        Map<String, OperationModel> ops = new LinkedHashMap<>();
        ((Map<String, Object>) tree.get("operations")).forEach((name, o) ->
            ops.put(name, new OperationModel(name, (Map<String, Object>) o, this)));
        this.operations = Collections.unmodifiableMap(ops);
        shapeMap.values().forEach(ShapeModel::link);
        ops.values().forEach(OperationModel::link);
        Map<String, Paginator> pages = new LinkedHashMap<>();
        Object pagination = tree.get("paginators");
        if (pagination instanceof Map) {
            ((Map<String, Object>) pagination).forEach((op, p) -> pages.put(op, new Paginator((Map<String, Object>) p)));
        }
        this.paginators = Collections.unmodifiableMap(pages);

        Map<String, ErrorInfo> byShape = new LinkedHashMap<>();
        Map<String, ErrorInfo> byCode = new LinkedHashMap<>();
        for (ShapeModel shape : shapeMap.values()) {
            if (!shape.isException()) {
                continue;
            }
            String code = errorTable.getProperty(shape.name() + ".code", shape.modeledErrorCode());
            String status = errorTable.getProperty(shape.name());
            if (status == null) {
                throw new IllegalStateException("awssim: the error table " + resourceName
                    + ".errors.properties has no HTTP status for modeled error " + shape.name());
            }
            ErrorInfo info = new ErrorInfo(shape.name(), code, Integer.parseInt(status.trim()));
            byShape.put(shape.name(), info);
            byCode.put(code, info);
        }
        this.errorsByShape = Collections.unmodifiableMap(byShape);
        this.errorsByCode = Collections.unmodifiableMap(byCode);
    }

    /** The SDK's name for the service, e.g. {@code MarketplaceMetering}: the client interface is {@code <name>Client}. */
    public String sdkServiceName() {
        return sdkServiceName;
    }

    /** botocore's directory name, e.g. {@code meteringmarketplace}. */
    public String resourceName() {
        return resourceName;
    }

    /** {@code json}, {@code rest-json}, {@code rest-xml}, ... */
    public String protocol() {
        return (String) metadata.get("protocol");
    }

    public Optional<String> jsonVersion() {
        return Optional.ofNullable((String) metadata.get("jsonVersion"));
    }

    public Optional<String> targetPrefix() {
        return Optional.ofNullable((String) metadata.get("targetPrefix"));
    }

    public String signingName() {
        Object s = metadata.get("signingName");
        return s != null ? (String) s : (String) metadata.get("endpointPrefix");
    }

    public String endpointPrefix() {
        return (String) metadata.get("endpointPrefix");
    }

    public Map<String, OperationModel> operations() {
        return operations;
    }

    public Optional<OperationModel> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Map<String, ShapeModel> shapes() {
        return shapes;
    }

    public ShapeModel shape(String name) {
        ShapeModel s = shapes.get(name);
        if (s == null) {
            throw new IllegalStateException("awssim: model " + resourceName + " has no shape " + name);
        }
        return s;
    }

    public Optional<ErrorInfo> errorForShape(String shapeName) {
        return Optional.ofNullable(errorsByShape.get(shapeName));
    }

    public Optional<ErrorInfo> errorForCode(String code) {
        return Optional.ofNullable(errorsByCode.get(code));
    }

    public Map<String, ErrorInfo> errors() {
        return errorsByShape;
    }

    /**
     * The HTTP status of an error code the model does not name but the service answers (S3's
     * {@code BucketNotEmpty=409}), from the same editable error table; empty when the table has none.
     */
    public Optional<Integer> unmodeledStatus(String code) {
        String status = errorTable.getProperty(code);
        return status == null || errorsByCode.containsKey(code) ? Optional.empty()
            : Optional.of(Integer.parseInt(status.trim()));
    }

    public Optional<Paginator> paginator(String operation) {
        return Optional.ofNullable(paginators.get(operation));
    }

    @Override
    public String toString() {
        return "ServiceModel[" + sdkServiceName + " (" + resourceName + ", " + protocol() + ")]";
    }

    /** A modeled error: its shape, the code sent on the wire, and the HTTP status awssim answers with. */
    public static final class ErrorInfo {
        private final String shapeName;
        private final String code;
        private final int httpStatus;

        ErrorInfo(String shapeName, String code, int httpStatus) {
            this.shapeName = shapeName;
            this.code = code;
            this.httpStatus = httpStatus;
        }

        public String shapeName() {
            return shapeName;
        }

        public String code() {
            return code;
        }

        public int httpStatus() {
            return httpStatus;
        }

        @Override
        public String toString() {
            return code + "(" + httpStatus + ")";
        }
    }

    /** A paginator definition (botocore {@code paginators-1.json}). */
    public static final class Paginator {
        private final Map<String, Object> def;

        Paginator(Map<String, Object> def) {
            this.def = def;
        }

        public String inputToken() {
            return (String) def.get("input_token");
        }

        public String outputToken() {
            return (String) def.get("output_token");
        }

        public Optional<String> limitKey() {
            return Optional.ofNullable((String) def.get("limit_key"));
        }

        @SuppressWarnings("unchecked")
        public List<String> resultKeys() {
            Object r = def.get("result_key");
            return r instanceof List ? (List<String>) r : List.of((String) r);
        }
    }
}
