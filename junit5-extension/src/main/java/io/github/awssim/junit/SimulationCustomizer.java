package io.github.awssim.junit;

import io.github.awssim.core.Simulation;
import java.lang.annotation.Annotation;

/**
 * Applies an annotation to a new simulation: how awssim's fault-injection and state-seeding annotations
 * (and your own) work. Tie it to an annotation type with {@link CustomizeSimulation}:
 *
 * <pre>{@code
 * @Retention(RUNTIME) @Target({TYPE, METHOD})
 * @CustomizeSimulation(WithProduct.Customizer.class)
 * @interface WithProduct {
 *     String value();
 *
 *     final class Customizer implements SimulationCustomizer<WithProduct> {
 *         public void customize(WithProduct annotation, Simulation simulation) {
 *             simulation.metering().registerProduct(annotation.value(), "Users");
 *         }
 *     }
 * }
 *
 * @SimulatedAws
 * @WithProduct("prod-1")
 * class AgentTest { ... }
 * }</pre>
 *
 * The extension applies every such annotation present on the test class (with its enclosing classes,
 * outermost first, and its superclasses, where the annotation is {@code @Inherited}) and then on the test
 * method, right after it creates the simulation and before anything is injected. Repeatable annotations
 * and annotations composed into your own annotations are found too. With {@code scope = CLASS} only the
 * classes that own the simulation may carry them: a method or nested class sharing it would change it for
 * the other tests, so that is reported as a configuration error.
 *
 * <p>Implementations need a no-argument constructor (any visibility) and must not keep state between
 * calls. An exception thrown here (an {@link IllegalArgumentException} for a bad attribute value, say)
 * fails the test with an {@code ExtensionConfigurationException} naming the annotation and where it sits.
 *
 * @param <A> the annotation type it applies
 */
@FunctionalInterface
public interface SimulationCustomizer<A extends Annotation> {
    void customize(A annotation, Simulation simulation);
}
