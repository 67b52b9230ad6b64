package io.github.awssim.core.services.metering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;

/**
 * One metering record the simulated service committed: what AWS Marketplace would bill. A replayed or
 * idempotent request commits nothing new, so each record appears once however often it was sent.
 * Immutable; read them with {@link MeteringSimulator#records()}.
 *
 * @param meteringRecordId the id the service answered ({@code MeteringRecordId})
 * @param operation {@link MeteringOperation#METER_USAGE} or {@link MeteringOperation#BATCH_METER_USAGE}
 * @param productCode the product metered
 * @param dimension the usage dimension
 * @param timestamp the timestamp as sent
 * @param hour the timestamp rounded down to the hour: the hour this record occupies
 * @param quantity the usage quantity (0 when the request left it out)
 * @param allocations the usage allocations as sent, empty when none
 * @param callerIdentity the instance/task/pod id that sent a MeterUsage record; null for BatchMeterUsage
 * @param customerIdentifier the customer of a BatchMeterUsage record, when known; null for MeterUsage
 * @param customerAwsAccountId the buyer's account: the caller's account for MeterUsage, the record's or the
 *                             subscription's for BatchMeterUsage (null when neither names it)
 * @param recordedAt simulation time when the record was committed
 */
public record MeteringRecord(String meteringRecordId, MeteringOperation operation, String productCode, String dimension,
                             Instant timestamp, Instant hour, int quantity, List<UsageAllocation> allocations,
                             String callerIdentity, String customerIdentifier, String customerAwsAccountId,
                             Instant recordedAt) {
    public MeteringRecord {
        Objects.requireNonNull(meteringRecordId, "meteringRecordId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(recordedAt, "recordedAt");
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
