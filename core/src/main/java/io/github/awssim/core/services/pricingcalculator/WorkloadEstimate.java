package io.github.awssim.core.services.pricingcalculator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload estimate. Every change to its usage prices all its lines at the rates of that moment
 * ({@link #pricedAt}, its {@code rateTimestamp}) and keeps it {@code UPDATING} until {@link #readyAt}. Guarded by
 * its partition's lock.
 */
final class WorkloadEstimate {
    final String id;
    final long seq;
    final Instant createdAt;
    final String rateType;
    String name;
    Instant expiresAt;
    Instant pricedAt;
    Instant readyAt;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, WorkloadLine> usage = new LinkedHashMap<>();

    WorkloadEstimate(String id, long seq, String name, String rateType, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.seq = seq;
        this.name = name;
        this.rateType = rateType;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.pricedAt = createdAt;
        this.readyAt = createdAt;
    }
}
