package io.github.awssim.core.assertions;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Journal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Assertions on a {@link Journal}; every failure prints the journal's table. An assertion about every execution
 * (counts, "only", "all") fails when the journal has dropped executions, since it can no longer prove it.
 */
public final class JournalAssert extends AbstractAssert<JournalAssert, Journal> {

    JournalAssert(Journal journal) {
        super(journal, JournalAssert.class);
    }

    /** Exactly {@code count} executions of the operation of {@code requestType}. */
    public JournalAssert hasExecutions(Class<? extends SdkRequest> requestType, int count) {
        isNotNull();
        requireComplete(count + " " + name(requestType) + " execution(s)");
        int actualCount = actual.executions(requestType).size();
        if (actualCount != count) {
            failWithMessage("Expected %d %s execution(s) but the simulation saw %d.%n%s", count, name(requestType), actualCount,
                table());
        }
        return this;
    }

    /** No execution of the operation of {@code requestType}. */
    public JournalAssert hasNoExecutions(Class<? extends SdkRequest> requestType) {
        return hasExecutions(requestType, 0);
    }

    /** Exactly {@code count} executions in all. */
    public JournalAssert hasSize(int count) {
        isNotNull();
        requireComplete(count + " execution(s)");
        if (actual.size() != count) {
            failWithMessage("Expected %d execution(s) but the simulation saw %d.%n%s", count, actual.size(), table());
        }
        return this;
    }

    /** No execution of any other operation than these: no unexpected calls. */
    @SafeVarargs
    public final JournalAssert hasOnlyExecutionsOf(Class<? extends SdkRequest>... requestTypes) {
        isNotNull();
        List<Class<? extends SdkRequest>> allowed = Arrays.asList(requestTypes);
        requireComplete("only " + allowed.stream().map(JournalAssert::name).collect(Collectors.joining(", ")));
        List<Execution> unexpected = actual.executions().stream()
            .filter(e -> allowed.stream().noneMatch(t -> t.isInstance(e.request())))
            .collect(Collectors.toList());
        if (!unexpected.isEmpty()) {
            failWithMessage("Expected only %s but the simulation also saw %s.%n%s",
                allowed.stream().map(JournalAssert::name).collect(Collectors.joining(", ")),
                unexpected.stream().map(e -> "#" + e.sequence() + " " + e.service() + "." + e.operation())
                    .collect(Collectors.joining(", ")), table());
        }
        return this;
    }

    /** Every execution's last attempt answered with a response. */
    public JournalAssert allSucceeded() {
        isNotNull();
        requireComplete("every execution to succeed");
        List<Execution> failed = actual.executions().stream()
            .filter(e -> !(e.outcome() instanceof io.github.awssim.core.Outcome.Response)).collect(Collectors.toList());
        if (!failed.isEmpty()) {
            failWithMessage("Expected every execution to succeed but %d did not: %s.%n%s", failed.size(),
                failed.stream().map(e -> "#" + e.sequence() + " " + e.operation() + " " + e.outcome().label())
                    .collect(Collectors.joining(", ")), table());
        }
        return this;
    }

    /** The most recent execution. */
    public ExecutionAssert lastExecution() {
        isNotNull();
        if (actual.size() == 0) {
            failWithMessage("Expected an execution but the simulation saw none.");
        }
        return new ExecutionAssert(actual.last());
    }

    /** The {@code index}-th (from 0) execution of the operation of {@code requestType}. */
    public ExecutionAssert execution(Class<? extends SdkRequest> requestType, int index) {
        isNotNull();
        List<Execution> of = actual.executions(requestType);
        if (index < 0 || index >= of.size()) {
            failWithMessage("Expected a %s execution at index %d but the simulation saw %d of them.%n%s", name(requestType), index,
                of.size(), table());
        }
        return new ExecutionAssert(of.get(index));
    }

    private void requireComplete(String expected) {
        long dropped = actual.dropped();
        if (dropped > 0) {
            failWithMessage("Expected %s, but the journal dropped its %d oldest execution(s) when it was full, so it cannot "
                + "tell. Raise Simulation.builder().journalCapacity(n), or clear() the journal before the calls to check."
                + "%n%s", expected, dropped, table());
        }
    }

    private String table() {
        return actual.size() == 0 ? "The journal is empty." : "The journal:\n" + actual.table();
    }

    static String name(Class<? extends SdkRequest> requestType) {
        return requestType.getSimpleName().replaceAll("Request$", "");
    }
}
