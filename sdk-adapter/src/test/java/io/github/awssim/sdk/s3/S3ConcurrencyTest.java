package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.sdk.SimulatedClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 simulator shared by many threads and in-flight async calls, as parallel tests and applications use it:
 * each race ends in a state one serial order of the same calls could have produced, and every loser gets the
 * error S3 gives that order.
 */
class S3ConcurrencyTest {
    private static final int THREADS = 8;

    private final S3Fixture f = new S3Fixture();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        f.close();
    }

    /** Runs {@code n} tasks released together; each result is its value or the error code it failed with. */
    private List<Object> race(int n, IntFunction<Callable<Object>> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Object> call = task.apply(i);
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return call.call();
                } catch (AwsServiceException e) {
                    return code(e);
                }
            }));
        }
        go.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> future : futures) {
            results.add(future.get(1, TimeUnit.MINUTES));
        }
        return results;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void conditionalCreatesLetExactlyOneWriterWin() throws Exception {
        f.sim.s3().createBucket("race");
        for (int round = 0; round < 10; round++) {
            String key = "lease-" + round;
            List<Object> results = race(THREADS, i -> () -> {
                f.s3.putObject(b -> b.bucket("race").key(key).ifNoneMatch("*"), RequestBody.fromString("writer " + i));
                return "writer " + i;
            });

            List<Object> winners = results.stream().filter(r -> r.toString().startsWith("writer ")).collect(Collectors.toList());
            assertThat(winners).as("round %s: %s", round, results).hasSize(1);
            assertThat(results).filteredOn(r -> !winners.contains(r)).containsOnly("PreconditionFailed");
            assertThat(f.s3.getObjectAsBytes(b -> b.bucket("race").key(key)).asUtf8String()).isEqualTo(winners.get(0));
        }
    }

    @Test
    void writesConditionalOnOneETagLetExactlyOneWin() throws Exception {
        f.sim.s3().createBucket("race");
        String eTag = f.s3.putObject(b -> b.bucket("race").key("counter"), RequestBody.fromString("0")).eTag();

        List<Object> results = race(THREADS, i -> () -> f.s3.putObject(b -> b.bucket("race").key("counter").ifMatch(eTag),
            RequestBody.fromString("1 by " + i)).eTag());

        assertThat(results).filteredOn(r -> !r.equals("PreconditionFailed")).hasSize(1);
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("race").key("counter")).asUtf8String()).startsWith("1 by ");
    }

    @Test
    void partsUploadedInParallelAssembleInPartNumberOrder() {
        f.sim.s3().createBucket("race").minimumPartSize(1);
        String uploadId = f.async.createMultipartUpload(b -> b.bucket("race").key("assembled")).join().uploadId();

        // all in flight at once on the async client, the last part first
        List<CompletableFuture<CompletedPart>> parts = IntStream.rangeClosed(1, 40).map(i -> 41 - i).mapToObj(n ->
            f.async.uploadPart(b -> b.bucket("race").key("assembled").uploadId(uploadId).partNumber(n),
                    AsyncRequestBody.fromString(String.format("%02d|", n)))
                .thenApply(r -> CompletedPart.builder().partNumber(n).eTag(r.eTag()).build()))
            .collect(Collectors.toList());
        List<CompletedPart> completed = parts.stream().map(CompletableFuture::join)
            .sorted((a, b) -> Integer.compare(a.partNumber(), b.partNumber())).collect(Collectors.toList());
        assertThat(f.s3.listParts(b -> b.bucket("race").key("assembled").uploadId(uploadId)).parts()).hasSize(40);
        f.async.completeMultipartUpload(b -> b.bucket("race").key("assembled").uploadId(uploadId)
            .multipartUpload(m -> m.parts(completed))).join();

        String expected = IntStream.rangeClosed(1, 40).mapToObj(n -> String.format("%02d|", n)).collect(Collectors.joining());
        assertThat(f.s3.getObjectAsBytes(b -> b.bucket("race").key("assembled")).asUtf8String()).isEqualTo(expected);
    }

    @Test
    void completeRacingAbortEitherPublishesTheObjectOrNothing() throws Exception {
        f.sim.s3().createBucket("race").minimumPartSize(1);
        for (int round = 0; round < 20; round++) {
            String key = "upload-" + round;
            String uploadId = f.s3.createMultipartUpload(b -> b.bucket("race").key(key)).uploadId();
            String eTag = f.s3.uploadPart(b -> b.bucket("race").key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("only part")).eTag();

            List<Object> results = race(2, i -> i == 0
                ? () -> f.s3.completeMultipartUpload(b -> b.bucket("race").key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag)))).eTag()
                : () -> f.s3.abortMultipartUpload(b -> b.bucket("race").key(key).uploadId(uploadId)).sdkHttpResponse().statusCode());

            boolean published = f.sim.s3().object("race", key).isPresent();
            Object complete = results.get(0);
            Object abort = results.get(1);
            if (published) {
                assertThat(complete).as("round %s", round).asString().endsWith("-1\"");
                assertThat(f.s3.getObjectAsBytes(b -> b.bucket("race").key(key)).asUtf8String()).isEqualTo("only part");
            } else {
                assertThat(abort).as("round %s", round).isEqualTo(204);
                assertThat(complete).as("round %s", round).isEqualTo("NoSuchUpload");
            }
            assertThat(f.s3.listMultipartUploads(b -> b.bucket("race")).uploads()).isEmpty();
        }
    }

    @Test
    void deleteBucketRacingAPutNeverLosesTheObject() throws Exception {
        for (int round = 0; round < 20; round++) {
            String bucket = "doomed-" + round;
            f.sim.s3().createBucket(bucket);

            List<Object> results = race(2, i -> i == 0
                ? () -> f.s3.putObject(b -> b.bucket(bucket).key("late"), RequestBody.fromString("x")).eTag()
                : () -> f.s3.deleteBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode());

            boolean exists = f.s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket));
            if (exists) {
                assertThat(results.get(1)).as("round %s", round).isEqualTo("BucketNotEmpty");
                assertThat(f.sim.s3().object(bucket, "late")).isPresent();
            } else {
                assertThat(results).as("round %s", round).containsExactly("NoSuchBucket", 204);
            }
        }
    }

    @Test
    void concurrentVersionedWritesKeepEveryVersionAndOneLatest() throws Exception {
        f.sim.s3().createBucket("history");
        f.s3.putBucketVersioning(b -> b.bucket("history").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        List<Object> results = race(THREADS, i -> () -> {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                ids.add(f.s3.putObject(b -> b.bucket("history").key("doc"), RequestBody.fromString(i + "/" + n)).versionId());
            }
            return ids;
        });

        Set<String> written = new HashSet<>();
        results.forEach(r -> written.addAll(castIds(r)));   // an error code here fails the cast: no writer may fail
        List<ObjectVersion> versions = f.s3.listObjectVersionsPaginator(b -> b.bucket("history")).versions().stream()
            .collect(Collectors.toList());
        assertThat(written).hasSize(THREADS * 5);
        assertThat(versions).extracting(ObjectVersion::versionId).containsExactlyInAnyOrderElementsOf(written);
        assertThat(versions).filteredOn(ObjectVersion::isLatest).hasSize(1);
        ObjectVersion latest = versions.stream().filter(ObjectVersion::isLatest).findFirst().orElseThrow();
        assertThat(versions.get(0)).as("newest first").isEqualTo(latest);
        assertThat(f.s3.getObject(b -> b.bucket("history").key("doc")).response().versionId()).isEqualTo(latest.versionId());
    }

    private static List<String> castIds(Object result) {
        return ((List<?>) result).stream().map(String.class::cast).collect(Collectors.toList());
    }

    @Test
    void pagedListingsDuringWritesShowEveryStableKeyOnceInOrder() throws Exception {
        f.sim.s3().createBucket("busy");
        List<String> stable = IntStream.range(0, 150).mapToObj(i -> String.format("stable/%03d", i)).collect(Collectors.toList());
        stable.forEach(k -> f.sim.s3().putObject("busy", k, "s"));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    String key = String.format("stable/%03d-tmp-%d-%d", n % 150, writer, n);   // between the stable keys
                    f.s3.putObject(b -> b.bucket("busy").key(key), RequestBody.fromString("t"));
                    f.s3.deleteObject(b -> b.bucket("busy").key(key));
                }
            }));
        }
        try {
            for (int listing = 0; listing < 15; listing++) {
                List<String> keys = f.s3.listObjectsV2Paginator(b -> b.bucket("busy").maxKeys(37)).contents().stream()
                    .map(S3Object::key).collect(Collectors.toList());
                assertThat(keys).as("listing %s", listing).doesNotHaveDuplicates().isSorted();
                assertThat(keys).as("listing %s", listing).containsAll(stable);
            }
        } finally {
            writing.set(false);
        }
        for (Future<?> writer : writers) {
            writer.get(1, TimeUnit.MINUTES);
        }
        assertThat(f.sim.s3().objects("busy")).hasSize(150);
    }

    @Test
    void racingCreatesOfOneBucketOutsideUsEast1LetOneCreatorWin() throws Exception {
        try (S3Client ireland = SimulatedClients.of(f.sim).withRegion(Region.EU_WEST_1)
                 .withOverrides(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).create(S3Client.class)) {
            for (int round = 0; round < 10; round++) {
                String bucket = "contested-" + round;
                List<Object> results = race(THREADS, i -> () -> ireland.createBucket(b -> b.bucket(bucket)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))).location());

                assertThat(results).as("round %s", round).filteredOn("BucketAlreadyOwnedByYou"::equals).hasSize(THREADS - 1);
                assertThat(ireland.getBucketLocation(b -> b.bucket(bucket)).locationConstraint())
                    .isEqualTo(BucketLocationConstraint.EU_WEST_1);
            }
        }
    }
}
