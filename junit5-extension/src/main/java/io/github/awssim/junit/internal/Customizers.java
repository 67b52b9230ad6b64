package io.github.awssim.junit.internal;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.CustomizeSimulation;
import io.github.awssim.junit.SimulationCustomizer;
import java.lang.annotation.Annotation;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the annotations meta-annotated with {@link CustomizeSimulation} on an element, directly, inside a
 * repeatable annotation's container, or composed into another annotation (repeated or not), and applies them.
 */
final class Customizers {
    private Customizers() {
    }

    /**
     * The customizing annotations present on {@code element}, in declaration order; on a class, those its
     * superclasses declare with an {@code @Inherited} type come first, the farthest first. (Java's own
     * inheritance would let a class's annotation hide every inherited one of the same type.)
     */
    static List<Annotation> on(AnnotatedElement element) {
        List<Annotation> found = new ArrayList<>();
        if (element instanceof Class<?>) {
            List<Class<?>> lineage = new ArrayList<>();
            for (Class<?> c = (Class<?>) element; c != null && c != Object.class; c = c.getSuperclass()) {
                lineage.add(0, c);
            }
            for (Class<?> c : lineage) {
                for (Annotation a : c.getDeclaredAnnotations()) {
                    if (c == element || a.annotationType().isAnnotationPresent(Inherited.class)) {
                        collect(a, found, new HashSet<>());
                    }
                }
            }
            return found;
        }
        for (Annotation a : element.getAnnotations()) {
            collect(a, found, new HashSet<>());
        }
        return found;
    }

    /** Fails when a lifecycle method of {@code testClass} carries a customizing annotation, which nothing would read. */
    static void rejectOnLifecycleMethods(Class<?> testClass) {
        for (Method m : ReflectionSupport.findMethods(testClass, Customizers::isLifecycle, HierarchyTraversalMode.TOP_DOWN)) {
            List<Annotation> found = on(m);
            if (!found.isEmpty()) {
                throw new ExtensionConfigurationException(Messages.customizerOnLifecycleMethod(found.get(0), m));
            }
        }
    }

    private static boolean isLifecycle(Method m) {
        return m.isAnnotationPresent(BeforeEach.class) || m.isAnnotationPresent(AfterEach.class)
            || m.isAnnotationPresent(BeforeAll.class) || m.isAnnotationPresent(AfterAll.class);
    }

    static void apply(Simulation simulation, AnnotatedElement element) {
        for (Annotation a : on(element)) {
            SimulationCustomizer<Annotation> customizer = instantiate(a);
            try {
                customizer.customize(a, simulation);
            } catch (RuntimeException | AssertionError | LinkageError e) {   // a seeder's own assertion counts too
                throw new ExtensionConfigurationException(Messages.customizerFailed(a, element, e), e);
            }
        }
    }

    /** {@code path}: the annotation types being expanded above this one, so a cycle of meta-annotations ends. */
    private static void collect(Annotation a, List<Annotation> found, Set<Class<?>> path) {
        Class<? extends Annotation> type = a.annotationType();
        if (type.getName().startsWith("java.lang.annotation.")) {
            return;
        }
        if (type.isAnnotationPresent(CustomizeSimulation.class)) {
            found.add(a);
            return;
        }
        if (!path.add(type)) {
            return;
        }
        Annotation[] contained = containedRepeatables(a);
        if (contained != null) {
            for (Annotation c : contained) {
                collect(c, found, path);
            }
        } else {
            for (Annotation meta : type.getAnnotations()) {   // a composed annotation: its meta-annotations count
                collect(meta, found, path);
            }
        }
        path.remove(type);
    }

    /**
     * The annotations inside a repeatable annotation's container (awssim's own, or a user's composed one
     * repeated), or null if {@code a} is not a container: its {@code value()} is an array of an annotation type
     * whose {@code @Repeatable} names {@code a}'s type.
     */
    private static Annotation[] containedRepeatables(Annotation a) {
        try {
            Method value = a.annotationType().getDeclaredMethod("value");
            Class<?> returned = value.getReturnType();
            if (returned.isArray() && returned.getComponentType().isAnnotation()) {
                Repeatable repeatable = returned.getComponentType().getAnnotation(Repeatable.class);
                if (repeatable != null && repeatable.value() == a.annotationType()) {
                    return (Annotation[]) ReflectionSupport.invokeMethod(value, a);
                }
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
