package io.github.awssim.junit.internal;

import io.github.awssim.core.Simulation;
import org.mockito.Mockito;
import software.amazon.awssdk.core.SdkClient;

/**
 * The only class that touches Mockito, an optional dependency: it is loaded only once a
 * {@code @SpiedBackend} parameter is resolved and Mockito was found ({@code ExtensionEngine}).
 */
final class MockitoSpies {
    private MockitoSpies() {
    }

    /**
     * The spy answering {@code clientInterface} in {@code simulation}: the registered backend when it is
     * already a spy (so every parameter asking gets the same one), else a new spy of it, registered.
     */
    static <T extends SdkClient> T spyBackend(Simulation simulation, Class<T> clientInterface) {
        synchronized (MockitoSpies.class) {     // two tests sharing a class-scoped simulation must get one spy
            T backend = simulation.backend(clientInterface);
            if (Mockito.mockingDetails(backend).isSpy()) {
                return backend;
            }
            T spy = Mockito.spy(backend);
            simulation.register(clientInterface, spy);
            return spy;
        }
    }
}
