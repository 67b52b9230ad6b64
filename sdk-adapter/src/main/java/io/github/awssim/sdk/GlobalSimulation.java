package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;

/**
 * Which simulation answers clients that the SDK gives awssim's HTTP client on its own: the zero-code
 * swap, where an application builds clients the ordinary way ({@code MarketplaceMeteringClient.create()})
 * and the JVM runs with
 * <pre>
 * -Dsoftware.amazon.awssdk.http.service.impl=io.github.awssim.sdk.SimulatedHttpService
 * -Dsoftware.amazon.awssdk.http.async.service.impl=io.github.awssim.sdk.SimulatedAsyncHttpService
 * -Daws.region=us-east-1 -Daws.accessKeyId=AKIDAWSSIMEXAMPLE -Daws.secretAccessKey=awssim
 * </pre>
 * Such clients are routed, at each call, to the most recently {@link #install installed} open
 * simulation; when none is installed, to one process-wide simulation created on first use
 * ({@link #processDefault()}), so an application started with those properties simply runs against
 * awssim.
 *
 * <pre>{@code
 * try (Simulation sim = Simulation.create(); GlobalSimulation.Installation ignored = GlobalSimulation.install(sim)) {
 *     new MyApp().run();                       // its clients reach sim
 *     assertThat(sim.journal().size()).isEqualTo(3);
 * }
 * }</pre>
 * Installations nest; closing one restores the previous routing. Clients built with an explicit
 * {@code .httpClient(SimulatedHttpClient.create(sim))} are not affected.
 */
public final class GlobalSimulation {
    /** The SDK's system property naming its default sync HTTP service. */
    public static final String SYNC_PROPERTY = "software.amazon.awssdk.http.service.impl";
    /** The SDK's system property naming its default async HTTP service. */
    public static final String ASYNC_PROPERTY = "software.amazon.awssdk.http.async.service.impl";

    private static final Deque<Simulation> INSTALLED = new ArrayDeque<>();
    private static Simulation processDefault;

    private GlobalSimulation() {
    }

    /** The system properties that make the SDK choose awssim's HTTP clients (set them before the first client is built). */
    public static Map<String, String> httpServiceProperties() {
        return Map.of(SYNC_PROPERTY, SimulatedHttpService.class.getName(),
            ASYNC_PROPERTY, SimulatedAsyncHttpService.class.getName());
    }

    /** Routes SPI-built clients to {@code simulation} until the returned installation is closed. */
    public static Installation install(Simulation simulation) {
        Objects.requireNonNull(simulation, "simulation");
        synchronized (INSTALLED) {
            INSTALLED.push(simulation);
        }
        return new Installation(simulation);
    }

    /** The simulation SPI-built clients reach now. */
    public static Simulation current() {
        synchronized (INSTALLED) {
            for (Simulation s : INSTALLED) {
                if (!s.isClosed()) {
                    return s;
                }
            }
            return processDefault();
        }
    }

    /** The process-wide simulation used when none is installed, created on first use. */
    public static Simulation processDefault() {
        synchronized (INSTALLED) {
            if (processDefault == null || processDefault.isClosed()) {
                processDefault = Simulation.create();
            }
            return processDefault;
        }
    }

    /** An installed routing; closing it removes it (whatever was installed after it stays). */
    public static final class Installation implements AutoCloseable {
        private final Simulation simulation;

        private Installation(Simulation simulation) {
            this.simulation = simulation;
        }

        public Simulation simulation() {
            return simulation;
        }

        @Override
        public void close() {
            synchronized (INSTALLED) {
                INSTALLED.removeFirstOccurrence(simulation);
            }
        }
    }
}
