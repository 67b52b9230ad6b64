package io.github.awssim.core.services.pricingcalculator;

/**
 * Limits whose excess answers {@code ServiceQuotaExceededException} (HTTP 402). Change one with
 * {@link PricingCalculatorSimulator#quota(PricingCalculatorQuota, int)}. Only the operations whose model declares
 * the exception enforce a quota; AWS documents the usage-line and tag limits, the others are awssim's choice.
 */
public enum PricingCalculatorQuota {
    /** Bill scenarios one account may hold (CreateBillScenario). Not documented by AWS: awssim's choice. */
    BILL_SCENARIOS("BillScenarios", 500),

    /** Workload estimates one account may hold (CreateWorkloadEstimate). Not documented by AWS: awssim's choice. */
    WORKLOAD_ESTIMATES("WorkloadEstimates", 500),

    /**
     * Usage lines in one bill scenario (BatchCreateBillScenarioUsageModification): "a maximum of 2000 usage lines
     * can be added to a single bill scenario" (Pricing Calculator user guide).
     */
    USAGE_LINES_PER_BILL_SCENARIO("UsageLinesPerBillScenario", 2_000),

    /** Usage lines in one workload estimate (BatchCreateWorkloadEstimateUsage). awssim uses the bill scenario's 2,000. */
    USAGE_LINES_PER_WORKLOAD_ESTIMATE("UsageLinesPerWorkloadEstimate", 2_000),

    /**
     * User tags on one resource (TagResource): "you can assign a maximum of 50 user-tags to one resource" (model
     * documentation). At creation the same limit answers {@code ValidationException}, since CreateBillEstimate
     * declares no quota error.
     */
    TAGS_PER_RESOURCE("TagsPerResource", 50);

    private final String quotaCode;
    private final int defaultLimit;

    PricingCalculatorQuota(String quotaCode, int defaultLimit) {
        this.quotaCode = quotaCode;
        this.defaultLimit = defaultLimit;
    }

    /** The {@code quotaCode} of the exception. AWS's Service Quotas codes are not published; these are awssim's. */
    public String quotaCode() {
        return quotaCode;
    }

    public int defaultLimit() {
        return defaultLimit;
    }
}
