package io.github.awssim.core.services.costprofiler;

import java.time.Instant;
import software.amazon.awssdk.services.applicationcostprofiler.model.Format;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportDefinition;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportFrequency;

/**
 * One report definition as the service keeps it. Mutable only under its partition's lock: UpdateReportDefinition
 * replaces every field but the id, {@code createdAt} and the schedule's progress.
 */
final class Definition {
    final String reportId;
    final long seq;
    final Instant createdAt;
    String description;
    ReportFrequency frequency;
    Format format;
    String bucket;
    String prefix;
    Instant lastUpdated;
    /** Every day boundary up to this instant has had its reports generated (or found nothing due). */
    Instant scheduledUntil;

    Definition(String reportId, long seq, Instant createdAt) {
        this.reportId = reportId;
        this.seq = seq;
        this.createdAt = createdAt;
        this.lastUpdated = createdAt;
        this.scheduledUntil = createdAt;
    }

    boolean daily() {
        return frequency == ReportFrequency.DAILY || frequency == ReportFrequency.ALL;
    }

    boolean monthly() {
        return frequency == ReportFrequency.MONTHLY || frequency == ReportFrequency.ALL;
    }

    /** As ListReportDefinitions shows it: the same value named {@code lastUpdatedAt} there. */
    ReportDefinition view() {
        return ReportDefinition.builder().reportId(reportId).reportDescription(description).reportFrequency(frequency)
            .format(format).destinationS3Location(d -> d.bucket(bucket).prefix(prefix)).createdAt(createdAt)
            .lastUpdatedAt(lastUpdated).build();
    }
}
