package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Performs lifecycle actions on the simulation clock. S3 runs lifecycle asynchronously, some time after an object
 * becomes due; awssim performs each action at its due time (a UTC midnight, see {@link LifecycleConfig}) as soon as
 * the clock has passed it, through the engine's catch-up, which runs before every call and every typed read.
 *
 * <p>Between midnights nothing can fall due (a write at {@code t} is due at a midnight after {@code t}), so a
 * catch-up compares the clock with the next midnight and returns; only a new configuration asks for a run at once
 * (objects already old enough expire then). A run replays each key's due actions in time order up to now, so a jump
 * of any length ends where day-by-day runs would have: a delete marker an Expiration adds is dated at its due time,
 * and the noncurrent days of the version it covers count from then.
 */
final class Lifecycles {
    private final S3State state;
    private final Object runs = new Object();
    /** When the next run is due; MAX while no bucket has a configuration. Changed under {@link #runs}. */
    private volatile Instant nextRun = Instant.MAX;

    Lifecycles(S3State state) {
        this.state = state;
    }

    /** A configuration was put at {@code now}: what it already makes due happens at the next catch-up. */
    void configured(Instant now) {
        synchronized (runs) {
            if (now.isBefore(nextRun)) {
                nextRun = now;
            }
        }
    }

    void catchUp() {
        Instant now = state.engine.clock().instant();
        if (now.isBefore(nextRun)) {
            return;
        }
        synchronized (runs) {
            if (now.isBefore(nextRun)) {
                return;
            }
            boolean configured = false;
            for (Bucket b : state.buckets.values()) {
                LifecycleConfig config = b.lifecycle;
                if (config != null && !b.deleted) {
                    configured = true;
                    run(b, config, now);
                }
            }
            nextRun = configured ? LifecycleConfig.midnightFrom(now.plusNanos(1)) : Instant.MAX;
        }
    }

    private void run(Bucket b, LifecycleConfig config, Instant now) {
        for (String key : b.keys.keySet()) {
            b.lock.lock();
            try {
                runKey(b, config, key, now);
            } finally {
                b.lock.unlock();
            }
        }
        for (Upload u : b.uploads.values()) {
            LifecycleConfig.Due due = config.abortDue(u.key, u.initiated);
            if (due != null && !due.later(config.since()).at().isAfter(now)) {
                synchronized (u) {
                    if (!u.finished) {
                        b.uploads.remove(u.id, u);
                        MultipartOperations.release(u);
                    }
                }
            }
        }
    }

    private enum Kind { EXPIRE_CURRENT, REMOVE_NONCURRENT, REMOVE_LONE_MARKER }

    private record Step(Instant at, Kind kind, int index) {
    }

    /** Applies the key's due actions in time order; called under the bucket's lock, as every writer commits. */
    private void runKey(Bucket b, LifecycleConfig config, String key, Instant now) {
        List<ObjectVersion> history = b.keys.get(key);
        if (history == null || history.isEmpty()) {
            return;
        }
        List<ObjectVersion> versions = new ArrayList<>(history);
        List<ObjectVersion> dropped = new ArrayList<>();
        Instant cursor = config.since();
        Step step;
        while (!versions.isEmpty() && (step = next(config, versions, cursor)) != null && !step.at().isAfter(now)) {
            cursor = step.at();
            switch (step.kind()) {
                case EXPIRE_CURRENT -> expire(b, key, versions, dropped, step.at());
                case REMOVE_NONCURRENT, REMOVE_LONE_MARKER -> dropped.add(versions.remove(step.index()));
            }
        }
        if (versions.size() != history.size() || !dropped.isEmpty()) {
            if (versions.isEmpty()) {
                b.keys.remove(key);
            } else {
                b.keys.put(key, List.copyOf(versions));
            }
            Storage.release(dropped);
        }
    }

    /** The earliest action due on the key's versions (newest first), none before {@code cursor}. */
    private static Step next(LifecycleConfig config, List<ObjectVersion> versions, Instant cursor) {
        Step best = null;
        ObjectVersion current = versions.get(0);
        if (!current.deleteMarker()) {
            best = earlier(best, config.expiry(current), cursor, Kind.EXPIRE_CURRENT, 0);
        } else if (versions.size() == 1) {
            best = earlier(best, config.loneMarkerExpiry(current), cursor, Kind.REMOVE_LONE_MARKER, 0);
        }
        for (int i = 1; i < versions.size(); i++) {
            best = earlier(best, config.noncurrentExpiry(versions.get(i), versions.get(i - 1).lastModified(), i - 1), cursor,
                Kind.REMOVE_NONCURRENT, i);
        }
        return best;
    }

    private static Step earlier(Step best, LifecycleConfig.Due due, Instant cursor, Kind kind, int index) {
        if (due == null) {
            return best;
        }
        Instant at = due.later(cursor).at();
        return best == null || at.isBefore(best.at()) ? new Step(at, kind, index) : best;
    }

    /**
     * Expiration of the current version, as S3 describes it: an unversioned bucket deletes the object; a versioned one
     * adds a delete marker; a suspended one adds a null-version marker that replaces the null version.
     */
    private void expire(Bucket b, String key, List<ObjectVersion> versions, List<ObjectVersion> dropped, Instant at) {
        BucketVersioningStatus versioning = b.versioning;
        if (versioning == null) {
            dropped.addAll(versions);
            versions.clear();
            return;
        }
        boolean enabled = versioning == BucketVersioningStatus.ENABLED;
        if (!enabled) {
            versions.removeIf(v -> {
                boolean nullVersion = v.versionId().equals(ObjectVersion.NULL_VERSION);
                if (nullVersion) {
                    dropped.add(v);
                }
                return nullVersion;
            });
        }
        versions.add(0, new ObjectVersion(key, enabled ? state.newVersionId() : ObjectVersion.NULL_VERSION, true, null, 0,
            null, at, ObjectVersion.ObjectMeta.NONE, Map.of(), null, List.of(), b.ownerAccount, null, null));
    }
}
