package io.github.awssim.junit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered by every customizing annotation ({@code @InjectFault}, {@code @MeteringProduct}, ..., through
 * {@code @CustomizeSimulation}): fails a test that carries one but has no simulation to customize, rather than
 * letting it pass with the annotation silently unread.
 */
public final class CustomizationGuard implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        if (Declarations.find(context) != null) {
            return;   // the extension applies them, and rejects those on lifecycle methods
        }
        for (AnnotatedElement e : elements(context)) {
            List<Annotation> found = Customizers.on(e);
            if (!found.isEmpty()) {
                throw new ExtensionConfigurationException(Messages.customizerWithoutSimulation(found.get(0), e));
            }
        }
    }

    /** The test method and its classes, innermost first. */
    private static List<AnnotatedElement> elements(ExtensionContext context) {
        List<AnnotatedElement> out = new ArrayList<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> e = c.getElement();
            e.filter(x -> !out.contains(x)).ifPresent(out::add);
        }
        return out;
    }
}
