package io.github.awssim.core.services.pricingcalculator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillInterval;

/** A bill scenario and its usage and commitment modifications. Guarded by its partition's lock. */
final class BillScenario {
    final String id;
    final long seq;
    final Instant createdAt;
    final Instant intervalStart;
    final Instant intervalEnd;
    String name;
    Instant expiresAt;
    String groupSharingPreference;
    String costCategoryArn;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, UsageLine> usage = new LinkedHashMap<>();
    final Map<String, CommitmentLine> commitments = new LinkedHashMap<>();

    BillScenario(String id, long seq, String name, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.seq = seq;
        this.name = name;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.intervalEnd = monthStart(createdAt);
        this.intervalStart = monthStart(createdAt).atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
    }

    /** The first instant of the UTC month holding {@code t}. */
    static Instant monthStart(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return z.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** When a newer bill than this scenario's has completed: one month after its interval ends. */
    Instant staleAt() {
        return intervalEnd.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    BillInterval interval() {
        return BillInterval.builder().start(intervalStart).end(intervalEnd).build();
    }
}
