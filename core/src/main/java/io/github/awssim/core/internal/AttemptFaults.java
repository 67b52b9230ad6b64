package io.github.awssim.core.internal;

import io.github.awssim.core.faults.TransportFault;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What the installed fault plan does to one attempt: latency (simulated and real), and at most one
 * failure, a modeled error or a transport fault, with the rule and seed that caused it.
 */
public final class AttemptFaults {
    public static final AttemptFaults NONE = new AttemptFaults(Duration.ZERO, Duration.ZERO, null, null, null);

    private final Duration simulatedDelay;
    private final Duration realDelay;
    private final AwsServiceException error;
    private final TransportFault transport;
    private final String cause;

    AttemptFaults(Duration simulatedDelay, Duration realDelay, AwsServiceException error, TransportFault transport,
                  String cause) {
        this.simulatedDelay = simulatedDelay;
        this.realDelay = realDelay;
        this.error = error;
        this.transport = transport;
        this.cause = cause;
    }

    public Duration simulatedDelay() {
        return simulatedDelay;
    }

    public Duration realDelay() {
        return realDelay;
    }

    /** The modeled error answering the attempt instead of the service, or null. */
    public AwsServiceException error() {
        return error;
    }

    /** The transport fault striking the attempt, or null. */
    public TransportFault transport() {
        return transport;
    }

    /** e.g. {@code fault rule 2 (30% of MeterUsage: RESPONSE_LOST_AFTER_COMMIT), seed 42}; null without failure. */
    public String cause() {
        return cause;
    }
}
