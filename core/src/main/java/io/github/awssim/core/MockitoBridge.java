package io.github.awssim.core;

import io.github.awssim.core.internal.Messages;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Mockito, reached reflectively so awssim-core does not depend on it. */
final class MockitoBridge {
    private MockitoBridge() {
    }

    static Object spy(Object target) {
        try {
            return mockito().getMethod("spy", Object.class).invoke(null, target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                : new IllegalStateException(Messages.mockitoFailed(target, e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(Messages.mockitoFailed(target, e), e);
        }
    }

    static boolean isSpy(Object o) {
        try {
            Object details = mockito().getMethod("mockingDetails", Object.class).invoke(null, o);
            Method isSpy = details.getClass().getMethod("isSpy");
            isSpy.setAccessible(true);
            return (Boolean) isSpy.invoke(details);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Class<?> mockito() {
        try {
            return Class.forName("org.mockito.Mockito");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(Messages.mockitoMissing(), e);
        }
    }
}
