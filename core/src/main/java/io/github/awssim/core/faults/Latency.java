package io.github.awssim.core.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * Added latency, fixed or drawn from a distribution, passing on the simulation clock (the default: no
 * test waits) or, when asked with {@link #real()}, slept for real.
 *
 * <pre>{@code
 * Latency.fixed(Duration.ofMillis(250))
 * Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(400))
 * Latency.logNormal(Duration.ofMillis(80), Duration.ofMillis(900))   // median 80 ms, 99th percentile 900 ms
 * Latency.fixed(Duration.ofMillis(30)).real()                        // Thread.sleep, for timeouts
 * }</pre>
 */
public final class Latency {
    private static final double Z99 = 2.3263478740408408;

    private enum Kind { FIXED, UNIFORM, LOG_NORMAL }

    private final Kind kind;
    private final Duration a;
    private final Duration b;
    private final boolean real;

    private Latency(Kind kind, Duration a, Duration b, boolean real) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.real = real;
    }

    public static Latency fixed(Duration latency) {
        requirePositive(latency, "Latency.fixed(latency)");
        return new Latency(Kind.FIXED, latency, latency, false);
    }

    public static Latency uniform(Duration min, Duration max) {
        requirePositive(min, "Latency.uniform min");
        requirePositive(max, "Latency.uniform max");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("awssim: Latency.uniform(" + min + ", " + max + "): max is below min");
        }
        return new Latency(Kind.UNIFORM, min, max, false);
    }

    /** A log-normal latency with the given median and 99th percentile (a long tail, as real networks have). */
    public static Latency logNormal(Duration median, Duration p99) {
        requirePositive(median, "Latency.logNormal median");
        requirePositive(p99, "Latency.logNormal p99");
        if (p99.compareTo(median) < 0 || median.isZero()) {
            throw new IllegalArgumentException("awssim: Latency.logNormal(" + median + ", " + p99
                + "): the 99th percentile must be at least the median, and the median above zero");
        }
        return new Latency(Kind.LOG_NORMAL, median, p99, false);
    }

    /** The same latency, slept for real instead of passing on the simulation clock. */
    public Latency real() {
        return new Latency(kind, a, b, true);
    }

    public boolean isReal() {
        return real;
    }

    /** The latency for a draw {@code u} uniform in [0, 1) and {@code g} standard normal. */
    public Duration sample(double u, double g) {
        switch (kind) {
            case FIXED:
                return a;
            case UNIFORM:
                return a.plusNanos((long) ((b.toNanos() - a.toNanos()) * u));
            default:
                double mu = Math.log(a.toNanos());
                double sigma = (Math.log(b.toNanos()) - mu) / Z99;
                return Duration.ofNanos((long) Math.exp(mu + sigma * g));
        }
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException("awssim: " + what + " cannot be negative: " + d);
        }
    }

    @Override
    public String toString() {
        String base;
        switch (kind) {
            case FIXED:
                base = "fixed " + a.toMillis() + " ms";
                break;
            case UNIFORM:
                base = "uniform " + a.toMillis() + "–" + b.toMillis() + " ms";
                break;
            default:
                base = "log-normal median " + a.toMillis() + " ms, p99 " + b.toMillis() + " ms";
                break;
        }
        return base + (real ? " (real)" : " (simulated)");
    }
}
