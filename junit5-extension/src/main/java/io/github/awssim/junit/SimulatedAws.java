package io.github.awssim.junit;

import io.github.awssim.junit.internal.ZeroCodeLocks;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs each test against a fresh simulated AWS. Put it on a test class (or one test method):
 *
 * <pre>{@code
 * @SimulatedAws(startTime = "2026-06-01T09:05:00Z")
 * class HourlyMeteringAgentTest {
 *     @Test
 *     void reportsThePreviousHour(Simulation sim, MarketplaceMeteringClient metering) {
 *         new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> Map.of("Users", 12)).reportPreviousHour();
 *
 *         assertThat(sim.metering().records()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Parameters</b> of test, lifecycle and constructor methods are injected by type:
 * <ul>
 *   <li>{@link io.github.awssim.core.Simulation}: this test's simulation (clock, journal, state, backends);</li>
 *   <li>any SDK client interface, sync or async ({@code MarketplaceMeteringClient}, {@code S3AsyncClient}, …):
 *       a real client bound to the simulation, with fake credentials, the simulation's region, and retry
 *       backoff that passes on the simulation clock instead of sleeping. One per interface and test,
 *       closed after it;</li>
 *   <li>{@link io.github.awssim.sdk.SimulatedClients}: to build clients of your own configuration;</li>
 *   <li>{@link io.github.awssim.sdk.SimulationServer}: the simulation served on a free loopback port, for a
 *       process the test starts (the AWS CLI, another language's SDK). One per test, closed after it;</li>
 *   <li>{@link SpiedBackend @SpiedBackend} on a sync client interface: a Mockito spy of the service's
 *       backend, registered in the simulation, so {@code verify} counts the attempts that reached it.</li>
 * </ul>
 *
 * <p><b>The zero-code swap</b> ({@link #zeroCodeSwap()}, on by default): code under test that builds its
 * own clients the ordinary way ({@code MarketplaceMeteringClient.create()}) reaches this test's simulation.
 * The extension sets the SDK's HTTP-service system properties, {@code aws.region} (the simulation's) and
 * fake {@code aws.accessKeyId}/{@code aws.secretAccessKey} (unless both are set) for the test, restores
 * them afterwards, and declares {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)} so that a concurrent
 * suite never runs two such tests, or another test that declares that lock, at the same time. When the
 * JVM already has every one of those values (set by the build), nothing is written and the tests only
 * take the lock in read mode, so they run concurrently.
 *
 * <p>Which simulation such a client reaches is decided at each attempt: the one of the test running on the
 * calling thread; else the one of the test that was running on the thread that built the client, while that
 * test lasts (so a client built in the test and called from a pool, or an async client's retries, stay
 * with it); else the simulation the extension installed JVM-wide while it wrote the properties (no other
 * such test runs meanwhile, so clients built on other threads during it reach it too); else
 * {@link io.github.awssim.sdk.GlobalSimulation#current()}. A client kept in a static field and reused by
 * later tests follows whichever test calls it.
 *
 * <p><b>Scope.</b> Each test (each invocation of a repeated or parameterized test) gets its own
 * simulation, closed after it; {@code scope = Scope.CLASS} shares one between the tests of the class
 * (and of its {@code @Nested} classes), created before {@code @BeforeAll} methods run. The nearest
 * declaration wins: a test method's annotation over its class's, a nested class's over the enclosing
 * class's; attributes are not merged.
 *
 * <p>Misuse (an attribute that does not parse, a parameter awssim cannot provide) fails the test with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} that names the attribute or
 * parameter and shows a correct example. For typed values and lambdas, register
 * {@link SimulatedAwsExtension#builder()} with {@code @RegisterExtension} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedAwsExtension.class)
@ResourceLock(providers = ZeroCodeLocks.class)
public @interface SimulatedAws {
    /** The value of {@link #seed()} that means "draw a random seed" (the test's failure message then shows it). */
    long RANDOM_SEED = Long.MIN_VALUE;

    /** Seeds the simulation's randomness (generated ids, sampled faults) so a run replays. Random by default. */
    long seed() default RANDOM_SEED;

    /**
     * Fixes the simulation clock at this ISO-8601 instant, e.g. {@code "2026-06-01T09:05:00Z"}; it then moves
     * only when the test (or virtual retry backoff) moves it. Empty (the default): a live clock.
     */
    String startTime() default "";

    /** The simulation's region id, e.g. {@code "eu-west-1"}. Empty (the default): us-east-1. */
    String region() default "";

    /** The 12-digit account calls belong to, e.g. {@code "111122223333"}. Empty (the default): 123456789012. */
    String accountId() default "";

    /** Whether each test gets its own simulation (the default) or the tests of the class share one. */
    Scope scope() default Scope.TEST;

    /**
     * Whether clients that code under test builds itself reach the simulation (true, the default), by the
     * system properties described above. False: the extension writes no system property and takes no lock;
     * only injected clients (and clients built with awssim's HTTP client) reach the simulation, unless the
     * JVM was started with the swap's properties.
     */
    boolean zeroCodeSwap() default true;

    /** How long a simulation lives. */
    enum Scope {
        /** One simulation per test (per invocation of a repeated or parameterized test). */
        TEST,
        /** One simulation for all tests of the annotated class, including its {@code @Nested} classes. */
        CLASS
    }
}
