package io.github.awssim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulationClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:15:00Z");

    /** A wall clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void liveClockFollowsTheWallClockUntilSetOrAdvanced() {
        ManualClock wall = new ManualClock();
        Simulation sim = Simulation.builder().wallClock(wall).build();
        assertThat(sim.clock().isLive()).isTrue();
        assertThat(sim.clock().instant()).isEqualTo(T0);

        wall.now.set(T0.plusSeconds(90));
        assertThat(sim.clock().instant()).isEqualTo(T0.plusSeconds(90));

        sim.clock().advance(Duration.ofHours(1));
        assertThat(sim.clock().isLive()).isFalse();
        assertThat(sim.clock().instant()).isEqualTo(T0.plusSeconds(90).plus(Duration.ofHours(1)));

        wall.now.set(T0.plus(Duration.ofDays(3)));
        assertThat(sim.clock().instant()).as("fixed once advanced").isEqualTo(T0.plusSeconds(90).plus(Duration.ofHours(1)));
    }

    @Test
    void fixedStartStandsStillAndSetGoesAnywhere() {
        Simulation sim = Simulation.builder().startTime(T0).build();
        assertThat(sim.clock().isLive()).isFalse();
        assertThat(sim.clock().instant()).isEqualTo(T0);
        assertThat(sim.clock().millis()).isEqualTo(T0.toEpochMilli());

        sim.clock().set(T0.minus(Duration.ofDays(1)));
        assertThat(sim.clock().instant()).isEqualTo(T0.minus(Duration.ofDays(1)));
    }

    @Test
    void advanceRefusesNegativeDurationsWithAHint() {
        Simulation sim = Simulation.builder().startTime(T0).build();
        assertThatThrownBy(() -> sim.clock().advance(Duration.ofMinutes(-1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("awssim:")
            .hasMessageContaining("clock.set(instant)");
    }

    @Test
    void elapsedBackoffKeepsALiveClockLiveAndMovesAFixedOne() {
        ManualClock wall = new ManualClock();
        Simulation live = Simulation.builder().wallClock(wall).build();
        live.clock().elapse(Duration.ofMillis(1500));
        assertThat(live.clock().isLive()).isTrue();
        wall.now.set(T0.plusSeconds(10));
        assertThat(live.clock().instant()).isEqualTo(T0.plusSeconds(10).plusMillis(1500));

        Simulation fixed = Simulation.builder().startTime(T0).build();
        fixed.clock().elapse(Duration.ofMillis(250));
        assertThat(fixed.clock().instant()).isEqualTo(T0.plusMillis(250));
    }

    @Test
    void zoneViewsShareOneTimeSource() {
        Simulation sim = Simulation.builder().startTime(T0).build();
        SimulationClock paris = sim.clock().withZone(ZoneId.of("Europe/Paris"));
        paris.advance(Duration.ofMinutes(5));
        assertThat(sim.clock().instant()).isEqualTo(T0.plusSeconds(300));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(sim.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
