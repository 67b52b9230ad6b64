package io.github.awssim.core.internal.model;

import java.util.Map;
import java.util.Optional;

/** A member of a structure shape: its target shape and HTTP binding. */
public final class MemberModel {
    private final String name;
    private final String shape;
    private final String location;
    private final String locationName;
    private final boolean idempotencyToken;
    private final ServiceModel service;
    private ShapeModel target;

    MemberModel(String name, Map<String, Object> def, ServiceModel service) {
        this.name = name;
        this.service = service;
        this.shape = (String) def.get("shape");
        this.location = (String) def.get("location");
        this.locationName = (String) def.get("locationName");
        this.idempotencyToken = Boolean.TRUE.equals(def.get("idempotencyToken"));
    }

    public String name() {
        return name;
    }

    /** The member's shape (resolved once when the model loads). */
    public ShapeModel shape() {
        return target;
    }

    void link() {
        target = service.shape(shape);
    }

    /** uri, querystring, header, headers, statusCode; empty for the payload. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    public String locationName() {
        return locationName != null ? locationName : name;
    }

    public boolean idempotencyToken() {
        return idempotencyToken;
    }

    @Override
    public String toString() {
        return name + "->" + shape;
    }
}
