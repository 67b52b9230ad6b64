package io.github.awssim.sdk.oracle;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.internal.CallNotes;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One simulation per service with a {@link ScriptedBackend} registered, and four real SDK clients on
 * awssim's HTTP client: sync and async, each with the interceptor's call note (the default) and without
 * it (an extra interceptor, which the SDK runs after the global one, strips {@code x-awssim-call}, so
 * the gateway must identify the call from the wire alone). Retries are off: one call is one attempt is
 * one backend invocation.
 */
public final class OracleHarness implements AutoCloseable {

    /** How a call reaches awssim. */
    public enum Mode {
        SYNC_NOTE(false, true), SYNC_WIRE(false, false), ASYNC_NOTE(true, true), ASYNC_WIRE(true, false);

        private final boolean async;
        private final boolean note;

        Mode(boolean async, boolean note) {
            this.async = async;
            this.note = note;
        }

        public boolean async() {
            return async;
        }

        public boolean note() {
            return note;
        }
    }

    private final OracleService service;
    private final Simulation sim;
    private final ScriptedBackend backend;
    private final Map<Mode, SdkClient> clients = new EnumMap<>(Mode.class);
    private final AtomicInteger stripped = new AtomicInteger();

    @SuppressWarnings({"unchecked", "rawtypes"})
    public OracleHarness(OracleService service) {
        this.service = service;
        this.sim = Simulation.builder().seed(42).build();
        this.backend = ScriptedBackend.of(service.sync());
        sim.register((Class) service.sync(), backend.proxy((Class) service.sync()));
        ExecutionInterceptor stripNote = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                // Counted whether or not a note was there: awsJson services awssim models carry none.
                SdkHttpRequest r = context.httpRequest();
                stripped.incrementAndGet();
                return r.firstMatchingHeader(CallNotes.HEADER).isEmpty() ? r : r.toBuilder().removeHeader(CallNotes.HEADER).build();
            }
        };
        for (Mode m : Mode.values()) {
            SimulatedClients factory = SimulatedClients.of(sim).withOverrides(o -> {
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
                if (!m.note()) {
                    o.addExecutionInterceptor(stripNote);
                }
            });
            Class<? extends SdkClient> iface = m.async() ? service.async() : service.sync();
            clients.put(m, factory.create(iface));
        }
    }

    public OracleService service() {
        return service;
    }

    public Simulation sim() {
        return sim;
    }

    public ScriptedBackend backend() {
        return backend;
    }

    /** How many requests left without a call note so far (the wire-alone modes). */
    public int stripped() {
        return stripped.get();
    }

    /**
     * Calls {@code op} through the client of {@code mode}; returns the response, or throws what the SDK
     * threw (unwrapped from reflection and from the async future).
     */
    public Object call(Mode mode, OracleService.Operation op, SdkRequest request) throws Throwable {
        SdkClient client = clients.get(mode);
        try {
            if (!mode.async()) {
                return op.syncMethod().invoke(client, request);
            }
            CompletableFuture<?> f = (CompletableFuture<?>) op.asyncMethod().invoke(client, request);
            try {
                return f.get();
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            }
        } catch (InvocationTargetException e) {
            throw unwrap(e.getCause());
        }
    }

    /** What a reflective or async call really threw: the cause under reflection's and futures' wrappers. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        sim.close();
    }
}
