package io.github.awssim.core.services.metering;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * All mutable state of one simulation's Metering service: one {@link Partition} per account and region.
 * A {@link MeteringSimulator}, its views and any Mockito spy of it share one instance.
 */
final class MeteringState {
    private final Supplier<String> uuids;
    private final Map<List<String>, Partition> partitions = new ConcurrentHashMap<>();

    MeteringState(Supplier<String> uuids) {
        this.uuids = uuids;
    }

    Partition partition(String accountId, String region) {
        return partitions.computeIfAbsent(List.of(accountId, region), k -> new Partition(accountId, region, uuids));
    }
}
