package io.github.awssim.core.services.costprofiler;

import java.time.Instant;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportFrequency;

/**
 * One report Application Cost Profiler generated on the simulation clock: written to the definition's
 * destination, or not, and why. {@link CostProfilerSimulator#reports()} lists them, so a report that could not be
 * delivered is never lost silently.
 *
 * @param reportId the report definition it was generated for
 * @param frequency {@code DAILY} or {@code MONTHLY} (a definition with {@code ALL} generates both)
 * @param periodStart the first instant of the data (inclusive)
 * @param periodEnd the end of the data (exclusive), also the moment the report was due
 * @param status whether the object was written
 * @param bucket the destination bucket
 * @param key the object key it was (or would have been) written to
 * @param rows data rows (the header excluded); 0 when not delivered
 * @param message why a report was not delivered, naming the fix; null when delivered
 */
public record CostProfilerReport(String reportId, ReportFrequency frequency, Instant periodStart, Instant periodEnd,
                                 Status status, String bucket, String key, int rows, String message) {

    /** What became of a report. */
    public enum Status {
        /** Written to the destination bucket as a gzip-compressed CSV object. */
        DELIVERED,
        /**
         * Not written: the destination bucket is missing or belongs to another account, a resource with usage has no
         * {@link ResourceCost}, or the format is PARQUET, which awssim does not write. {@link #message()} says which.
         */
        FAILED
    }
}
