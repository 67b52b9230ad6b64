package io.github.awssim.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

/**
 * The floor: an HTTP client that reads the request body and answers fixed bytes. Everything the SDK
 * does around the call (marshalling, signing, retries bookkeeping, unmarshalling) still runs, so the
 * difference to awssim is exactly awssim's own work: decode, dispatch, simulate, journal, encode.
 */
final class CannedHttpClient implements SdkHttpClient, SdkAsyncHttpClient {
    private final byte[] body;
    private final SdkHttpFullResponse response;

    CannedHttpClient(String json, String contentType) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        this.response = SdkHttpFullResponse.builder().statusCode(200)
            .putHeader("Content-Type", contentType)
            .putHeader("Content-Length", Integer.toString(body.length))
            .putHeader("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
            .build();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        in.readAllBytes();
                    }
                }
                return HttpExecuteResponse.builder().response(response)
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.requestContentPublisher().subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
            }

            @Override
            public void onError(Throwable t) {
                request.responseHandler().onError(t);
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                request.responseHandler().onHeaders(response);
                request.responseHandler().onStream(subscriber -> subscriber.onSubscribe(new Subscription() {
                    private boolean sent;

                    @Override
                    public void request(long n) {
                        if (!sent) {
                            sent = true;
                            subscriber.onNext(ByteBuffer.wrap(body));
                            subscriber.onComplete();
                            done.complete(null);
                        }
                    }

                    @Override
                    public void cancel() {
                        done.complete(null);
                    }
                }));
            }
        });
        return done;
    }

    @Override
    public String clientName() {
        return "Canned";
    }

    @Override
    public void close() {
    }
}
