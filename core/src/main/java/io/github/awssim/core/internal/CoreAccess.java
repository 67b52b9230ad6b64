package io.github.awssim.core.internal;

import io.github.awssim.core.Simulation;
import java.util.function.Function;

/**
 * The one bridge from a {@link Simulation} to its {@link Engine}, so the public class keeps a small API.
 * Installed by {@code Simulation}'s static initializer.
 */
public final class CoreAccess {
    private static volatile Function<Simulation, Engine> engines;

    private CoreAccess() {
    }

    public static void install(Function<Simulation, Engine> accessor) {
        engines = accessor;
    }

    public static Engine engine(Simulation simulation) {
        Function<Simulation, Engine> e = engines;
        if (e == null) {
            // Simulation's static initializer installs the accessor; a Simulation instance implies it ran.
            throw new IllegalStateException("awssim: engine accessor not installed");
        }
        return e.apply(simulation);
    }
}
