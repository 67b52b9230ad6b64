package io.github.awssim.core.assertions;

import io.github.awssim.core.Attempt;
import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on one {@link Execution}; failures print its attempts. */
public final class ExecutionAssert extends AbstractAssert<ExecutionAssert, Execution> {

    ExecutionAssert(Execution execution) {
        super(execution, ExecutionAssert.class);
    }

    /** Exactly {@code count} attempts (SDK retries included). */
    public ExecutionAssert hasAttempts(int count) {
        isNotNull();
        if (actual.attemptCount() != count) {
            failWithMessage("Expected %s to take %d attempt(s) but it took %d: %s", what(), count, actual.attemptCount(), attempts());
        }
        return this;
    }

    /** The attempts' outcomes, in order, by label (response type, error code or transport fault). */
    public ExecutionAssert hasAttemptOutcomes(String... labels) {
        isNotNull();
        List<String> actualLabels = actual.attempts().stream().map(a -> a.outcome().label()).collect(Collectors.toList());
        if (!actualLabels.equals(Arrays.asList(labels))) {
            failWithMessage("Expected %s's attempts to end %s but they ended %s", what(), Arrays.asList(labels), actualLabels);
        }
        return this;
    }

    /** The last attempt answered with a response. */
    public ExecutionAssert succeeded() {
        isNotNull();
        if (!(actual.outcome() instanceof Outcome.Response)) {
            failWithMessage("Expected %s to succeed but it ended %s: %s", what(), actual.outcome().label(), attempts());
        }
        return this;
    }

    /** The last attempt answered with this error code. */
    public ExecutionAssert failedWith(String errorCode) {
        isNotNull();
        if (!(actual.outcome() instanceof Outcome.ServiceError)
            || !((Outcome.ServiceError) actual.outcome()).errorCode().equals(errorCode)) {
            failWithMessage("Expected %s to fail with %s but it ended %s: %s", what(), errorCode, actual.outcome().label(),
                attempts());
        }
        return this;
    }

    /** The last attempt answered with an exception of this type. */
    public ExecutionAssert failedWith(Class<? extends AwsServiceException> type) {
        isNotNull();
        if (!(actual.outcome() instanceof Outcome.ServiceError)
            || !type.isInstance(((Outcome.ServiceError) actual.outcome()).exception())) {
            failWithMessage("Expected %s to fail with %s but it ended %s: %s", what(), type.getSimpleName(),
                actual.outcome().label(), attempts());
        }
        return this;
    }

    private String what() {
        return "execution #" + actual.sequence() + " (" + actual.service() + "." + actual.operation() + ")";
    }

    private String attempts() {
        return actual.attempts().stream().map(Attempt::toString).collect(Collectors.joining(", "));
    }
}
