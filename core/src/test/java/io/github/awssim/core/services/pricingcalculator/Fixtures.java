package io.github.awssim.core.services.pricingcalculator;

import io.github.awssim.core.Simulation;
import java.math.BigDecimal;
import java.time.Instant;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageAmount;

/** Shared values of the Pricing Calculator unit tests: a fixed clock, the scenario's bill month, EC2 usage. */
final class Fixtures {
    /** The simulation starts here: bill scenarios created now model May 2026. */
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final BigDecimal T3_MICRO = new BigDecimal("0.0104");

    private Fixtures() {
    }

    static Simulation simulation() {
        return Simulation.builder().startTime(NOW).seed(7).build();
    }

    static UsageAmount amount(Instant hour, double amount) {
        return UsageAmount.builder().startHour(hour).amount(amount).build();
    }

    /** t3.micro hours in the simulation's account, {@code hours} of them in the first hour of May. */
    static BatchCreateBillScenarioUsageModificationEntry ec2(String key, double hours) {
        return BatchCreateBillScenarioUsageModificationEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId(ACCOUNT)
            .amounts(amount(MAY, hours)).build();
    }

    static BatchCreateWorkloadEstimateUsageEntry workloadEc2(String key, double hours) {
        return BatchCreateWorkloadEstimateUsageEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId(ACCOUNT).amount(hours).build();
    }
}
