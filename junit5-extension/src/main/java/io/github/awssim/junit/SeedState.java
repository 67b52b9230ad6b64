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
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeds the test's simulation with state written once and shared across test classes: a
 * {@code Consumer<Simulation>} with a no-argument constructor. Repeatable; applied in order.
 *
 * <pre>{@code
 * public class TwoProducts implements Consumer<Simulation> {
 *     public void accept(Simulation sim) {
 *         sim.metering().registerProduct("prod-1", "Users").subscribe("prod-1", "cust-1", sim.accountId());
 *         sim.metering().registerProduct("prod-2", "Hosts");
 *     }
 * }
 *
 * @SimulatedAws
 * @SeedState(TwoProducts.class)
 * class BillingTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(SeedState.List.class)
@CustomizeSimulation(SeedState.Customizer.class)
public @interface SeedState {
    /** The seeder. */
    Class<? extends Consumer<Simulation>> value();

    /** Holds repeated {@link SeedState}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ExtendWith(CustomizationGuard.class)   // a repeated annotation is met inside this container
    @interface List {
        SeedState[] value();
    }

    /** Runs the seeder. */
    final class Customizer implements SimulationCustomizer<SeedState> {
        @Override
        public void customize(SeedState a, Simulation simulation) {
            Consumer<Simulation> seeder;
            try {
                Constructor<? extends Consumer<Simulation>> k = a.value().getDeclaredConstructor();
                k.setAccessible(true);
                seeder = k.newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("awssim: @SeedState(" + a.value().getSimpleName() + ".class): its "
                    + "constructor threw " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("awssim: @SeedState(" + a.value().getSimpleName() + ".class) needs a "
                    + "no-argument constructor to create it: " + e, e);
            }
            seeder.accept(simulation);
        }
    }
}
