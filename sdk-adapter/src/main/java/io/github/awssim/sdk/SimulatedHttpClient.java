package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.sdk.internal.AsyncBody;
import io.github.awssim.sdk.internal.FaultyBodies;
import io.github.awssim.sdk.internal.Gateway;
import io.github.awssim.sdk.internal.wire.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

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
 * seconds). Sync: the body is read fully and the answer is complete when
 * {@code call()} returns. Async: the request publisher is drained, then {@code onHeaders}, then
 * {@code onStream} with the body (an empty body completes without {@code onNext}); the returned future
 * completes after the body has been delivered. {@link #close()} does nothing: the simulation outlives
 * the clients the SDK closes. The client reports its name, {@value #CLIENT_NAME}, in the User-Agent;
 * a wrapper around it must keep that name for awssim's safety net to recognise it.
 */
public final class SimulatedHttpClient implements SdkHttpClient, SdkAsyncHttpClient {
    /** The name this client reports to the SDK ({@code md/http#AwsSim} in the User-Agent). */
    public static final String CLIENT_NAME = "AwsSim";

    private final Supplier<Engine> engine;

    private SimulatedHttpClient(Supplier<Engine> engine) {
        this.engine = engine;
    }

    /** A client answering from {@code simulation}. */
    public static SimulatedHttpClient create(Simulation simulation) {
        Objects.requireNonNull(simulation, "simulation");
        Engine e = CoreAccess.engine(simulation);
        return new SimulatedHttpClient(() -> e);
    }

    /** A client answering from whatever simulation {@link GlobalSimulation} routes to at call time. */
    static SimulatedHttpClient routed() {
        return new SimulatedHttpClient(() -> CoreAccess.engine(GlobalSimulation.current()));
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                request.metricCollector().ifPresent(c -> c.reportMetric(HttpMetric.HTTP_CLIENT_NAME, CLIENT_NAME));
                byte[] body = null;
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        body = readBody(in, request.httpRequest());
                    }
                }
                WireResponse answer = Gateway.handle(engine.get(), request.httpRequest(), body);
                if (answer.delivery() == WireResponse.Delivery.RESET) {
                    throw new IOException(answer.failure());
                }
                InputStream stream = FaultyBodies.stream(answer, aborted);
                return HttpExecuteResponse.builder()
                    .response(toSdk(answer))
                    .responseBody(AbortableInputStream.create(stream, aborted::countDown))
                    .build();
            }

            /** Released by the SDK's timeouts; only a stalled body (a transport fault) waits for it. */
            private final java.util.concurrent.CountDownLatch aborted = new java.util.concurrent.CountDownLatch(1);

            @Override
            public void abort() {
                aborted.countDown();
            }
        };
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        request.metricCollector().ifPresent(c -> c.reportMetric(HttpMetric.HTTP_CLIENT_NAME, CLIENT_NAME));
        CompletableFuture<Void> done = new CompletableFuture<>();
        SdkHttpRequest httpRequest = request.request();
        AsyncBody.drain(request.requestContentPublisher(), body -> {
            WireResponse answer = Gateway.handle(engine.get(), httpRequest, body);
            if (answer.delivery() == WireResponse.Delivery.RESET) {
                IOException reset = new IOException(answer.failure());
                request.responseHandler().onError(reset);
                done.completeExceptionally(reset);
                return;
            }
            request.responseHandler().onHeaders(toSdk(answer));
            request.responseHandler().onStream(FaultyBodies.publisher(answer, done));
        }, failure -> {
            request.responseHandler().onError(failure);
            done.completeExceptionally(failure);
        });
        return done;
    }

    /** Reads the whole body; with a Content-Length, into an array of exactly that size (no 8 KiB chunking). */
    private static byte[] readBody(InputStream in, SdkHttpRequest request) throws IOException {
        long declared = request.firstMatchingHeader("Content-Length").map(SimulatedHttpClient::parseLength).orElse(-1L);
        if (declared < 0 || declared > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int n = in.readNBytes(body, 0, body.length);
        if (n < body.length) {
            return java.util.Arrays.copyOf(body, n);
        }
        int more = in.read();
        if (more < 0) {
            return body;
        }
        // More bytes than declared: keep everything, as a plain read would.
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(body.length + 64);
        all.write(body, 0, body.length);
        all.write(more);
        in.transferTo(all);
        return all.toByteArray();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static SdkHttpFullResponse toSdk(WireResponse answer) {
        SdkHttpFullResponse.Builder b = SdkHttpFullResponse.builder().statusCode(answer.status());
        answer.headers().forEach(b::putHeader);
        b.putHeader("Content-Length", Integer.toString(answer.body().length));
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
