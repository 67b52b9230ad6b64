package io.github.awssim.junit.internal;

import io.github.awssim.junit.SimulatedAws.Scope;
import io.github.awssim.junit.internal.Declarations.Found;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The resource lock {@code @SimulatedAws} declares: {@link Resources#SYSTEM_PROPERTIES} for every test
 * (or class, with {@code scope = CLASS}) that uses the zero-code swap. {@code READ_WRITE} when the
 * extension will have to write properties; {@code READ} when the JVM already has every value the test
 * needs (the build set them), so such tests run concurrently with each other and with other readers.
 * Tests with {@code zeroCodeSwap = false} take no lock. JUnit asks while it plans the run, before any
 * test executes.
 */
public final class ZeroCodeLocks implements ResourceLocksProvider {
    private static final Set<Lock> WRITE = Set.of(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE));
    private static final Set<Lock> READ = Set.of(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return forClass(List.of(), testClass);
    }

    @Override
    public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
        return forClass(enclosingInstanceTypes, testClass);
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        Found found = nearest(enclosingInstanceTypes, testClass, testMethod);
        if (found == null || found.settings == null) {
            return found == null ? Set.of() : WRITE;
        }
        // A class-scoped simulation's properties are held by its class for all of its tests.
        return found.settings.scope() == Scope.TEST ? locksFor(found) : Set.of();
    }

    private static Set<Lock> forClass(List<Class<?>> enclosing, Class<?> testClass) {
        Found found = nearest(enclosing, testClass, null);
        if (found == null || found.declaredOn != testClass) {
            return Set.of();     // an enclosing class holds it, or each test takes its own
        }
        if (found.settings == null) {
            return WRITE;
        }
        return found.settings.scope() == Scope.CLASS ? locksFor(found) : Set.of();
    }

    private static Found nearest(List<Class<?>> enclosing, Class<?> testClass, Method method) {
        try {
            return Declarations.findForPlanning(enclosing, testClass, method);
        } catch (RuntimeException | LinkageError e) {
            // A misconfiguration (or a test class whose static initializer fails) is reported when the test
            // runs, with its message; plan the safe way meanwhile.
            return new Found(null, null, testClass);
        }
    }

    private static Set<Lock> locksFor(Found found) {
        if (!found.settings.zeroCodeSwap()) {
            return Set.of();
        }
        return ZeroCodeProperties.missing(found.settings.effectiveRegion()).isEmpty() ? READ : WRITE;
    }
}
