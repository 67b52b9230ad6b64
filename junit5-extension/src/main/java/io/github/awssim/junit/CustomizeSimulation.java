package io.github.awssim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation type whose presence on a {@link SimulatedAws} test customizes its simulation,
 * through the given {@link SimulationCustomizer}: fault plans, stubs, seeded state. See
 * {@link SimulationCustomizer} for when and in which order they are applied.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface CustomizeSimulation {
    /** The customizer applying the annotated annotation type; its type parameter is that annotation type. */
    @SuppressWarnings("rawtypes")
    Class<? extends SimulationCustomizer> value();
}
