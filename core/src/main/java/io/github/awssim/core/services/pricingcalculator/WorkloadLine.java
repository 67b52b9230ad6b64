package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import software.amazon.awssdk.services.bcmpricingcalculator.model.HistoricalUsageEntity;

/**
 * One usage line of a workload estimate, with the price it got when the estimate was last priced. Immutable.
 *
 * @param pricing how the line was priced, null until the estimate prices it
 */
record WorkloadLine(String id, long seq, String serviceCode, String usageType, String operation, String usageAccountId,
                    String group, double amount, HistoricalUsageEntity historicalUsage, Pricing pricing) {

    /**
     * @param rateVersion the version of the rate used, or {@link #NO_RATE} when there was none
     * @param cost amount × price, null without a rate
     */
    record Pricing(long rateVersion, BigDecimal cost, String unit, String location) {
        static final long NO_RATE = -1;
    }

    Rate.RateKey rateKey() {
        return new Rate.RateKey(serviceCode, usageType, operation);
    }

    WorkloadLine with(String newGroup, double newAmount) {
        return new WorkloadLine(id, seq, serviceCode, usageType, operation, usageAccountId, newGroup, newAmount,
            historicalUsage, pricing);
    }

    WorkloadLine priced(Pricing p) {
        return new WorkloadLine(id, seq, serviceCode, usageType, operation, usageAccountId, group, amount,
            historicalUsage, p);
    }
}
