package io.github.awssim.core.faults;

import io.github.awssim.core.internal.AnswerChecks;
import io.github.awssim.core.internal.ServiceNames;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One rule of a {@link FaultPlan}: which attempts it targets, when it strikes, and what it does.
 * Immutable; build with {@link #on(Class)}, {@link #onService(Class)} or {@link #onAnyCall()}.
 *
 * <pre>{@code
 * FaultRule.on(MeterUsageRequest.class).withProbability(0.3).fail(ThrottlingException.class)
 * FaultRule.on(MeterUsageRequest.class).times(2).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT)
 * FaultRule.on(MeterUsageRequest.class).onAttempts(3).fail(InternalServiceErrorException.class)  // the 3rd attempt
 * FaultRule.onService(MarketplaceMeteringClient.class).delay(Latency.uniform(ofMillis(20), ofMillis(200)))
 * FaultRule.on(MeterUsageRequest.class).rateLimit(5)                 // 5 attempts per simulated second
 * }</pre>
 *
 * <p>Attempts are what the SDK sends, retries included; a rule counts every attempt it targets, whether
 * it strikes or not, so "the 3rd attempt" is the 3rd one the rule saw.
 */
public final class FaultRule {
    private final Class<? extends SdkRequest> requestType;
    private final Class<? extends SdkClient> service;
    private final String conditionDescription;
    private final Predicate<SdkRequest> condition;
    private final int times;
    private final Set<Integer> attempts;
    private final Double probability;
    private final Class<? extends AwsServiceException> exceptionType;
    private final AwsServiceException exception;
    private final TransportFault transport;
    private final Latency latency;
    private final Integer rateLimit;

    private FaultRule(Target<?> t, Class<? extends AwsServiceException> exceptionType, AwsServiceException exception,
                      TransportFault transport, Latency latency, Integer rateLimit) {
        this.requestType = t.requestType;
        this.service = t.service;
        this.conditionDescription = t.conditionDescription;
        this.condition = t.condition;
        this.times = t.times;
        this.attempts = t.attempts;
        this.probability = t.probability;
        this.exceptionType = exceptionType;
        this.exception = exception;
        this.transport = transport;
        this.latency = latency;
        this.rateLimit = rateLimit;
    }

    /** Targets the attempts of one operation, named by its request type. */
    public static <R extends SdkRequest> Target<R> on(Class<R> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        return new Target<>(requestType, AnswerChecks.clientOf(requestType));
    }

    /** Targets every attempt to one service, named by its sync client interface. */
    public static Target<SdkRequest> onService(Class<? extends SdkClient> clientInterface) {
        Objects.requireNonNull(clientInterface, "clientInterface");
        return new Target<>(null, ServiceNames.syncInterface(clientInterface));
    }

    /** Targets every attempt to any service. */
    public static Target<SdkRequest> onAnyCall() {
        return new Target<>(null, null);
    }

    /** True when this rule targets a call of {@code clientInterface} with {@code request}. */
    public boolean targets(Class<? extends SdkClient> clientInterface, SdkRequest request) {
        if (service != null && !service.equals(clientInterface)) {
            return false;
        }
        if (requestType != null && !requestType.isInstance(request)) {
            return false;
        }
        return condition == null || condition.test(request);
    }

    public Optional<Class<? extends SdkRequest>> requestType() {
        return Optional.ofNullable(requestType);
    }

    public Optional<Class<? extends SdkClient>> service() {
        return Optional.ofNullable(service);
    }

    /** Strikes only the first {@code n} targeted attempts; 0 when not limited so. */
    public int times() {
        return times;
    }

    /** Strikes only these targeted attempts (1-based); empty when not limited so. */
    public Set<Integer> attempts() {
        return attempts;
    }

    /** Strikes each targeted attempt with this probability, drawn from the simulation's seed. */
    public OptionalDouble probability() {
        return probability == null ? OptionalDouble.empty() : OptionalDouble.of(probability);
    }

    /** The modeled exception it answers, by type (awssim builds it). */
    public Optional<Class<? extends AwsServiceException>> exceptionType() {
        return Optional.ofNullable(exceptionType);
    }

    /** The modeled exception it answers, as given. */
    public Optional<AwsServiceException> exception() {
        return Optional.ofNullable(exception);
    }

    public Optional<TransportFault> transportFault() {
        return Optional.ofNullable(transport);
    }

    public Optional<Latency> latency() {
        return Optional.ofNullable(latency);
    }

    /** The attempts per simulated second beyond which it throttles. */
    public OptionalInt rateLimit() {
        return rateLimit == null ? OptionalInt.empty() : OptionalInt.of(rateLimit);
    }

