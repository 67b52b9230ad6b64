package io.github.awssim.core;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The stubs of a simulation ({@code sim.stubs()}): answers chosen for chosen calls, ahead of the service's
 * backend. A stub answers through the wire like everything else, so the SDK builds the real response or
 * exception and its retries run.
 *
 * <pre>{@code
 * sim.stubs().on(MeterUsageRequest.class)
 *         .fail(ThrottlingException.builder().message("Rate exceeded").build()).times(2)
 *         .thenSimulate();                                  // throttle twice, then the real simulator
 *
 * sim.stubs().on(MeterUsageRequest.builder().usageDimension("Hosts").build())   // calls with that dimension
 *         .respond(MeterUsageResponse.builder().meteringRecordId("rec-1").build());
 *
 * sim.stubs().on(MeterUsageRequest.class)
 *         .simulate().times(2)
 *         .thenFail(InternalServiceErrorException.builder().message("boom").build()).once();   // the 3rd call fails
 * }</pre>
 *
 * <p>Every attempt that reaches the service counts, SDK retries included. The newest stub that matches
 * and is not used up answers; otherwise the backend does. Responses and exceptions are checked against
 * the service model when the stub is made. When a call matches none of its operation's stubs, awssim
 * logs a near-miss diff ({@link #nearMisses()}). Thread-safe.
 */
public final class Stubs {
    private final StubRegistry registry;

    Stubs(StubRegistry registry) {
        this.registry = registry;
    }

    /** Stubs calls of one operation, named by its request type. */
    public <R extends SdkRequest> StubBuilder<R> on(Class<R> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        return new StubBuilder<>(registry, requestType);
    }

    /**
     * Stubs the calls of {@code partialRequest}'s operation whose members equal every member set in it;
     * unset members match anything.
     */
    @SuppressWarnings("unchecked")
    public <R extends SdkRequest> StubBuilder<R> on(R partialRequest) {
        Objects.requireNonNull(partialRequest, "partialRequest");
        return new StubBuilder<>(registry, (Class<R>) partialRequest.getClass()).matching(partialRequest);
    }

    /** Every stub, newest first. */
    public List<Stub<?>> all() {
        return registry.all();
    }

    /** The stubs that have answered no call yet, newest first. */
    public List<Stub<?>> unused() {
        return registry.all().stream().filter(s -> !s.isUsed()).toList();
    }

    /** Recent calls that matched none of their operation's stubs, each with why every stub missed. */
    public List<NearMiss> nearMisses() {
        return registry.nearMisses();
    }

    /** Removes every stub. */
    public void removeAll() {
        registry.clear();
    }

    @Override
    public String toString() {
        return registry.describe();
    }
}
