package io.github.awssim.core.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/** One operation of a {@link ServiceModel}: HTTP binding, input and output shapes, modeled errors. */
public final class OperationModel {
    private final String name;
    private final String httpMethod;
    private final String requestUri;
    private final int responseCode;
    private final String inputShape;
    private final String outputShape;
    private final List<String> errors;
    private final Set<String> declared;
    private final boolean idempotent;
    private final ServiceModel service;
    private ShapeModel input;
    private ShapeModel output;

    @SuppressWarnings("unchecked")
    OperationModel(String name, Map<String, Object> def, ServiceModel service) {
        this.name = name;
        this.service = service;
        Map<String, Object> http = (Map<String, Object>) def.get("http");
        this.httpMethod = (String) http.get("method");
        this.requestUri = (String) http.get("requestUri");
        Object rc = http.get("responseCode");
        this.responseCode = rc == null ? 200 : ((Number) rc).intValue();
        this.inputShape = shapeRef(def.get("input"));
        this.outputShape = shapeRef(def.get("output"));
        List<String> errs = new ArrayList<>();
        Object e = def.get("errors");
        if (e instanceof List) {
            for (Object ref : (List<Object>) e) {
                errs.add(shapeRef(ref));
            }
        }
        this.errors = Collections.unmodifiableList(errs);
        this.declared = Set.copyOf(errs);
        this.idempotent = Boolean.TRUE.equals(def.get("idempotent"));
    }

    @SuppressWarnings("unchecked")
    private static String shapeRef(Object ref) {
        return ref == null ? null : (String) ((Map<String, Object>) ref).get("shape");
    }

    public String name() {
        return name;
    }

    public String httpMethod() {
        return httpMethod;
    }

    /** The request URI template, e.g. {@code /reportDefinition/{reportId}} or {@code /{Key+}?uploads}. */
    public String requestUri() {
        return requestUri;
    }

    /** The HTTP status of a successful response. */
    public int responseCode() {
        return responseCode;
    }

    public Optional<ShapeModel> input() {
        return Optional.ofNullable(input);
    }

    public Optional<ShapeModel> output() {
        return Optional.ofNullable(output);
    }

    void link() {
        input = inputShape == null ? null : service.shape(inputShape);
        output = outputShape == null ? null : service.shape(outputShape);
    }

    /** Shape names of the errors this operation models. */
    public List<String> errors() {
        return errors;
    }

    /** Whether this operation models the error shape {@code errorShape} (an exception class's simple name). */
    public boolean declares(String errorShape) {
        return declared.contains(errorShape);
    }

    public boolean idempotent() {
        return idempotent;
    }

    public ServiceModel service() {
        return service;
    }

    @Override
    public String toString() {
        return service.sdkServiceName() + "." + name;
    }
}
