package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.CallerIdentity;
import io.github.awssim.core.services.metering.MeteringFault;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.CustomerNotEntitledException;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidEndpointRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageAllocationsException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;

/**
 * Metering through real sync SDK clients: marshalling, signing, retries and the SDK's own exceptions.
 * {@link MeteringAsyncRulesTest} runs every test here again through real async clients, by overriding
 * the three methods that build clients.
 */
class MeteringSyncClientTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final MarketplaceMeteringClient client = newClient();

    /** A client of the kind under test, from SimulatedClients. */
    MarketplaceMeteringClient newClient() {
        return SimulatedClients.create(sim, MarketplaceMeteringClient.class);
    }

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    static MeterUsageRequest.Builder usage(int quantity) {
        return MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users").usageQuantity(quantity)
            .timestamp(NOW);
    }

    /** A client built the ordinary way, with awssim's HTTP client and the given access key and region. */
    MarketplaceMeteringClient builtClient(String accessKeyId, Region region) {
        return MarketplaceMeteringClient.builder()
            .httpClient(SimulatedHttpClient.create(sim))
            .region(region)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
            .build();
    }

    @Test
    void sameDimensionAndHourWithAnotherQuantityIsADuplicateRequest() {
        String id = client.meterUsage(usage(3).build()).meteringRecordId();

        DuplicateRequestException e = catchThrowableOfType(DuplicateRequestException.class,
            () -> client.meterUsage(usage(5).timestamp(NOW.minus(Duration.ofMinutes(10))).build()));

        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("MeterUsage: usage of product prod-1, dimension Users "
            + "for the hour starting 2026-01-01T10:00:00Z was already recorded by i-0123456789abcdef0 with UsageQuantity 3 "
            + "(MeteringRecordId " + id + "); this request sends UsageQuantity 5. Usage is reported once per hour per "
            + "dimension per instance, task or pod, and a recorded value cannot change; report further usage from "
            + "2026-01-01T11:00:00Z on.");
        assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId, MeteringRecord::quantity)
            .containsExactly(tuple(id, 3));
    }

    @Test
    void identicalCallFromANewClientGetsTheSameRecordId() {
        String id = client.meterUsage(usage(3).build()).meteringRecordId();
        try (MarketplaceMeteringClient another = newClient()) {
            assertThat(another.meterUsage(usage(3).build()).meteringRecordId()).isEqualTo(id);
        }
        assertThat(sim.metering().records()).hasSize(1);
    }

    @Test
    void sdkFillsADistinctClientTokenPerCall() {
        client.meterUsage(usage(3).build());
        client.meterUsage(usage(3).usageDimension("Hosts").build());

        assertThat(sim.journal().requests(MeterUsageRequest.class)).extracting(MeterUsageRequest::clientToken)
            .doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void retryAfterALostResponseReplaysTheRecordIdByClientToken() {
        // The service commits, then the connection drops before the SDK reads the answer; the SDK retries the
        // same bytes (same ClientToken) and must get the original id, not a new record or an error, even when
        // the retry arrives after the usage window.
        AtomicBoolean lost = new AtomicBoolean();
        try (MarketplaceMeteringClient flaky = clientLosingFirstAnswer(lost)) {
            String id = flaky.meterUsage(usage(3).build()).meteringRecordId();

            assertThat(lost).isTrue();
            assertThat(sim.journal().last().attemptCount()).isEqualTo(2);
            assertThat(sim.journal().last().attempts()).allSatisfy(a ->
                assertThat(a.outcome()).isInstanceOf(Outcome.Response.class));
            assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId).containsExactly(id);
        }
    }

    /**
     * A client whose HTTP client loses the first answer after the service committed it, advancing the
     * simulation clock past the usage window as a long outage would; {@code lost} turns true then.
     */
    MarketplaceMeteringClient clientLosingFirstAnswer(AtomicBoolean lost) {
        SdkHttpClient http = SimulatedHttpClient.create(sim);
        SdkHttpClient dropsFirstAnswer = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest real = http.prepareRequest(request);
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        HttpExecuteResponse answer = real.call();
                        if (lost.compareAndSet(false, true)) {
                            // A long outage: by the retry, the hour rule alone would refuse the timestamp.
                            sim.clock().advance(Duration.ofHours(7));
                            throw new IOException("connection reset after the service answered");
                        }
                        return answer;
                    }

                    @Override
                    public void abort() {
                        real.abort();
                    }
                };
            }

            @Override
            public String clientName() {
                return http.clientName();
            }

            @Override
            public void close() {
            }
        };
        return MarketplaceMeteringClient.builder()
            .httpClient(dropsFirstAnswer)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately()).build()))
            .build();
    }

    @Test
    void explicitClientTokenReplaysEvenAfterTheWindowHasPassed() {
        String id = client.meterUsage(usage(3).clientToken("order-42").build()).meteringRecordId();
        sim.clock().advance(Duration.ofHours(8));

        assertThat(client.meterUsage(usage(3).clientToken("order-42").build()).meteringRecordId()).isEqualTo(id);
        assertThat(sim.metering().records()).hasSize(1);
    }

    @Test
    void throttledCallsAreRetriedByTheSdkOnTheVirtualClock() {
        sim.metering().failNext(2, MeteringFault.THROTTLING);

        String id = client.meterUsage(usage(3).build()).meteringRecordId();

        assertThat(sim.journal().last().attempts()).extracting(a -> a.outcome().label())
            .containsExactly("ThrottlingException", "ThrottlingException", "MeterUsageResponse");
        assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId).containsExactly(id);
        assertThat(sim.clock().instant()).isAfter(NOW);
    }

    @Test
    void allocationsTravelTheWireAndAreRecorded() {
        UsageAllocation teamA = UsageAllocation.builder().allocatedUsageQuantity(2)
            .tags(Tag.builder().key("team").value("a").build()).build();
        UsageAllocation rest = UsageAllocation.builder().allocatedUsageQuantity(1).build();

        client.meterUsage(usage(3).usageAllocations(teamA, rest).build());

        assertThat(sim.metering().records()).singleElement().satisfies(r -> {
            assertThat(r.allocations()).containsExactly(teamA, rest);
            assertThat(r.timestamp()).isEqualTo(NOW);
        });
    }

    @Test
    void callsSignedWithAnotherAccessKeyRunAsTheIdentityBoundToIt() {
        sim.metering().callerIdentity("AKIDTASK2", CallerIdentity.of("task-2"));
        try (MarketplaceMeteringClient task2 = builtClient("AKIDTASK2", Region.US_EAST_1)) {
            String first = client.meterUsage(usage(3).build()).meteringRecordId();
            String second = task2.meterUsage(usage(5).build()).meteringRecordId();

            assertThat(second).isNotEqualTo(first);
            assertThat(sim.metering().records()).extracting(MeteringRecord::callerIdentity, MeteringRecord::quantity)
                .containsExactly(tuple("i-0123456789abcdef0", 3), tuple("task-2", 5));
        }
    }

    @Test
    void eachRegionHasItsOwnState() {
        sim.metering().callerIdentity(CallerIdentity.builder().id("i-1").launchRegion(Region.US_EAST_1).build());
        try (MarketplaceMeteringClient west = builtClient("AKID", Region.US_WEST_2)) {
            client.meterUsage(usage(3).build());
            // us-west-2 has its own caller identity (the default, launched anywhere) and its own ledger.
            west.meterUsage(usage(5).build());

            assertThat(sim.metering().records()).extracting(MeteringRecord::quantity).containsExactly(3);
            assertThat(sim.metering().in(sim.accountId(), Region.US_WEST_2).records())
                .extracting(MeteringRecord::quantity).containsExactly(5);

            sim.metering().in(sim.accountId(), Region.US_WEST_2)
                .callerIdentity(CallerIdentity.builder().id("i-1").launchRegion(Region.US_EAST_1).build());
            assertThat(catchThrowableOfType(InvalidEndpointRegionException.class,
                () -> west.meterUsage(usage(7).usageDimension("Hosts").build())).awsErrorDetails().errorMessage())
                .isEqualTo("MeterUsage: called at the endpoint of region us-west-2, but caller i-1 runs in region "
                    + "us-east-1; meter usage at the Metering endpoint of the caller's own region.");
        }
    }

    @Test
    void batchMeterUsageAnswersPerRecordStatuses() {
        sim.metering().registerProduct("saas-1", "Seats").subscribe("saas-1", "cust-a", "111111111111")
            .subscribe("saas-1", "cust-b", "222222222222").unsubscribe("saas-1", "cust-b");
        UsageRecord a = UsageRecord.builder().customerIdentifier("cust-a").dimension("Seats").quantity(2).timestamp(NOW).build();
        client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(a));

        UsageRecord b = a.toBuilder().customerIdentifier("cust-b").build();
        UsageRecord aAgain = a.toBuilder().quantity(9).build();
        UsageRecord byAccount = UsageRecord.builder().customerAWSAccountId("111111111111").dimension("Seats").quantity(2)
            .timestamp(NOW.minus(Duration.ofHours(2))).build();
        BatchMeterUsageResponse response = client.batchMeterUsage(r -> r.productCode("saas-1")
            .usageRecords(a, b, aAgain, byAccount));

        assertThat(response.results()).extracting(UsageRecordResult::usageRecord, UsageRecordResult::status).containsExactly(
            tuple(a, UsageRecordResultStatus.SUCCESS),
            tuple(b, UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED),
            tuple(aAgain, UsageRecordResultStatus.DUPLICATE_RECORD),
            tuple(byAccount, UsageRecordResultStatus.SUCCESS));
        assertThat(response.unprocessedRecords()).isEmpty();
        assertThat(response.results().get(0).meteringRecordId()).isEqualTo(sim.metering().records().get(0).meteringRecordId());
        assertThat(sim.metering().records()).extracting(MeteringRecord::customerIdentifier, MeteringRecord::hour)
            .containsExactly(tuple("cust-a", Instant.parse("2026-01-01T10:00:00Z")),
                tuple("cust-a", Instant.parse("2026-01-01T08:00:00Z")));
    }

    @Test
    void aBatchWhoseFirstRecordIsOutsideTheWindowFailsWholeAndRecordsNothing() {
        UsageRecord recent = UsageRecord.builder().customerIdentifier("c1").dimension("Seats").quantity(2).timestamp(NOW).build();
        UsageRecord tooOld = recent.toBuilder().customerIdentifier("c2").timestamp(NOW.minus(Duration.ofHours(7))).build();
        UsageRecord tooNew = recent.toBuilder().customerIdentifier("c3").timestamp(NOW.plus(Duration.ofMinutes(6))).build();

        TimestampOutOfBoundsException old = catchThrowableOfType(TimestampOutOfBoundsException.class,
            () -> client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(tooOld, recent)));
        TimestampOutOfBoundsException future = catchThrowableOfType(TimestampOutOfBoundsException.class,
            () -> client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(tooNew, recent)));

        assertThat(old).isNotNull();
        assertThat(old.getMessage()).startsWith("UsageRecords[0].Timestamp");
        assertThat(future).isNotNull();
        assertThat(future.getMessage()).startsWith("UsageRecords[0].Timestamp");
        assertThat(sim.metering().records()).isEmpty();
    }

    @Test
    void unprocessedRecordsComeBackUnrecordedAndGoThroughWhenSentAgain() {
        sim.metering().leaveUnprocessed(2);
        UsageRecord first = UsageRecord.builder().customerIdentifier("c1").dimension("Seats").quantity(2).timestamp(NOW).build();
        UsageRecord second = first.toBuilder().customerIdentifier("c2").build();
        UsageRecord third = first.toBuilder().customerIdentifier("c3").build();

        // a request-level error leaves the pending records for the next batch
        catchThrowableOfType(TimestampOutOfBoundsException.class, () -> client.batchMeterUsage(r -> r.productCode("saas-1")
            .usageRecords(first, first.toBuilder().timestamp(NOW.minus(Duration.ofDays(1))).build())));
        BatchMeterUsageResponse response = client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(first, second, third));

        assertThat(response.unprocessedRecords()).containsExactly(first, second);
        assertThat(response.results()).extracting(UsageRecordResult::usageRecord).containsExactly(third);
        assertThat(sim.metering().records()).extracting(MeteringRecord::customerIdentifier).containsExactly("c3");

        BatchMeterUsageResponse again = client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(response.unprocessedRecords()));

        assertThat(again.unprocessedRecords()).isEmpty();
        assertThat(again.results()).extracting(UsageRecordResult::status).containsOnly(UsageRecordResultStatus.SUCCESS);
        assertThat(sim.metering().records()).extracting(MeteringRecord::customerIdentifier).containsExactly("c3", "c1", "c2");
    }

    @Test
    void registerUsageAnswersASignatureAndTheRotationOfAnOldKey() {
        sim.clock().advance(Duration.ofDays(1));
        sim.metering().rotatePublicKey();

        RegisterUsageResponse current = client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(2).nonce("abc"));
        RegisterUsageResponse old = client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(1));

        String claims = new String(Base64.getUrlDecoder().decode(current.signature().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"productCode\":\"cont-1\"", "\"publicKeyVersion\":2", "\"nonce\":\"abc\"");
        assertThat(current.publicKeyRotationTimestamp()).isNull();
        assertThat(old.publicKeyRotationTimestamp()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void eachSupersededKeyVersionAnswersTheTimeOfItsOwnRotation() {
        sim.clock().advance(Duration.ofDays(1));
        sim.metering().rotatePublicKey();                      // version 1 retired at NOW + 1 day
        sim.clock().advance(Duration.ofDays(1));
        sim.metering().rotatePublicKey();                      // version 2 retired at NOW + 2 days; 3 is current

        RegisterUsageResponse v1 = client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(1));
        RegisterUsageResponse v2 = client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(2));
        RegisterUsageResponse v3 = client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(3));

        assertThat(v1.publicKeyRotationTimestamp()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(v2.publicKeyRotationTimestamp()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(v3.publicKeyRotationTimestamp()).isNull();
    }

    @Test
    void resolveCustomerResolvesATokenOnce() {
        sim.metering().registerProduct("saas-1", "Seats").subscribe("saas-1", "cust-a", "111111111111");
        String token = sim.metering().issueRegistrationToken("saas-1", "cust-a");

        ResolveCustomerResponse r = client.resolveCustomer(b -> b.registrationToken(token));

        assertThat(r.customerIdentifier()).isEqualTo("cust-a");
        assertThat(r.customerAWSAccountId()).isEqualTo("111111111111");
        assertThat(r.productCode()).isEqualTo("saas-1");
        ExpiredTokenException e = catchThrowableOfType(ExpiredTokenException.class,
            () -> client.resolveCustomer(b -> b.registrationToken(token)));
        assertThat(e.numAttempts()).isEqualTo(1);
    }

    @Test
    void theWindowIsSixHoursBackAndFiveMinutesAheadOfTheSimulationClock() {
        String edge = client.meterUsage(usage(1).timestamp(NOW.minus(Duration.ofHours(6))).build()).meteringRecordId();
        String ahead = client.meterUsage(usage(1).usageDimension("Hosts").timestamp(NOW.plus(Duration.ofMinutes(5))).build())
            .meteringRecordId();

        TimestampOutOfBoundsException old = catchThrowableOfType(TimestampOutOfBoundsException.class, () ->
            client.meterUsage(usage(1).usageDimension("Seats").timestamp(NOW.minus(Duration.ofHours(6)).minusSeconds(1)).build()));
        TimestampOutOfBoundsException future = catchThrowableOfType(TimestampOutOfBoundsException.class, () ->
            client.meterUsage(usage(1).usageDimension("Seats").timestamp(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)).build()));

        assertThat(old).isNotNull();
        assertThat(future).isNotNull();
        assertThat(old.numAttempts()).isEqualTo(1);
        assertThat(sim.metering().records()).extracting(MeteringRecord::meteringRecordId).containsExactly(edge, ahead);
    }

    @Test
    void aRegistrationTokenExpiresAtTheEndOfItsTtlOnTheSimulationClock() {
        sim.metering().registerProduct("saas-1", "Seats").subscribe("saas-1", "cust-a", "111111111111");
        String hour = sim.metering().issueRegistrationToken("saas-1", "cust-a");
        String fiveMinutes = sim.metering().issueRegistrationToken("saas-1", "cust-a", Duration.ofMinutes(5));
        String unused = sim.metering().issueRegistrationToken("saas-1", "cust-a");
        sim.clock().advance(Duration.ofMinutes(5));

        ExpiredTokenException shortLived = catchThrowableOfType(ExpiredTokenException.class,
            () -> client.resolveCustomer(b -> b.registrationToken(fiveMinutes)));
        assertThat(client.resolveCustomer(b -> b.registrationToken(hour)).customerIdentifier()).isEqualTo("cust-a");
        sim.clock().advance(Duration.ofMinutes(55));
        ExpiredTokenException defaultTtl = catchThrowableOfType(ExpiredTokenException.class,
            () -> client.resolveCustomer(b -> b.registrationToken(unused)));

        assertThat(shortLived.awsErrorDetails().errorMessage()).contains("expired at 2026-01-01T10:20:00Z");
        assertThat(defaultTtl.awsErrorDetails().errorMessage()).contains("expired at 2026-01-01T11:15:00Z");
        assertThat(defaultTtl.numAttempts()).isEqualTo(1);
    }

    @Test
    void registerUsageChecksEntitlementOnATasksFirstCallOnly() {
        sim.metering().registerProduct("cont-1", "Tasks").subscribe("cont-1", "cust-a", sim.accountId())
            .callerIdentity(CallerIdentity.builder().id("task-1").platform(CallerIdentity.Platform.ECS).build());
        client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(1));
        sim.metering().unsubscribe("cont-1", "cust-a");

        // the running task keeps working; a task starting now is refused
        assertThat(client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(1)).signature()).isNotBlank();
        sim.metering().callerIdentity(CallerIdentity.builder().id("task-2").platform(CallerIdentity.Platform.ECS).build());
        assertThat(catchThrowableOfType(CustomerNotEntitledException.class,
            () -> client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(1)))).isNotNull();
    }
    @Test
    void allocationsNeedUniqueTagSetsAndTagPartsOfTheModelsPattern() {
        Tag teamA = Tag.builder().key("team").value("a").build();
        Tag envProd = Tag.builder().key("env").value("prod").build();
        UsageAllocation first = UsageAllocation.builder().allocatedUsageQuantity(1).tags(teamA, envProd).build();
        UsageAllocation sameSetOtherOrder = UsageAllocation.builder().allocatedUsageQuantity(2).tags(envProd, teamA).build();
        UsageAllocation untagged = UsageAllocation.builder().allocatedUsageQuantity(1).build();

        InvalidUsageAllocationsException sameSet = catchThrowableOfType(InvalidUsageAllocationsException.class,
            () -> client.meterUsage(usage(3).usageAllocations(first, sameSetOtherOrder).build()));
        InvalidUsageAllocationsException twoUntagged = catchThrowableOfType(InvalidUsageAllocationsException.class,
            () -> client.meterUsage(usage(2).usageAllocations(untagged, untagged).build()));
        InvalidTagException badValue = catchThrowableOfType(InvalidTagException.class,
            () -> client.meterUsage(usage(1).usageAllocations(UsageAllocation.builder().allocatedUsageQuantity(1)
                .tags(Tag.builder().key("team").value("a~b").build()).build()).build()));

        assertThat(sameSet.awsErrorDetails().errorMessage()).contains("UsageAllocations[0] and [1] have the same tag set");
        assertThat(twoUntagged.awsErrorDetails().errorMessage()).contains("UsageAllocations[0] and [1] have the same tag set");
        assertThat(badValue.awsErrorDetails().errorMessage()).startsWith("MeterUsage: UsageAllocations[0].Tags[0].Value 'a~b'");
        assertThat(sim.metering().records()).isEmpty();
        // one untagged allocation beside tagged ones is fine
        client.meterUsage(usage(2).usageAllocations(first, untagged).build());
        assertThat(sim.metering().records()).hasSize(1);
    }
    @Test
    void aBatchRecordNamesItsCustomerByExactlyOneOfIdentifierAndAccount() {
        UsageRecord both = UsageRecord.builder().customerIdentifier("c1").customerAWSAccountId("111111111111")
            .dimension("Seats").quantity(1).timestamp(NOW).build();
        UsageRecord neither = UsageRecord.builder().dimension("Seats").quantity(1).timestamp(NOW).build();
        UsageRecord fine = UsageRecord.builder().customerIdentifier("c2").dimension("Seats").quantity(1).timestamp(NOW).build();

        MarketplaceMeteringException twice = catchThrowableOfType(MarketplaceMeteringException.class,
            () -> client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(fine, both)));
        MarketplaceMeteringException none = catchThrowableOfType(MarketplaceMeteringException.class,
            () -> client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(neither)));

        assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.awsErrorDetails().errorMessage()).isEqualTo("BatchMeterUsage: UsageRecords[1] sets both "
            + "CustomerIdentifier and CustomerAWSAccountId; a usage record names its customer with exactly one of them.");
        assertThat(none.awsErrorDetails().errorMessage()).isEqualTo("BatchMeterUsage: UsageRecords[0] names no customer; "
            + "set CustomerIdentifier or CustomerAWSAccountId.");
        assertThat(sim.metering().records()).as("the valid record of the refused batch").isEmpty();
    }
}
