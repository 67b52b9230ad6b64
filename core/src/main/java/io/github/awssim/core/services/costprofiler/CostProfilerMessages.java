package io.github.awssim.core.services.costprofiler;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Every user-facing message of the Application Cost Profiler simulator. Answers the service itself would give name
 * the operation and the field and say what was wrong; messages about awssim's own configuration (a cost the test
 * did not set, a queued fault, misuse of the typed API) start with {@code awssim:} and say how to fix it.
 */
final class CostProfilerMessages {
    private static final String SIM = "sim.costProfiler()";

    private CostProfilerMessages() {
    }

    // ---- report definitions ------------------------------------------------------------------

    static String reportExists(String operation, String reportId) {
        return operation + ": reportId '" + reportId + "' is already used by a report definition of this account; "
            + "change it with UpdateReportDefinition or choose another reportId.";
    }

    static String noSuchReport(String operation, String reportId) {
        return operation + ": reportId '" + reportId + "' names no report definition of this account.";
    }

    static String quotaReached(String operation, int quota) {
        return operation + ": this account already has " + quota + " report definition" + (quota == 1 ? "" : "s")
            + ", the maximum. Delete one or update it instead. awssim: AWS allows one per account; raise the limit "
            + "with " + SIM + ".reportDefinitionQuota(n).";
    }

    static String noSuchDestinationBucket(String operation, String bucket) {
        return operation + ": destinationS3Location.bucket '" + bucket + "' does not exist; create it before "
            + "configuring the report.";
    }

    static String foreignDestinationBucket(String operation, String bucket, String account) {
        return operation + ": destinationS3Location.bucket '" + bucket + "' does not belong to account " + account
            + "; the bucket for report output must belong to the account creating the report configuration.";
    }

    // ---- imports -----------------------------------------------------------------------------

    static String noSuchSourceBucket(String bucket) {
        return "ImportApplicationUsage: sourceS3Location.bucket '" + bucket + "' does not exist.";
    }

    static String foreignSourceBucket(String bucket, String account) {
        return "ImportApplicationUsage: access to sourceS3Location.bucket '" + bucket + "' is denied: it does not "
            + "belong to account " + account + ".";
    }

    static String noSuchSourceKey(String bucket, String key) {
        return "ImportApplicationUsage: sourceS3Location.key '" + key + "' does not exist in bucket '" + bucket + "'.";
    }

    static String archivedSourceKey(String bucket, String key, String storageClass) {
        return "ImportApplicationUsage: sourceS3Location.key '" + key + "' in bucket '" + bucket + "' is in storage class "
            + storageClass + ", which S3 cannot read until it is restored; upload the usage file in STANDARD.";
    }

    static String regionMismatch(String bucket, String bucketRegion, String given) {
        return "ImportApplicationUsage: sourceS3Location.region is " + given + ", but bucket '" + bucket + "' is in "
            + bucketRegion + ".";
    }

    static String regionRequired(String bucket, String bucketRegion) {
        return "ImportApplicationUsage: bucket '" + bucket + "' is in " + bucketRegion + ", a Region that is disabled "
            + "by default; sourceS3Location.region must name it.";
    }

    static String malformedFile(String bucket, String key, String detail) {
        return "ImportApplicationUsage: s3://" + bucket + "/" + key + " is not a valid usage file: " + detail;
    }

    // ---- usage file details (what malformedFile wraps) ----------------------------------------

    static String notGzip() {
        return "it starts like gzip but does not decompress.";
    }

    static String notUtf8() {
        return "it is not UTF-8 text (CSV with a header row, optionally gzip-compressed, is expected).";
    }

    static String jsonNotRead(List<String> columns) {
        return "it looks like JSON; awssim reads CSV usage files only, whose first line is the header "
            + String.join(",", columns) + ".";
    }

    static String emptyFile(List<String> columns) {
        return "it is empty; the first line must be the header " + String.join(",", columns) + ".";
    }

    static String unknownColumn(String column, List<String> columns) {
        return "line 1: unknown column '" + column + "'; the columns are " + String.join(", ", columns)
            + " (TenantDesc optional).";
    }

    static String repeatedColumn(String column) {
        return "line 1: column '" + column + "' appears twice.";
    }

    static String missingColumns(Collection<String> missing) {
        return "line 1: the header lacks " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
            + ".";
    }

    static String fieldCount(int line, int expected, int found) {
        return "line " + line + ": " + found + " field" + (found == 1 ? "" : "s") + ", but the header has " + expected
            + ".";
    }

    static String textAfterQuote(int line, char c) {
        return "line " + line + ": '" + c + "' follows a quoted field's closing quote; a quote inside a quoted field is "
            + "written twice (\"Acme \"\"Corp\"\"\").";
    }

    static String unclosedQuote(int line) {
        return "line " + line + ": a quoted field is never closed.";
    }

