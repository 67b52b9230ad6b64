package io.github.awssim.core;

import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.internal.AttemptFaults;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.FaultDecider;
import io.github.awssim.core.internal.LiveSimulations;
import io.github.awssim.core.internal.Messages;
import io.github.awssim.core.internal.ServiceCall;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.ServiceNames;
import io.github.awssim.core.services.metering.MeteringSimulator;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/** The engine behind a {@link Simulation}: backends, dispatch, journal, seeded randomness. */
final class SimulationEngine implements Engine {
    /** awssim's own error codes, for answers no AWS service would give. */
    static final String NOT_SIMULATED = "AwssimNotSimulated";
    static final String BACKEND_FAILURE = "AwssimBackendFailure";
    static final String SIMULATION_CLOSED = "AwssimSimulationClosed";

    /**
     * The simulators awssim ships, by the client interface they answer. Each has a package-private
     * constructor taking the engine, called reflectively so the engine stays out of the public API.
     */
    private static final Map<Class<?>, Function<Engine, SdkClient>> BUILT_INS = Map.of(
        MarketplaceMeteringClient.class, simulatorFactory(MeteringSimulator.class),
        BcmPricingCalculatorClient.class, simulatorFactory(PricingCalculatorSimulator.class));
    private static final Map<Class<?>, Map<Class<?>, Method>> OPERATIONS = new ConcurrentHashMap<>();
    /** Whether a backend class implements an operation method (rather than inheriting the interface default). */
    private static final ClassValue<Map<Method, Boolean>> IMPLEMENTED = new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Simulation simulation;
    private final SimulationClock clock;
    private final Journal journal;
    private final StubRegistry stubs = new StubRegistry();
    private final long seed;
    private volatile FaultDecider faults;
    private final Stubs stubsView = new Stubs(stubs);
    private final Random random;
    private final Map<Class<?>, SdkClient> builtIns = new ConcurrentHashMap<>();
    private final Map<Class<?>, SdkClient> registered = new ConcurrentHashMap<>();
    private final AutoCloseable liveHandle;
    private volatile boolean closed;

    SimulationEngine(Simulation simulation, SimulationClock clock, long seed, int journalCapacity) {
        this.simulation = simulation;
        this.clock = clock;
        this.journal = new Journal(journalCapacity);
        this.random = new Random(seed);
        this.seed = seed;
        this.faults = new FaultDecider(FaultPlan.none(), seed);
        this.liveHandle = LiveSimulations.register(simulation);
    }

