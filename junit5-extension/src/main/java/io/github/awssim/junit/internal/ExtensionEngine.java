package io.github.awssim.junit.internal;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.SimulatedAws.Scope;
import io.github.awssim.junit.SpiedBackend;
import io.github.awssim.junit.internal.Declarations.Declaration;
import io.github.awssim.sdk.GlobalSimulation;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulationServer;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;

/**
 * What {@code SimulatedAwsExtension} does, behind its JUnit callbacks. Keeps nothing in fields but its
 * own settings: every simulation, lease of system properties, thread binding and client lives in the
 * {@link Store} of the context it belongs to, under keys that carry that context's unique id (a store
 * reads through to its parents, and a nested class may own a simulation of its own), and JUnit closes
 * them when the context ends: clients, then the binding, then the properties, then the simulation.
 */
public final class ExtensionEngine {
    private static final Namespace NAMESPACE = Namespace.create("io.github.awssim.junit");
    private static final String CLOSE_AUTOCLOSEABLE = "junit.jupiter.extensions.store.close.autocloseable.enabled";
    private static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    /** The settings of a programmatic extension; null for the instance {@code @SimulatedAws} registers. */
    private final Settings own;
    private final Object extension;

    public ExtensionEngine(Settings own, Object extension) {
        this.own = own;
        this.extension = Objects.requireNonNull(extension);
    }

    public Settings settings() {
        return own;
    }

    // ---- lifecycle ----

