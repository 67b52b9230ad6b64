package io.github.awssim.core;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is calling, where, and when: what a backend may want beyond the request itself. awssim sets it
 * for the duration of each call it dispatches to a backend, on the dispatching thread.
 *
 * <pre>{@code
 * class MyDynamo implements DynamoDbClient {
 *     public GetItemResponse getItem(GetItemRequest r) {
 *         String account = CallContext.current().map(CallContext::accountId).orElse("123456789012");
 *         ...
 * }</pre>
 *
 * @param simulation the simulation answering the call
 * @param service the SDK service name, e.g. {@code MarketplaceMetering}
 * @param operation the operation name, e.g. {@code MeterUsage}
 * @param accountId the calling account (from the access key, see {@link Simulation.Builder#accountId})
 * @param region the region the call was signed for
 * @param accessKeyId the access key that signed the call, or null when unsigned
 * @param attempt the SDK's attempt number, from 1
 * @param invocationId the SDK's invocation id, the same on every retry of one call, or null
 * @param time simulation time when the attempt arrived
 */
public record CallContext(Simulation simulation, String service, String operation, String accountId, String region,
                          String accessKeyId, int attempt, String invocationId, Instant time) {

    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    /** The call being dispatched on this thread, or empty outside a simulated call. */
    public static Optional<CallContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static CallContext enter(CallContext context) {
        CallContext previous = CURRENT.get();
        CURRENT.set(context);
        return previous;
    }

    static void exit(CallContext previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
