package io.github.awssim.core.internal;

import io.github.awssim.core.CallContext;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.SimulationClock;
import java.time.Instant;

/**
 * The engine behind a {@link Simulation}, as other awssim modules and the service simulators see it.
 * Obtain it with {@link CoreAccess#engine(Simulation)}. Thread-safe.
 */
public interface Engine {

    Simulation simulation();

    SimulationClock clock();

    /**
     * Answers one attempt: finds the backend for the call's client interface, invokes the operation with
     * the call's {@link CallContext} set, and turns whatever happens into an {@link Outcome}. Never
     * throws for anything a backend does.
     */
    Outcome dispatch(ServiceCall call);

    /** What the installed fault plan does to this attempt (decided once per attempt, in rule order). */
    AttemptFaults faultsFor(ServiceCall call);

    /**
     * Lets the attempt's latency pass (on the simulation clock, or slept when a rule asks for real latency),
     * then answers with the fault's modeled error when there is one, else as {@link #dispatch(ServiceCall)}.
     */
    Outcome dispatch(ServiceCall call, AttemptFaults faults);

    /** Lets the attempt's latency pass without dispatching (for faults that strike before the service). */
    void delay(AttemptFaults faults);

    /**
     * True when the installed fault plan may sleep for real ({@code Latency...real()}): an async HTTP client then
     * answers on its own thread, so the caller is not blocked and the SDK's attempt timeouts can fire.
     */
    boolean mayDelayForReal();

    /** The simulation's seed, which fault messages name. */
    long seed();

    /** Journals one attempt's outcome (called by the adapter once it knows what the client will see). */
    void record(ServiceCall call, Instant at, Outcome outcome);

    /** The context of the call being dispatched on this thread, or one for a direct backend call. */
    CallContext callContext();

    /** The account an access key belongs to. */
    String accountFor(String accessKeyId);

    /** A request id, drawn from the simulation's seeded randomness. */
    String newRequestId();

    /** A random lowercase UUID string from the simulation's seeded randomness. */
    String newUuid();

    /** The next value of the simulation's seeded randomness in [0, bound). */
    long nextLong(long bound);

    /** Lets simulated time pass without switching the clock's mode (virtual retry backoff). */
    void elapse(java.time.Duration duration);

    boolean isClosed();

    /**
     * Registers work that time makes due (Application Cost Profiler's reports at day and month boundaries). The
     * engine runs every registered catch-up before it dispatches any call, and simulators run them (through
     * {@link #catchUp()}) before their typed API reads or changes state, so work appears as soon as anything can
     * observe it, whether the clock was moved by the test or runs live. A catch-up must be cheap when nothing is due.
     */
    void addCatchUp(Runnable catchUp);

    /**
     * Runs the registered catch-ups on this thread, outside any call context (their writes are the simulation's
     * own, not a client's). Re-entrant calls on the same thread (a catch-up writing to S3, whose typed API catches
     * up) return at once. A failing catch-up is logged and never reaches the caller.
     */
    void catchUp();

    /**
     * Closes {@code resource} when the simulation closes (a simulator's temporary files). Closed at once
     * when the simulation is already closed.
     */
    void closeWith(AutoCloseable resource);
}
