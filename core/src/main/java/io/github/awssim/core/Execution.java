package io.github.awssim.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One SDK call as the simulation saw it: every HTTP attempt the SDK made for it (retries included) and
 * their outcomes. Attempts are grouped by the SDK's {@code amz-sdk-invocation-id}, which is the same on
 * every retry of one call. Thread-safe; the lists it returns are snapshots.
 */
public final class Execution {
    private final long sequence;
    private final String invocationId;
    private final String service;
    private final String operation;
    private final SdkRequest request;
    private final String accountId;
    private final String region;
    private final List<Attempt> attempts = new ArrayList<>(2);

    Execution(long sequence, String invocationId, String service, String operation, SdkRequest request,
              String accountId, String region) {
        this.sequence = sequence;
        this.invocationId = invocationId;
        this.service = service;
        this.operation = operation;
        this.request = request;
        this.accountId = accountId;
        this.region = region;
    }

    /** Position of this execution in the journal, from 1, counting executions dropped for capacity. */
    public long sequence() {
        return sequence;
    }

    /** The SDK's invocation id, or null when the caller sent none. */
    public String invocationId() {
        return invocationId;
    }

    /** The SDK's service name, e.g. {@code MarketplaceMetering}. */
    public String service() {
        return service;
    }

    /** The operation name, e.g. {@code MeterUsage}. */
    public String operation() {
        return operation;
    }

    /** The request as the service received it on the first attempt (decoded from the wire). */
    public SdkRequest request() {
        return request;
    }

    /** The request, cast to its type; fails with a clear message when it is another operation's. */
    public <R extends SdkRequest> R request(Class<R> type) {
        if (!type.isInstance(request)) {
            throw new IllegalArgumentException("awssim: execution " + sequence + " is " + service + "." + operation
                + " with a " + request.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(request);
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized int attemptCount() {
        return attempts.size();
    }

    /** The outcome of the last attempt the simulation answered: what the SDK's final result rests on. */
    public synchronized Outcome outcome() {
        return attempts.get(attempts.size() - 1).outcome();
    }

    /** Simulation time of the first attempt. */
    public synchronized Instant startedAt() {
        return attempts.get(0).at();
    }

    synchronized void add(Attempt attempt) {
        attempts.add(attempt);
    }

    @Override
    public synchronized String toString() {
        return service + "." + operation + " " + attempts;
    }
}
