package io.github.awssim.junit;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.Latency;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.junit.internal.CustomizationGuard;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Adds a fault rule to the test's simulation (see {@code io.github.awssim.core.faults.FaultRule}): what it
 * targets ({@link #on} an operation, a {@link #service}, or every call), when it strikes (always,
 * {@link #times}, {@link #onAttempts} or {@link #probability}) and one effect ({@link #fail},
 * {@link #transport}, {@link #delayMillis} or {@link #rateLimit}). Repeatable; rules apply in the order
 * written, after the class's.
 *
 * <pre>{@code
 * @SimulatedAws(seed = 42)
 * @InjectFault(on = MeterUsageRequest.class, probability = 0.3, fail = ThrottlingException.class)
 * @InjectFault(on = MeterUsageRequest.class, probability = 0.2, transport = TransportFault.RESPONSE_LOST_AFTER_COMMIT)
 * class FlakyNetworkTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(InjectFault.List.class)
@CustomizeSimulation(InjectFault.Customizer.class)
public @interface InjectFault {
    /** The operation, by request type; {@code SdkRequest.class} (the default) means any. */
    Class<? extends SdkRequest> on() default SdkRequest.class;

    /** The service, by sync client interface; {@code SdkClient.class} (the default) means any. */
    Class<? extends SdkClient> service() default SdkClient.class;

    /** Strikes the first n targeted attempts only; 0: not limited so. */
    int times() default 0;

    /** Strikes these targeted attempts only, counted from 1. */
    int[] onAttempts() default {};

    /** Strikes each targeted attempt with this probability, drawn from the simulation's seed; 0: not so. */
    double probability() default 0;

    /** Answers this modeled exception; {@code AwsServiceException.class} (the default) means none. */
    Class<? extends AwsServiceException> fail() default AwsServiceException.class;

    /** Breaks the connection this way (at most one). */
    TransportFault[] transport() default {};

    /** Adds this latency (milliseconds), on the simulation clock unless {@link #realDelay}. */
    long delayMillis() default 0;

    /** Sleeps {@link #delayMillis} for real instead of passing it on the simulation clock. */
    boolean realDelay() default false;

    /** Throttles beyond this many targeted attempts per simulated second; 0: no rate limit. */
    int rateLimit() default 0;

    /** Holds repeated {@link InjectFault}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ExtendWith(CustomizationGuard.class)   // a repeated annotation is met inside this container
    @interface List {
        InjectFault[] value();
    }

    /** Turns the annotation into a {@link FaultRule} appended to the simulation's plan. */
    final class Customizer implements SimulationCustomizer<InjectFault> {
        /** Names the attribute a refused value came from: the rule builder only knows its own method names. */
        private static <T> T attribute(String name, Object value, java.util.function.Supplier<T> apply) {
            try {
                return apply.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("awssim: @InjectFault(" + name + " = " + value + ") is refused: "
                    + e.getMessage().replaceFirst("^awssim: ", ""), e);
            }
        }

        @Override
        public void customize(InjectFault a, Simulation simulation) {
            simulation.install(simulation.faultPlan().toBuilder().rule(rule(a)).build());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static FaultRule rule(InjectFault a) {
            if (a.on() != SdkRequest.class && a.service() != SdkClient.class) {
                throw new IllegalArgumentException("awssim: @InjectFault names both on = " + a.on().getSimpleName()
                    + ".class and service = " + a.service().getSimpleName() + ".class; an operation already names its "
                    + "service: keep one");
            }
            FaultRule.Target target = a.on() != SdkRequest.class ? FaultRule.on(a.on())
                : a.service() != SdkClient.class ? FaultRule.onService(a.service()) : FaultRule.onAnyCall();
            java.util.List<String> triggers = new ArrayList<>();
            if (a.times() != 0) {
                triggers.add("times");
                attribute("times", a.times(), () -> target.times(a.times()));
            }
            if (a.onAttempts().length > 0) {
                triggers.add("onAttempts");
                if (triggers.size() == 1) {
                    attribute("onAttempts", java.util.Arrays.toString(a.onAttempts()), () -> target.onAttempts(a.onAttempts()));
                }
            }
            if (a.probability() != 0) {
                triggers.add("probability");
                if (triggers.size() == 1) {
                    attribute("probability", a.probability(), () -> target.withProbability(a.probability()));
                }
            }
            if (triggers.size() > 1) {
                throw new IllegalArgumentException("awssim: @InjectFault takes one trigger but sets " + String.join(" and ", triggers)
                    + "; e.g. @InjectFault(on = MeterUsageRequest.class, probability = 0.3, fail = ThrottlingException.class)");
            }
            java.util.List<String> effects = new ArrayList<>();
            if (a.fail() != AwsServiceException.class) {
                effects.add("fail");
            }
            if (a.transport().length > 0) {
                effects.add("transport");
            }
            if (a.delayMillis() != 0) {
                effects.add("delayMillis");
            }
            if (a.rateLimit() != 0) {
                effects.add("rateLimit");
            }
            if (effects.size() != 1 || a.transport().length > 1) {
                throw new IllegalArgumentException("awssim: @InjectFault needs exactly one effect (fail, one transport, "
                    + "delayMillis or rateLimit) but sets " + (effects.isEmpty() ? "none" : String.join(" and ", effects))
                    + "; e.g. @InjectFault(on = MeterUsageRequest.class, times = 2, fail = ThrottlingException.class)");
            }
            if (a.realDelay() && a.delayMillis() == 0) {
                throw new IllegalArgumentException("awssim: @InjectFault sets realDelay without delayMillis; realDelay "
                    + "makes a delay real, e.g. @InjectFault(on = MeterUsageRequest.class, delayMillis = 200, realDelay = true)");
            }
            switch (effects.get(0)) {
                case "fail":
                    return target.fail(a.fail());
                case "transport":
                    return target.fail(a.transport()[0]);
                case "delayMillis":
                    return attribute("delayMillis", a.delayMillis(), () -> {
                        Latency l = Latency.fixed(Duration.ofMillis(a.delayMillis()));
                        return target.delay(a.realDelay() ? l.real() : l);
                    });
                default:
                    return attribute("rateLimit", a.rateLimit(), () -> target.rateLimit(a.rateLimit()));
            }
        }
    }
}
