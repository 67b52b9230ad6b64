package io.github.awssim.sdk;

import com.sun.net.httpserver.HttpServer;
import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.internal.ServerExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.regions.Region;

/**
 * Serves a {@link Simulation} over HTTP on the loopback interface, so that programs awssim's HTTP client
 * cannot reach — the AWS CLI, other languages' SDKs, an app started as a separate process — call the same
 * simulated services:
 *
 * <pre>{@code
 * try (Simulation sim = Simulation.create();
 *      SimulationServer server = SimulationServer.start(sim)) {
 *     // aws --endpoint-url <server.endpoint()> s3 ls
 *     S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)...build();
 * }
 * }</pre>
 *
 * Each request is answered exactly as {@link SimulatedHttpClient} answers an SDK that uses it without
 * awssim's interceptor: decoded from the wire (the service from the SigV4 credential scope or the
 * {@code X-Amz-Target} header, S3's bucket from the path or a {@code <bucket>.localhost} host), journalled,
 * subject to the simulation's stubs and fault plan, and encoded in the service's protocol. A transport fault
 * that resets the connection or loses the response closes the socket unanswered. Signatures are not verified.
 *
 * <p>Thread-safe. It listens on {@code 127.0.0.1} only, answers each connection on its own daemon thread,
 * and never closes the simulation.
 */
public final class SimulationServer implements AutoCloseable {
    /** The port {@link #main} listens on unless told otherwise (the one LocalStack made familiar). */
    public static final int DEFAULT_PORT = 4566;

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicInteger answering;
    private final URI endpoint;

    private SimulationServer(HttpServer server, ExecutorService threads, AtomicInteger answering) {
        this.server = server;
        this.threads = threads;
        this.answering = answering;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code simulation} on a free loopback port; {@link #endpoint()} tells which. */
    public static SimulationServer start(Simulation simulation) {
        return start(simulation, 0);
    }

    /**
     * Serves {@code simulation} on loopback {@code port} (0: a free one).
     *
     * @throws UncheckedIOException when the port cannot be bound (it is taken, say)
     */
    public static SimulationServer start(Simulation simulation, int port) {
        Objects.requireNonNull(simulation, "simulation");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("awssim: port must be 0..65535, was " + port);
        }
        SimulatedHttpClient client = SimulatedHttpClient.create(simulation);
        noDelay();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            throw new UncheckedIOException("awssim: cannot serve on loopback port " + port + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("awssim: cannot start the server: " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(threads);
        AtomicInteger answering = new AtomicInteger();
        server.createContext("/", exchange -> {
            answering.incrementAndGet();
            try {
                ServerExchange.answer(client, exchange);
            } finally {
                answering.decrementAndGet();
            }
        });
        server.start();
        return new SimulationServer(server, threads, answering);
    }

    /** The base URI to hand clients as their endpoint, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The port the server listens on. */
    public int port() {
        return endpoint.getPort();
    }

    /** Stops listening; an exchange under way is given a second to finish. The simulation stays open. */
    @Override
    public void close() {
        // HttpServer.stop(1) would wait the whole second for idle keep-alive connections too; only answers matter
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (answering.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "SimulationServer[" + endpoint + "]";
    }

    /**
     * Runs a server until the process is stopped: {@code --port N} (default {@value #DEFAULT_PORT}),
     * {@code --seed N}, {@code --account-id ID}, {@code --region R}, {@code --start-time ISO-8601}.
     */
    public static void main(String[] args) throws InterruptedException {
        Simulation.Builder sim = Simulation.builder();
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                usage("missing value after " + flag);
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--seed" -> sim.seed(Long.parseLong(value));
                    case "--account-id" -> sim.accountId(value);
                    case "--region" -> sim.region(Region.of(value));
                    case "--start-time" -> sim.startTime(Instant.parse(value));
                    default -> usage("unknown option " + flag);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                usage("bad value for " + flag + ": " + value + " (" + e.getMessage() + ")");
            }
        }
        Simulation simulation = sim.build();
        SimulationServer server = start(simulation, port);
        System.out.println("awssim: serving " + simulation + " at " + server.endpoint() + " (stop with Ctrl-C)");
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            simulation.close();
        }, "awssim-server-shutdown"));
        forever.await();
    }

    private static void usage(String problem) {
        System.err.println("awssim: " + problem + "\n" + USAGE);
        System.exit(2);
    }

    /**
     * The JDK's server sends a response's headers and body in separate writes; with Nagle's algorithm on, the
     * body then waits for the client's delayed ACK of the headers, some 40 ms a call on Linux. The server reads
     * this property once, when the first server in the JVM starts; one set by the user is left alone.
     */
    private static void noDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private static final String USAGE = "usage: SimulationServer [--port N] [--seed N] [--account-id ID] [--region R]"
        + " [--start-time 2026-01-01T00:00:00Z]";

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "awssim-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
