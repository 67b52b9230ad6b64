package io.github.awssim.core.faults;

/**
 * Faults of the connection rather than of the service, named for the moment they strike. Each says what
 * the SDK client sees; all of them are ones the SDK's retry strategy retries, except where noted.
 */
public enum TransportFault {
    /**
     * The connection resets before the service sees the request: nothing happened on the service side.
     * The SDK sees an {@code IOException} ("Unable to execute HTTP request") and retries.
     */
    CONNECTION_RESET_BEFORE_ENGINE(false),
    /**
     * The service processes the request and commits its effects, then the connection drops before the
     * response arrives. The SDK sees an {@code IOException} and retries the same bytes: the case idempotency
     * tokens exist for.
     */
    RESPONSE_LOST_AFTER_COMMIT(true),
    /**
     * The service answers, but the connection drops halfway through the response body. The SDK sees an
     * {@code IOException} while reading the body and retries.
     */
    TRUNCATED_BODY(true),
    /**
     * The service answers, but the response body arrives as noise of the same length. The SDK fails to
     * unmarshall it ({@code SdkClientException}); whether it retries depends on the service and protocol.
     */
    GARBLED_BODY(true),
    /**
     * A proxy in front of the service answers {@code 503 Service Unavailable} with an HTML page; the
     * service never sees the request. The SDK retries the 5xx and, when attempts run out, throws the
     * service's base exception with status 503 and no error code.
     */
    PROXY_HTML_5XX(false),
    /**
     * The service answers, but the response body stalls: no byte arrives until the client gives up. With an
     * {@code apiCallAttemptTimeout} the SDK aborts the attempt and retries; without a timeout the stall
     * ends after awssim's own deadline (see the adapter) with an {@code IOException}.
     */
    STALLED_BODY(true);

    private final boolean serviceRuns;

    TransportFault(boolean serviceRuns) {
        this.serviceRuns = serviceRuns;
    }

    /** True when the service processes the request before the fault strikes. */
    public boolean serviceRuns() {
        return serviceRuns;
    }
}
