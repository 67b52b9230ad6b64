package io.github.awssim.junit;

import io.github.awssim.junit.internal.CustomizationGuard;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an annotation type whose presence on a {@link SimulatedAws} test customizes its simulation,
 * through the given {@link SimulationCustomizer}: fault plans, stubs, seeded state. See
 * {@link SimulationCustomizer} for when and in which order they are applied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
@ExtendWith(CustomizationGuard.class)   // a customizing annotation on a test without a simulation fails it
public @interface CustomizeSimulation {
    /** The customizer applying the annotated annotation type; its type parameter is that annotation type. */
    @SuppressWarnings("rawtypes")
    Class<? extends SimulationCustomizer> value();
}
