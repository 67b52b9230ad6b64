package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Say what is public, and let the build check it": no public or protected member of a type outside an
 * {@code .internal} package mentions an {@code .internal} type in its signature.
 */
class PublicApiTest {

    @Test
    void publicSignaturesOfCoreAndAdapterNeverExposeInternalTypes() throws Exception {
        List<String> classes = new ArrayList<>();
        classes.addAll(classesBeside(Simulation.class));
        classes.addAll(classesBeside(SimulatedHttpClient.class));
        assertThat(classes).as("scanned classes").hasSizeGreaterThan(10);

        List<String> leaks = new ArrayList<>();
        for (String name : classes) {
            if (name.contains(".internal.") || name.endsWith("package-info")) {
                continue;
            }
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    check(leaks, c, m.toGenericString(), m.getGenericReturnType());
                    checkParams(leaks, c, m);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) {
                    checkParams(leaks, c, k);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(leaks, c, f.toGenericString(), f.getGenericType());
                }
            }
            if (c.getGenericSuperclass() != null) {
                check(leaks, c, "extends", c.getGenericSuperclass());
            }
            for (Type i : c.getGenericInterfaces()) {
                check(leaks, c, "implements", i);
            }
        }
        assertThat(leaks).as("public API mentioning .internal types").isEmpty();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void checkParams(List<String> leaks, Class<?> c, Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            check(leaks, c, e.toGenericString(), t);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(leaks, c, e.toGenericString(), t);
        }
    }

    private static void check(List<String> leaks, Class<?> owner, String member, Type type) {
        if (type.getTypeName().contains("io.github.awssim.") && type.getTypeName().contains(".internal.")) {
            leaks.add(owner.getName() + ": " + member);
        }
    }

    /** Every class name in the jar or directory that holds {@code anchor}. */
    private static List<String> classesBeside(Class<?> anchor) throws IOException, URISyntaxException {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        File f = new File(location.toURI());
        List<String> names = new ArrayList<>();
        if (f.isDirectory()) {
            Path root = f.toPath();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class"))
                    .forEach(p -> names.add(className(root.relativize(p).toString().replace(File.separatorChar, '/'))));
            }
        } else {
            try (JarFile jar = new JarFile(f)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String n = entries.nextElement().getName();
                    if (n.endsWith(".class")) {
                        names.add(className(n));
                    }
                }
            }
        }
        names.removeIf(n -> n.contains("$"));
        return names;
    }

    private static String className(String path) {
        return Paths.get(path).toString().replace('/', '.').replaceAll("\\.class$", "");
    }
}
