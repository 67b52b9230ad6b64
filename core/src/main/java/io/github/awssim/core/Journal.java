package io.github.awssim.core;

import io.github.awssim.core.internal.KeyedRing;
import io.github.awssim.core.internal.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Every call that reached the simulation, in the order they first reached it, each with its attempts
 * (the SDK's retries) and their outcomes.
 *
 * <pre>{@code
 * List<Execution> meters = sim.journal().executions(MeterUsageRequest.class);
 * assertThat(meters).hasSize(3);
 * assertThat(meters.get(2).attemptCount()).isEqualTo(3);        // throttled twice, then answered
 * System.out.println(sim.journal().table());
 * }</pre>
 *
 * <p>Thread-safe. It keeps the most recent {@link Simulation.Builder#journalCapacity(int)} executions
 * (10,000 by default) so long-running simulations stay bounded; {@link #dropped()} counts the rest. Once
 * executions have been dropped, a retry of a call the journal no longer holds is dropped with it.
 */
public final class Journal {
    private final KeyedRing<String, Execution> executions;
    private long sequence;
    private long dropped;

    Journal(int capacity) {
        this.executions = new KeyedRing<>(capacity);
    }

    synchronized void record(CallContext call, SdkRequest request, Attempt attempt) {
        Execution e = call.invocationId() == null ? null : executions.find(call.invocationId());
        if (e == null && attempt.number() > 1 && dropped > 0) {
            // most likely a retry of an execution dropped for capacity: it goes with it, rather than reappearing
            // as a second execution starting at a later attempt
            return;
        }
        if (e == null) {
            e = new Execution(++sequence, call.invocationId(), call.service(), call.operation(), request,
                call.accountId(), call.region());
            if (executions.add(call.invocationId(), e) != null) {
                dropped++;
            }
        }
        e.add(attempt);
    }

    /** All executions, oldest first (a snapshot). */
    public synchronized List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    /** The executions of one operation, by its request type, oldest first. */
    public synchronized List<Execution> executions(Class<? extends SdkRequest> requestType) {
        return executions.values().stream().filter(e -> requestType.isInstance(e.request()))
            .collect(Collectors.toUnmodifiableList());
    }

    /** The requests of one operation as the service received them, oldest first. */
    public <R extends SdkRequest> List<R> requests(Class<R> requestType) {
        return executions(requestType).stream().map(e -> requestType.cast(e.request())).collect(Collectors.toUnmodifiableList());
    }

    /** The most recent execution; fails with a clear message when nothing has been called. */
    public synchronized Execution last() {
        Execution last = executions.newest();
        if (last == null) {
            throw new IllegalStateException(Messages.noExecution());
        }
        return last;
    }

    public synchronized int size() {
        return executions.size();
    }

    /** Executions dropped because the journal was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Forgets every execution, and the count of dropped ones (sequence numbers keep counting). */
    public synchronized void clear() {
        executions.clear();
        dropped = 0;
    }

    /**
     * A readable table of the journal, one row per execution:
     * <pre>
     *   #  operation                       attempts  outcome             attempt outcomes
     *   1  MarketplaceMetering.MeterUsage  3         MeterUsageResponse  ThrottlingException, ThrottlingException, MeterUsageResponse
     * </pre>
     */
    public String table() {
        List<Execution> rows = executions();
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"#", "operation", "attempts", "outcome", "attempt outcomes"});
        for (Execution e : rows) {
            List<Attempt> attempts = e.attempts();
            cells.add(new String[] {
                String.valueOf(e.sequence()),
                e.service() + "." + e.operation(),
                String.valueOf(attempts.size()),
                attempts.get(attempts.size() - 1).outcome().label(),
                attempts.stream().map(a -> a.outcome().label()).collect(Collectors.joining(", "))});
        }
        int[] width = new int[5];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                b.append(i == 0 ? String.format("%" + width[i] + "s", cell) : cell);
                if (i < row.length - 1) {
                    b.append(" ".repeat(Math.max(2, width[i] - (i == 0 ? width[i] : cell.length()) + 2)));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return table();
    }
}
