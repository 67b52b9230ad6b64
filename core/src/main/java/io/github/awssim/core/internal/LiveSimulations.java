package io.github.awssim.core.internal;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts simulations that are open and still reachable. The safety net (no request may leave for real
 * AWS while a simulation is active) asks {@link #anyActive()} on every attempt, so it is a volatile read
 * plus a poll of the reference queue.
 */
public final class LiveSimulations {
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final Set<Ref> LIVE = ConcurrentHashMap.newKeySet();

    private LiveSimulations() {
    }

    /** Registers a simulation; close the returned handle when the simulation closes. */
    public static AutoCloseable register(Object simulation) {
        Ref ref = new Ref(simulation);
        LIVE.add(ref);
        return () -> LIVE.remove(ref);
    }

    public static boolean anyActive() {
        Object collected;
        while ((collected = QUEUE.poll()) != null) {
            LIVE.remove(collected);
        }
        return !LIVE.isEmpty();
    }

    private static final class Ref extends WeakReference<Object> {
        Ref(Object referent) {
            super(referent, QUEUE);
        }
    }
}
