package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;

/** The Pricing Calculator example of README, verbatim: if this stops compiling or passing, README is wrong. */
class PricingCalculatorReadmeExampleTest {

    // --- README: begin ---
    @Test
    void estimatesABillOnTheSimulationClock() {
        try (Simulation sim = Simulation.builder().startTime(Instant.parse("2026-06-10T09:00:00Z")).build();
             BcmPricingCalculatorClient bcm = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            sim.pricingCalculator().rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"));

            String scenario = bcm.createBillScenario(r -> r.name("growth")).id();  // models May, the last full month
            var batch = bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(
                e -> e.key("web").serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
                    .usageAccountId(sim.accountId())
                    .amounts(a -> a.startHour(Instant.parse("2026-05-01T00:00:00Z")).amount(720.0)),
                e -> e.key("web").serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
                    .usageAccountId(sim.accountId())));                           // same key again: fails alone
            assertThat(batch.errors()).extracting(e -> e.errorCodeAsString()).containsExactly("CONFLICT");

            String estimate = bcm.createBillEstimate(r -> r.billScenarioId(scenario).name("june")).id();
            assertThat(bcm.getBillEstimate(r -> r.identifier(estimate)).status())
                .isEqualTo(BillEstimateStatus.IN_PROGRESS);

            sim.clock().advance(Duration.ofMinutes(20));                          // generation takes simulated time
            assertThat(bcm.listBillEstimateLineItems(r -> r.billEstimateId(estimate)).items())
                .singleElement().satisfies(li -> assertThat(li.estimatedCost().amount()).isEqualTo(7.488));
        }
    }
    // --- README: end ---
}
