package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/** The SPI contracts of SimulatedHttpClient, exercised directly with raw HTTP. */
class SimulatedHttpClientContractTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
    private final SimulatedHttpClient http = SimulatedHttpClient.create(sim);

    private static final String METER = "{\"ProductCode\":\"p\",\"UsageDimension\":\"d\",\"UsageQuantity\":1,"
        + "\"Timestamp\":1777624200.000}";

    private static SdkHttpFullRequest meterUsage(String target) {
        return SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("https")
            .host("metering.marketplace.us-east-1.amazonaws.com").encodedPath("/")
            .putHeader("X-Amz-Target", target)
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("amz-sdk-invocation-id", "inv-1")
            .putHeader("amz-sdk-request", "attempt=1; max=4")
            .build();
    }

    @Test
    void syncAnswersAFullResponseWithLengthAndReadsTheWholeBody() throws Exception {
        byte[] body = METER.getBytes(StandardCharsets.UTF_8);
        AtomicBoolean drained = new AtomicBoolean();
        HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder()
            .request(meterUsage("AWSMPMeteringService.MeterUsage"))
            .contentStreamProvider(() -> new FilterInputStream(new ByteArrayInputStream(body)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n < 0) {
                        drained.set(true);
                    }
                    return n;
                }
            }).build()).call();

        assertThat(r.httpResponse()).isInstanceOf(SdkHttpFullResponse.class);
        assertThat(r.httpResponse().statusCode()).isEqualTo(200);
        String answer = new String(r.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("{\"MeteringRecordId\":\"");
        assertThat(r.httpResponse().firstMatchingHeader("Content-Length")).contains(Integer.toString(answer.length()));
        assertThat(r.httpResponse().firstMatchingHeader("x-amzn-RequestId")).isPresent();
        assertThat(drained).isTrue();
        assertThat(sim.journal().last().invocationId()).isEqualTo("inv-1");
    }

    /** Records the handler's callbacks in order. */
    static final class Recorder implements SdkAsyncHttpResponseHandler {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicReference<SdkHttpResponse> headers = new AtomicReference<>();
        final StringBuilder body = new StringBuilder();
        final long demand;

        Recorder(long demand) {
            this.demand = demand;
        }

        @Override
        public void onHeaders(SdkHttpResponse response) {
            events.add("headers");
            headers.set(response);
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            events.add("stream");
            stream.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription s) {
                    s.request(demand);
                }

                @Override
                public void onNext(ByteBuffer b) {
                    events.add("next");
                    body.append(StandardCharsets.UTF_8.decode(b));
                }

                @Override
                public void onError(Throwable t) {
                    events.add("error:" + t.getMessage());
                }

                @Override
                public void onComplete() {
                    events.add("complete");
                }
            });
        }

        @Override
        public void onError(Throwable error) {
            events.add("handlerError");
        }
    }

    /** A request body publisher that records whether its subscriber drained it. */
    static final class Body implements SdkHttpContentPublisher {
        final byte[] bytes;
        final AtomicBoolean drained = new AtomicBoolean();

        Body(String s) {
            this.bytes = s.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Optional<Long> contentLength() {
            return Optional.of((long) bytes.length);
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> s) {
            s.onSubscribe(new Subscription() {
                int sent;

                @Override
                public void request(long n) {
                    // Two chunks, so the client must keep requesting until the end.
                    while (n-- > 0 && sent < 2) {
                        int half = bytes.length / 2;
                        s.onNext(sent++ == 0 ? ByteBuffer.wrap(bytes, 0, half) : ByteBuffer.wrap(bytes, half, bytes.length - half));
                    }
                    if (sent == 2 && drained.compareAndSet(false, true)) {
                        s.onComplete();
                    }
                }

                @Override
                public void cancel() {
                }
            });
        }
    }

    @Test
    void asyncDrainsTheBodyThenHeadersThenStreamAndCompletesAfterTheBody() throws Exception {
        Recorder handler = new Recorder(Long.MAX_VALUE);
        Body body = new Body(METER);
        CompletableFuture<Void> done = http.execute(AsyncExecuteRequest.builder()
            .request(meterUsage("AWSMPMeteringService.MeterUsage")).requestContentPublisher(body).responseHandler(handler)
            .build());

        done.get(5, TimeUnit.SECONDS);
        assertThat(body.drained).isTrue();
        assertThat(handler.events).containsExactly("headers", "stream", "next", "complete");
        assertThat(handler.headers.get().statusCode()).isEqualTo(200);
        assertThat(handler.body.toString()).startsWith("{\"MeteringRecordId\":");
    }

    @Test
    void asyncHonoursDemandRules() throws Exception {
        Recorder handler = new Recorder(0);
        CompletableFuture<Void> done = http.execute(AsyncExecuteRequest.builder()
            .request(meterUsage("AWSMPMeteringService.MeterUsage")).requestContentPublisher(new Body(METER))
            .responseHandler(handler).build());

        assertThat(handler.events).containsExactly("headers", "stream", "error:Reactive Streams 3.9: request(0) is not positive");
        assertThat(done).isCompletedExceptionally();
    }

    @Test
    void anAsyncErrorAnswerStillStreamsItsBody() throws Exception {
        Recorder handler = new Recorder(1);
        http.execute(AsyncExecuteRequest.builder().request(meterUsage("AWSMPMeteringService.NoSuchOperation"))
            .requestContentPublisher(new Body("{}")).responseHandler(handler).build()).get(5, TimeUnit.SECONDS);

        assertThat(handler.headers.get().statusCode()).isEqualTo(400);
        assertThat(handler.headers.get().firstMatchingHeader("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(handler.events).containsExactly("headers", "stream", "next", "complete");
        assertThat(handler.body.toString()).contains("MarketplaceMetering has no operation NoSuchOperation");
    }

    /** A body publisher whose contentLength() is {@code declared}, publishing {@code content} then {@code extra} more. */
    static final class LyingBody implements SdkHttpContentPublisher {
        final byte[] content;
        final long declared;
        final int extraChunks;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger sentExtra = new java.util.concurrent.atomic.AtomicInteger();

        LyingBody(String content, long declared, int extraChunks) {
            this.content = content.getBytes(StandardCharsets.UTF_8);
            this.declared = declared;
            this.extraChunks = extraChunks;
        }

        @Override
        public Optional<Long> contentLength() {
            return Optional.of(declared);
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> s) {
            s.onSubscribe(new Subscription() {
                boolean started;

                @Override
                public void request(long n) {
                    if (started) {
                        return;
                    }
                    started = true;
                    s.onNext(ByteBuffer.wrap(content));
                    while (!cancelled.get() && sentExtra.get() < extraChunks) {
                        sentExtra.incrementAndGet();
                        s.onNext(ByteBuffer.wrap(new byte[64 * 1024]));
                    }
                    if (!cancelled.get()) {
                        s.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        }
    }

    @Test
    void asyncReadsNoMoreThanTheDeclaredLengthAsNettyDoes() throws Exception {
        // declared: exactly the JSON; published: the JSON and then 1 GiB more, which must never be buffered
        LyingBody body = new LyingBody(METER, METER.length(), 16 * 1024);
        Recorder handler = new Recorder(Long.MAX_VALUE);
        http.execute(AsyncExecuteRequest.builder().request(meterUsage("AWSMPMeteringService.MeterUsage"))
            .requestContentPublisher(body).responseHandler(handler).build()).get(5, TimeUnit.SECONDS);

        assertThat(handler.headers.get().statusCode()).isEqualTo(200);
        assertThat(body.cancelled).as("the subscription is cancelled once the declared bytes arrived").isTrue();
        assertThat(body.sentExtra.get()).isLessThanOrEqualTo(1);
    }

    @Test
    void asyncFailsABodyShorterThanDeclaredWithNettysMessage() {
        Recorder handler = new Recorder(Long.MAX_VALUE);
        CompletableFuture<Void> done = http.execute(AsyncExecuteRequest.builder()
            .request(meterUsage("AWSMPMeteringService.MeterUsage").toBuilder().putHeader("Content-Length", "500").build())
            .requestContentPublisher(new LyingBody(METER, 500, 0)).responseHandler(handler).build());

        assertThat(done).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withMessageContaining("Request content was only " + METER.length()
                + " bytes, but the specified content-length was 500 bytes.");
        assertThat(handler.events).containsExactly("handlerError");
        assertThat(sim.journal().executions()).as("nothing reached the engine").isEmpty();
    }

    @Test
    void aStalledAsyncBodyHonoursDemandRules() {
        Simulation faulty = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).faults(
            io.github.awssim.core.faults.FaultPlan.of(io.github.awssim.core.faults.FaultRule
                .on(software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest.class)
                .times(1).fail(io.github.awssim.core.faults.TransportFault.STALLED_BODY))).build();
        Recorder handler = new Recorder(0);
        CompletableFuture<Void> done = SimulatedHttpClient.create(faulty).execute(AsyncExecuteRequest.builder()
            .request(meterUsage("AWSMPMeteringService.MeterUsage")).requestContentPublisher(new Body(METER))
            .responseHandler(handler).build());

        assertThat(done).failsWithin(1, TimeUnit.SECONDS);
        assertThat(handler.events).containsExactly("headers", "stream", "error:Reactive Streams 3.9: request(0) is not positive");
    }
}