    /** e.g. {@code 30% of MeterUsage: fail ThrottlingException}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (probability != null) {
            b.append(Math.round(probability * 1000) / 10.0).append("% of ");
        } else if (times > 0) {
            b.append("the first ").append(times).append(" of ");
        } else if (!attempts.isEmpty()) {
            b.append("attempts ").append(attempts).append(" of ");
        } else if (rateLimit == null) {
            b.append("every ");
        }
        b.append(requestType != null ? requestType.getSimpleName().replaceAll("Request$", "")
            : service != null ? ServiceNames.serviceName(service) : "call");
        if (conditionDescription != null) {
            b.append(" where ").append(conditionDescription);
        }
        b.append(": ");
        if (exceptionType != null) {
            b.append("fail ").append(exceptionType.getSimpleName());
        } else if (exception != null) {
            b.append("fail ").append(exception.getClass().getSimpleName());
        } else if (transport != null) {
            b.append(transport);
        } else if (latency != null) {
            b.append("delay ").append(latency);
        } else {
            b.append("throttle beyond ").append(rateLimit).append(" per simulated second");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * The targeting and trigger of a rule being built; one of its effects ({@code fail}, {@code delay},
     * {@code rateLimit}) makes the rule.
     */
    public static final class Target<R extends SdkRequest> {
        private final Class<? extends SdkRequest> requestType;
        private final Class<? extends SdkClient> service;
        private String conditionDescription;
        private Predicate<SdkRequest> condition;
        private int times;
        private Set<Integer> attempts = Set.of();
        private Double probability;

        private Target(Class<? extends SdkRequest> requestType, Class<? extends SdkClient> service) {
            this.requestType = requestType;
            this.service = service;
        }

        /** Only attempts for which {@code condition} holds. */
        @SuppressWarnings("unchecked")
        public Target<R> where(String description, Predicate<? super R> condition) {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(condition, "condition");
            this.conditionDescription = description;
            this.condition = r -> ((Predicate<SdkRequest>) condition).test(r);
            return this;
        }

        /** Strikes the first {@code n} targeted attempts only. */
        public Target<R> times(int n) {
            requireOneTrigger();
            if (n < 1) {
                throw new IllegalArgumentException("awssim: FaultRule times(" + n + "): strike at least one attempt");
            }
            this.times = n;
            return this;
        }

        /** Strikes these targeted attempts only, counted from 1: {@code onAttempts(3)} is "the 3rd fails". */
        public Target<R> onAttempts(int... which) {
            requireOneTrigger();
            if (which.length == 0 || Arrays.stream(which).anyMatch(k -> k < 1)) {
                throw new IllegalArgumentException("awssim: FaultRule onAttempts" + Arrays.toString(which)
                    + ": name attempts counted from 1, e.g. onAttempts(3)");
            }
            LinkedHashSet<Integer> set = new LinkedHashSet<>();
            Arrays.stream(which).forEach(set::add);
            this.attempts = Collections.unmodifiableSet(set);
            return this;
        }

        /** Strikes each targeted attempt with probability {@code p}, drawn from the simulation's seed. */
        public Target<R> withProbability(double p) {
            requireOneTrigger();
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("awssim: FaultRule withProbability(" + p + "): use a value in (0, 1], "
                    + "e.g. 0.3 for 30%");
            }
            this.probability = p;
            return this;
        }

        private void requireOneTrigger() {
            if (times > 0 || !attempts.isEmpty() || probability != null) {
                throw new IllegalStateException("awssim: a FaultRule takes one trigger: times(n), onAttempts(k...) or "
                    + "withProbability(p)");
            }
        }

        /** Answers a modeled exception of this type, built by awssim with its model's HTTP status. */
        public FaultRule fail(Class<? extends AwsServiceException> type) {
            Objects.requireNonNull(type, "type");
            AwsServiceException sample = AnswerChecks.instantiate(type, "awssim injected fault");
            check(sample);
            return new FaultRule(this, type, null, null, null, null);
        }

        /** Answers this modeled exception. */
        public FaultRule fail(AwsServiceException exception) {
            Objects.requireNonNull(exception, "exception");
            check(exception);
            return new FaultRule(this, null, exception, null, null, null);
        }

        /** Breaks the connection at the moment the fault names. */
        public FaultRule fail(TransportFault fault) {
            return new FaultRule(this, null, null, Objects.requireNonNull(fault, "fault"), null, null);
        }

        /** Adds latency before the service sees the request. */
        public FaultRule delay(Latency latency) {
            return new FaultRule(this, null, null, null, Objects.requireNonNull(latency, "latency"), null);
        }

        /**
         * Throttles targeted attempts beyond {@code perSecond} per simulated second (the service's throttling
         * error), counted per operation, as services limit them; attempts an earlier rule already fails do not count.
         */
        public FaultRule rateLimit(int perSecond) {
            if (times > 0 || !attempts.isEmpty() || probability != null) {
                throw new IllegalStateException("awssim: rateLimit(" + perSecond + ") is its own trigger; drop times, "
                    + "onAttempts or withProbability from this rule");
            }
            if (perSecond < 1) {
                throw new IllegalArgumentException("awssim: rateLimit(" + perSecond + "): allow at least 1 attempt per second");
            }
            return new FaultRule(this, null, null, null, null, perSecond);
        }

        private void check(AwsServiceException e) {
            if (requestType != null) {
                AnswerChecks.checkException(requestType, e);
            } else if (service != null) {
                AnswerChecks.checkServiceException(service, e);
            } else if (e.getClass() != AwsServiceException.class) {
                // one service's exception, which calls to every other service would be answered with
                throw new IllegalArgumentException("awssim: a rule on every call cannot fail with "
                    + e.getClass().getName() + ", an exception of one service that other services' calls cannot "
                    + "answer; target its service (FaultRule.onService(...Client.class)) or an operation "
                    + "(FaultRule.on(...Request.class))");
            }
        }
    }
}
