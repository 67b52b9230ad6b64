package io.github.awssim.core.internal;

import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.Latency;
import io.github.awssim.core.faults.TransportFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Decides, attempt by attempt, what an installed {@link FaultPlan} does. Draws are a pure function of
 * (seed, rule index, the rule's count of targeted attempts), so the same seed and call order replay.
 */
public final class FaultDecider {
    private final FaultPlan plan;
    private final long seed;
    private final AtomicLong[] counts;
    private final Map<String, ArrayDeque<Instant>>[] windows;
    private final boolean realLatency;

    @SuppressWarnings("unchecked")
    public FaultDecider(FaultPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
        List<FaultRule> rules = plan.rules();
        this.counts = new AtomicLong[rules.size()];
        this.windows = new Map[rules.size()];
        this.realLatency = rules.stream().anyMatch(r -> r.latency().map(Latency::isReal).orElse(false));
        for (int i = 0; i < rules.size(); i++) {
            counts[i] = new AtomicLong();
            windows[i] = new ConcurrentHashMap<>();
        }
    }

    public FaultPlan plan() {
        return plan;
    }

    /** True when a rule of the plan adds real latency. */
    public boolean mayDelayForReal() {
        return realLatency;
    }

    public AttemptFaults decide(ServiceCall call, Instant now) {
        List<FaultRule> rules = plan.rules();
        if (rules.isEmpty()) {
            return AttemptFaults.NONE;
        }
        Duration simulated = Duration.ZERO;
        Duration real = Duration.ZERO;
        AwsServiceException error = null;
        TransportFault transport = null;
        String cause = null;
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            try {
                if (!rule.targets(call.clientInterface(), call.request())) {
                    continue;
                }
            } catch (RuntimeException e) {
                // the user's condition failed: answer the attempt with that misuse, as if the rule had struck
                String what = call.service() + "." + call.operation();
                return new AttemptFaults(Duration.ZERO, Duration.ZERO, ServiceErrors.of(call.clientInterface())
                    .unmodeled(ServiceErrors.BACKEND_FAILURE, 400,
                        Messages.faultRuleConditionFailed("fault rule " + (i + 1) + " (" + rule.describe() + ")", seed, what, e), e),
                    null, cause(i, rule));
            }
            long k = counts[i].incrementAndGet();
            boolean failureTaken = error != null || transport != null;
            if (rule.rateLimit().isPresent()) {
                // an attempt an earlier rule already fails never reaches the service, so it uses no capacity
                if (!failureTaken && !withinRate(i, call.operation(), rule.rateLimit().getAsInt(), now)) {
                    cause = cause(i, rule);
                    error = ServiceErrors.of(call.clientInterface()).throttling("Rate exceeded (" + cause + ")");
                }
                continue;
            }
            if (!strikes(rule, i, k)) {
                continue;
            }
            if (rule.latency().isPresent()) {
                Latency l = rule.latency().get();
                Duration d = l.sample(unit(i, k, 1), gaussian(i, k));
                if (l.isReal()) {
                    real = real.plus(d);
                } else {
                    simulated = simulated.plus(d);
                }
                continue;
            }
            if (failureTaken) {
                continue;
            }
            cause = cause(i, rule);
            if (rule.transportFault().isPresent()) {
                transport = rule.transportFault().get();
            } else if (rule.exception().isPresent()) {
                AwsServiceException e = rule.exception().get();
                error = withMessage(e, messageOf(e) + " (" + cause + ")");
            } else {
                error = AnswerChecks.instantiate(rule.exceptionType().get(), defaultMessage(rule) + " (" + cause + ")");
            }
        }
        if (error == null && transport == null && simulated.isZero() && real.isZero()) {
            return AttemptFaults.NONE;
        }
        return new AttemptFaults(simulated, real, error, transport, cause);
    }

    private boolean strikes(FaultRule rule, int i, long k) {
        if (rule.times() > 0) {
            return k <= rule.times();
        }
        if (!rule.attempts().isEmpty()) {
            return k <= Integer.MAX_VALUE && rule.attempts().contains((int) k);
        }
        if (rule.probability().isPresent()) {
            return unit(i, k, 0) < rule.probability().getAsDouble();
        }
        return true;
    }

    /** Services limit each operation on its own, so a rule over a whole service keeps a window per operation. */
    private boolean withinRate(int i, String operation, int perSecond, Instant now) {
        ArrayDeque<Instant> window = windows[i].computeIfAbsent(operation, o -> new ArrayDeque<>());
        synchronized (window) {
            Instant horizon = now.minusSeconds(1);
            while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
                window.removeFirst();
            }
            if (window.size() >= perSecond) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    private String cause(int i, FaultRule rule) {
        return "awssim fault rule " + (i + 1) + " (" + rule.describe() + "), seed " + seed;
    }

    /** Both places a message lives: the encoder answers with the error details' message when there is one. */
    private static AwsServiceException withMessage(AwsServiceException e, String message) {
        AwsServiceException.Builder b = e.toBuilder().message(message);
        if (e.awsErrorDetails() != null) {
            b.awsErrorDetails(e.awsErrorDetails().toBuilder().errorMessage(message).build());
        }
        return (AwsServiceException) b.build();
    }

    private static String messageOf(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        String m = e.getMessage();
        int suffix = m == null ? -1 : m.indexOf(" (Service: ");
        return suffix >= 0 ? m.substring(0, suffix) : m;
    }

    private static String defaultMessage(FaultRule rule) {
        String name = rule.exceptionType().get().getSimpleName();
        return name.startsWith("Throttl") ? "Rate exceeded" : name.startsWith("Internal") ? "Internal service error"
            : "Injected " + name;
    }

    /** A uniform draw in [0, 1) for the k-th targeted attempt of rule i (SplitMix64 over the inputs). */
    private double unit(int i, long k, int salt) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (i + 1)) ^ (0xBF58476D1CE4E5B9L * k) ^ (0x94D049BB133111EBL * (salt + 1));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private double gaussian(int i, long k) {
        double u1 = Math.max(unit(i, k, 2), 1e-12);
        double u2 = unit(i, k, 3);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
