package io.github.awssim.core;

import io.github.awssim.core.internal.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulation's time. Every service rule reads it: MeterUsage's six-hour window, token expiry,
 * report schedules. It is a {@link Clock}, so application code can be handed the same time source.
 *
 * <p>A clock starts in one of two modes:
 * <ul>
 *   <li><b>live</b> ({@link Simulation#create()}): it reads the wall clock, so code that stamps
 *       requests with {@code Instant.now()} stays inside the service's windows;</li>
 *   <li><b>fixed</b> ({@code Simulation.builder().startTime(t)}): it stands still at {@code t}.</li>
 * </ul>
 * The first {@link #set(Instant)} or {@link #advance(Duration)} switches a live clock to fixed: from then
 * on time moves only when the test moves it, so rules such as "once per hour" are tested without
 * sleeping. Clients that awssim builds also advance it by the SDK's retry backoff instead of sleeping.
 *
 * <p>Thread-safe: all views ({@link #withZone(ZoneId)}) share one time source.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().startTime(Instant.parse("2026-01-01T10:15:00Z")).build();
 * sim.clock().advance(Duration.ofHours(1));   // 11:15
 * sim.clock().set(Instant.parse("2026-01-02T00:00:00Z"));
 * }</pre>
 */
public final class SimulationClock extends Clock {
    /** Fixed instant (null while live), and time skipped while live by virtual backoff. */
    private record State(Instant fixed, Duration skipped) {
    }

    private final AtomicReference<State> state;
    private final Clock wall;
    private final ZoneId zone;

    SimulationClock(Instant fixedStart, Clock wall) {
        this(new AtomicReference<>(new State(fixedStart, Duration.ZERO)), wall, ZoneOffset.UTC);
    }

    private SimulationClock(AtomicReference<State> state, Clock wall, ZoneId zone) {
        this.state = state;
        this.wall = wall;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return now(state.get());
    }

    private Instant now(State s) {
        return s.fixed != null ? s.fixed : wall.instant().plus(s.skipped);
    }

    /** Moves time to {@code instant} (backwards too) and stops following the wall clock. */
    public SimulationClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        state.updateAndGet(s -> new State(instant, s.skipped));
        return this;
    }

    /** Moves time forward by {@code duration} and stops following the wall clock. */
    public SimulationClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(Messages.clockCannotGoBack(duration));
        }
        state.updateAndGet(s -> new State(now(s).plus(duration), s.skipped));
        return this;
    }

    /**
     * Lets {@code duration} pass without switching modes: a live clock runs ahead of the wall clock by it,
     * a fixed one moves forward. This is what virtual retry backoff does instead of sleeping.
     */
    void elapse(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        state.updateAndGet(s -> s.fixed == null
            ? new State(null, s.skipped.plus(duration)) : new State(s.fixed.plus(duration), s.skipped));
    }

    /** True while the clock still follows the wall clock (created live, never set or advanced). */
    public boolean isLive() {
        return state.get().fixed == null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of the same time source in another zone; setting either moves both. */
    @Override
    public SimulationClock withZone(ZoneId zone) {
        return new SimulationClock(state, wall, zone);
    }

    @Override
    public String toString() {
        return "SimulationClock[" + (isLive() ? "live " : "fixed ") + instant() + "]";
    }
}
