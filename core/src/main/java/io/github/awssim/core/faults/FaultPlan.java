package io.github.awssim.core.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What goes wrong, as data: an ordered, immutable list of {@link FaultRule}s, installed on a simulation
 * with {@code sim.install(plan)}.
 *
 * <pre>{@code
 * sim.install(FaultPlan.of(
 *         FaultRule.on(MeterUsageRequest.class).withProbability(0.3).fail(ThrottlingException.class),
 *         FaultRule.on(MeterUsageRequest.class).withProbability(0.2).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT)));
 * }</pre>
 *
 * <p>For each attempt the rules are read in order: every delay rule that strikes adds its latency, and
 * the first failing rule that strikes (a modeled exception, a transport fault or a rate limit) decides
 * the attempt. Probabilities and latencies are drawn from the simulation's seed and each rule's count of
 * targeted attempts, so the same seed and the same order of calls replay the same faults; under
 * concurrency the same rules strike the same number of times in the long run, but which call gets
 * which fault follows the order in which attempts arrive. Every failure a fault causes names its rule
 * and the seed.
 */
public final class FaultPlan {
    private static final FaultPlan NONE = new FaultPlan(List.of());

    private final List<FaultRule> rules;

    private FaultPlan(List<FaultRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No faults. */
    public static FaultPlan none() {
        return NONE;
    }

    public static FaultPlan of(FaultRule... rules) {
        return new FaultPlan(List.of(rules));
    }

    public static Builder builder() {
        return new Builder(List.of());
    }

    public List<FaultRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Builder toBuilder() {
        return new Builder(rules);
    }

    /** One line per rule, numbered as fault messages name them. */
    public String describe() {
        if (rules.isEmpty()) {
            return "no faults";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            b.append(i == 0 ? "" : "\n").append("rule ").append(i + 1).append(": ").append(rules.get(i).describe());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultPlan && ((FaultPlan) o).rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    /** Builds a {@link FaultPlan}. */
    public static final class Builder {
        private final List<FaultRule> rules;

        private Builder(List<FaultRule> rules) {
            this.rules = new ArrayList<>(rules);
        }

        public Builder rule(FaultRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(rules);
        }
    }
}
