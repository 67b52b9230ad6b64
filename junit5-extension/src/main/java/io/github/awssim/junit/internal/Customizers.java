package io.github.awssim.junit.internal;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.CustomizeSimulation;
import io.github.awssim.junit.SimulationCustomizer;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the annotations meta-annotated with {@link CustomizeSimulation} on an element, directly, inside a
 * repeatable annotation's container, or composed into another annotation, and applies them.
 */
final class Customizers {
    private Customizers() {
    }

    /** The customizing annotations present on {@code element}, in declaration order. */
    static List<Annotation> on(AnnotatedElement element) {
        List<Annotation> found = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Annotation a : element.getAnnotations()) {
            collect(a, found, seen);
        }
        return found;
    }

    static void apply(Simulation simulation, AnnotatedElement element) {
        for (Annotation a : on(element)) {
            SimulationCustomizer<Annotation> customizer = instantiate(a);
            try {
                customizer.customize(a, simulation);
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException(Messages.customizerFailed(a, element, e), e);
            }
        }
    }

    private static void collect(Annotation a, List<Annotation> found, Set<Class<?>> seen) {
        Class<? extends Annotation> type = a.annotationType();
        if (type.getName().startsWith("java.lang.annotation.")) {
            return;
        }
        if (type.isAnnotationPresent(CustomizeSimulation.class)) {
            found.add(a);
            return;
        }
        Annotation[] contained = containedRepeatables(a);
        if (contained != null) {
            for (Annotation c : contained) {
                collect(c, found, seen);
            }
            return;
        }
        if (seen.add(type)) {   // composed annotations: look one meta level deeper, once per type
            for (Annotation meta : type.getAnnotations()) {
                collect(meta, found, seen);
            }
        }
    }

    /** The elements of a repeatable annotation's container whose type customizes, or null if {@code a} is not one. */
    private static Annotation[] containedRepeatables(Annotation a) {
        try {
            Method value = a.annotationType().getDeclaredMethod("value");
            Class<?> returned = value.getReturnType();
            if (returned.isArray() && returned.getComponentType().isAnnotation()
                && returned.getComponentType().isAnnotationPresent(CustomizeSimulation.class)) {
                return (Annotation[]) ReflectionSupport.invokeMethod(value, a);
            }
        } catch (NoSuchMethodException e) {
            // not a container
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static SimulationCustomizer<Annotation> instantiate(Annotation a) {
        Class<? extends SimulationCustomizer<?>> type = (Class<? extends SimulationCustomizer<?>>)
            a.annotationType().getAnnotation(CustomizeSimulation.class).value();
        try {
            return (SimulationCustomizer<Annotation>) ReflectionSupport.newInstance(type);
        } catch (Exception e) {     // JUnit rethrows the reflective exceptions unchecked
            throw new ExtensionConfigurationException(Messages.customizerNotInstantiable(type, a.annotationType(), e), e);
        }
    }
}
