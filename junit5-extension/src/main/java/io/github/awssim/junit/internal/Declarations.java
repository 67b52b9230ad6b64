package io.github.awssim.junit.internal;

import io.github.awssim.junit.SimulatedAws;
import io.github.awssim.junit.SimulatedAwsExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds which declaration configures a test: the nearest of the test method's {@code @SimulatedAws}, then,
 * class by class from the innermost outwards, a class's {@code @SimulatedAws} (inherited or composed) or
 * its {@code @RegisterExtension SimulatedAwsExtension} field. Works from extension contexts at run time
 * and from bare classes when JUnit plans resource locks.
 */
public final class Declarations {
    /** How to read a programmatic extension's settings; installed by {@link SimulatedAwsExtension}. */
    private static volatile Function<Object, Settings> settingsOf;

    private Declarations() {
    }

    public static void install(Function<Object, Settings> accessor) {
        settingsOf = accessor;
    }

    /** One declaration: its settings (null while an instance field's instance does not exist yet) and where it is. */
    public static final class Declaration {
        final Settings settings;
        final Object extension;
        final ExtensionContext owner;
        final Class<?> ownerClass;

        Declaration(Settings settings, Object extension, ExtensionContext owner, Class<?> ownerClass) {
            this.settings = settings;
            this.extension = extension;
            this.owner = owner;
            this.ownerClass = ownerClass;
        }

        boolean pending() {
            return settings == null;
        }

        /** Whether the extension instance {@code self} (null settings: the annotation-driven one) acts on it. */
        boolean ownedBy(Object self, boolean annotationDriven) {
            if (pending()) {
                return false;
            }
            return extension == null ? annotationDriven : extension == self;
        }
    }

    /** The declaration for {@code context}, or null when there is none (a bare {@code @ExtendWith}). */
    static Declaration find(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            Optional<SimulatedAws> onMethod = AnnotationSupport.findAnnotation(method.get(), SimulatedAws.class);
            if (onMethod.isPresent()) {
                Settings s = parse(onMethod.get(), method.get());
                if (s.scope() == SimulatedAws.Scope.CLASS) {
                    throw new ExtensionConfigurationException(Messages.classScopeOnMethod(method.get()));
                }
                return new Declaration(s, null, context, null);
            }
        }
        Object[] instances = context.getTestInstances().map(t -> t.getAllInstances().toArray()).orElse(new Object[0]);
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getElement().orElse(null) instanceof Class && c.getTestMethod().isEmpty()) {
                Class<?> k = (Class<?>) c.getElement().get();
                Found f = onClass(k, instanceOf(k, instances));
                if (f != null) {
                    return new Declaration(f.settings, f.extension, c, k);
                }
            }
        }
        return null;
    }

    /** The nearest declaration's settings for a test method at planning time; null when unknown (be conservative). */
    static Found findForPlanning(List<Class<?>> enclosing, Class<?> testClass, Method method) {
        if (method != null) {
            Optional<SimulatedAws> onMethod = AnnotationSupport.findAnnotation(method, SimulatedAws.class);
            if (onMethod.isPresent()) {
                return new Found(parse(onMethod.get(), method), null, null);
            }
        }
        List<Class<?>> classes = new ArrayList<>(enclosing);
        classes.add(testClass);
        for (int i = classes.size() - 1; i >= 0; i--) {
            Found f = onClass(classes.get(i), null);
            if (f != null) {
                return new Found(f.settings, f.extension, classes.get(i));
            }
        }
        return null;
    }

    /** What a class declares itself (inherited annotations and fields included), or null. */
    static final class Found {
        final Settings settings;
        final Object extension;
        final Class<?> declaredOn;

        Found(Settings settings, Object extension, Class<?> declaredOn) {
            this.settings = settings;
            this.extension = extension;
            this.declaredOn = declaredOn;
        }
    }

    private static Found onClass(Class<?> k, Object instance) {
        Optional<SimulatedAws> annotation = AnnotationSupport.findAnnotation(k, SimulatedAws.class);
        List<Field> fields = AnnotationSupport.findAnnotatedFields(k, RegisterExtension.class,
            f -> f.getType().isAssignableFrom(SimulatedAwsExtension.class), HierarchyTraversalMode.TOP_DOWN);
        List<Found> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        annotation.ifPresent(a -> {
            found.add(new Found(parse(a, k), null, k));
            names.add("@SimulatedAws");
        });
        for (Field f : fields) {
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            Object value = isStatic || instance != null
                ? ReflectionSupport.tryToReadFieldValue(f, isStatic ? null : instance).toOptional().orElse(null) : null;
            if (value instanceof SimulatedAwsExtension) {
                Settings s = settingsOf(value).withSource("SimulatedAwsExtension in " + Messages.describe(f));
                found.add(new Found(s, value, k));
                names.add("field " + f.getName());
            } else if (value == null && f.getType() == SimulatedAwsExtension.class) {
                found.add(new Found(null, null, k));
                names.add("field " + f.getName());
            }
        }
        if (found.size() > 1) {
            throw new ExtensionConfigurationException(Messages.conflictingDeclarations(k, names.get(0), names.get(1)));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static Object instanceOf(Class<?> k, Object[] instances) {
        for (int i = instances.length - 1; i >= 0; i--) {
            if (k.isInstance(instances[i])) {
                return instances[i];
            }
        }
        return null;
    }

    private static Settings settingsOf(Object extension) {
        if (settingsOf == null) {
            // SimulatedAwsExtension installs the accessor when it is initialized; an instance exists, so it was.
            throw new IllegalStateException("awssim: SimulatedAwsExtension is not initialized");
        }
        return settingsOf.apply(extension);
    }

    private static Settings parse(SimulatedAws annotation, java.lang.reflect.AnnotatedElement where) {
        try {
            return Settings.of(annotation, where);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e.getCause());
        }
    }
}