    private static Function<Engine, SdkClient> simulatorFactory(Class<? extends SdkClient> simulator) {
        Constructor<? extends SdkClient> constructor;
        try {
            constructor = simulator.getDeclaredConstructor(Engine.class);
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        return engine -> {
            try {
                return constructor.newInstance(engine);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("awssim: cannot create " + simulator.getName(), e);
            }
        };
    }

    Journal journal() {
        return journal;
    }

    Stubs stubs() {
        return stubsView;
    }

    @Override
    public Simulation simulation() {
        return simulation;
    }

    @Override
    public SimulationClock clock() {
        return clock;
    }

    // ---- backends ----------------------------------------------------------------------------

    <T extends SdkClient> T backend(Class<T> clientInterface) {
        SdkClient b = backendOrNull(clientInterface);
        if (b == null) {
            throw new IllegalArgumentException(Messages.noBackend(clientInterface));
        }
        return clientInterface.cast(b);
    }

    <T extends SdkClient> void register(Class<T> clientInterface, T backend) {
        requireClientInterface(clientInterface);
        if (!clientInterface.isInstance(backend)) {
            throw new IllegalArgumentException(Messages.backendNotAnInstance(clientInterface, backend));
        }
        registered.put(clientInterface, backend);
    }

    /** The built-in simulator for a client interface, created on first use. */
    <T extends SdkClient> T builtIn(Class<T> clientInterface) {
        return clientInterface.cast(builtIns.computeIfAbsent(clientInterface, c -> BUILT_INS.get(c).apply(this)));
    }

    private SdkClient backendOrNull(Class<?> clientInterface) {
        SdkClient b = registered.get(clientInterface);
        if (b != null) {
            return b;
        }
        if (BUILT_INS.containsKey(clientInterface)) {
            return builtIns.computeIfAbsent(clientInterface, c -> BUILT_INS.get(c).apply(this));
        }
        return null;
    }

    private static void requireClientInterface(Class<?> type) {
        if (type == null || !type.isInterface() || !SdkClient.class.isAssignableFrom(type)
            || type.getSimpleName().endsWith("AsyncClient") || !type.getSimpleName().endsWith("Client")) {
            throw new IllegalArgumentException(Messages.notAClientInterface(type));
        }
    }

    // ---- dispatch ----------------------------------------------------------------------------

    @Override
    public Outcome dispatch(ServiceCall call) {
        ServiceErrors errors = ServiceErrors.of(call.clientInterface());
        if (closed) {
            return errors.describe(errors.unmodeled(SIMULATION_CLOSED, 400,
                Messages.simulationClosed(call.service(), call.operation())));
        }
        StubRegistry.Match stub = stubs.match(call.service() + "." + call.operation(), call.request());
        CallContext previous = CallContext.enter(contextOf(call));
        try {
            if (stub.step != null && stub.step.kind != StubStep.Kind.SIMULATE) {
                return answer(call, errors, stub);
            }
            return invokeBackend(call, errors, stub.nearMiss);
        } finally {
            CallContext.exit(previous);
        }
    }

    @Override
    public AttemptFaults faultsFor(ServiceCall call) {
        return faults.decide(call, clock.instant());
    }

    @Override
    public Outcome dispatch(ServiceCall call, AttemptFaults attemptFaults) {
        delay(attemptFaults);
        if (attemptFaults.error() != null) {
            return ServiceErrors.of(call.clientInterface()).describe(attemptFaults.error());
        }
        return dispatch(call);
    }

    @Override
    public void delay(AttemptFaults attemptFaults) {
        if (!attemptFaults.simulatedDelay().isZero()) {
            clock.elapse(attemptFaults.simulatedDelay());
        }
        if (!attemptFaults.realDelay().isZero()) {
            try {
                Thread.sleep(attemptFaults.realDelay().toMillis(), attemptFaults.realDelay().toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public long seed() {
        return seed;
    }

    void install(FaultPlan plan) {
        this.faults = new FaultDecider(plan, seed);
    }

    FaultPlan faultPlan() {
        return faults.plan();
    }

    private Outcome answer(ServiceCall call, ServiceErrors errors, StubRegistry.Match stub) {
        switch (stub.step.kind) {
            case RESPOND:
                return new Outcome.Response(stub.step.response);
            case FAIL:
                return errors.describe(stub.step.exception);
            default:
                break;
        }
        Object answer;
        try {
            answer = stub.step.answer.apply(call.request());
        } catch (AwsServiceException e) {
            return errors.describe(e);
        } catch (RuntimeException e) {
            return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400, Messages.stubAnswerFailed(stub.stub.describe(), e), e));
        }
        String expected = call.request().getClass().getName().replaceAll("Request$", "Response");
        if (answer == null || !answer.getClass().getName().equals(expected)) {
            return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400,
                Messages.stubAnswerWrong(stub.stub.describe(), answer, call.service() + "." + call.operation())));
        }
        return new Outcome.Response((SdkResponse) answer);
    }

    private Outcome invokeBackend(ServiceCall call, ServiceErrors errors, NearMiss nearMiss) {
        String hint = nearMiss == null ? "" : "\n" + nearMiss;
        SdkClient backend = backendOrNull(call.clientInterface());
        if (backend == null) {
            return errors.describe(errors.unmodeled(NOT_SIMULATED, 501,
                Messages.serviceNotSimulated(call.service(), call.clientInterface()) + hint));
        }
        Method method = operations(call.clientInterface()).get(call.request().getClass());
        if (method == null || !implemented(backend, method)) {
            return notImplemented(call, errors, backend, method, hint);
        }
        try {
            Object response = method.invoke(backend, call.request());
            if (!(response instanceof SdkResponse)) {
                return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400,
                    Messages.backendReturnedNothing(call.service(), call.operation(), backend)));
            }
            return new Outcome.Response((SdkResponse) response);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof AwsServiceException) {
                return errors.describe((AwsServiceException) t);
            }
            if (t instanceof UnsupportedOperationException && thrownByInterfaceDefault(t, call.clientInterface())) {
                return notImplemented(call, errors, backend, method, hint);
            }
            return backendFailure(call, errors, backend, t);
        } catch (IllegalAccessException | RuntimeException e) {
            return backendFailure(call, errors, backend, e);
        }
    }

    private Outcome notImplemented(ServiceCall call, ServiceErrors errors, Object backend, Method method, String hint) {
        String methodName = method != null ? method.getName()
            : Character.toLowerCase(call.operation().charAt(0)) + call.operation().substring(1);
        return errors.describe(errors.unmodeled(NOT_SIMULATED, 501, Messages.operationNotSimulated(call.service(),
            call.operation(), call.clientInterface(), backend, methodName, call.request().getClass().getSimpleName()) + hint));
    }

    private static Outcome backendFailure(ServiceCall call, ServiceErrors errors, Object backend, Throwable t) {
        return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400,
            Messages.backendFailure(call.service(), call.operation(), backend, t), t));
    }

    private static boolean implemented(Object backend, Method method) {
        return IMPLEMENTED.get(backend.getClass()).computeIfAbsent(method, m -> {
            try {
                return !backend.getClass().getMethod(m.getName(), m.getParameterTypes()).isDefault();
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }

    private static boolean thrownByInterfaceDefault(Throwable t, Class<?> clientInterface) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().equals(clientInterface.getName());
    }

    /** Operation methods of a client interface by request type: {@code meterUsage(MeterUsageRequest)}. */
    private static Map<Class<?>, Method> operations(Class<?> clientInterface) {
        return OPERATIONS.computeIfAbsent(clientInterface, c -> {
            Map<Class<?>, Method> ops = new HashMap<>();
            for (Method m : c.getMethods()) {
                if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                    ops.put(m.getParameterTypes()[0], m);
                }
            }
            return Map.copyOf(ops);
        });
    }

    private CallContext contextOf(ServiceCall call) {
        return new CallContext(simulation, call.service(), call.operation(), accountFor(call.accessKeyId()),
            call.region() != null ? call.region() : simulation.region().id(), call.accessKeyId(), call.attempt(),
            call.invocationId(), clock.instant());
    }

    @Override
    public void record(ServiceCall call, Instant at, Outcome outcome) {
        journal.record(contextOf(call), call.request(), new Attempt(call.attempt(), at, outcome));
    }

    @Override
    public CallContext callContext() {
        CallContext current = CallContext.current().orElse(null);
        if (current != null && current.simulation() == simulation) {
            return current;
        }
        return new CallContext(simulation, null, null, simulation.accountId(), simulation.region().id(), null, 1, null,
            clock.instant());
    }

    @Override
    public String accountFor(String accessKeyId) {
        return simulation.accountId();
    }

    @Override
    public String newRequestId() {
        return newUuid();
    }

    @Override
    public String newUuid() {
        long hi;
        long lo;
        synchronized (random) {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        // RFC 4122 version 4 layout, so ids look like the service's own.
        hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L;
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    @Override
    public long nextLong(long bound) {
        synchronized (random) {
            return Math.floorMod(random.nextLong(), bound);
        }
    }

    @Override
    public void elapse(java.time.Duration duration) {
        clock.elapse(duration);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
        try {
            liveHandle.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String serviceNameOf(Class<?> clientInterface) {
        return ServiceNames.serviceName(clientInterface);
    }
}
