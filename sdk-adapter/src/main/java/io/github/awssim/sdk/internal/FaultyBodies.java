package io.github.awssim.sdk.internal;

import io.github.awssim.sdk.internal.wire.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/** Response bodies as transport faults deliver them: whole, cut short, or stalled until the client gives up. */
public final class FaultyBodies {
    /** How long a stalled body waits for the client to abort before failing by itself. */
    public static final int STALL_SECONDS = 5;

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "awssim-stall-deadline");
        t.setDaemon(true);
        return t;
    });

    private FaultyBodies() {
    }

    /** The sync body; {@code aborted} is released by the SDK's abort (attempt or call timeout). */
    public static InputStream stream(WireResponse answer, CountDownLatch aborted) {
        byte[] body = answer.body();
        switch (answer.delivery()) {
            case TRUNCATED:
                return new InputStream() {
                    private final ByteArrayInputStream half = new ByteArrayInputStream(body, 0, body.length / 2);

                    @Override
                    public int read() throws IOException {
                        int b = half.read();
                        if (b < 0) {
                            throw new IOException(answer.failure());
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = half.read(buf, off, len);
                        if (n < 0) {
                            throw new IOException(answer.failure());
                        }
                        return n;
                    }
                };
            case STALLED:
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        stall();
                        return -1;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        stall();
                        return -1;
                    }

                    private void stall() throws IOException {
                        try {
                            boolean byClient = aborted.await(STALL_SECONDS, TimeUnit.SECONDS);
                            throw new IOException(answer.failure() + (byClient ? "; the client aborted"
                                : "; awssim gave up after " + STALL_SECONDS + " s (set an apiCallAttemptTimeout below that)"));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException(answer.failure() + "; interrupted by the client's timeout", e);
                        }
                    }
                };
            default:
                return new ByteArrayInputStream(body);
        }
    }

    /** The async body, completing {@code done} when delivered (or failed). */
    public static Publisher<ByteBuffer> publisher(WireResponse answer, CompletableFuture<Void> done) {
        switch (answer.delivery()) {
            case TRUNCATED:
                return failing(answer, done, answer.body().length / 2, false);
            case STALLED:
                return failing(answer, done, 0, true);
            default:
                return AsyncBody.publisherOf(answer.body(), done);
        }
    }

    private static Publisher<ByteBuffer> failing(WireResponse answer, CompletableFuture<Void> done, int prefix, boolean stall) {
        AtomicBoolean subscribed = new AtomicBoolean();
        return subscriber -> {
            if (!subscribed.compareAndSet(false, true)) {
                AsyncBody.publisherOf(new byte[0], new CompletableFuture<>()).subscribe(subscriber);
                return;
            }
            AtomicBoolean terminated = new AtomicBoolean();
            Runnable fail = () -> {
                if (terminated.compareAndSet(false, true)) {
                    IOException e = new IOException(answer.failure());
                    subscriber.onError(e);
                    done.completeExceptionally(e);
                }
            };
            subscriber.onSubscribe(new Subscription() {
                private final AtomicBoolean started = new AtomicBoolean();

                @Override
                public void request(long n) {
                    if (n <= 0 || terminated.get() || !started.compareAndSet(false, true)) {
                        return;
                    }
                    if (stall) {
                        DEADLINES.schedule(fail, STALL_SECONDS, TimeUnit.SECONDS);
                        return;
                    }
                    if (prefix > 0) {
                        subscriber.onNext(ByteBuffer.wrap(answer.body(), 0, prefix).asReadOnlyBuffer());
                    }
                    fail.run();
                }

                @Override
                public void cancel() {
                    if (terminated.compareAndSet(false, true)) {
                        done.completeExceptionally(new IOException(answer.failure() + "; cancelled by the client"));
                    }
                }
            });
        };
    }
}
