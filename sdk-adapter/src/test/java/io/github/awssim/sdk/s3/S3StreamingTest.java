package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.BlockingInputStreamAsyncRequestBody;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Bodies stream both ways, sync and async, with every SDK body type users reach for; large objects spill
 * to the simulation's storage directory, which goes when the simulation closes; a reader never sees a
 * torn object while writers race.
 */
class S3StreamingTest {
    private static final int MIB = 1024 * 1024;

    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("stream"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Deterministic content of any length, generated as it is read. */
    static InputStream pattern(long length, int seed) {
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                return at < length ? (int) ((at++ * 31 + seed) & 0xff) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - at);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((at++ * 31 + seed) & 0xff);
                }
                return n;
            }
        };
    }

    static byte[] md5(InputStream in) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            md5.update(buffer, 0, n);
        }
        return md5.digest();
    }

    @Test
    void syncStreamsFromInputStreamsAndToInputStreams() throws Exception {
        long size = 24L * MIB + 17;
        f.s3.putObject(b -> b.bucket("stream").key("big"), RequestBody.fromInputStream(pattern(size, 1), size));
        assertThat(f.sim.s3().storageDirectory()).isPresent();
        try (ResponseInputStream<GetObjectResponse> in = f.s3.getObject(b -> b.bucket("stream").key("big")
            .checksumMode(ChecksumMode.ENABLED))) {
            assertThat(in.response().contentLength()).isEqualTo(size);
            assertThat(md5(in)).isEqualTo(md5(pattern(size, 1)));
        }
        try (InputStream in = f.s3.getObject(b -> b.bucket("stream").key("big").range("bytes=" + (size - 10) + "-"))) {
            assertThat(in.readAllBytes()).hasSize(10);
        }
    }

    @Test
    void filesBothWaysSyncAndAsync(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.bin");
        try (InputStream in = pattern(9L * MIB, 2)) {
            Files.copy(in, source);
        }
        f.s3.putObject(b -> b.bucket("stream").key("file"), RequestBody.fromFile(source));
        f.s3.getObject(b -> b.bucket("stream").key("file"), ResponseTransformer.toFile(dir.resolve("sync.bin")));
        f.async.putObject(b -> b.bucket("stream").key("file-async"), AsyncRequestBody.fromFile(source)).join();
        f.async.getObject(b -> b.bucket("stream").key("file-async"), AsyncResponseTransformer.toFile(dir.resolve("async.bin"))).join();
        assertThat(Files.mismatch(source, dir.resolve("sync.bin"))).isEqualTo(-1);
        assertThat(Files.mismatch(source, dir.resolve("async.bin"))).isEqualTo(-1);
    }

    @Test
    void asyncStreamsUnknownLengthBodiesAndPublishesAnswersOnDemand() throws Exception {
        long size = 12L * MIB + 3;
        // A body of unknown length, written by the caller while the SDK reads it.
        BlockingInputStreamAsyncRequestBody body = AsyncRequestBody.forBlockingInputStream(size);
        var put = f.async.putObject(b -> b.bucket("stream").key("blocking"), body);
        body.writeInputStream(pattern(size, 3));
        put.join();

        ResponsePublisher<GetObjectResponse> publisher = f.async.getObject(b -> b.bucket("stream").key("blocking"),
            AsyncResponseTransformer.toPublisher()).join();
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        long[] count = new long[1];
        publisher.subscribe((ByteBuffer buffer) -> {
            count[0] += buffer.remaining();
            md5.update(buffer);
        }).get(30, TimeUnit.SECONDS);
        assertThat(count[0]).isEqualTo(size);
        assertThat(md5.digest()).isEqualTo(md5(pattern(size, 3)));

        try (InputStream in = f.async.getObject(b -> b.bucket("stream").key("blocking"),
            AsyncResponseTransformer.toBlockingInputStream()).join()) {
            assertThat(md5(in)).isEqualTo(md5(pattern(size, 3)));
        }
    }

    @Test
    void typedApiStreamsToo() throws Exception {
        long size = 6L * MIB;
        f.sim.s3().putObject("stream", "typed", pattern(size, 4), size);
        try (InputStream in = f.sim.s3().openObject("stream", "typed")) {
            assertThat(md5(in)).isEqualTo(md5(pattern(size, 4)));
        }
    }

    @Test
    void theStorageDirectoryGoesWithTheSimulation() throws Exception {
        Simulation sim = Simulation.create();
        S3Fixture other = new S3Fixture(sim);
        other.s3.createBucket(b -> b.bucket("tmp"));
        other.s3.putObject(b -> b.bucket("tmp").key("k"), RequestBody.fromInputStream(pattern(3L * MIB, 5), 3L * MIB));
        Path dir = sim.s3().storageDirectory().orElseThrow();
        assertThat(Files.list(dir).count()).isEqualTo(1);
        other.close();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void overwrittenAndDeletedObjectsFreeTheirFiles() throws Exception {
        for (int i = 0; i < 3; i++) {
            f.s3.putObject(b -> b.bucket("stream").key("same"), RequestBody.fromInputStream(pattern(2L * MIB, 6), 2L * MIB));
        }
        Path dir = f.sim.s3().storageDirectory().orElseThrow();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
        f.s3.deleteObject(b -> b.bucket("stream").key("same"));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void aReaderNeverSeesATornObjectWhileWritersRace() throws Exception {
        int size = 3 * MIB;
        f.sim.s3().putObject("stream", "hot", pattern(size, 0), size);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        try {
            for (int w = 1; w <= 2; w++) {
                int seed = w;
                tasks.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 4; i++) {
                        if (seed == 1) {
                            f.s3.putObject(b -> b.bucket("stream").key("hot"), RequestBody.fromInputStream(pattern(size, seed), size));
                        } else {    // the async client's upload path commits as atomically as the sync one
                            f.async.putObject(b -> b.bucket("stream").key("hot").contentLength((long) size),
                                AsyncRequestBody.fromInputStream(pattern(size, seed), (long) size, pool)).join();
                        }
                    }
                    return null;
                }));
            }
            List<byte[]> valid = List.of(md5(pattern(size, 0)), md5(pattern(size, 1)), md5(pattern(size, 2)));
            for (int r = 0; r < 2; r++) {
                boolean sync = r == 0;
                tasks.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 6; i++) {
                        // the async download is published later than it is opened: it must still be one version
                        try (InputStream in = sync ? f.s3.getObject(b -> b.bucket("stream").key("hot"))
                            : f.async.getObject(b -> b.bucket("stream").key("hot"), AsyncResponseTransformer.toBlockingInputStream()).join()) {
                            byte[] digest = md5(in);
                            assertThat(valid).anySatisfy(v -> assertThat(v).isEqualTo(digest));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> t : tasks) {
                t.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] last = md5(f.sim.s3().openObject("stream", "hot"));
        assertThat(List.of(md5(pattern(size, 1)), md5(pattern(size, 2)))).anySatisfy(v -> assertThat(v).isEqualTo(last));
    }

    @Test
    void aCopyRefusedForItsTagsReleasesItsSource() throws IOException {
        f.s3.putObject(b -> b.bucket("stream").key("source"), RequestBody.fromInputStream(pattern(2L * MIB, 8), 2L * MIB));
        assertThatThrownBy(() -> f.s3.copyObject(b -> b.sourceBucket("stream").sourceKey("source").destinationBucket("stream")
            .destinationKey("copy").taggingDirective(TaggingDirective.REPLACE).tagging("aws:reserved=x")))
            .isInstanceOf(S3Exception.class).hasMessageContaining("aws:");
        f.s3.deleteObject(b -> b.bucket("stream").key("source"));
        try (var files = Files.list(f.sim.s3().storageDirectory().orElseThrow())) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void anAbandonedDownloadReleasesItsObject() throws IOException {
        f.s3.putObject(b -> b.bucket("stream").key("half"), RequestBody.fromInputStream(pattern(4L * MIB, 7), 4L * MIB));
        ResponseInputStream<GetObjectResponse> in = f.s3.getObject(b -> b.bucket("stream").key("half"));
        in.read(new byte[1024]);
        in.abort();
        f.s3.deleteObject(b -> b.bucket("stream").key("half"));
        try (var files = Files.list(f.sim.s3().storageDirectory().orElseThrow())) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void anAsyncDownloadTheSdkGivesUpOnReleasesItsObject() throws Exception {
        f.s3.putObject(b -> b.bucket("stream").key("timed-out"), RequestBody.fromInputStream(pattern(4L * MIB, 8), 4L * MIB));
        CountDownLatch first = new CountDownLatch(1);
        // takes one buffer and no more, so the call outlives the client's apiCallTimeout
        AsyncResponseTransformer<GetObjectResponse, Void> stalling = new AsyncResponseTransformer<>() {
            private java.util.concurrent.CompletableFuture<Void> result;

            @Override
            public java.util.concurrent.CompletableFuture<Void> prepare() {
                result = new java.util.concurrent.CompletableFuture<>();
                return result;
            }

            @Override
            public void onResponse(GetObjectResponse response) {
            }

            @Override
            public void onStream(software.amazon.awssdk.core.async.SdkPublisher<ByteBuffer> publisher) {
                publisher.subscribe(new org.reactivestreams.Subscriber<ByteBuffer>() {
                    @Override
                    public void onSubscribe(org.reactivestreams.Subscription s) {
                        s.request(1);
                    }

                    @Override
                    public void onNext(ByteBuffer b) {
                        first.countDown();
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
            public void exceptionOccurred(Throwable error) {
                result.completeExceptionally(error);
            }
        };
        // long enough for the first buffer to arrive on a loaded machine, so the timeout strikes mid-body
        try (software.amazon.awssdk.services.s3.S3AsyncClient impatient = io.github.awssim.sdk.SimulatedClients.of(f.sim)
            .withOverrides(o -> o.apiCallTimeout(java.time.Duration.ofMillis(1500))).create(
                software.amazon.awssdk.services.s3.S3AsyncClient.class)) {
            assertThatThrownBy(() -> impatient.getObject(b -> b.bucket("stream").key("timed-out"), stalling).join())
                .hasCauseInstanceOf(software.amazon.awssdk.core.exception.ApiCallTimeoutException.class);
        }
        assertThat(first.getCount()).isZero();
        f.s3.deleteObject(b -> b.bucket("stream").key("timed-out"));

        // The timeout ends the caller's join() on the SDK's timer thread, and the body is closed by the callbacks
        // that run on that thread after it: give them a moment, but the file must go.
        Path dir = f.sim.s3().storageDirectory().orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long left;
        do {
            try (var files = Files.list(dir)) {
                left = files.count();
            }
        } while (left > 0 && System.nanoTime() < deadline && sleptBriefly());
        assertThat(left).as("the abandoned body's file").isZero();
    }

    private static boolean sleptBriefly() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }

    @Test
    void aCancelledAsyncUploadCommitsNothingAndFreesItsFile() throws Exception {
        // 4 MiB announced, 2 MiB sent, then the sender stalls: the backend reads it on awssim's thread, spilling
        CountDownLatch resume = new CountDownLatch(1);
        CountDownLatch halfSent = new CountDownLatch(1);
        AsyncRequestBody body = new AsyncRequestBody() {
            @Override
            public java.util.Optional<Long> contentLength() {
                return java.util.Optional.of(4L * MIB);
            }

            @Override
            public void subscribe(org.reactivestreams.Subscriber<? super ByteBuffer> s) {
                s.onSubscribe(new org.reactivestreams.Subscription() {
                    private int sent;   // 64 KiB chunks

                    @Override
                    public void request(long n) {
                        for (long i = 0; i < n && sent < 64; i++) {
                            if (sent == 32) {
                                halfSent.countDown();
                                try {
                                    resume.await(10, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return;
                                }
                            }
                            sent++;
                            s.onNext(ByteBuffer.wrap(new byte[64 * 1024]));
                        }
                        if (sent == 64) {
                            s.onComplete();
                        }
                    }

                    @Override
                    public void cancel() {
                        resume.countDown();
                    }
                });
            }
        };
        java.util.concurrent.CompletableFuture<?> call = f.async.putObject(b -> b.bucket("stream").key("abandoned"), body);
        assertThat(halfSent.await(10, TimeUnit.SECONDS)).isTrue();

        call.cancel(true);
        resume.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long left = 1;
        while (left > 0 && System.nanoTime() < deadline) {
            java.util.Optional<Path> dir = f.sim.s3().storageDirectory();
            if (dir.isEmpty()) {
                left = 0;
            } else {
                try (var files = Files.list(dir.get())) {
                    left = files.count();
                }
            }
        }
        assertThat(left).as("the abandoned upload's spill file").isZero();
        assertThat(f.sim.s3().object("stream", "abandoned")).isEmpty();
    }

    @Test
    void anAsyncResponseHandlerThatThrowsLetsGoOfTheBodyItWillNotRead() throws Exception {
        f.s3.putObject(b -> b.bucket("stream").key("unread"), RequestBody.fromInputStream(pattern(4L * MIB, 9), 4L * MIB));
        software.amazon.awssdk.http.SdkHttpFullRequest get = software.amazon.awssdk.http.SdkHttpFullRequest.builder()
            .method(software.amazon.awssdk.http.SdkHttpMethod.GET).protocol("https")
            .host("stream.s3.us-east-1.amazonaws.com").encodedPath("/unread").build();
        java.util.concurrent.CompletableFuture<Void> done = io.github.awssim.sdk.SimulatedHttpClient.create(f.sim)
            .execute(software.amazon.awssdk.http.async.AsyncExecuteRequest.builder().request(get)
                .responseHandler(new software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler() {
                    @Override
                    public void onHeaders(software.amazon.awssdk.http.SdkHttpResponse headers) {
                        throw new IllegalStateException("handler broke");
                    }

                    @Override
                    public void onStream(org.reactivestreams.Publisher<ByteBuffer> stream) {
                    }

                    @Override
                    public void onError(Throwable error) {
                    }
                }).build());

        assertThat(done).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withMessageContaining("handler broke");
        f.s3.deleteObject(b -> b.bucket("stream").key("unread"));
        try (var files = Files.list(f.sim.s3().storageDirectory().orElseThrow())) {
            assertThat(files.count()).as("the unread body's file").isZero();
        }
    }
}
