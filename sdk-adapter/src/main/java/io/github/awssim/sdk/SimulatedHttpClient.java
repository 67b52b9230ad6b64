package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.sdk.internal.AsyncBody;
import io.github.awssim.sdk.internal.AsyncStreams;
import io.github.awssim.sdk.internal.FaultyBodies;
import io.github.awssim.sdk.internal.Gateway;
import io.github.awssim.sdk.internal.wire.RequestContent;
import io.github.awssim.sdk.internal.wire.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * The HTTP client that answers SDK calls from a {@link Simulation} instead of the network. One instance
 * serves sync and async clients alike:
 *
 * <pre>{@code
 * Simulation sim = Simulation.create();
 * MarketplaceMeteringClient metering = MarketplaceMeteringClient.builder()
 *         .httpClient(SimulatedHttpClient.create(sim))
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
 *         .build();
 * MarketplaceMeteringAsyncClient async = MarketplaceMeteringAsyncClient.builder()
 *         .httpClient(SimulatedHttpClient.create(sim))
 *         ...
 * }</pre>
 *
 * Everything above it is the real SDK: marshalling, signing, retries, unmarshalling, waiters,
 * paginators, metrics. Each attempt is decoded from the bytes the SDK sent, answered by the service's
 * backend, journalled, and encoded in the service's wire protocol, so the SDK builds its own response
 * objects and exceptions.
 *
 * <p><b>Contract.</b> Thread-safe; one instance may serve any number of clients and threads. It never
 * touches the network, and never sleeps unless a fault rule asks for real latency (or a stalled body,
 * which waits for the client's timeout, at most {@value io.github.awssim.sdk.internal.FaultyBodies#STALL_SECONDS}
 * seconds); an async call then sleeps on one of awssim's threads, so its future returns at once and the SDK's
 * timeouts can end it. Sync: the request body is read as the operation needs it (whole,
 * or streamed to S3's PutObject), and the answer is complete when {@code call()} returns, its body a
 * stream for S3's GetObject. Async: a body up to 1 MiB is drained first; a larger or unsized one streams to
 * the backend, which then runs on one of awssim's daemon threads, with bounded demand; then
 * {@code onHeaders}, then {@code onStream} with the body one buffer per unit of demand (an empty body
 * completes without {@code onNext}); the returned future completes after the body has been delivered.
 * Large objects are never held whole in memory on either path. {@link #close()} does nothing: the simulation outlives
 * the clients the SDK closes. The client reports its name, {@value #CLIENT_NAME}, in the User-Agent;
 * a wrapper around it must keep that name for awssim's safety net to recognise it.
 */
public final class SimulatedHttpClient implements SdkHttpClient, SdkAsyncHttpClient {
    /** The name this client reports to the SDK ({@code md/http#AwsSim} in the User-Agent). */
    public static final String CLIENT_NAME = "AwsSim";

    /** The engine answering an attempt; routed clients choose it per attempt. */
    private final Function<SdkHttpRequest, Engine> engine;

    private SimulatedHttpClient(Function<SdkHttpRequest, Engine> engine) {
        this.engine = engine;
    }

    /** A client answering from {@code simulation}. */
    public static SimulatedHttpClient create(Simulation simulation) {
        Objects.requireNonNull(simulation, "simulation");
        Engine e = CoreAccess.engine(simulation);
        return new SimulatedHttpClient(attempt -> e);
    }

    /**
     * A client answering each attempt from the simulation {@link GlobalSimulation} routes it to;
     * {@code builtFor} is the simulation bound to the thread that built it, or null.
     */
    static SimulatedHttpClient routed(Simulation builtFor) {
        return new SimulatedHttpClient(attempt -> CoreAccess.engine(GlobalSimulation.route(builtFor, attempt)));
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            private volatile InputStream answerBody;

            @Override
            public HttpExecuteResponse call() throws IOException {
                request.metricCollector().ifPresent(c -> c.reportMetric(HttpMetric.HTTP_CLIENT_NAME, CLIENT_NAME));
                RequestContent content = request.contentStreamProvider().isPresent()
                    ? RequestContent.of(request.contentStreamProvider().get().newStream(), declaredLength(request.httpRequest()))
                    : RequestContent.empty();
                WireResponse answer;
                try {
                    answer = Gateway.handle(engine.apply(request.httpRequest()), request.httpRequest(), content);
                } finally {
                    content.close();
                }
                if (answer.delivery() == WireResponse.Delivery.RESET) {
                    answer.stream().ifPresent(SimulatedHttpClient::closeQuietly);
                    throw new IOException(answer.failure());
                }
                if (request.httpRequest().method() == SdkHttpMethod.HEAD && answer.delivery() == WireResponse.Delivery.NORMAL
                    && answer.status() < 300) {
                    // A successful HEAD has no body, and HTTP clients hand the SDK none (Apache's entity is null).
                    // An empty body would not do: the SDK gunzips any body a Content-Encoding: gzip answer carries,
                    // so a HEAD of an object stored with that encoding would fail with an EOFException. (awssim's
                    // own HEAD errors keep the body that says what to fix.)
                    answer.stream().ifPresent(SimulatedHttpClient::closeQuietly);
                    return HttpExecuteResponse.builder().response(toSdk(answer)).build();
                }
                InputStream body = FaultyBodies.stream(answer, aborted);
                answerBody = body;
                return HttpExecuteResponse.builder()
                    .response(toSdk(answer))
                    .responseBody(AbortableInputStream.create(body, this::abort))
                    .build();
            }

            /** Released by the SDK's timeouts; only a stalled body (a transport fault) waits for it. */
            private final java.util.concurrent.CountDownLatch aborted = new java.util.concurrent.CountDownLatch(1);

            @Override
            public void abort() {
                aborted.countDown();
                // The answer is computed inside call(); all there is to abort is a body still being streamed.
                InputStream body = answerBody;
                if (body != null) {
                    try {
                        body.close();
                    } catch (IOException e) {
                        // Aborting a body nobody will read; the SDK has already given up on it.
                    }
                }
            }
        };
    }

    /**
     * Bodies up to this size are drained before the backend runs, on the SDK's thread; larger or unsized ones
     * stream to a backend running on one of awssim's threads, so they are never held whole.
     */
    static final long INLINE_BODY_LIMIT = 1024 * 1024;

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        request.metricCollector().ifPresent(c -> c.reportMetric(HttpMetric.HTTP_CLIENT_NAME, CLIENT_NAME));
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkHttpRequest httpRequest = request.request();
        Engine answering = engine.apply(httpRequest);   // here: routing reads the calling thread's binding
        SdkHttpContentPublisher publisher = request.requestContentPublisher();
        long declared = publisher == null ? 0
            : publisher.contentLength().orElseGet(() -> declaredLength(httpRequest));
        Consumer<Throwable> fail = failure -> {
            request.responseHandler().onError(failure);
            done.completeExceptionally(failure);
        };
        // what Netty's client sends: as many bytes as the Content-Length header says, else as the publisher declares
        long header = declaredLength(httpRequest);
        long sent = publisher == null ? 0 : header >= 0 ? header : declared;
        if (publisher == null || (sent >= 0 && sent <= INLINE_BODY_LIMIT)) {
            AsyncBody.BodyHandler answer = body -> respond(request, Gateway.handle(answering, httpRequest, body), done);
            // real latency sleeps: not on the caller's thread, whose future the SDK's timeouts must be able to end
            AsyncBody.drain(publisher, sent,
                answering.mayDelayForReal() ? body -> onWorker(() -> answer.accept(body), fail) : answer, fail);
            return done;
        }
        InputStream body = AsyncStreams.inputStream(publisher);
        // an attempt the SDK ends (a timeout, the caller's cancel) stops its upload: nothing half-sent is committed
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                closeQuietly(body);
            }
        });
        try {
            AsyncStreams.WORKERS.execute(() -> {
                WireResponse answer;
                try {
                    answer = Gateway.handle(answering, httpRequest, RequestContent.of(body, declared));
                } catch (Throwable t) {
                    closeQuietly(body);
                    fail.accept(t);
                    return;
                }
                closeQuietly(body);
                try {
                    respond(request, answer, done);
                } catch (Throwable t) {
                    fail.accept(t);
                }
            });
        } catch (RuntimeException e) {
            closeQuietly(body);
            fail.accept(e);
        }
        return done;
    }

    /** A step that may throw, run on one of awssim's threads. */
    private interface Step {
        void run() throws Exception;
    }

    private static void onWorker(Step answer, Consumer<Throwable> fail) {
        try {
            AsyncStreams.WORKERS.execute(() -> {
                try {
                    answer.run();
                } catch (Throwable t) {
                    fail.accept(t);
                }
            });
        } catch (RuntimeException e) {
            fail.accept(e);
        }
    }

    private static void respond(AsyncExecuteRequest request, WireResponse answer, CompletableFuture<Void> done) {
        if (done.isDone()) {
            // the SDK ended the attempt (its attempt timeout completes this future): nobody reads this answer
            answer.stream().ifPresent(SimulatedHttpClient::closeQuietly);
            return;
        }
        if (answer.delivery() == WireResponse.Delivery.RESET) {
            IOException reset = new IOException(answer.failure());
            answer.stream().ifPresent(SimulatedHttpClient::closeQuietly);
            request.responseHandler().onError(reset);
            done.completeExceptionally(reset);
            return;
        }
        try {
            request.responseHandler().onHeaders(toSdk(answer));
            request.responseHandler().onStream(FaultyBodies.publisher(answer, done));
        } catch (RuntimeException | Error e) {
            // a handler that throws fails the attempt (the caller's fail path); the body it will not read is let go
            answer.stream().ifPresent(SimulatedHttpClient::closeQuietly);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // An upload the backend stopped reading; closing cancels the rest of it.
        }
    }

    private static long declaredLength(SdkHttpRequest request) {
        return request.firstMatchingHeader("Content-Length").map(SimulatedHttpClient::parseLength).orElse(-1L);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The answer's status and headers; Content-Length from the answer itself unless it carries one (a HEAD). */
    private static SdkHttpFullResponse toSdk(WireResponse answer) {
        SdkHttpFullResponse.Builder b = SdkHttpFullResponse.builder().statusCode(answer.status());
        answer.statusText().ifPresent(b::statusText);
        answer.headers().forEach(b::putHeader);
        if (answer.header("Content-Length").isEmpty() && answer.contentLength() >= 0) {
            b.putHeader("Content-Length", Long.toString(answer.contentLength()));
        }
        return b.build();
    }

    @Override
    public String clientName() {
        return CLIENT_NAME;
    }

    /** Does nothing: the SDK closes HTTP clients it was handed or created, and the simulation lives on. */
    @Override
    public void close() {
    }
}
