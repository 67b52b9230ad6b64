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

/**
 * Response bodies as transport faults deliver them: whole, cut short, or stalled until the client gives up.
 * Works the same for bodies in bytes and for streamed ones (S3 GetObject).
 */
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

    private static InputStream whole(WireResponse answer) {
        return answer.stream().isPresent() ? answer.stream().get() : new ByteArrayInputStream(answer.body());
    }

    /** The sync body; {@code aborted} is released by the SDK's abort (attempt or call timeout). */
    public static InputStream stream(WireResponse answer, CountDownLatch aborted) {
        switch (answer.delivery()) {
            case TRUNCATED:
                return new Truncating(whole(answer), Math.max(answer.contentLength(), 0) / 2, answer.failure());
            case STALLED:
                answer.stream().ifPresent(FaultyBodies::closeQuietly);
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
                return whole(answer);
        }
    }

    /** The async body, completing {@code done} when delivered (or failed). */
    public static Publisher<ByteBuffer> publisher(WireResponse answer, CompletableFuture<Void> done) {
        switch (answer.delivery()) {
            case TRUNCATED:
                return AsyncStreams.publisherOf(new Truncating(whole(answer), Math.max(answer.contentLength(), 0) / 2,
                    answer.failure()), done);
            case STALLED:
                answer.stream().ifPresent(FaultyBodies::closeQuietly);
                return stalled(answer, done);
            default:
                return answer.stream().isPresent() ? AsyncStreams.publisherOf(answer.stream().get(), done)
                    : AsyncBody.publisherOf(answer.body(), done);
        }
    }

    /** The first {@code keep} bytes of a body, then the IOException a dropped connection gives. */
    private static final class Truncating extends InputStream {
        private final InputStream in;
        private final String failure;
        private long left;

        Truncating(InputStream in, long keep, String failure) {
            this.in = in;
            this.left = keep;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException(failure);
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException(failure);
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Publisher<ByteBuffer> stalled(WireResponse answer, CompletableFuture<Void> done) {
        AtomicBoolean subscribed = new AtomicBoolean();
        return subscriber -> {
            if (!subscribed.compareAndSet(false, true)) {
                AsyncStreams.refuseSecondSubscriber(subscriber);
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
                    if (AsyncStreams.refusedDemand(n, terminated, subscriber, done)) {
                        return;
                    }
                    if (!terminated.get() && started.compareAndSet(false, true)) {
                        DEADLINES.schedule(fail, STALL_SECONDS, TimeUnit.SECONDS);
                    }
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

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // A body no one will read.
        }
    }
}
