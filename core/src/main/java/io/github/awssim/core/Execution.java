package io.github.awssim.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

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
    // The first attempt is kept unpacked: a long run retains thousands of executions, nearly all with a single
    // attempt, and every object less is one the young collector does not copy again and again.
    private int firstNumber;
    private long firstSecond;
    private int firstNano;
    private Object firstOutcome;    // the SdkResponse itself for a response (no wrapper kept), else the Outcome
    private List<Attempt> retries;

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
        List<Attempt> all = new ArrayList<>(attemptCount());
        if (firstOutcome != null) {
            all.add(new Attempt(firstNumber, startedAt(), firstOutcome()));
        }
        if (retries != null) {
            all.addAll(retries);
        }
        return List.copyOf(all);
    }

    public synchronized int attemptCount() {
        return (firstOutcome == null ? 0 : 1) + (retries == null ? 0 : retries.size());
    }

    /** The outcome of the last attempt (the highest-numbered one): what the SDK's final result rests on. */
    public synchronized Outcome outcome() {
        return retries == null ? firstOutcome() : retries.get(retries.size() - 1).outcome();
    }

    /** Simulation time of the first attempt. */
    public synchronized Instant startedAt() {
        return Instant.ofEpochSecond(firstSecond, firstNano);
    }

    private Outcome firstOutcome() {
        return firstOutcome instanceof SdkResponse r ? new Outcome.Response(r) : (Outcome) firstOutcome;
    }

    /**
     * Adds an attempt in attempt order: an attempt the client abandoned (real latency past its timeout) may be
     * answered after its retry, and still belongs before it.
     */
    synchronized void add(Attempt attempt) {
        if (firstOutcome == null) {
            setFirst(attempt);
            return;
        }
        if (retries == null) {
            retries = new ArrayList<>(2);
        }
        if (attempt.number() < firstNumber) {
            retries.add(0, new Attempt(firstNumber, startedAt(), firstOutcome()));
            setFirst(attempt);
            return;
        }
        int at = retries.size();
        while (at > 0 && retries.get(at - 1).number() > attempt.number()) {
            at--;
        }
        retries.add(at, attempt);
    }

    private void setFirst(Attempt attempt) {
        firstNumber = attempt.number();
        firstSecond = attempt.at().getEpochSecond();
        firstNano = attempt.at().getNano();
        firstOutcome = attempt.outcome() instanceof Outcome.Response r ? r.response() : attempt.outcome();
    }

    @Override
    public synchronized String toString() {
        return service + "." + operation + " " + attempts();
    }
}