    static String emptyValue(int line, String column) {
        return "line " + line + ", column " + column + ": empty; every row needs a " + column + ".";
    }

    static String badAccount(int line, String value) {
        return "line " + line + ", column UsageAccountId: '" + value + "' is not a 12-digit AWS account id.";
    }

    static String badTime(int line, String column, String value) {
        return "line " + line + ", column " + column + ": '" + value + "' is not a time in epoch seconds "
            + "(a whole number such as 1780300800).";
    }

    static String timeInMillis(int line, String column, String value) {
        return "line " + line + ", column " + column + ": " + value + " is too large for epoch seconds; it looks like "
            + "milliseconds (divide by 1000).";
    }

    static String endNotAfterStart(int line, long start, long end) {
        return "line " + line + ": EndTime " + end + " is not after StartTime " + start + ".";
    }

    // ---- lists -------------------------------------------------------------------------------

    static String tokenNotOurs(String operation) {
        return operation + ": nextToken is not a token this service issued for this account and Region; pass the "
            + "nextToken of the previous page unchanged.";
    }

    // ---- reports (CostProfilerReport.message) ------------------------------------------------

    static String reportBucketMissing(String reportId, String bucket) {
        return "awssim: report '" + reportId + "' was not delivered: its destination bucket '" + bucket
            + "' does not exist. Create the bucket (reports due later are delivered), or update the report definition.";
    }

    static String reportBucketForeign(String reportId, String bucket, String account) {
        return "awssim: report '" + reportId + "' was not delivered: destination bucket '" + bucket
            + "' no longer belongs to account " + account + ".";
    }

    static String reportUnpriced(String reportId, Set<String> resources) {
        return "awssim: report '" + reportId + "' was not delivered: tenants used " + (resources.size() == 1
            ? "resource " : "resources ") + String.join(", ", resources) + " in its period, but the simulated bill has "
            + "no cost for " + (resources.size() == 1 ? "it" : "them") + ". Declare each with " + SIM
            + ".resourceCost(ResourceCost.of(resourceId, productCode, usageType, operation, hourlyCost)).";
    }

    static String reportParquet(String reportId) {
        return "awssim: report '" + reportId + "' was not delivered: format PARQUET is accepted but awssim writes only "
            + "CSV reports (no light Parquet writer exists for Java). Update the report definition to format CSV.";
    }

    static String reportWriteFailed(String reportId, String bucket, String key, Exception e) {
        return "awssim: report '" + reportId + "' was not delivered to s3://" + bucket + "/" + key + ": " + e.getMessage();
    }

    // ---- awssim ------------------------------------------------------------------------------

    static String injectedFault(String operation, CostProfilerFault fault, int remaining) {
        return operation + ": awssim answered " + (fault == CostProfilerFault.THROTTLING ? "ThrottlingException"
            : "InternalServerException") + " as queued by " + SIM + ".failNext(n, CostProfilerFault." + fault + "); "
            + remaining + " more queued.";
    }

    static String undeclaredError(String operation, String error, Collection<String> declared) {
        return "awssim: ApplicationCostProfiler." + operation + " would answer " + error + ", which its model does not "
            + "declare (it declares " + declared + "). This is an awssim bug; please report it.";
    }

    static String badAccountId(String accountId) {
        return "awssim: '" + accountId + "' is not an AWS account id; pass 12 digits, e.g. " + SIM
            + ".in(\"210987654321\", Region.US_WEST_2).";
    }

    static String badCount(int count) {
        return "awssim: count must be at least 1, was " + count + "; e.g. " + SIM
            + ".failNext(2, CostProfilerFault.THROTTLING).";
    }

    static String badQuota(int quota) {
        return "awssim: reportDefinitionQuota must be at least 0, was " + quota + "; e.g. " + SIM
            + ".reportDefinitionQuota(5).";
    }

    static String badHourlyCost(String resourceId, BigDecimal cost) {
        return "awssim: ResourceCost of '" + resourceId + "' needs an hourlyCost of 0 or more (USD per hour), was "
            + cost + "; e.g. ResourceCost.of(\"i-0abc\", \"AmazonEC2\", \"BoxUsage:c5.large\", \"RunInstances\", "
            + "new BigDecimal(\"0.085\")).";
    }

    static String badLifetime(String resourceId, Instant from, Instant until) {
        return "awssim: ResourceCost of '" + resourceId + "': activeFrom " + from + " must be before activeUntil "
            + until + ".";
    }

    static String blankResourceField(String field, String value) {
        return "awssim: ResourceCost needs a non-blank " + field + ", was " + (value == null ? "null" : "'" + value + "'")
            + "; e.g. ResourceCost.of(\"i-0abc\", \"AmazonEC2\", \"BoxUsage:c5.large\", \"RunInstances\", "
            + "new BigDecimal(\"0.085\")).";
    }
}
