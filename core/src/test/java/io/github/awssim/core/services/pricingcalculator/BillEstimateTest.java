package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.ACCOUNT;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.MAY;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.NOW;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.T3_MICRO;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.amount;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.ec2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.awssim.core.Simulation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.model.AccessDeniedException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationAction;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DataUnavailableException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.PurchaseAgreementType;

/** Bill estimates: generation on the clock, the computed result, failures, and the lists of an estimate. */
class BillEstimateTest {
    static final String RI_OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    static final String SP_OFFERING = "1f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    static final String EXISTING_RI = "2f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();
    final String scenario = bcm.createBillScenario(r -> r.name("s")).id();

    @AfterEach
    void close() {
        sim.close();
    }

    String estimate(String name) {
        return bcm.createBillEstimate(r -> r.billScenarioId(scenario).name(name)).id();
    }

    GetBillEstimateResponse get(String id) {
        return bcm.getBillEstimate(r -> r.identifier(id));
    }

    static BatchCreateBillScenarioCommitmentModificationEntry commitment(String key,
                                                                          BillScenarioCommitmentModificationAction a) {
        return BatchCreateBillScenarioCommitmentModificationEntry.builder().key(key).usageAccountId(ACCOUNT)
            .commitmentAction(a).build();
    }

    @Test
    void anEstimateRunsInProgressThenCompletesOnTheSimulationClock() {
        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO);
        bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(ec2("web", 720)));

        CreateBillEstimateResponse created = bcm.createBillEstimate(r -> r.billScenarioId(scenario).name("june"));

        assertThat(created.status()).isEqualTo(BillEstimateStatus.IN_PROGRESS);
        assertThat(created.costSummary()).isNull();
        assertThat(created.billInterval().start()).isEqualTo(MAY);
        assertThat(created.createdAt()).isEqualTo(NOW);
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY.minusSeconds(1));
        assertThat(get(created.id()).status()).isEqualTo(BillEstimateStatus.IN_PROGRESS);
        DataUnavailableException early = catchThrowableOfType(DataUnavailableException.class,
            () -> bcm.listBillEstimateLineItems(r -> r.billEstimateId(created.id())));
        assertThat(early).hasMessageStartingWith("ListBillEstimateLineItems: the results of bill estimate " + created.id()
            + " are unavailable: it is IN_PROGRESS until 2026-06-10T09:20:00Z.");

        sim.clock().advance(Duration.ofSeconds(1));
        GetBillEstimateResponse done = get(created.id());
        assertThat(done.status()).isEqualTo(BillEstimateStatus.COMPLETE);
        assertThat(done.costSummary().totalCostDifference().estimatedCost().amount()).isCloseTo(7.488, within(1e-9));
        assertThat(done.costSummary().totalCostDifference().historicalCost().amount()).isEqualTo(0.0);
        assertThat(done.costSummary().serviceCostDifferences()).containsOnlyKeys("AmazonEC2");
        assertThat(bcm.listBillEstimateLineItems(r -> r.billEstimateId(created.id())).items()).singleElement()
            .satisfies(li -> {
                assertThat(li.lineItemType()).isEqualTo("Usage");
                assertThat(li.payerAccountId()).isEqualTo(ACCOUNT);
                assertThat(li.estimatedUsageQuantity().amount()).isEqualTo(720.0);
                assertThat(li.estimatedCost().amount()).isCloseTo(7.488, within(1e-9));
                assertThat(li.estimatedCost().currencyAsString()).isEqualTo("USD");
            });
    }

    @Test
    void linesOfTheSameUsageAddUpIntoOneLineItem() {
        bcm.rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO).withUnit("Hrs"));
        bcm.rate("AmazonS3", "TimedStorage-ByteHrs", "PutObject", new BigDecimal("0.023"));
        bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(
            ec2("a", 100), ec2("b", 100).toBuilder().amounts(amount(MAY, 50), amount(MAY.plus(Duration.ofHours(1)), 50))
                .build(),
            ec2("c", 10).toBuilder().serviceCode("AmazonS3").usageType("TimedStorage-ByteHrs").operation("PutObject").build()));
        bcm.billEstimateDelay(Duration.ZERO);

        String id = estimate("e");

        assertThat(get(id).status()).isEqualTo(BillEstimateStatus.COMPLETE);
        var items = bcm.listBillEstimateLineItems(r -> r.billEstimateId(id)).items();
        assertThat(items).extracting(li -> li.serviceCode() + " " + li.estimatedUsageQuantity().amount() + " "
            + li.estimatedUsageQuantity().unit()).containsExactly("AmazonEC2 200.0 Hrs", "AmazonS3 10.0 null");
        var summary = get(id).costSummary();
        assertThat(summary.serviceCostDifferences().get("AmazonEC2").estimatedCost().amount()).isCloseTo(2.08, within(1e-9));
        assertThat(summary.serviceCostDifferences().get("AmazonS3").estimatedCost().amount()).isCloseTo(0.23, within(1e-9));
        assertThat(summary.totalCostDifference().estimatedCost().amount()).isCloseTo(2.31, within(1e-9));
        assertThat(bcm.listBillEstimateLineItems(r -> r.billEstimateId(id)
            .filters(f -> f.name("SERVICE_CODE").values("AmazonS3"))).items()).hasSize(1);
    }

    @Test
    void aMissingRateFailsTheEstimateAndNamesWhatIsMissing() {
        String line = bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario)
            .usageModifications(ec2("web", 720))).items().get(0).id();

        String id = estimate("e");
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);

        GetBillEstimateResponse failed = get(id);
        assertThat(failed.status()).isEqualTo(BillEstimateStatus.FAILED);
        assertThat(failed.costSummary()).isNull();
        assertThat(failed.failureMessage()).isEqualTo("awssim: the bill estimate cannot be priced: no rate for AmazonEC2 / "
            + "BoxUsage:t3.micro / RunInstances (usage line " + line + "); set one with sim.pricingCalculator().rate("
            + "\"AmazonEC2\", \"BoxUsage:t3.micro\", \"RunInstances\", new BigDecimal(\"0.01\")).");
        assertThat(catchThrowableOfType(DataUnavailableException.class,
            () -> bcm.listBillEstimateCommitments(r -> r.billEstimateId(id))))
            .hasMessageContaining("it is FAILED, so it has none.");
    }

    @Test
    void ratesAreTakenWhenTheEstimateIsCreated() {
        bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(ec2("web", 100)));
        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("1"));
        String id = estimate("e");

        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("2"));
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);

        assertThat(get(id).costSummary().totalCostDifference().estimatedCost().amount()).isEqualTo(100.0);
    }

    @Test
    void commitmentsArePricedAndListed() {
        bcm.commitmentPrice(RI_OFFERING, new BigDecimal("100"), new BigDecimal("10"))
            .commitmentPrice(EXISTING_RI, BigDecimal.ZERO, new BigDecimal("50"))
            .billEstimateDelay(Duration.ZERO);
        bcm.batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(scenario).commitmentModifications(
            commitment("ri", BillScenarioCommitmentModificationAction.fromAddReservedInstanceAction(a -> a
                .reservedInstancesOfferingId(RI_OFFERING).instanceCount(3))),
            commitment("sp", BillScenarioCommitmentModificationAction.fromAddSavingsPlanAction(a -> a
                .savingsPlanOfferingId(SP_OFFERING).commitment(0.5))),
            commitment("gone", BillScenarioCommitmentModificationAction.fromNegateReservedInstanceAction(a -> a
                .reservedInstancesId(EXISTING_RI)))));

        String id = estimate("e");

        var commitments = bcm.listBillEstimateCommitments(r -> r.billEstimateId(id)).items();
        assertThat(commitments).extracting(c -> c.purchaseAgreementType() + " " + c.offeringId() + " "
            + c.upfrontPayment().amount() + " " + c.monthlyPayment().amount()).containsExactly(
                PurchaseAgreementType.RESERVED_INSTANCE + " " + RI_OFFERING + " 300.0 30.0",
                PurchaseAgreementType.SAVINGS_PLANS + " " + SP_OFFERING + " 0.0 372.0");    // 0.5 $/h × 744 h of May
        var summary = get(id).costSummary();
        assertThat(summary.serviceCostDifferences().get("AmazonEC2").estimatedCost().amount()).isEqualTo(330.0);
        assertThat(summary.serviceCostDifferences().get("AmazonEC2").historicalCost().amount()).isEqualTo(50.0);
        assertThat(summary.serviceCostDifferences().get("ComputeSavingsPlans").estimatedCost().amount()).isEqualTo(372.0);
        assertThat(summary.totalCostDifference().historicalCost().amount()).isEqualTo(50.0);
        assertThat(summary.totalCostDifference().estimatedCost().amount()).isEqualTo(702.0);
        assertThat(bcm.listBillEstimateInputCommitmentModifications(r -> r.billEstimateId(id)).items()).hasSize(3);
    }

    @Test
    void aCommitmentWithoutPriceFailsTheEstimate() {
        bcm.billEstimateDelay(Duration.ZERO);
        String line = bcm.batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(scenario)
            .commitmentModifications(commitment("ri", BillScenarioCommitmentModificationAction.fromAddReservedInstanceAction(
                a -> a.reservedInstancesOfferingId(RI_OFFERING).instanceCount(1))))).items().get(0).id();

        assertThat(get(estimate("e")).failureMessage()).isEqualTo("awssim: the bill estimate cannot be priced: no price "
            + "for Reserved Instance offering " + RI_OFFERING + " (commitment modification " + line + "); set one with "
            + "sim.pricingCalculator().commitmentPrice(\"" + RI_OFFERING + "\", upfrontPerInstance, monthlyPerInstance).");
    }

    @Test
    void theInputListsAreACopyFrozenAtCreation() {
        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO);
        String line = bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario)
            .usageModifications(ec2("web", 720))).items().get(0).id();
        String id = estimate("e");
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);

        bcm.batchUpdateBillScenarioUsageModification(r -> r.billScenarioId(scenario)
            .usageModifications(e -> e.id(line).amounts(amount(MAY, 1))));
        bcm.deleteBillScenario(r -> r.identifier(scenario));

        assertThat(bcm.listBillEstimateInputUsageModifications(r -> r.billEstimateId(id)).items()).singleElement()
            .satisfies(i -> {
                assertThat(i.id()).isEqualTo(line);
                assertThat(i.quantities().get(0).amount()).isEqualTo(720.0);
            });
        assertThat(get(id).status()).isEqualTo(BillEstimateStatus.COMPLETE);
    }

    @Test
    void failNextBillEstimatesEndsThemFailed() {
        bcm.failNextBillEstimates(1, "Unable to generate the estimate; try again later.").billEstimateDelay(Duration.ZERO);

        GetBillEstimateResponse first = get(estimate("one"));
        GetBillEstimateResponse second = get(estimate("two"));

        assertThat(first.status()).isEqualTo(BillEstimateStatus.FAILED);
        assertThat(first.failureMessage()).isEqualTo("Unable to generate the estimate; try again later.");
        assertThat(second.status()).isEqualTo(BillEstimateStatus.COMPLETE);
    }

    @Test
    void namesAreUniqueForAnAccount() {
        bcm.billEstimateDelay(Duration.ZERO);
        String first = estimate("june");

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> estimate("june"));
        assertThat(e.resourceId()).isEqualTo(first);
        assertThat(e.resourceType()).isEqualTo("BillEstimate");
        assertThat(e.getMessage()).startsWith("CreateBillEstimate: name 'june' is already used by bill estimate " + first);

        String second = estimate("july");
        assertThat(catchThrowableOfType(ConflictException.class,
            () -> bcm.updateBillEstimate(r -> r.identifier(second).name("june")))).isNotNull();
        assertThat(bcm.updateBillEstimate(r -> r.identifier(second).name("july")).name()).isEqualTo("july");
    }

    @Test
    void oneEstimateAtATimePerScenario() {
        String first = estimate("one");

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> estimate("two"));

        assertThat(e.getMessage()).startsWith("CreateBillEstimate: bill scenario " + scenario + " is LOCKED while bill "
            + "estimate " + first + " is generated from it");
    }

    @Test
    void aStaleScenarioMakesNoEstimate() {
        sim.clock().set(Instant.parse("2026-07-01T00:00:00Z"));

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> estimate("late"));

        assertThat(e.getMessage()).startsWith("CreateBillEstimate: bill scenario " + scenario + " is STALE: its bill "
            + "interval [2026-05-01T00:00:00Z, 2026-06-01T00:00:00Z) is no longer the last complete bill month.");
    }

    @Test
    void anEstimateInProgressCannotBeDeletedAndDeletesAreIdempotent() {
        String id = estimate("e");

        assertThat(catchThrowableOfType(ConflictException.class, () -> bcm.deleteBillEstimate(r -> r.identifier(id))))
            .hasMessageStartingWith("DeleteBillEstimate: bill estimate " + id + " is IN_PROGRESS until 2026-06-10T09:20:00Z");

        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
        bcm.deleteBillEstimate(r -> r.identifier(id));
        bcm.deleteBillEstimate(r -> r.identifier(id));
        assertThat(bcm.billEstimates()).isEmpty();
    }

    @Test
    void memberAccountsGetNoBillEstimates() {
        bcm.accountType(AccountType.MEMBER);

        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> estimate("e"));

        assertThat(e).hasMessageStartingWith("User: arn:aws:iam::123456789012:root is not authorized to perform: "
            + "bcm-pricing-calculator:CreateBillEstimate: bill scenarios and bill estimates are only available to "
            + "management accounts and standalone accounts");
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> bcm.listBillScenarios(r -> { }))).isNotNull();
    }

    @Test
    void listFiltersByStatus() {
        String done = estimate("done");
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
        String running = estimate("running");

        assertThat(bcm.listBillEstimates(r -> r.filters(f -> f.name("STATUS").values("IN_PROGRESS"))).items())
            .extracting(e -> e.id()).containsExactly(running);
        assertThat(bcm.listBillEstimates(r -> r.filters(f -> f.name("STATUS").values("COMPLETE"))).items())
            .extracting(e -> e.id()).containsExactly(done);
    }
}
