package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Asserts a fixture run passed, showing every failure's message when it did not. */
final class EngineExecutionResultsAssert {
    private EngineExecutionResultsAssert() {
    }

    static void succeeded(EngineExecutionResults results, int tests) {
        assertThat(EngineRun.failures(results)).as("failures").isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(tests));
    }
}
