package io.github.awssim.core.services.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.DisabledApiException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidCustomerIdentifierException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageAllocationsException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageDimensionException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;

/** BatchMeterUsage's rules, called directly on the simulator. */
class BatchMeterUsageTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final MeteringSimulator metering = sim.metering();

    @AfterEach
    void close() {
        sim.close();
    }

    static UsageRecord.Builder record(String customer, String dimension, int quantity) {
        return UsageRecord.builder().customerIdentifier(customer).dimension(dimension).quantity(quantity).timestamp(NOW);
    }

    BatchMeterUsageResponse batch(UsageRecord.Builder... records) {
        List<UsageRecord> built = new ArrayList<>();
        for (UsageRecord.Builder r : records) {
            built.add(r.build());
        }
        return metering.batchMeterUsage(BatchMeterUsageRequest.builder().productCode("saas-1").usageRecords(built).build());
    }

    void strict() {
        metering.registerProduct("saas-1", "Seats", "GB")
            .subscribe("saas-1", "cust-a", "111111111111")
            .subscribe("saas-1", "cust-b", "222222222222");
    }

    @Test
    void openWorldAcceptsEveryCustomer() {
        BatchMeterUsageResponse r = batch(record("anyone", "Seats", 2), record("someone", "GB", 7));

        assertThat(r.results()).extracting(UsageRecordResult::status)
            .containsExactly(UsageRecordResultStatus.SUCCESS, UsageRecordResultStatus.SUCCESS);
        assertThat(r.unprocessedRecords()).isEmpty();
        assertThat(metering.records()).extracting(MeteringRecord::meteringRecordId)
            .containsExactly(r.results().get(0).meteringRecordId(), r.results().get(1).meteringRecordId());
        assertThat(metering.records().get(0)).satisfies(m -> {
            assertThat(m.operation()).isEqualTo(MeteringOperation.BATCH_METER_USAGE);
            assertThat(m.customerIdentifier()).isEqualTo("anyone");
            assertThat(m.callerIdentity()).isNull();
            assertThat(m.quantity()).isEqualTo(2);
        });
    }

    @Test
    void perRecordStatusesInStrictMode() {
        strict();
        metering.unsubscribe("saas-1", "cust-b");

        BatchMeterUsageResponse r = batch(
            record("cust-a", "Seats", 2),
            record("cust-b", "Seats", 2),
            record("stranger", "Seats", 2),
            UsageRecord.builder().customerAWSAccountId("111111111111").dimension("GB").quantity(4).timestamp(NOW));

        assertThat(r.results()).extracting(UsageRecordResult::status).containsExactly(
            UsageRecordResultStatus.SUCCESS, UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED,
            UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED, UsageRecordResultStatus.SUCCESS);
        assertThat(r.results().get(1).meteringRecordId()).isNull();
        assertThat(r.results().get(2).usageRecord().customerIdentifier()).isEqualTo("stranger");
        assertThat(metering.records()).extracting(MeteringRecord::customerIdentifier, MeteringRecord::customerAwsAccountId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("cust-a", "111111111111"),
                org.assertj.core.groups.Tuple.tuple("cust-a", "111111111111"));
    }

    @Test
    void sameRecordAgainIsSuccessWithTheSameIdAndOtherQuantityIsDuplicateRecord() {
        String first = batch(record("c", "Seats", 2)).results().get(0).meteringRecordId();

        BatchMeterUsageResponse again = batch(
            record("c", "Seats", 2).timestamp(Instant.parse("2026-01-01T10:00:00Z")),
            record("c", "Seats", 3),
            record("c", "Seats", 3).timestamp(NOW.minus(Duration.ofHours(1))));

        assertThat(again.results()).extracting(UsageRecordResult::status).containsExactly(
            UsageRecordResultStatus.SUCCESS, UsageRecordResultStatus.DUPLICATE_RECORD, UsageRecordResultStatus.SUCCESS);
        assertThat(again.results().get(0).meteringRecordId()).isEqualTo(first);
        assertThat(again.results().get(1).meteringRecordId()).isNull();
        assertThat(metering.records()).extracting(MeteringRecord::quantity).containsExactly(2, 3);
    }

    @Test
    void duplicatesWithinOneBatchAreDecidedInOrder() {
        BatchMeterUsageResponse r = batch(record("c", "Seats", 2), record("c", "Seats", 2), record("c", "Seats", 5));

        assertThat(r.results()).extracting(UsageRecordResult::status).containsExactly(
            UsageRecordResultStatus.SUCCESS, UsageRecordResultStatus.SUCCESS, UsageRecordResultStatus.DUPLICATE_RECORD);
        assertThat(r.results().get(1).meteringRecordId()).isEqualTo(r.results().get(0).meteringRecordId());
        assertThat(metering.records()).hasSize(1);
    }

    @Test
    void identifierAndAccountOfOneSubscribedCustomerShareTheHour() {
        strict();
        batch(record("cust-a", "Seats", 2));

        BatchMeterUsageResponse r = batch(
            UsageRecord.builder().customerAWSAccountId("111111111111").dimension("Seats").quantity(9).timestamp(NOW));

        assertThat(r.results()).extracting(UsageRecordResult::status).containsExactly(UsageRecordResultStatus.DUPLICATE_RECORD);
    }

    @Test
    void oneRecordOutsideTheWindowFailsTheWholeBatch() {
        TimestampOutOfBoundsException e = catchThrowableOfType(TimestampOutOfBoundsException.class, () -> batch(
            record("c", "Seats", 1), record("c", "GB", 1), record("c", "Seats", 1).timestamp(Instant.parse("2026-01-01T03:15:00Z"))));

        assertThat(e.getMessage()).isEqualTo("UsageRecords[2].Timestamp 2026-01-01T03:15:00Z is 7h before the simulation "
            + "clock (2026-01-01T10:15:00Z); BatchMeterUsage accepts usage up to 6 hours in the past, and one record "
            + "outside the window fails the whole batch.");
        assertThat(metering.records()).isEmpty();
    }

    @Test
    void aRequestLevelErrorLateInTheBatchCommitsNothing() {
        strict();
        InvalidUsageDimensionException e = catchThrowableOfType(InvalidUsageDimensionException.class,
            () -> batch(record("cust-a", "Seats", 1), record("cust-b", "Minutes", 1)));

        assertThat(e.getMessage()).isEqualTo("BatchMeterUsage: UsageRecords[1].Dimension 'Minutes' is not a usage "
            + "dimension of product saas-1; its dimensions are [GB, Seats].");
        assertThat(metering.records()).isEmpty();
    }

    @Test
    void customerIsDecidedBeforeTheDimension() {
        strict();
        BatchMeterUsageResponse r = batch(record("stranger", "Minutes", 1));
        assertThat(r.results()).extracting(UsageRecordResult::status)
            .containsExactly(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
    }

    @Test
    void unknownProductInStrictMode() {
        strict();
        InvalidProductCodeException e = catchThrowableOfType(InvalidProductCodeException.class,
            () -> metering.batchMeterUsage(BatchMeterUsageRequest.builder().productCode("saas-2")
                .usageRecords(record("cust-a", "Seats", 1).build()).build()));
        assertThat(e.getMessage()).startsWith("BatchMeterUsage: ProductCode 'saas-2' is not a product of this seller.");
    }

    @Test
    void allocationsAndTagsAreCheckedPerRecord() {
        UsageAllocation three = UsageAllocation.builder().allocatedUsageQuantity(3).build();
        InvalidUsageAllocationsException sum = catchThrowableOfType(InvalidUsageAllocationsException.class,
            () -> batch(record("c", "Seats", 1), record("c", "GB", 4).usageAllocations(three)));
        assertThat(sum.getMessage()).isEqualTo("BatchMeterUsage: the AllocatedUsageQuantity values of "
            + "UsageRecords[1].UsageAllocations add up to 3, but UsageRecords[1].Quantity is 4; the allocations must "
            + "add up to the usage quantity exactly.");

        List<Tag> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Tag.builder().key("k" + i).value("v").build());
        }
        InvalidTagException tags = catchThrowableOfType(InvalidTagException.class, () -> batch(
            record("c", "GB", 3).usageAllocations(UsageAllocation.builder().allocatedUsageQuantity(3).tags(six).build())));
        assertThat(tags.getMessage()).isEqualTo("BatchMeterUsage: UsageRecords[0].UsageAllocations[0].Tags has 6 tags; "
            + "a usage allocation takes at most 5 tags.");
        assertThat(metering.records()).isEmpty();
    }

    @Test
    void twentySixRecordsAreAValidationError() {
        UsageRecord.Builder[] records = new UsageRecord.Builder[26];
        for (int i = 0; i < records.length; i++) {
            records[i] = record("c" + i, "Seats", 1);
        }
        MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class, () -> batch(records));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("at 'usageRecords'")
            .contains("Member must have length less than or equal to 25");
        assertThat(batch(java.util.Arrays.copyOf(records, 25)).results()).hasSize(25);
    }

    @Test
    void aRecordNamesItsCustomerExactlyOnce() {
        MarketplaceMeteringException both = catchThrowableOfType(MarketplaceMeteringException.class,
            () -> batch(record("c", "Seats", 1), record("c", "GB", 1).customerAWSAccountId("111111111111")));
        MarketplaceMeteringException neither = catchThrowableOfType(MarketplaceMeteringException.class,
            () -> batch(record(null, "Seats", 1)));

        assertThat(both.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(both.awsErrorDetails().errorMessage()).isEqualTo("BatchMeterUsage: UsageRecords[1] sets both "
            + "CustomerIdentifier and CustomerAWSAccountId; a usage record names its customer with exactly one of them.");
        assertThat(neither.awsErrorDetails().errorMessage()).isEqualTo("BatchMeterUsage: UsageRecords[0] names no "
            + "customer; set CustomerIdentifier or CustomerAWSAccountId.");
    }

    @Test
    void unknownCustomerIdentifiersFailTheRequestWhenConfigured() {
        strict();
        metering.rejectUnknownCustomerIdentifiers(true);

        InvalidCustomerIdentifierException e = catchThrowableOfType(InvalidCustomerIdentifierException.class,
            () -> batch(record("cust-a", "Seats", 1), record("ghost", "Seats", 1)));

        assertThat(e.getMessage()).isEqualTo("BatchMeterUsage: UsageRecords[1].CustomerIdentifier 'ghost' does not "
            + "exist: no customer with that identifier ever subscribed to a product of this seller.");
        assertThat(metering.records()).isEmpty();
        // A lapsed customer exists: its record is CustomerNotSubscribed, not a request error.
        metering.unsubscribe("saas-1", "cust-b");
        assertThat(batch(record("cust-b", "Seats", 1)).results()).extracting(UsageRecordResult::status)
            .containsExactly(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED);
    }

    @Test
    void disabledApi() {
        metering.disableApi(MeteringOperation.BATCH_METER_USAGE);
        DisabledApiException e = catchThrowableOfType(DisabledApiException.class, () -> batch(record("c", "Seats", 1)));
        assertThat(e.getMessage()).isEqualTo("The BatchMeterUsage API is disabled in the Region us-east-1.");

        metering.enableApi(MeteringOperation.BATCH_METER_USAGE);
        assertThat(batch(record("c", "Seats", 1)).results()).hasSize(1);
    }

    @Test
    void emptyBatchAnswersNoResults() {
        assertThat(batch().results()).isEmpty();
    }
}
