package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.internal.Settings;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No public or protected member of the module's API mentions an {@code .internal} type; the defaults agree with core's. */
class PublicApiTest {
    private static final List<Class<?>> API = List.of(SimulatedAws.class, SimulatedAws.Scope.class, SpiedBackend.class,
        SimulatedAwsExtension.class, SimulatedAwsExtension.Builder.class, SimulationCustomizer.class, CustomizeSimulation.class,
        InjectFault.class, InjectFault.Customizer.class, SeedState.class, SeedState.Customizer.class, MeteringProduct.class,
        MeteringProduct.Customizer.class, S3Bucket.class, S3Bucket.Customizer.class, S3ObjectSeed.class);

    @Test
    void publicSignaturesNeverExposeInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : API) {
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    check(leaks, c, m.toGenericString(), m.getGenericReturnType());
                    params(leaks, c, m);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) {
                    params(leaks, c, k);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(leaks, c, f.toGenericString(), f.getGenericType());
                }
            }
            for (Type i : c.getGenericInterfaces()) {
                check(leaks, c, "implements", i);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theExtensionHasNoPublicConstructorOnlyItsBuilder() {
        assertThat(SimulatedAwsExtension.class.getConstructors()).isEmpty();
    }

    @Test
    void theDefaultRegionTheZeroCodeSwapSetsIsTheSimulationsDefault() {
        Settings defaults = new Settings(null, null, null, null, SimulatedAws.Scope.TEST, true, b -> { }, List.of(), "test");
        try (Simulation sim = defaults.newSimulation()) {
            assertThat(defaults.effectiveRegion()).isEqualTo(sim.region());
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void params(List<String> leaks, Class<?> c, Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            check(leaks, c, e.toGenericString(), t);
        }
    }

    private static void check(List<String> leaks, Class<?> owner, String member, Type type) {
        if (type.getTypeName().contains("io.github.awssim.") && type.getTypeName().contains(".internal.")) {
            leaks.add(owner.getName() + ": " + member);
        }
    }
}
