package io.github.awssim.samples;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import io.github.awssim.core.services.pricingcalculator.Rate;
import io.github.awssim.sdk.SimulatedClients;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateCostSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateLineItemSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DataUnavailableException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageAmount;

/**
 * A bill estimate with AWS Billing and Cost Management Pricing Calculator, written against the plain AWS SDK and
 * run against the service simulated in-process: a bill scenario, batch usage lines with a partial error, a bill
 * estimate generated on the simulation clock, and its line items. No AWS account, no network.
 */
public final class PricingCalculatorShowcase {
    static final Instant START = Instant.parse("2026-06-10T09:00:00Z");
    /** The first hour of the bill month a scenario created at {@link #START} models. */
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

    private PricingCalculatorShowcase() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        try (Simulation sim = Simulation.builder().startTime(START).seed(2026).build();
             BcmPricingCalculatorClient bcm = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            out.println("awssim showcase: a bill estimate with the BCM Pricing Calculator, no AWS account, no network");
            out.println("  " + sim);
            out.println();

            // The test's side: the prices the estimate multiplies usage by. AWS's own prices are not simulated.
            sim.pricingCalculator()
                .rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104")).withUnit("Hrs"))
                .rate(Rate.of("AmazonRDS", "InstanceUsage:db.t3.micro", "CreateDBInstance:0002", new BigDecimal("0.017"))
                    .withUnit("Hrs"));

            out.println("1. A bill scenario: it models the last complete month");
            CreateBillScenarioResponse scenario = bcm.createBillScenario(r -> r.name("growth-plan"));
            out.println("   " + scenario.name() + " " + scenario.id() + "  " + scenario.statusAsString() + "  bill interval "
                + scenario.billInterval().start() + " .. " + scenario.billInterval().end());

            out.println();
            out.println("2. Three usage lines in one batch; the third repeats a key and fails alone");
            BatchCreateBillScenarioUsageModificationResponse created = bcm.batchCreateBillScenarioUsageModification(r -> r
                .billScenarioId(scenario.id()).usageModifications(
                    ec2("web", 1440), rds("db", 720), ec2("web", 10)));
            created.items().forEach(i -> out.println("   created  " + pad(i.key(), 4) + " " + i.id() + "  " + i.serviceCode()
                + " " + i.usageType() + "  " + i.quantities().get(0).amount() + " " + i.quantities().get(0).unit()));
            created.errors().forEach(e -> out.println("   error    " + pad(e.key(), 4) + " " + e.errorCodeAsString() + ": "
                + e.errorMessage()));

            out.println();
            out.println("3. Double the web tier, and update a line that does not exist");
            String web = created.items().get(0).id();
            BatchUpdateBillScenarioUsageModificationResponse updated = bcm.batchUpdateBillScenarioUsageModification(r -> r
                .billScenarioId(scenario.id()).usageModifications(
                    e -> e.id(web).amounts(UsageAmount.builder().startHour(MAY).amount(2880.0).build()),
                    e -> e.id("00000000-0000-4000-8000-000000000000").group("ghost")));
            updated.items().forEach(i -> out.println("   updated  " + i.id() + "  " + i.quantities().get(0).amount() + " "
                + i.quantities().get(0).unit()));
            updated.errors().forEach(e -> out.println("   error    " + e.id() + "  " + e.errorCodeAsString() + ": "
                + e.errorMessage()));

            out.println();
            out.println("4. The bill estimate is generated asynchronously; meanwhile the scenario is locked");
            CreateBillEstimateResponse estimate = bcm.createBillEstimate(r -> r.billScenarioId(scenario.id()).name("june"));
            out.println("   estimate " + estimate.id() + "  " + estimate.statusAsString() + ",  scenario "
                + bcm.getBillScenario(r -> r.identifier(scenario.id())).statusAsString());
            try {
                bcm.listBillEstimateLineItems(r -> r.billEstimateId(estimate.id()));
                out.println("   line items available early (unexpected)");
            } catch (DataUnavailableException e) {
                out.println("   line items now: DataUnavailableException: " + e.awsErrorDetails().errorMessage());
            }

            out.println();
            sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
            GetBillEstimateResponse done = bcm.getBillEstimate(r -> r.identifier(estimate.id()));
            out.println("5. " + PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY.toMinutes()
                + " simulated minutes later (no sleeping): " + done.statusAsString());
            for (BillEstimateLineItemSummary li : bcm.listBillEstimateLineItemsPaginator(r -> r.billEstimateId(estimate.id()))
                .items()) {
                out.println("   " + pad(li.serviceCode(), 10) + pad(li.usageType(), 26) + String.format(Locale.ROOT,
                    "%8.1f %-4s %10s", li.estimatedUsageQuantity().amount(), li.estimatedUsageQuantity().unit(),
                    usd(li.estimatedCost().amount())));
            }
            BillEstimateCostSummary summary = done.costSummary();
            out.println("   estimated bill " + usd(summary.totalCostDifference().estimatedCost().amount())
                + " (the simulated anniversary bill: " + usd(summary.totalCostDifference().historicalCost().amount()) + ")");
        }
    }

    private static BatchCreateBillScenarioUsageModificationEntry ec2(String key, double hours) {
        return BatchCreateBillScenarioUsageModificationEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId("123456789012")
            .amounts(UsageAmount.builder().startHour(MAY).amount(hours).build()).build();
    }

    private static BatchCreateBillScenarioUsageModificationEntry rds(String key, double hours) {
        return BatchCreateBillScenarioUsageModificationEntry.builder().key(key).serviceCode("AmazonRDS")
            .usageType("InstanceUsage:db.t3.micro").operation("CreateDBInstance:0002").usageAccountId("123456789012")
            .amounts(UsageAmount.builder().startHour(MAY).amount(hours).build()).build();
    }

    private static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }
}
