package io.github.awssim.junit;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.SimulatedAws.Scope;
import io.github.awssim.junit.internal.Declarations;
import io.github.awssim.junit.internal.ExtensionEngine;
import io.github.awssim.junit.internal.Messages;
import io.github.awssim.junit.internal.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import software.amazon.awssdk.regions.Region;

/**
 * The {@link SimulatedAws @SimulatedAws} extension, and its programmatic twin for
 * {@code @RegisterExtension}: typed values, further simulation configuration, and customizations as
 * lambdas.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder()
 *         .startTime(Instant.parse("2026-06-01T09:05:00Z"))
 *         .region(Region.EU_WEST_1)
 *         .configure(b -> b.journalCapacity(100))
 *         .customize(sim -> sim.metering().registerProduct("prod-1", "Users"))
 *         .build();
 *
 * @Test
 * void meters(Simulation sim, MarketplaceMeteringClient metering) { ... }
 * }</pre>
 *
 * Everything {@link SimulatedAws} says holds here, with one difference: JUnit takes resource locks only
 * from annotations, so a class that registers this extension with the zero-code swap on (the default)
 * and runs in parallel must declare {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)} itself; the
 * extension says so if it is missing. Use either this or {@code @SimulatedAws} on a class, not both.
 * Immutable and thread-safe; a static field shares the configuration, never a simulation.
 */
public final class SimulatedAwsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, TestInstancePreConstructCallback, ParameterResolver, TestExecutionExceptionHandler,
    LifecycleMethodExecutionExceptionHandler {

    static {
        Declarations.install(e -> ((SimulatedAwsExtension) e).engine.settings());
    }

    private final ExtensionEngine engine;

    /** The instance {@code @SimulatedAws} registers: it reads its settings from the annotations. */
    private SimulatedAwsExtension() {
        this.engine = new ExtensionEngine(null, this);
    }

    private SimulatedAwsExtension(Settings settings) {
        this.engine = new ExtensionEngine(settings, this);
    }

    /** A builder with {@code @SimulatedAws}'s defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        // Constructor parameters and field initializers then belong to the test, not to the class.
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        engine.preConstruct(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        engine.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        engine.after(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.after(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return engine.supports(parameterContext, extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return engine.resolve(parameterContext, extensionContext);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        engine.noteSeed(context, throwable);
        throw throwable;
    }

    // A failure in a lifecycle method is the test's failure too: it shows the random seed the same way.

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        handleTestExecutionException(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        handleTestExecutionException(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        handleTestExecutionException(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        handleTestExecutionException(context, throwable);
    }

    @Override
    public String toString() {
        return engine.settings() == null ? "SimulatedAwsExtension[@SimulatedAws]" : "SimulatedAwsExtension[" + engine.settings() + "]";
    }

    /** Configures a {@link SimulatedAwsExtension}; the defaults are {@code @SimulatedAws}'s. */
    public static final class Builder {
        private static final String SOURCE = "SimulatedAwsExtension.builder()";

        private Long seed;
        private Instant startTime;
        private Region region;
        private String accountId;
        private Scope scope = Scope.TEST;
        private boolean zeroCodeSwap = true;
        private Consumer<Simulation.Builder> configure = b -> { };
        private final List<Consumer<? super Simulation>> customizers = new ArrayList<>();

        private Builder() {
        }

        /** Seeds the simulation's randomness so a run replays. Random by default (a failing test then shows the seed). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Fixes the simulation clock at {@code startTime}. A live clock by default. */
        public Builder startTime(Instant startTime) {
            this.startTime = require(startTime, "startTime");
            return this;
        }

        /** The simulation's region. us-east-1 by default. */
        public Builder region(Region region) {
            this.region = Settings.region(require(region, "region").id(), SOURCE);
            return this;
        }

        /** The 12-digit account calls belong to. 123456789012 by default. */
        public Builder accountId(String accountId) {
            this.accountId = Settings.accountId(require(accountId, "accountId"), SOURCE);
            return this;
        }

        /** One simulation per test (the default) or per class. */
        public Builder scope(Scope scope) {
            this.scope = require(scope, "scope");
            return this;
        }

        /** Whether clients built by code under test reach the simulation; see {@link SimulatedAws#zeroCodeSwap()}. */
        public Builder zeroCodeSwap(boolean zeroCodeSwap) {
            this.zeroCodeSwap = zeroCodeSwap;
            return this;
        }

        /** Further simulation settings, applied last to each {@link Simulation.Builder}, e.g. {@code b -> b.journalCapacity(100)}. */
        public Builder configure(Consumer<Simulation.Builder> more) {
            this.configure = this.configure.andThen(require(more, "configure"));
            return this;
        }

        /**
         * A step applied to each new simulation before anything is injected: seeded state, stubs, a fault
         * plan. Steps run in the order given, before the customizing annotations on the test class and method.
         */
        public Builder customize(Consumer<? super Simulation> step) {
            customizers.add(require(step, "customize"));
            return this;
        }

        public SimulatedAwsExtension build() {
            return new SimulatedAwsExtension(new Settings(seed, startTime, region, accountId, scope, zeroCodeSwap, configure,
                customizers, SOURCE));
        }

        private static <T> T require(T value, String what) {
            if (value == null) {
                throw new IllegalArgumentException(Messages.builderNull(what));
            }
            return value;
        }
    }
}
