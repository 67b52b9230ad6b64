package io.github.awssim.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.awssim.core.internal.AnswerChecks;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** The stubs of one simulation, by request type, newest first; checks stubbed answers against the model. */
final class StubRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(Stubs.class);
    private static final int NEAR_MISSES_KEPT = 100;

    private final Map<Class<?>, List<Stub<?>>> byType = new ConcurrentHashMap<>();
    private final Deque<NearMiss> nearMisses = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    long nextId() {
        return ids.incrementAndGet();
    }

    void add(Stub<?> stub) {
        byType.computeIfAbsent(stub.requestType(), t -> new CopyOnWriteArrayList<>()).add(0, stub);
    }

    void remove(Stub<?> stub) {
        List<Stub<?>> list = byType.get(stub.requestType());
        if (list != null) {
            list.remove(stub);
        }
    }

    void clear() {
        byType.clear();
        synchronized (nearMisses) {
            nearMisses.clear();
        }
    }

    List<Stub<?>> all() {
        List<Stub<?>> out = new ArrayList<>();
        byType.values().forEach(out::addAll);
        out.sort((a, b) -> Long.compare(b.id(), a.id()));
        return out;
    }

    List<NearMiss> nearMisses() {
        synchronized (nearMisses) {
            return List.copyOf(nearMisses);
        }
    }

    String describe() {
        List<Stub<?>> all = all();
        return all.isEmpty() ? "no stubs" : all.size() + " stubs:\n  " + String.join("\n  ", all.stream().map(Stub::describe).toList());
    }

    /**
     * What answers a call: a stub's step, or null with the near miss (if stubs exist) recorded, or the failure
     * of a stub's condition (the call is then answered with that misuse, not passed on as if it matched nothing).
     */
    static final class Match {
        final Stub<?> stub;
        final StubStep step;
        final NearMiss nearMiss;
        final RuntimeException conditionFailure;

        Match(Stub<?> stub, StubStep step, NearMiss nearMiss) {
            this(stub, step, nearMiss, null);
        }

        Match(Stub<?> stub, StubStep step, NearMiss nearMiss, RuntimeException conditionFailure) {
            this.stub = stub;
            this.step = step;
            this.nearMiss = nearMiss;
            this.conditionFailure = conditionFailure;
        }
    }

    private static final Match NONE = new Match(null, null, null);

    @SuppressWarnings({"unchecked", "rawtypes"})
    Match match(String service, String operation, SdkRequest request) {
        List<Stub<?>> candidates = byType.get(request.getClass());
        if (candidates == null || candidates.isEmpty()) {
            return NONE;
        }
        List<String> misses = new ArrayList<>();
        boolean differed = false;
        for (Stub stub : candidates) {
            List<String> why;
            try {
                why = stub.misses(request);
            } catch (RuntimeException e) {
                return new Match(stub, null, null, e);
            }
            if (why.isEmpty()) {
                StubStep step = stub.take();
                if (step != null) {
                    return new Match(stub, step, null);
                }
                misses.add("stub #" + stub.id() + ": used up (" + stub.describe() + ")");
            } else {
                differed = true;
                misses.add("stub #" + stub.id() + ": " + String.join("; ", why));
            }
        }
        if (!differed) {
            return NONE;   // every stub matched but is used up: that is their plan, not a near miss
        }
        NearMiss miss = new NearMiss(service + "." + operation, request, List.copyOf(misses));
        synchronized (nearMisses) {
            nearMisses.addLast(miss);
            if (nearMisses.size() > NEAR_MISSES_KEPT) {
                nearMisses.removeFirst();
            }
        }
        LOG.info("awssim: {}", miss);
        return new Match(null, null, miss);
    }

    SdkResponse check(Class<? extends SdkRequest> requestType, SdkResponse response) {
        return AnswerChecks.checkResponse(requestType, response);
    }

    AwsServiceException check(Class<? extends SdkRequest> requestType, AwsServiceException exception) {
        return AnswerChecks.checkException(requestType, exception);
    }
}
