package io.github.awssim.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Reactive-streams plumbing of the async HTTP client, to the letter of the spec. */
public final class AsyncBody {
    private AsyncBody() {
    }

    /** Body handler that may throw; failures go to the error path. */
    public interface BodyHandler {
        void accept(byte[] body) throws Exception;
    }

    /**
     * Subscribes to the request body, drains it completely, then hands the bytes to {@code onBody}.
     * A null publisher is an empty body.
     */
    public static void drain(Publisher<ByteBuffer> publisher, BodyHandler onBody, Consumer<Throwable> onError) {
        if (publisher == null) {
            run(onBody, new byte[0], onError);
            return;
        }
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final AtomicBoolean finished = new AtomicBoolean();

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable t) {
                if (finished.compareAndSet(false, true)) {
                    onError.accept(t);
                }
            }

            @Override
            public void onComplete() {
                if (finished.compareAndSet(false, true)) {
                    run(onBody, bytes.toByteArray(), onError);
                }
            }
        });
    }

    private static void run(BodyHandler onBody, byte[] body, Consumer<Throwable> onError) {
        try {
            onBody.accept(body);
        } catch (Throwable t) {
            onError.accept(t);
        }
    }

    /**
     * A publisher of one body for one subscriber: emits it as a single buffer on the first demand (an empty
     * body completes at once without {@code onNext}) and then completes {@code done}.
     */
    public static Publisher<ByteBuffer> publisherOf(byte[] body, CompletableFuture<Void> done) {
        AtomicBoolean subscribed = new AtomicBoolean();
        return subscriber -> {
            if (!subscribed.compareAndSet(false, true)) {
                AsyncStreams.refuseSecondSubscriber(subscriber);
                return;
            }
            subscriber.onSubscribe(new Subscription() {
                private final AtomicBoolean terminated = new AtomicBoolean();

                @Override
                public void request(long n) {
                    if (terminated.get()) {
                        return;
                    }
                    if (n <= 0) {
                        if (terminated.compareAndSet(false, true)) {
                            IllegalArgumentException e = new IllegalArgumentException(
                                "Reactive Streams 3.9: request(" + n + ") is not positive");
                            subscriber.onError(e);
                            done.completeExceptionally(e);
                        }
                        return;
                    }
                    if (terminated.compareAndSet(false, true)) {
                        if (body.length > 0) {
                            subscriber.onNext(ByteBuffer.wrap(body).asReadOnlyBuffer());
                        }
                        subscriber.onComplete();
                        done.complete(null);
                    }
                }

                @Override
                public void cancel() {
                    if (terminated.compareAndSet(false, true)) {
                        done.complete(null);
                    }
                }
            });
        };
    }
}
