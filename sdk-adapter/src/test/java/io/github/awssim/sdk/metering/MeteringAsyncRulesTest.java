package io.github.awssim.sdk.metering;

import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * Every Metering rule of {@link MeteringSyncClientTest} again, through real async SDK clients (their own
 * pipeline, retries and HTTP-client contract), seen through the sync interface by {@link JoiningClient}.
 */
class MeteringAsyncRulesTest extends MeteringSyncClientTest {
    @Override
    MarketplaceMeteringClient newClient() {
        return JoiningClient.of(SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class));
    }

    @Override
    MarketplaceMeteringClient builtClient(String accessKeyId, Region region) {
        return JoiningClient.of(MarketplaceMeteringAsyncClient.builder()
            .httpClient(SimulatedHttpClient.create(sim))
            .region(region)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
            .build());
    }

    @Override
    MarketplaceMeteringClient clientLosingFirstAnswer(AtomicBoolean lost) {
        SdkAsyncHttpClient http = SimulatedHttpClient.create(sim);
        SdkAsyncHttpClient dropsFirstAnswer = new SdkAsyncHttpClient() {
            @Override
            public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                if (lost.get()) {
                    return http.execute(request);
                }
                // the service answers in full (read and thrown away), then the connection is gone
                SdkAsyncHttpResponseHandler caller = request.responseHandler();
                AsyncExecuteRequest.Builder swallowed = AsyncExecuteRequest.builder().request(request.request())
                    .requestContentPublisher(request.requestContentPublisher()).fullDuplex(request.fullDuplex())
                    .httpExecutionAttributes(request.httpExecutionAttributes()).responseHandler(new Discarding());
                request.metricCollector().ifPresent(swallowed::metricCollector);
                CompletableFuture<Void> failed = new CompletableFuture<>();
                http.execute(swallowed.build()).whenComplete((ignored, error) -> {
                    lost.set(true);
                    // A long outage: by the retry, the hour rule alone would refuse the timestamp.
                    sim.clock().advance(Duration.ofHours(7));
                    IOException reset = new IOException("connection reset after the service answered");
                    caller.onError(reset);
                    failed.completeExceptionally(reset);
                });
                return failed;
            }

            @Override
            public String clientName() {
                return http.clientName();
            }

            @Override
            public void close() {
            }
        };
        return JoiningClient.of(MarketplaceMeteringAsyncClient.builder()
            .httpClient(dropsFirstAnswer)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately()).build()))
            .build());
    }

    /** Reads a whole answer and forgets it. */
    private static final class Discarding implements SdkAsyncHttpResponseHandler {
        @Override
        public void onHeaders(SdkHttpResponse headers) {
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            stream.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer b) {
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
        }

        @Override
        public void onError(Throwable error) {
        }
    }
}
