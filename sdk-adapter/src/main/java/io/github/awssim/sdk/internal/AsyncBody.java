package io.github.awssim.sdk.internal;

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
     * Subscribes to the request body, drains it, then hands the bytes to {@code onBody}. A null publisher is an
     * empty body. The body is read as Netty's client sends it: {@code length} bytes at most (the subscription is
     * cancelled once they have arrived, so a publisher that publishes more than it declared cannot grow the
     * buffer), and a body that ends short of {@code length} fails the attempt with Netty's message.
     */
    public static void drain(Publisher<ByteBuffer> publisher, long length, BodyHandler onBody,
                             Consumer<Throwable> onError) {
        if (publisher == null) {
            run(onBody, new byte[0], onError);
            return;
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("awssim: a drained body needs a length that fits in memory: " + length);
        }
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private final byte[] bytes = new byte[(int) length];
            private final AtomicBoolean finished = new AtomicBoolean();
            private Subscription subscription;
            private int written;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                if (finished.get()) {
                    return;
                }
                int take = Math.min(buffer.remaining(), bytes.length - written);
                buffer.get(bytes, written, take);
                written += take;
                if (written == bytes.length && finished.compareAndSet(false, true)) {
                    subscription.cancel();
                    run(onBody, bytes, onError);
                }
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
                    if (written < bytes.length) {
                        onError.accept(new IllegalStateException("Request content was only " + written
                            + " bytes, but the specified content-length was " + bytes.length + " bytes."));
                    } else {
                        run(onBody, bytes, onError);
                    }
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
                    if (AsyncStreams.refusedDemand(n, terminated, subscriber, done)) {
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
