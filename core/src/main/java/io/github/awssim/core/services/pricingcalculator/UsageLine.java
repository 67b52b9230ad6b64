package io.github.awssim.core.services.pricingcalculator;

import java.util.List;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioUsageModificationItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.HistoricalUsageEntity;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageAmount;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageQuantity;

/**
 * One usage line of a bill scenario. Immutable: an update replaces it, so a bill estimate's frozen copy of the
 * scenario's inputs is just the lines it saw.
 *
 * @param unit the unit of the line's rate when the line was last written or {@link #priced priced} (null when no
 *     rate was set then)
 * @param location the location of that rate (null when unset)
 */
record UsageLine(String id, long seq, String serviceCode, String usageType, String operation, String availabilityZone,
                 String group, String usageAccountId, List<UsageAmount> amounts, HistoricalUsageEntity historicalUsage,
                 String unit, String location) {
    UsageLine {
        amounts = List.copyOf(amounts);
    }

    Rate.RateKey rateKey() {
        return new Rate.RateKey(serviceCode, usageType, operation);
    }

    UsageLine with(String newGroup, List<UsageAmount> newAmounts, String newUnit, String newLocation) {
        return new UsageLine(id, seq, serviceCode, usageType, operation, availabilityZone, newGroup, usageAccountId,
            newAmounts, historicalUsage, newUnit, newLocation);
    }

    /**
     * This line with the unit and location of its rate as the price list has it now: a rate set after the line was
     * written shows on it, as it does on the line items an estimate computes from it.
     */
    UsageLine priced(Prices prices) {
        Rate rate = prices.get(rateKey()).map(Prices.Versioned::rate).orElse(null);
        return rate == null ? this : with(group, amounts, rate.unit(), rate.location());
    }

    BillScenarioUsageModificationItem toItem() {
        return BillScenarioUsageModificationItem.builder()
            .id(id).serviceCode(serviceCode).usageType(usageType).operation(operation).location(location)
            .availabilityZone(availabilityZone).group(group).usageAccountId(usageAccountId)
            .quantities(amounts.stream().map(a -> UsageQuantity.builder().startHour(a.startHour()).amount(a.amount())
                .unit(unit).build()).toList())
            .historicalUsage(historicalUsage)
            .build();
    }
}
