package io.github.awssim.samples.metering;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.IdempotencyConflictException;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;

/**
 * A small, ordinary AWS Marketplace metering agent, as a seller would write it: once an hour it reports
 * the previous hour's usage of each pricing dimension with {@code MeterUsage}. Nothing here knows about
 * awssim; it only uses the SDK.
 *
 * <p>Its one idea: the {@code ClientToken} of a report is derived from (product, dimension, hour), so a
 * retry, a restart or a second run of the same hour is idempotent: AWS answers the original record id
 * instead of charging twice.
 */
public final class HourlyMeteringAgent {

    /** Where usage comes from: quantity per dimension for the hour starting at {@code hourStart}. */
    @FunctionalInterface
    public interface UsageSource {
        Map<String, Integer> usage(Instant hourStart);
    }

    /** What happened to one dimension's report. */
    public enum Status {
        /** Recorded (or replayed: the same record id as before). */
        METERED,
        /** This hour and dimension were already reported with another quantity; AWS keeps the first. */
        ALREADY_REPORTED,
        /** Too late: Marketplace accepts usage up to six hours back. */
        TOO_LATE
    }

    /** One dimension's report for one hour. */
    public record Report(Instant hour, String dimension, int quantity, Status status, String recordId, String detail) {
    }

    private final MarketplaceMeteringClient metering;
    private final Clock clock;
    private final String productCode;
    private final UsageSource usage;

    public HourlyMeteringAgent(MarketplaceMeteringClient metering, Clock clock, String productCode, UsageSource usage) {
        this.metering = Objects.requireNonNull(metering);
        this.clock = Objects.requireNonNull(clock);
        this.productCode = Objects.requireNonNull(productCode);
        this.usage = Objects.requireNonNull(usage);
    }

    /** Reports the hour before the current one (the usual hourly job). */
    public List<Report> reportPreviousHour() {
        return reportHour(clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)));
    }

    /** Reports one hour's usage, dimension by dimension. Throttling is left to the SDK's retries. */
    public List<Report> reportHour(Instant anyTimeInHour) {
        Instant hour = anyTimeInHour.truncatedTo(ChronoUnit.HOURS);
        List<Report> reports = new ArrayList<>();
        usage.usage(hour).forEach((dimension, quantity) -> reports.add(report(hour, dimension, quantity)));
        return reports;
    }

    private Report report(Instant hour, String dimension, int quantity) {
        try {
            String recordId = metering.meterUsage(r -> r.productCode(productCode)
                .usageDimension(dimension)
                .usageQuantity(quantity)
                .timestamp(hour)
                .clientToken(clientToken(hour, dimension))).meteringRecordId();
            return new Report(hour, dimension, quantity, Status.METERED, recordId, null);
        } catch (DuplicateRequestException | IdempotencyConflictException e) {
            return new Report(hour, dimension, quantity, Status.ALREADY_REPORTED, null, e.awsErrorDetails().errorMessage());
        } catch (TimestampOutOfBoundsException e) {
            return new Report(hour, dimension, quantity, Status.TOO_LATE, null, e.awsErrorDetails().errorMessage());
        }
    }

    /** The same (product, dimension, hour) always gives the same token: reports are safe to repeat. */
    String clientToken(Instant hour, String dimension) {
        return UUID.nameUUIDFromBytes((productCode + "|" + dimension + "|" + hour).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
