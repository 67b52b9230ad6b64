package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.KeyedRing;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Which simulation answers clients that the SDK gives awssim's HTTP client on its own: the zero-code
 * swap, where an application builds clients the ordinary way ({@code MarketplaceMeteringClient.create()})
 * and the JVM runs with
 * <pre>
 * -Dsoftware.amazon.awssdk.http.service.impl=io.github.awssim.sdk.SimulatedHttpService
 * -Dsoftware.amazon.awssdk.http.async.service.impl=io.github.awssim.sdk.SimulatedAsyncHttpService
 * -Daws.region=us-east-1 -Daws.accessKeyId=AKIDAWSSIMEXAMPLE -Daws.secretAccessKey=awssim
 * </pre>
 *
 * <p><b>Routing.</b> Each attempt of such a client goes to the first open simulation of:
 * <ol>
 *   <li>the one {@link #bindCurrentThread bound} to the thread making the attempt;</li>
 *   <li>the one that was bound to the thread that built the client, when it was built;</li>
 *   <li>the most recently {@link #install installed} one;</li>
 *   <li>one process-wide simulation created on first use ({@link #processDefault()}), so an application
 *       started with those properties simply runs against awssim.</li>
 * </ol>
 * Thread bindings are what lets tests that run concurrently each reach their own simulation (awssim's
 * JUnit extension binds the test's thread); installations are for one simulation at a time.
 *
 * <pre>{@code
 * try (Simulation sim = Simulation.create(); GlobalSimulation.Installation ignored = GlobalSimulation.install(sim)) {
 *     new MyApp().run();                       // its clients reach sim
 *     assertThat(sim.journal().size()).isEqualTo(3);
 * }
 * }</pre>
 * All attempts of one API call (the SDK's retries, which an async client runs on its own threads) go where the
 * first went. Installations and bindings nest; closing one restores the previous routing. Clients built with an
 * explicit {@code .httpClient(SimulatedHttpClient.create(sim))} are not affected.
 */
public final class GlobalSimulation {
    /** The SDK's system property naming its default sync HTTP service. */
    public static final String SYNC_PROPERTY = "software.amazon.awssdk.http.service.impl";
    /** The SDK's system property naming its default async HTTP service. */
    public static final String ASYNC_PROPERTY = "software.amazon.awssdk.http.async.service.impl";

    private static final Deque<Simulation> INSTALLED = new ArrayDeque<>();
    private static Simulation processDefault;

    /**
     * Not inheritable on purpose: a thread started during a test may outlive it or serve other tests (pools,
     * the JUnit executor's own workers), and a binding it inherited would route their clients to this one.
     */
    private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();

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
        return new Installation(simulation, () -> {
            synchronized (INSTALLED) {
                INSTALLED.removeFirstOccurrence(simulation);
            }
        });
    }

    /**
     * Routes SPI-built clients to {@code simulation} for attempts made on the calling thread, and for
     * clients built on it, until the returned binding is closed (see the routing order above). Bindings
     * nest per thread; close each on the thread that made it (closing it elsewhere only ends it).
     */
    public static Installation bindCurrentThread(Simulation simulation) {
        Objects.requireNonNull(simulation, "simulation");
        Binding binding = new Binding(simulation, BOUND.get(), Thread.currentThread());
        BOUND.set(binding);
        return new Installation(simulation, binding::end);
    }

    /** The simulation SPI-built clients reach now, from this thread: its binding, else the installed one, else the process default. */
    public static Simulation current() {
        Simulation bound = boundToCurrentThread();
        return bound != null ? bound : installedOrDefault();
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

    /** The open simulation bound to this thread, or null. */
    static Simulation boundToCurrentThread() {
        for (Binding b = BOUND.get(); b != null; b = b.previous) {
            if (!b.ended && !b.simulation.isClosed()) {
                return b.simulation;
            }
        }
        return null;
    }

    /**
     * The simulation a thread binding chose for each recent API call, by the SDK's invocation id (the same on every
     * attempt): an async call's retries run on the SDK's threads, which carry no binding, and must reach the
     * simulation its first attempt reached. Bounded, and weak, so a finished test's simulation is not kept; a call
     * retried after thousands of others falls back to routing.
     */
    private static final KeyedRing<String, WeakReference<Simulation>> BOUND_CALLS = new KeyedRing<>(4096);

    /**
     * Where an attempt of an SPI-built client goes: where the call's earlier attempts went, else the routing
     * order above; {@code builtFor} is the simulation bound when the client was built, or null.
     */
    static Simulation route(Simulation builtFor, SdkHttpRequest attempt) {
        String invocation = attempt.firstMatchingHeader("amz-sdk-invocation-id").orElse(null);
        if (invocation != null) {
            WeakReference<Simulation> found;
            synchronized (BOUND_CALLS) {
                found = BOUND_CALLS.find(invocation);
            }
            Simulation earlier = found == null ? null : found.get();
            if (earlier != null && !earlier.isClosed()) {
                return earlier;
            }
        }
        Simulation bound = boundToCurrentThread();
        if (bound != null) {
            if (invocation != null) {
                synchronized (BOUND_CALLS) {
                    BOUND_CALLS.add(invocation, new WeakReference<>(bound));
                }
            }
            return bound;
        }
        if (builtFor != null && !builtFor.isClosed()) {
            return builtFor;
        }
        return installedOrDefault();
    }

    private static Simulation installedOrDefault() {
        synchronized (INSTALLED) {
            for (Simulation s : INSTALLED) {
                if (!s.isClosed()) {
                    return s;
                }
            }
            return processDefault();
        }
    }

    private static final class Binding {
        final Simulation simulation;
        final Binding previous;
        final Thread owner;
        volatile boolean ended;

        Binding(Simulation simulation, Binding previous, Thread owner) {
            this.simulation = simulation;
            this.previous = previous;
            this.owner = owner;
        }

        void end() {
            ended = true;
            if (Thread.currentThread() == owner) {
                Binding top = BOUND.get();
                while (top != null && top.ended) {
                    top = top.previous;
                }
                if (top == null) {
                    BOUND.remove();
                } else {
                    BOUND.set(top);
                }
            }
        }
    }

    /** An installed routing or a thread binding; closing it removes it (whatever was added after it stays). Idempotent. */
    public static final class Installation implements AutoCloseable {
        private final Simulation simulation;
        private final Runnable remove;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Installation(Simulation simulation, Runnable remove) {
            this.simulation = simulation;
            this.remove = remove;
        }

        public Simulation simulation() {
            return simulation;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                remove.run();
            }
        }
    }
}
