package io.github.awssim.junit;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.internal.CustomizationGuard;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers a Marketplace product in the test's simulation (which makes Metering strict for it, see
 * {@code MeteringSimulator.registerProduct}), and subscribes the simulation's own account as a buyer
 * unless {@link #subscribeCaller} is false. Repeatable.
 *
 * <pre>{@code
 * @SimulatedAws
 * @MeteringProduct(code = "prod-1", dimensions = {"Users", "Hosts"})
 * class AgentTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(MeteringProduct.List.class)
@CustomizeSimulation(MeteringProduct.Customizer.class)
public @interface MeteringProduct {
    String code();

    String[] dimensions();

    /** Subscribes the simulation's account (the caller of MeterUsage and RegisterUsage) as customer {@link #customer}. */
    boolean subscribeCaller() default true;

    /** The customer identifier the caller's account subscribes as. */
    String customer() default "awssim-customer";

    /** Holds repeated {@link MeteringProduct}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ExtendWith(CustomizationGuard.class)   // a repeated annotation is met inside this container
    @interface List {
        MeteringProduct[] value();
    }

    /** Registers the product. */
    final class Customizer implements SimulationCustomizer<MeteringProduct> {
        @Override
        public void customize(MeteringProduct a, Simulation simulation) {
            simulation.metering().registerProduct(a.code(), a.dimensions());
            if (a.subscribeCaller()) {
                simulation.metering().subscribe(a.code(), a.customer(), simulation.accountId());
            }
        }
    }
}
