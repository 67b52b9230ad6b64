package io.github.awssim.core;

import java.time.Instant;

/**
 * One HTTP attempt of an {@link Execution}: the SDK's attempt number ({@code amz-sdk-request}), when it
 * reached the simulation (simulation time) and what it ended with.
 */
public record Attempt(int number, Instant at, Outcome outcome) {
    @Override
    public String toString() {
        return "#" + number + " " + outcome.label();
    }
}
