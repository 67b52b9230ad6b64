package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringFault;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.IdempotencyConflictException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;

/** Metering through real async SDK clients. */
class MeteringAsyncClientTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final MarketplaceMeteringAsyncClient client = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class);

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    static MeterUsageRequest usage(int quantity) {
        return MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users").usageQuantity(quantity)
            .timestamp(NOW).build();
    }

    static <T> T join(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /** The exception an async call completed with, as the SDK built it. */
    static <E extends Throwable> E failure(Class<E> type, CompletableFuture<?> future) {
        CompletionException e = catchThrowableOfType(CompletionException.class, () -> future.orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(e).as("the call failed").isNotNull();
        assertThat(e.getCause()).isInstanceOf(type);
        return type.cast(e.getCause());
    }

    @Test
    void meterUsageAndTheDuplicateRequestOfTheIssue() throws Exception {
        String id = join(client.meterUsage(usage(3))).meteringRecordId();

        DuplicateRequestException e = failure(DuplicateRequestException.class, client.meterUsage(usage(5)));

        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(e.awsErrorDetails().errorMessage()).contains("(MeteringRecordId " + id + "); this request sends UsageQuantity 5");
        assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId).containsExactly(id);
    }

    @Test
    void clientTokenReplayAndConflict() throws Exception {
        MeterUsageRequest withToken = usage(3).toBuilder().clientToken("tok-1").build();
        String id = join(client.meterUsage(withToken)).meteringRecordId();

        assertThat(join(client.meterUsage(withToken)).meteringRecordId()).isEqualTo(id);
        IdempotencyConflictException e = failure(IdempotencyConflictException.class,
            client.meterUsage(withToken.toBuilder().usageQuantity(4).build()));
        assertThat(e.awsErrorDetails().errorMessage()).contains("UsageQuantity: first 3, now 4");
    }

    @Test
    void throttlingIsRetriedAndExhaustsAttempts() throws Exception {
        sim.metering().failNext(1, MeteringFault.THROTTLING);
        join(client.meterUsage(usage(3)));
        assertThat(sim.journal().last().attemptCount()).isEqualTo(2);

        sim.metering().failNext(20, MeteringFault.THROTTLING);
        ThrottlingException e = failure(ThrottlingException.class, client.meterUsage(usage(3)));
        assertThat(e.numAttempts()).isGreaterThan(1).isEqualTo(sim.journal().last().attemptCount());
        assertThat(sim.metering().records()).hasSize(1);
    }

    @Test
    void asyncClientBuiltTheOrdinaryWay() throws Exception {
        try (MarketplaceMeteringAsyncClient built = MarketplaceMeteringAsyncClient.builder()
            .httpClient(SimulatedHttpClient.create(sim))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .build()) {

            UsageRecord seats = UsageRecord.builder().customerIdentifier("c-1").dimension("Seats").quantity(4).timestamp(NOW).build();
            BatchMeterUsageResponse r = join(built.batchMeterUsage(b -> b.productCode("saas-1").usageRecords(seats)));

            assertThat(r.results()).extracting(UsageRecordResult::status).containsExactly(UsageRecordResultStatus.SUCCESS);
            assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId)
                .containsExactly(r.results().get(0).meteringRecordId());
            sim.metering().leaveUnprocessed(1);
            UsageRecord later = seats.toBuilder().timestamp(NOW.plus(Duration.ofMinutes(1))).customerIdentifier("c-2").build();
            assertThat(join(built.batchMeterUsage(b -> b.productCode("saas-1").usageRecords(later))).unprocessedRecords())
                .containsExactly(later);
            InvalidTokenException e = failure(InvalidTokenException.class,
                built.resolveCustomer(b -> b.registrationToken("forged")));
            assertThat(e.statusCode()).isEqualTo(400);
        }
    }
}
