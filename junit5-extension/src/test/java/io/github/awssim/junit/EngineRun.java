package io.github.awssim.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes through the Jupiter engine, as a user's build would, and reads what happened.
 * Fixtures are static nested classes of the test that runs them, so the build's own discovery skips them.
 */
final class EngineRun {
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private EngineRun() {
        parameters.put(Fixture.PARAMETER, "true");
    }

    static EngineRun sequential() {
        return new EngineRun();
    }

    /** All tests and classes concurrent, as a suite with {@code parallel.mode.default=concurrent} runs. */
    static EngineRun concurrent() {
        return new EngineRun()
            .with("junit.jupiter.execution.parallel.enabled", "true")
            .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "8");
    }

    EngineRun with(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    EngineExecutionResults run(Class<?>... fixtures) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter");
        for (Class<?> f : fixtures) {
            kit.selectors(selectClass(f));
        }
        parameters.forEach(kit::configurationParameter);
        return kit.execute();
    }

    /** The failures of tests and containers, as "exception type: message" (and the cause's, when wrapped). */
    static List<String> failures(EngineExecutionResults results) {
        List<String> out = new ArrayList<>();
        results.allEvents().failed().stream().map(Event::getPayload)
            .forEach(p -> p.filter(TestExecutionResult.class::isInstance).map(TestExecutionResult.class::cast)
                .flatMap(TestExecutionResult::getThrowable).ifPresent(t -> out.add(describe(t))));
        return out;
    }

    static String describe(Throwable t) {
        String s = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (t.getCause() != null && t.getCause() != t) {
            s += " <- " + describe(t.getCause());
        }
        return s;
    }

    /** The one failure of the run (asserted to be one). */
    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Throwable> all = new ArrayList<>();
        results.allEvents().failed().stream().map(Event::getPayload)
            .forEach(p -> p.filter(TestExecutionResult.class::isInstance).map(TestExecutionResult.class::cast)
                .flatMap(TestExecutionResult::getThrowable).ifPresent(all::add));
        if (all.size() != 1) {
            throw new AssertionError("expected one failure, got " + all.size() + ": " + failures(results));
        }
        return all.get(0);
    }
}
