package io.github.awssim.core.services.costprofiler;

import io.github.awssim.core.internal.Partitions;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * All mutable state of one simulation's Application Cost Profiler: a {@link Partition} per account and region, the
 * page-token key, and when the next report is due. A {@link CostProfilerSimulator}, its views and any Mockito spy
 * of it share one instance.
 *
 * <p>{@link #nextDue()} lets the catch-up that runs before every call return after one volatile read while no
 * report is due. Definitions changing reset it ({@link #definitionsChanged()}); a catch-up stores what it computed
 * only when nothing changed meanwhile ({@link #settle}), so a definition created during a catch-up is never missed.
 */
final class CostProfilerState {
    final Partitions<Partition> partitions = new Partitions<>(Partition::new);
    final Pages pages;
    final Supplier<String> ids;
    /** Held while reports are generated and delivered: one catch-up at a time, reports in boundary order. */
    final Object generation = new Object();
    private final Object dueLock = new Object();
    /** The earliest instant a report may be due; null: unknown, scan on the next catch-up. */
    private volatile Instant nextDue = Instant.MAX;
    private long version;

    CostProfilerState(long seed, Supplier<String> ids) {
        this.pages = new Pages(seed);
        this.ids = ids;
    }

    Instant nextDue() {
        return nextDue;
    }

    void definitionsChanged() {
        synchronized (dueLock) {
            version++;
            nextDue = null;
        }
    }

    long version() {
        synchronized (dueLock) {
            return version;
        }
    }

    void settle(long seenVersion, Instant next) {
        synchronized (dueLock) {
            if (version == seenVersion) {
                nextDue = next;
            }
        }
    }
}
