package io.github.awssim.core;

import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.internal.AttemptFaults;
import io.github.awssim.core.internal.CallStreams;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.FaultDecider;
import io.github.awssim.core.internal.LiveSimulations;
import io.github.awssim.core.internal.Messages;
import io.github.awssim.core.internal.ServiceCall;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.ServiceNames;
import io.github.awssim.core.services.costprofiler.CostProfilerSimulator;
import io.github.awssim.core.services.metering.MeteringSimulator;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import io.github.awssim.core.services.s3.S3Simulator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The engine behind a {@link Simulation}: backends, dispatch, journal, seeded randomness. */
final class SimulationEngine implements Engine {
    /** awssim's own error codes, for answers no AWS service would give. */
    static final String NOT_SIMULATED = "AwssimNotSimulated";
    static final String BACKEND_FAILURE = ServiceErrors.BACKEND_FAILURE;
    static final String SIMULATION_CLOSED = "AwssimSimulationClosed";

    /**
     * The simulators awssim ships, by the client interface they answer. Each has a package-private
     * constructor taking the engine, called reflectively so the engine stays out of the public API.
     */
    private static final Logger LOG = LoggerFactory.getLogger(SimulationEngine.class);
    private static final Map<Class<?>, Function<Engine, SdkClient>> BUILT_INS = Map.of(
        MarketplaceMeteringClient.class, simulatorFactory(MeteringSimulator.class),
        BcmPricingCalculatorClient.class, simulatorFactory(PricingCalculatorSimulator.class),
        ApplicationCostProfilerClient.class, simulatorFactory(CostProfilerSimulator.class),
        S3Client.class, simulatorFactory(S3Simulator.class));
    private static final Map<Class<?>, Map<Class<?>, Operation>> OPERATIONS = new ConcurrentHashMap<>();
    private final Simulation simulation;
    private final SimulationClock clock;
    private final Journal journal;
    private final StubRegistry stubs = new StubRegistry();
    private final Stubs stubsView = new Stubs(stubs);
    private final long seed;
    private volatile FaultDecider faults;
    private final Random random;
    private final Map<Class<?>, SdkClient> builtIns = new ConcurrentHashMap<>();
    private final Map<Class<?>, SdkClient> registered = new ConcurrentHashMap<>();
    private final AutoCloseable liveHandle;
    private final List<AutoCloseable> closeWith = new ArrayList<>();
    private final List<Runnable> catchUps = new CopyOnWriteArrayList<>();
    /** Set while this thread runs the catch-ups: their own S3 writes must not start them again. */
    private final ThreadLocal<Boolean> catchingUp = new ThreadLocal<>();
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
        catchUp();
        StubRegistry.Match stub = stubs.match(call.service(), call.operation(), call.request());   // no string per call
        if (stub.conditionFailure != null) {
            call.streams().discard();
            return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400, Messages.stubConditionFailed(stub.stub.describe(),
                call.service() + "." + call.operation(), stub.conditionFailure), stub.conditionFailure));
        }
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
    public boolean mayDelayForReal() {
        return faults.mayDelayForReal();
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
        CallStreams streams = call.streams();
        if (backend == null) {
            streams.discard();
            return errors.describe(errors.unmodeled(NOT_SIMULATED, 501,
                Messages.serviceNotSimulated(call.service(), call.clientInterface()) + hint));
        }
        Operation op = operations(call.clientInterface()).get(call.request().getClass());
        Method method = op == null ? null : op.method();
        if (method == null) {
            streams.discard();
            return notImplemented(call, errors, backend, null, hint);
        }
        // No check that the backend's class overrides the method: a Mockito spy (inline mock maker) is the
        // simulator's own class and answers a stubbed interface default. An operation nobody answers throws
        // the interface default's UnsupportedOperationException, caught below.
        boolean answered = false;
        try {
            Object response = method.invoke(backend, op.arguments(call.request(), streams));
            if (op.shape() == Shape.STREAMING_OUTPUT) {
                if (streams.response() == null) {
                    return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400,
                        Messages.backendSkippedTransformer(call.service(), call.operation(), backend, method.getName())));
                }
                response = streams.response();
            }
            if (!(response instanceof SdkResponse)) {
                return errors.describe(errors.unmodeled(BACKEND_FAILURE, 400,
                    Messages.backendReturnedNothing(call.service(), call.operation(), backend)));
            }
            answered = true;
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
        } finally {
            if (!answered) {
                streams.discard();
            }
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

    private static boolean thrownByInterfaceDefault(Throwable t, Class<?> clientInterface) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().equals(clientInterface.getName());
    }

    /** How an operation method takes its request and gives its answer. */
    private enum Shape {
        /** {@code meterUsage(MeterUsageRequest)}: a typed request in, a typed response out. */
        PLAIN,
        /** {@code putObject(PutObjectRequest, RequestBody)}: the request's body streams in beside it. */
        STREAMING_INPUT,
        /** {@code getObject(GetObjectRequest, ResponseTransformer)}: the answer's body streams out through a transformer. */
        STREAMING_OUTPUT
    }

    /** An operation method of a client interface, and its shape. */
    private record Operation(Method method, Shape shape) {
        Object[] arguments(SdkRequest request, CallStreams streams) {
            switch (shape) {
                case STREAMING_INPUT:
                    return new Object[] {request, streams.requestBody() != null ? streams.requestBody() : RequestBody.empty()};
                case STREAMING_OUTPUT:
                    return new Object[] {request, new Capture(streams)};
                default:
                    return new Object[] {request};
            }
        }
    }

    /**
     * The transformer the engine hands a streaming-output operation: it keeps the response and its body for
     * the adapter to stream to the client, so the body is never read here. It asks the backend to leave the
     * body open, as {@code ResponseTransformer.toInputStream()} does.
     */
    private static final class Capture implements ResponseTransformer<SdkResponse, SdkResponse> {
        private final CallStreams streams;

        Capture(CallStreams streams) {
            this.streams = streams;
        }

        @Override
        public SdkResponse transform(SdkResponse response, AbortableInputStream body) {
            streams.answer(response, body);
            return response;
        }

        @Override
        public boolean needsConnectionLeftOpen() {
            return true;
        }

        @Override
        public String name() {
            return "awssim";
        }
    }

    /**
     * Operation methods of a client interface by request type: {@code meterUsage(MeterUsageRequest)}, and the
     * streaming forms {@code putObject(PutObjectRequest, RequestBody)} and
     * {@code getObject(GetObjectRequest, ResponseTransformer)} (every other overload of them delegates to these).
     */
    private static Map<Class<?>, Operation> operations(Class<?> clientInterface) {
        return OPERATIONS.computeIfAbsent(clientInterface, c -> {
            Map<Class<?>, Operation> ops = new HashMap<>();
            for (Method m : c.getMethods()) {
                Class<?>[] params = m.getParameterTypes();
                if (params.length == 0 || !SdkRequest.class.isAssignableFrom(params[0])) {
                    continue;
                }
                if (params.length == 1 && SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                    ops.putIfAbsent(params[0], new Operation(m, Shape.PLAIN));
                } else if (params.length == 2 && params[1] == RequestBody.class
                    && SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                    ops.put(params[0], new Operation(m, Shape.STREAMING_INPUT));
                } else if (params.length == 2 && params[1] == ResponseTransformer.class) {
                    ops.put(params[0], new Operation(m, Shape.STREAMING_OUTPUT));
                }
            }
            return Map.copyOf(ops);
        });
    }

    private CallContext contextOf(ServiceCall call) {
        return new CallContext(simulation, call.service(), call.operation(), accountFor(call.accessKeyId()),
            regionOf(call), call.accessKeyId(), call.attempt(), call.invocationId(), clock.instant());
    }

    /** The call's region, as the simulation's own string when it is that region: the journal keeps one copy. */
    private String regionOf(ServiceCall call) {
        String home = simulation.region().id();
        return call.region() == null || call.region().equals(home) ? home : call.region();
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

    @Override
    public void addCatchUp(Runnable catchUp) {
        catchUps.add(Objects.requireNonNull(catchUp, "catchUp"));
    }

    @Override
    public void catchUp() {
        if (catchUps.isEmpty() || catchingUp.get() != null) {
            return;
        }
        catchingUp.set(Boolean.TRUE);
        CallContext previous = CallContext.enter(null);
        try {
            for (Runnable r : catchUps) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // Time-driven work is the simulation's own: it must never fail the unrelated call that observed it.
                    LOG.warn("awssim: time-driven work failed", e);
                }
            }
        } finally {
            CallContext.exit(previous);
            catchingUp.remove();
        }
    }

    @Override
    public void closeWith(AutoCloseable resource) {
        boolean now;
        synchronized (closeWith) {
            now = closed;
            if (!now) {
                closeWith.add(resource);
            }
        }
        if (now) {
            closeQuietly(resource);
        }
    }

    void close() {
        List<AutoCloseable> resources;
        synchronized (closeWith) {
            closed = true;
            resources = List.copyOf(closeWith);
            closeWith.clear();
        }
        resources.forEach(SimulationEngine::closeQuietly);
        try {
            liveHandle.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // A simulator's resources (temporary files) must not stop the simulation from closing.
            LOG.warn("awssim: could not release {}", resource, e);
        }
    }

    static String serviceNameOf(Class<?> clientInterface) {
        return ServiceNames.serviceName(clientInterface);
    }
}
