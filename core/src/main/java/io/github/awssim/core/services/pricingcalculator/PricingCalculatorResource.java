package io.github.awssim.core.services.pricingcalculator;

/** The three top-level resources of Pricing Calculator: each has an ARN, tags and an {@code expiresAt}. */
public enum PricingCalculatorResource {
    BILL_SCENARIO("bill-scenario", "BillScenario"),
    BILL_ESTIMATE("bill-estimate", "BillEstimate"),
    WORKLOAD_ESTIMATE("workload-estimate", "WorkloadEstimate");

    private final String arnType;
    private final String resourceType;

    PricingCalculatorResource(String arnType, String resourceType) {
        this.arnType = arnType;
        this.resourceType = resourceType;
    }

    /** The resource type in its ARN: {@code arn:aws:bcm-pricing-calculator::123456789012:bill-scenario/<id>}. */
    public String arnType() {
        return arnType;
    }

    /** The {@code resourceType} of the exceptions that name it, e.g. {@code BillScenario}. */
    public String resourceType() {
        return resourceType;
    }
}