    public void preConstruct(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            enterTest(context);
        } else {
            enterClass(context);
        }
    }

    public void beforeAll(ExtensionContext context) {
        enterClass(context);
    }

    public void beforeEach(ExtensionContext context) {
        enterTest(context);
    }

    /** Ends this context's thread binding on the thread that made it; the rest closes with the store. */
    public void after(ExtensionContext context) {
        Entered entered = context.getStore(NAMESPACE).remove(key("entered", context), Entered.class);
        if (entered != null) {
            entered.close();
        }
    }

    private void enterClass(ExtensionContext context) {
        Declaration d = mine(context);
        if (d == null || d.settings.scope() != Scope.CLASS) {
            return;
        }
        enter(context, scope(d.owner, d).simulation);
    }

    private void enterTest(ExtensionContext context) {
        Declaration d = mine(context);
        if (d == null) {
            return;
        }
        Simulation simulation;
        if (d.settings.scope() == Scope.CLASS) {
            rejectCustomizersBelow(context, d);
            simulation = scope(d.owner, d).simulation;
        } else {
            simulation = scope(context, d).simulation;
        }
        enter(context, simulation);
    }

    /** Binds this thread to the simulation for the context's duration; once per context (pre-construct, then before). */
    private static void enter(ExtensionContext context, Simulation simulation) {
        Store store = context.getStore(NAMESPACE);
        Key key = key("entered", context);
        if (store.get(key) == null) {
            store.put(key, new Entered(GlobalSimulation.bindCurrentThread(simulation)));
        }
    }

    // ---- parameters ----

    public boolean supports(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        boolean ours = type == Simulation.class || type == SimulatedClients.class || type == SimulationServer.class
            || parameterContext.isAnnotated(SpiedBackend.class)
            || (SdkClient.class.isAssignableFrom(type) && !annotatedByMockito(parameterContext.getParameter()));
        return ours && mine(context) != null;
    }

    public Object resolve(ParameterContext parameterContext, ExtensionContext context) {
        Declaration d = Objects.requireNonNull(mine(context));
        Parameter parameter = parameterContext.getParameter();
        Simulation simulation = simulationFor(parameter, context, d);
        Class<?> type = parameter.getType();
        if (parameterContext.isAnnotated(SpiedBackend.class)) {   // first: @SpiedBackend Simulation is a mistake to say
            return spiedBackend(parameter, type, simulation);
        }
        if (type == Simulation.class) {
            return simulation;
        }
        if (type == SimulatedClients.class) {
            return SimulatedClients.of(simulation);
        }
        if (type == SimulationServer.class) {
            // one per test (or per lifecycle method), closed by the Store with it; a class-scoped simulation outlives it
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(key("server", context),
                k -> SimulationServer.start(simulation), SimulationServer.class);
        }
        if (!isClientInterface(type)) {
            throw new ExtensionConfigurationException(Messages.notAClientInterface(parameter, type));
        }
        Class<? extends SdkClient> clientType = type.asSubclass(SdkClient.class);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key("client " + type.getName(), context),
            k -> SimulatedClients.of(simulation).create(clientType), SdkClient.class);
    }

    private static Simulation simulationFor(Parameter parameter, ExtensionContext context, Declaration d) {
        if (d.settings.scope() == Scope.CLASS) {
            return scope(d.owner, d).simulation;
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException(Messages.noSimulationOutsideATest(parameter, context.getRequiredTestClass()));
        }
        return scope(context, d).simulation;
    }

    private static Object spiedBackend(Parameter parameter, Class<?> type, Simulation simulation) {
        if (!isClientInterface(type)) {
            throw new ExtensionConfigurationException(Messages.spiedNotABackend(parameter, type));
        }
        if (isAsync(type)) {
            throw new ExtensionConfigurationException(Messages.spiedAsync(parameter, type));
        }
        if (!mockitoAvailable()) {
            throw new ExtensionConfigurationException(Messages.mockitoMissing(parameter));
        }
        try {
            return simulation.spyBackend(type.asSubclass(SdkClient.class));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(Messages.spiedUnavailable(parameter, e.getMessage()), e);
        }
    }

    // ---- failures ----

    /** Adds the random seed to a failing test's exception, so the run can be replayed. */
    public void noteSeed(ExtensionContext context, Throwable failure) {
        if (failure instanceof TestAbortedException
            || Arrays.stream(failure.getSuppressed()).anyMatch(SeedNote.class::isInstance)) {
            return;   // a failure a lifecycle method rethrows reaches the handler twice
        }
        try {
            Declaration d = mine(context);
            if (d == null || !d.settings.randomSeed()) {
                return;
            }
            ExtensionContext home = d.settings.scope() == Scope.CLASS ? d.owner : context;
            ScopeState state = home.getStore(NAMESPACE).get(key("scope", home), ScopeState.class);
            if (state != null) {
                failure.addSuppressed(new SeedNote(Messages.seedHint(state.simulation.seed())));
            }
        } catch (RuntimeException e) {
            // Never hide the test's own failure behind a problem of ours.
        }
    }

    // ---- the simulation's scope ----

    /** Which declaration configures {@code context}, if this extension instance is the one that acts on it. */
    private Declaration mine(ExtensionContext context) {
        Declaration d = Declarations.find(context);
        if (d == null) {
            d = new Declaration(own != null ? own : defaults(context), null, innermostClass(context), context.getRequiredTestClass());
            return d;
        }
        return d.ownedBy(extension, own == null) ? d : null;
    }

    private static Settings defaults(ExtensionContext context) {
        return new Settings(null, null, null, null, Scope.TEST, true, b -> { }, List.of(),
            "@ExtendWith(SimulatedAwsExtension.class) on " + context.getRequiredTestClass().getName());
    }

    /** The simulation living in {@code home} (a test, or the class owning a class-scoped one), created on first use. */
    private static ScopeState scope(ExtensionContext home, Declaration d) {
        checkStoreClosing(home);
        return home.getStore(NAMESPACE).getOrComputeIfAbsent(key("scope", home), k -> open(home, d), ScopeState.class);
    }

    private static ScopeState open(ExtensionContext home, Declaration d) {
        Simulation simulation;
        try {
            simulation = d.settings.newSimulation();
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(Messages.simulationNotBuilt(d.settings.source(), e), e);
        }
        AutoCloseable lease = null;
        GlobalSimulation.Installation installed = null;
        try {
            for (Consumer<? super Simulation> c : d.settings.customizers()) {
                try {
                    c.accept(simulation);
                } catch (RuntimeException e) {
                    throw new ExtensionConfigurationException(Messages.programmaticCustomizerFailed(d.settings.source(), e), e);
                }
            }
            for (AnnotatedElement e : customizedElements(home)) {
                if (e instanceof Class) {
                    Customizers.rejectOnLifecycleMethods((Class<?>) e);
                }
                Customizers.apply(simulation, e);
            }
            if (d.settings.zeroCodeSwap()) {
                Map<String, String> writes = ZeroCodeProperties.missing(d.settings.effectiveRegion());
                if (!writes.isEmpty()) {
                    if (d.extension != null) {
                        checkLockDeclared(home, d);
                    }
                    lease = ZeroCodeProperties.apply(writes);
                    // This test holds the system-properties lock: no other zero-code test runs now, so the
                    // clients built on threads other than the test's (pools, static initializers) may come here.
                    installed = GlobalSimulation.install(simulation);
                }
                checkSdkDefaults(home);
            }
            return new ScopeState(simulation, lease, installed);
        } catch (RuntimeException | Error e) {
            new ScopeState(simulation, lease, installed).closeQuietly(e);
            throw e;
        }
    }

    /** The classes (outermost first) and method whose customizing annotations apply to a simulation living in {@code home}. */
    private static List<AnnotatedElement> customizedElements(ExtensionContext home) {
        List<AnnotatedElement> elements = new ArrayList<>();
        for (ExtensionContext c = home; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> e = c.getElement();
            if (e.isPresent() && e.get() instanceof Class && !elements.contains(e.get())) {
                elements.add(0, e.get());
            }
        }
        home.getTestMethod().ifPresent(elements::add);
        return elements;
    }

    private static void rejectCustomizersBelow(ExtensionContext test, Declaration d) {
        List<AnnotatedElement> below = new ArrayList<>();
        test.getTestMethod().ifPresent(below::add);
        for (ExtensionContext c = test; c != null && c != d.owner; c = c.getParent().orElse(null)) {
            c.getElement().filter(e -> e instanceof Class && e != d.ownerClass).ifPresent(below::add);
        }
        for (AnnotatedElement e : below) {
            List<Annotation> found = Customizers.on(e);
            if (!found.isEmpty()) {
                throw new ExtensionConfigurationException(Messages.customizerOnSharedSimulation(found.get(0), e, d.ownerClass));
            }
        }
    }

    // ---- checks ----

    private static void checkStoreClosing(ExtensionContext context) {
        if (context.getConfigurationParameter(CLOSE_AUTOCLOSEABLE).map(v -> !Boolean.parseBoolean(v.trim())).orElse(false)) {
            throw new ExtensionConfigurationException(Messages.closingDisabled(CLOSE_AUTOCLOSEABLE));
        }
    }

    /** A programmatic extension cannot declare locks (only annotations can), so its class must, when tests run in parallel. */
    private static void checkLockDeclared(ExtensionContext home, Declaration d) {
        boolean parallel = home.getConfigurationParameter(PARALLEL).map(v -> Boolean.parseBoolean(v.trim())).orElse(false);
        if (!parallel) {
            return;
        }
        for (ExtensionContext c = home; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> e = c.getElement();
            if (e.isPresent() && (AnnotationSupport.isAnnotated(e.get(), Isolated.class)
                || AnnotationSupport.findRepeatableAnnotations(e.get(), ResourceLock.class).stream().anyMatch(ExtensionEngine::coversSystemProperties))) {
                return;
            }
        }
        throw new ExtensionConfigurationException(Messages.missingLock(d.settings.source(), describe(home)));
    }

    private static boolean coversSystemProperties(ResourceLock lock) {
        return (Resources.SYSTEM_PROPERTIES.equals(lock.value()) && lock.mode() == ResourceAccessMode.READ_WRITE)
            || List.of(lock.providers()).contains(ZeroCodeLocks.class);
    }

    /** Fails when the SDK settled on another default HTTP client before the swap could be switched on; asked once per run. */
    private static void checkSdkDefaults(ExtensionContext context) {
        String[] other = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SdkDefaultsKey.INSTANCE,
            k -> new String[][] {SdkDefaultHttpClients.notAwssim()}, String[][].class)[0];
        if (other != null) {
            throw new ExtensionConfigurationException(Messages.sdkChoseAnotherHttpClient(other[0], other[1], describe(context)));
        }
    }

    // ---- small helpers ----

    private static ExtensionContext innermostClass(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getElement().orElse(null) instanceof Class && c.getTestMethod().isEmpty()) {
                return c;
            }
        }
        return context;
    }

    static boolean isClientInterface(Class<?> type) {
        if (!type.isInterface() || !SdkClient.class.isAssignableFrom(type)) {
            return false;
        }
        try {
            Method builder = type.getMethod("builder");
            return Modifier.isStatic(builder.getModifiers()) && builder.getDeclaringClass() == type;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isAsync(Class<?> clientInterface) {
        try {
            return SdkAsyncClientBuilder.class.isAssignableFrom(clientInterface.getMethod("builder").getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean annotatedByMockito(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            if (a.annotationType().getName().startsWith("org.mockito.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mockitoAvailable() {
        try {
            Class.forName("org.mockito.Mockito", false, ExtensionEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static String describe(ExtensionContext context) {
        String owner = context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName());
        return context.getTestMethod().map(m -> owner + "." + m.getName() + "()").orElse(owner);
    }

    private static Key key(String what, ExtensionContext context) {
        return new Key(what, context.getUniqueId());
    }

    /** A store key scoped to one context, so that no read falls through to a parent's value. */
    private static final class Key {
        private final String what;
        private final String contextId;

        Key(String what, String contextId) {
            this.what = what;
            this.contextId = contextId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).what.equals(what) && ((Key) o).contextId.equals(contextId);
        }

        @Override
        public int hashCode() {
            return what.hashCode() * 31 + contextId.hashCode();
        }

        @Override
        public String toString() {
            return what + " @ " + contextId;
        }
    }

    private enum SdkDefaultsKey { INSTANCE }

    /** A simulation with what the zero-code swap set up for it; closed in reverse order of opening. */
    private static final class ScopeState implements AutoCloseable {
        final Simulation simulation;
        private final AutoCloseable lease;
        private final GlobalSimulation.Installation installed;

        ScopeState(Simulation simulation, AutoCloseable lease, GlobalSimulation.Installation installed) {
            this.simulation = simulation;
            this.lease = lease;
            this.installed = installed;
        }

        @Override
        public void close() throws Exception {
            Exception first = null;
            for (AutoCloseable c : new AutoCloseable[] {installed, lease, simulation}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }

        void closeQuietly(Throwable cause) {
            try {
                close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** A context's thread binding; {@link #after} ends it on its thread, the store only if that never ran. */
    private static final class Entered implements AutoCloseable {
        private final GlobalSimulation.Installation binding;

        Entered(GlobalSimulation.Installation binding) {
            this.binding = binding;
        }

        @Override
        public void close() {
            binding.close();
        }
    }

    /** Shown under a failing test's exception; no stack trace, it is a note. */
    private static final class SeedNote extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeedNote(String message) {
            super(message, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
