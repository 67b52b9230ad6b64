package io.github.awssim.core.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A service's state, one instance per (account, region), created on first use. Simulators keep all their
 * mutable state in one of these behind a final field, so a Mockito spy of the simulator shares it.
 *
 * @param <T> the per-partition state
 */
public final class Partitions<T> {
    private final Map<List<String>, T> partitions = new ConcurrentHashMap<>();
    private final BiFunction<String, String, T> factory;

    /** @param factory creates the state of a new partition from (accountId, regionId) */
    public Partitions(BiFunction<String, String, T> factory) {
        this.factory = factory;
    }

    public T get(String accountId, String regionId) {
        return partitions.computeIfAbsent(List.of(accountId, regionId), k -> factory.apply(accountId, regionId));
    }

    /** Every partition created so far (a snapshot: partitions created meanwhile may be missing). */
    public List<T> all() {
        return List.copyOf(partitions.values());
    }

    /** The partition of the call being dispatched, or the simulation's default one for direct calls. */
    public T current(Engine engine) {
        io.github.awssim.core.CallContext c = engine.callContext();
        return get(c.accountId(), c.region());
    }
}
