package io.github.awssim.sdk.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.waiters.S3AsyncWaiter;
import software.amazon.awssdk.services.s3.waiters.S3Waiter;

/**
 * The SDK's S3 waiters run for real against the simulation: their acceptors read the status codes awssim
 * answers (200, and 404 with HEAD's empty body), and a waiter that keeps polling sleeps between polls.
 */
class S3WaitersTest {
    private final S3Fixture f = new S3Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static WaiterOverrideConfiguration quick(int attempts) {
        return WaiterOverrideConfiguration.builder().maxAttempts(attempts)
            .backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(20)))
            .build();
    }

    @Test
    void syncWaitersSeeBucketsAndObjectsComeAndGo() {
        S3Waiter waiter = S3Waiter.builder().client(f.s3).overrideConfiguration(quick(3)).build();
        f.s3.createBucket(b -> b.bucket("waited"));
        assertThat(waiter.waitUntilBucketExists(b -> b.bucket("waited")).attemptsExecuted()).isEqualTo(1);

        f.s3.putObject(b -> b.bucket("waited").key("k"), RequestBody.fromString("v"));
        WaiterResponse<HeadObjectResponse> exists = waiter.waitUntilObjectExists(b -> b.bucket("waited").key("k"));
        assertThat(exists.matched().response()).hasValueSatisfying(r -> assertThat(r.contentLength()).isEqualTo(1L));

        f.s3.deleteObject(b -> b.bucket("waited").key("k"));
        assertThat(waiter.waitUntilObjectNotExists(b -> b.bucket("waited").key("k")).attemptsExecuted()).isEqualTo(1);
        f.s3.deleteBucket(b -> b.bucket("waited"));
        assertThat(waiter.waitUntilBucketNotExists(b -> b.bucket("waited")).attemptsExecuted()).isEqualTo(1);
    }

    @Test
    void aSyncWaiterPollsUntilItGivesUpOnAMissingObject() {
        f.s3.createBucket(b -> b.bucket("waited"));
        S3Waiter waiter = S3Waiter.builder().client(f.s3).overrideConfiguration(quick(3)).build();

        assertThatThrownBy(() -> waiter.waitUntilObjectExists(b -> b.bucket("waited").key("never")))
            .isInstanceOf(SdkClientException.class).hasMessageContaining("exceeded the max retry attempts: 3");
        assertThat(f.sim.journal().executions()).filteredOn(e -> e.operation().equals("HeadObject")).hasSize(3);
    }

    @Test
    void asyncWaitersPollUntilTheObjectAppears() {
        f.s3.createBucket(b -> b.bucket("waited"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (S3AsyncWaiter waiter = S3AsyncWaiter.builder().client(f.async).scheduledExecutorService(scheduler)
            .overrideConfiguration(quick(50)).build()) {
            f.s3.putObject(b -> b.bucket("waited").key("late"), RequestBody.fromString("now"));
            // the first two polls see the 404 of an object not there yet, and retry
            f.sim.stubs().on(software.amazon.awssdk.services.s3.model.HeadObjectRequest.class)
                .fail(software.amazon.awssdk.services.s3.model.NoSuchKeyException.builder().statusCode(404).build()).times(2)
                .thenSimulate();
            WaiterResponse<HeadObjectResponse> found = waiter.waitUntilObjectExists(b -> b.bucket("waited").key("late")).join();

            assertThat(found.attemptsExecuted()).isEqualTo(3);
            assertThat(found.matched().response()).hasValueSatisfying(r -> assertThat(r.contentLength()).isEqualTo(3L));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
