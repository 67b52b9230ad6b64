package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CurrencyCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateCostStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateUsageItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateUsageQuantity;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** The resources as the service shows them at a given moment of simulation time, as SDK types. */
final class Views {
    private Views() {
    }

    /**
     * Copies every member {@code to} has from the member of the same name in {@code from}: the service's Get,
     * Create, Update and Summary shapes of one resource share their members.
     */
    static <T> T copy(SdkPojo from, SdkBuilder<?, T> to) {
        Map<String, SdkField<?>> source = from.sdkFieldNameToField();
        for (SdkField<?> f : ((SdkPojo) to).sdkFields()) {
            SdkField<?> s = source.get(f.memberName());
            if (s != null) {
                Object value = s.getValueOrDefault(from);
                if (value != null) {
                    f.set(to, value);
                }
            }
        }
        return to.build();
    }

    static GetBillScenarioResponse scenario(Partition p, BillScenario s, Instant now) {
        return GetBillScenarioResponse.builder()
            .id(s.id).name(s.name).billInterval(s.interval()).status(p.status(s, now)).createdAt(s.createdAt)
            .expiresAt(s.expiresAt).groupSharingPreference(s.groupSharingPreference)
            .costCategoryGroupSharingPreferenceArn(s.costCategoryArn)
            .build();
    }

    static GetBillEstimateResponse estimate(BillEstimate e, Instant now) {
        BillEstimateStatus status = e.status(now);
        return GetBillEstimateResponse.builder()
            .id(e.id).name(e.name).status(status)
            .failureMessage(status == BillEstimateStatus.FAILED ? e.result.failureMessage() : null)
            .billInterval(e.billInterval)
            .costSummary(status == BillEstimateStatus.COMPLETE ? e.result.costSummary() : null)
            .createdAt(e.createdAt).expiresAt(e.expiresAt)
            .groupSharingPreference(e.groupSharingPreference)
            .costCategoryGroupSharingPreferenceArn(e.costCategoryArn)
            .costCategoryGroupSharingPreferenceEffectiveDate(e.costCategoryEffectiveDate)
            .build();
    }

    static GetWorkloadEstimateResponse workload(WorkloadEstimate w, Prices prices, Instant now) {
        WorkloadEstimateStatus status = status(w, prices, now);
        String failure = null;
        if (status == WorkloadEstimateStatus.INVALID) {
            failure = PricingCalculatorMessages.workloadMissingRates(keys(w, prices, now, WorkloadEstimateCostStatus.INVALID));
        } else if (status == WorkloadEstimateStatus.ACTION_NEEDED) {
            failure = PricingCalculatorMessages.workloadRatesChanged(keys(w, prices, now, WorkloadEstimateCostStatus.STALE),
                w.pricedAt);
        }
        return GetWorkloadEstimateResponse.builder()
            .id(w.id).name(w.name).createdAt(w.createdAt).expiresAt(w.expiresAt).rateType(w.rateType)
            .rateTimestamp(w.pricedAt).status(status)
            .totalCost(status == WorkloadEstimateStatus.UPDATING ? null : total(w).doubleValue())
            .costCurrency(CurrencyCode.USD).failureMessage(failure)
            .build();
    }

    static WorkloadEstimateStatus status(WorkloadEstimate w, Prices prices, Instant now) {
        if (now.isBefore(w.readyAt)) {
            return WorkloadEstimateStatus.UPDATING;
        }
        boolean stale = false;
        for (WorkloadLine l : w.usage.values()) {
            WorkloadEstimateCostStatus s = lineStatus(w, l, prices, now);
            if (s == WorkloadEstimateCostStatus.INVALID) {
                return WorkloadEstimateStatus.INVALID;
            }
            stale |= s == WorkloadEstimateCostStatus.STALE;
        }
        return stale ? WorkloadEstimateStatus.ACTION_NEEDED : WorkloadEstimateStatus.VALID;
    }

    /**
     * A line's cost status, null while its estimate updates: VALID when priced at the rate still in force, INVALID
     * when no rate existed and still does not, STALE when a rate was set or changed after pricing.
     */
    static WorkloadEstimateCostStatus lineStatus(WorkloadEstimate w, WorkloadLine l, Prices prices, Instant now) {
        if (now.isBefore(w.readyAt) || l.pricing() == null) {
            return null;
        }
        var current = prices.get(l.rateKey());
        if (l.pricing().rateVersion() == WorkloadLine.Pricing.NO_RATE) {
            return current.isPresent() ? WorkloadEstimateCostStatus.STALE : WorkloadEstimateCostStatus.INVALID;
        }
        return current.isPresent() && current.get().version() == l.pricing().rateVersion()
            ? WorkloadEstimateCostStatus.VALID : WorkloadEstimateCostStatus.STALE;
    }

    static WorkloadEstimateUsageItem workloadLine(WorkloadEstimate w, WorkloadLine l, Prices prices, Instant now) {
        WorkloadEstimateCostStatus status = lineStatus(w, l, prices, now);
        WorkloadLine.Pricing pricing = l.pricing();
        BigDecimal cost = status == null || pricing == null ? null : pricing.cost();
        return WorkloadEstimateUsageItem.builder()
            .id(l.id()).serviceCode(l.serviceCode()).usageType(l.usageType()).operation(l.operation())
            .location(pricing != null ? pricing.location() : null)
            .usageAccountId(l.usageAccountId()).group(l.group())
            .quantity(WorkloadEstimateUsageQuantity.builder().amount(l.amount())
                .unit(pricing != null ? pricing.unit() : null).build())
            .cost(cost != null ? cost.doubleValue() : null)
            .currency(cost != null ? CurrencyCode.USD : null)
            .status(status)
            .historicalUsage(l.historicalUsage())
            .build();
    }

    private static BigDecimal total(WorkloadEstimate w) {
        BigDecimal sum = BigDecimal.ZERO;
        for (WorkloadLine l : w.usage.values()) {
            if (l.pricing() != null && l.pricing().cost() != null) {
                sum = sum.add(l.pricing().cost());
            }
        }
        return sum;
    }

    private static Set<Rate.RateKey> keys(WorkloadEstimate w, Prices prices, Instant now, WorkloadEstimateCostStatus s) {
        Set<Rate.RateKey> keys = new LinkedHashSet<>();
        for (WorkloadLine l : w.usage.values()) {
            if (lineStatus(w, l, prices, now) == s) {
                keys.add(l.rateKey());
            }
        }
        return keys;
    }
}
