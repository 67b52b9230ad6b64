package io.github.awssim.core.services.pricingcalculator;

/**
 * What the calling account is in AWS Organizations, which decides what Pricing Calculator lets it do.
 * Set it with {@link PricingCalculatorSimulator#accountType(AccountType)}; {@link #STANDALONE} by default.
 */
public enum AccountType {
    /** Not in an organization: every operation is available; workload rate types follow the standalone preferences. */
    STANDALONE,

    /**
     * The management account of an organization: every operation is available; workload rate types follow the
     * management account preferences.
     */
    MANAGEMENT,

    /**
     * A member account. Bill scenarios and bill estimates "are only available to management accounts and
     * standalone AWS accounts": their operations answer {@code AccessDeniedException}. UpdatePreferences answers
     * {@code ValidationException} with reason {@code invalidRequestFromMember}. Workload estimates work, with the
     * member account preferences.
     */
    MEMBER
}
