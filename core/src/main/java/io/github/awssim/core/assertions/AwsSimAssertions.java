package io.github.awssim.core.assertions;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Journal;
import io.github.awssim.core.Stubs;

/**
 * Entry point of awssim's AssertJ assertions. Import it statically beside AssertJ's own
 * {@code Assertions.assertThat}: Java picks these for journals, executions and stubs.
 */
public final class AwsSimAssertions {
    private AwsSimAssertions() {
    }

    public static JournalAssert assertThat(Journal journal) {
        return new JournalAssert(journal);
    }

    public static ExecutionAssert assertThat(Execution execution) {
        return new ExecutionAssert(execution);
    }

    public static StubsAssert assertThat(Stubs stubs) {
        return new StubsAssert(stubs);
    }
}
