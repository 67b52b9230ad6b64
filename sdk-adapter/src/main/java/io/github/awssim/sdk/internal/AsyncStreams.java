package io.github.awssim.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Streaming plumbing of the async HTTP client, to the letter of the Reactive Streams spec: a request
 * body publisher read as an {@link InputStream} with bounded demand (so a 1 GiB upload holds a few
 * buffers, not the object), and an {@link InputStream} published as a response body, one buffer per
 * unit of demand.
 */
public final class AsyncStreams {
    /** How long a reader waits for the next request buffer before giving up; the SDK's own timeouts come first. */
    static final long STALL_SECONDS = Long.getLong("awssim.asyncBodyStallSeconds", 300);
    /** Buffers requested ahead of the reader. */
    private static final int PREFETCH = 8;
    /** Response buffer size. */
    private static final int CHUNK = 64 * 1024;

    /**
     * Threads that run the backend of an async call whose body streams (a sync backend reads it blocking,
     * so not on the SDK's threads) or whose attempt sleeps for real latency. Daemon, created on demand, gone
     * after a minute idle.
     */
    public static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), new ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "awssim-async-body-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });

    private AsyncStreams() {
    }

    /** Subscribes to {@code publisher} and reads it as a stream, requesting a few buffers ahead of the reader. */
    public static InputStream inputStream(Publisher<ByteBuffer> publisher) {
        PublisherInputStream in = new PublisherInputStream();
        publisher.subscribe(in);
        return in;
    }

    /** The end of the request body, in the reader's queue. */
    private static final Object END = new Object();

    private static final class PublisherInputStream extends InputStream implements Subscriber<ByteBuffer> {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Subscription subscription;
        private ByteBuffer current;
        private boolean ended;

        @Override
        public void onSubscribe(Subscription s) {
            if (subscription != null) {
                s.cancel();
                return;
            }
            subscription = s;
            if (closed.get()) {
                s.cancel();
            } else {
                s.request(PREFETCH);
            }
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
            copy.put(buffer).flip();
            queue.add(copy);
        }

        @Override
        public void onError(Throwable t) {
            queue.add(t);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current == null || !current.hasRemaining()) {
                if (ended) {
                    return -1;
                }
                if (current != null) {
                    current = null;
                    subscription.request(1);
                }
                Object next = take();
                if (next == END) {
                    ended = true;
                    return -1;
                }
                if (next instanceof Throwable) {
                    ended = true;
                    throw new IOException("awssim: the request body publisher failed: " + next, (Throwable) next);
                }
                current = (ByteBuffer) next;
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        private Object take() throws IOException {
            try {
                Object next = queue.poll(STALL_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    throw new IOException("awssim: the request body publisher sent nothing for " + STALL_SECONDS
                        + " s; giving up on the upload (-Dawssim.asyncBodyStallSeconds changes the wait).");
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("awssim: interrupted while reading the request body");
            }
        }

        /**
         * Stops the upload where it is: an answer given before the body was read, or an attempt the caller
         * cancelled, cancels the rest; a reader still waiting for a buffer fails at once instead of stalling.
         */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && !ended) {
                Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                queue.clear();
                queue.add(new IOException("awssim: the upload was cancelled before its body ended"));
            }
        }
    }

    /** The error Reactive Streams rule 3.9 asks for when a subscriber requests {@code n <= 0}. */
    static IllegalArgumentException nonPositiveDemand(long n) {
        return new IllegalArgumentException("Reactive Streams 3.9: request(" + n + ") is not positive");
    }

    /**
     * Ends a subscription whose subscriber asked for {@code n <= 0} (once, however often it asks): true when
     * {@code n} was refused, so the caller emits nothing.
     */
    static boolean refusedDemand(long n, AtomicBoolean terminated, Subscriber<?> subscriber,
                                 CompletableFuture<Void> done) {
        if (n > 0) {
            return false;
        }
        if (terminated.compareAndSet(false, true)) {
            IllegalArgumentException e = nonPositiveDemand(n);
            subscriber.onError(e);
            done.completeExceptionally(e);
        }
        return true;
    }

    /** A response body is one-shot: a second subscriber gets an inert subscription and an error. */
    static void refuseSecondSubscriber(Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onError(new IllegalStateException("awssim: the response body can be subscribed to only once"));
    }

    /**
     * A publisher of one response body for one subscriber: reads {@code body} in chunks of 64 KiB, one
     * {@code onNext} per unit of demand (an empty stream completes without {@code onNext}), then completes
     * {@code done}. The stream is closed when it ends, fails or is cancelled.
     */
    public static Publisher<ByteBuffer> publisherOf(InputStream body, CompletableFuture<Void> done) {
        AtomicBoolean subscribed = new AtomicBoolean();
        done.whenComplete((ignored, failure) -> {
            // the SDK ended the attempt (a timeout, the caller's cancel) before anyone subscribed: nobody will read it
            if (failure != null && subscribed.compareAndSet(false, true)) {
                closeQuietly(body);
            }
        });
        return subscriber -> {
            if (!subscribed.compareAndSet(false, true)) {
                AsyncStreams.refuseSecondSubscriber(subscriber);
                return;
            }
            subscriber.onSubscribe(new StreamSubscription(body, subscriber, done));
        };
    }

    private static final class StreamSubscription implements Subscription {
        private final InputStream body;
        private final Subscriber<? super ByteBuffer> subscriber;
        private final CompletableFuture<Void> done;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean terminated = new AtomicBoolean();

        StreamSubscription(InputStream body, Subscriber<? super ByteBuffer> subscriber, CompletableFuture<Void> done) {
            this.body = body;
            this.subscriber = subscriber;
            this.done = done;
            // the SDK ends an attempt it gives up on (apiCallTimeout, the caller's cancel) by failing this future:
            // the body is closed then, so a spilled object's file is released as soon as it is deleted
            done.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    terminate();
                }
            });
        }

        @Override
        public void request(long n) {
            if (terminated.get()) {
                return;
            }
            if (n <= 0) {
                IllegalArgumentException e = nonPositiveDemand(n);
                if (terminate()) {
                    subscriber.onError(e);
                    done.completeExceptionally(e);
                }
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        /** Emits while there is demand; one thread at a time, re-entrant calls from onNext only add demand. */
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            do {
                while (demand.get() > 0 && !terminated.get()) {
                    byte[] chunk = new byte[CHUNK];
                    int n;
                    try {
                        n = body.readNBytes(chunk, 0, CHUNK);
                    } catch (IOException | RuntimeException e) {
                        if (terminate()) {
                            subscriber.onError(e);
                            done.completeExceptionally(e);
                        }
                        return;
                    }
                    if (n == 0) {
                        if (terminate()) {
                            subscriber.onComplete();
                            done.complete(null);
                        }
                        return;
                    }
                    demand.decrementAndGet();
                    subscriber.onNext(ByteBuffer.wrap(chunk, 0, n));
                }
            } while (wip.decrementAndGet() != 0);
        }

        @Override
        public void cancel() {
            if (terminate()) {
                done.complete(null);
            }
        }

        private boolean terminate() {
            if (!terminated.compareAndSet(false, true)) {
                return false;
            }
            try {
                body.close();
            } catch (IOException e) {
                // The subscriber is gone or the body ended; nothing reads it any more.
            }
            return true;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // a body nobody reads any more
        }
    }
}
