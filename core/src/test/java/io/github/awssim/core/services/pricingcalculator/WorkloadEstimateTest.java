package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.NOW;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.T3_MICRO;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.workloadEc2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.awssim.core.Simulation;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.RateType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateCostStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateRateType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateUpdateUsageErrorCode;

/** Workload estimates: UPDATING, then VALID with totalCost, INVALID without rates, ACTION_NEEDED after rate changes. */
class WorkloadEstimateTest {
    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();
    final String estimate = bcm.createWorkloadEstimate(r -> r.name("web-tier")).id();

    @AfterEach
    void close() {
        sim.close();
    }

    GetWorkloadEstimateResponse get() {
        return bcm.getWorkloadEstimate(r -> r.identifier(estimate));
    }

    BatchCreateWorkloadEstimateUsageResponse add(double hours) {
        return bcm.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(estimate).usage(workloadEc2("web", hours)));
    }

    @Test
    void aNewEstimateIsValidAndCostsNothing() {
        CreateWorkloadEstimateResponse w = bcm.createWorkloadEstimate(r -> r.name("empty"));

        assertThat(w.status()).isEqualTo(WorkloadEstimateStatus.VALID);
        assertThat(w.totalCost()).isEqualTo(0.0);
        assertThat(w.costCurrencyAsString()).isEqualTo("USD");
        assertThat(w.rateType()).isEqualTo(WorkloadEstimateRateType.BEFORE_DISCOUNTS);
        assertThat(w.rateTimestamp()).isEqualTo(NOW);
        assertThat(w.expiresAt()).isEqualTo(NOW.plus(PricingCalculatorSimulator.DEFAULT_TTL));
    }

    @Test
    void usageChangesUpdateThenPriceTheEstimate() {
        bcm.rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO).withUnit("Hrs"));

        BatchCreateWorkloadEstimateUsageResponse created = add(730);

        assertThat(created.items()).singleElement().satisfies(i -> {
            assertThat(i.key()).isEqualTo("web");
            assertThat(i.quantity().amount()).isEqualTo(730.0);
            assertThat(i.quantity().unit()).isEqualTo("Hrs");
            assertThat(i.status()).isNull();                    // not priced yet: the estimate is UPDATING
            assertThat(i.cost()).isNull();
        });
        assertThat(get().status()).isEqualTo(WorkloadEstimateStatus.UPDATING);
        assertThat(get().totalCost()).isNull();

        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_WORKLOAD_ESTIMATE_DELAY);

        assertThat(get().status()).isEqualTo(WorkloadEstimateStatus.VALID);
        assertThat(get().totalCost()).isCloseTo(7.592, within(1e-9));
        assertThat(bcm.listWorkloadEstimateUsage(r -> r.workloadEstimateId(estimate)).items()).singleElement()
            .satisfies(i -> {
                assertThat(i.status()).isEqualTo(WorkloadEstimateCostStatus.VALID);
                assertThat(i.cost()).isCloseTo(7.592, within(1e-9));
                assertThat(i.currencyAsString()).isEqualTo("USD");
            });
    }

    @Test
    void withoutARateTheEstimateIsInvalidAndSaysWhy() {
        bcm.workloadEstimateDelay(Duration.ZERO);
        add(10);

        GetWorkloadEstimateResponse w = get();

        assertThat(w.status()).isEqualTo(WorkloadEstimateStatus.INVALID);
        assertThat(w.failureMessage()).isEqualTo("awssim: no rate for AmazonEC2 / BoxUsage:t3.micro / RunInstances; set "
            + "one with sim.pricingCalculator().rate(serviceCode, usageType, operation, pricePerUnit), then change the "
            + "usage to re-price.");
        assertThat(bcm.listWorkloadEstimateUsage(r -> r.workloadEstimateId(estimate)).items()).singleElement()
            .satisfies(i -> assertThat(i.status()).isEqualTo(WorkloadEstimateCostStatus.INVALID));
    }

    @Test
    void aRateChangedAfterPricingCallsForAction() {
        bcm.workloadEstimateDelay(Duration.ZERO).rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO);
        String line = add(100).items().get(0).id();
        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO);   // the same rate again: nothing changes
        assertThat(get().status()).isEqualTo(WorkloadEstimateStatus.VALID);

        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.02"));

        assertThat(get().status()).isEqualTo(WorkloadEstimateStatus.ACTION_NEEDED);
        assertThat(get().totalCost()).isCloseTo(1.04, within(1e-9));          // still the old price
        assertThat(get().failureMessage()).startsWith("The rates of AmazonEC2 / BoxUsage:t3.micro / RunInstances changed "
            + "after the estimate was priced at 2026-06-10T09:00:00Z");
        assertThat(bcm.listWorkloadEstimateUsage(r -> r.workloadEstimateId(estimate)).items().get(0).status())
            .isEqualTo(WorkloadEstimateCostStatus.STALE);

        bcm.batchUpdateWorkloadEstimateUsage(r -> r.workloadEstimateId(estimate).usage(e -> e.id(line).amount(100.0)));

        assertThat(get().status()).isEqualTo(WorkloadEstimateStatus.VALID);
        assertThat(get().totalCost()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void batchEntriesFailAlone() {
        bcm.workloadEstimateDelay(Duration.ZERO);
        BatchCreateWorkloadEstimateUsageResponse r = bcm.batchCreateWorkloadEstimateUsage(b -> b.workloadEstimateId(estimate)
            .usage(workloadEc2("a", 1), workloadEc2("a", 2), workloadEc2("neg", -5), workloadEc2("nan", Double.NaN)));

        assertThat(r.items()).extracting(i -> i.key()).containsExactly("a");
        assertThat(r.errors()).extracting(e -> e.key() + "=" + e.errorCode()).containsExactly(
            "a=" + BatchCreateWorkloadEstimateUsageCode.CONFLICT, "neg=" + BatchCreateWorkloadEstimateUsageCode.BAD_REQUEST,
            "nan=" + BatchCreateWorkloadEstimateUsageCode.BAD_REQUEST);
        assertThat(r.errors().get(1).errorMessage()).isEqualTo("BatchCreateWorkloadEstimateUsage: usage[2].amount -5.0 is "
            + "negative; usage amounts are zero or more.");

        String id = r.items().get(0).id();
        String unknown = "00000000-0000-4000-8000-000000000001";
        var updated = bcm.batchUpdateWorkloadEstimateUsage(b -> b.workloadEstimateId(estimate)
            .usage(e -> e.id(id).group("g"), e -> e.id(unknown).amount(1.0)));
        assertThat(updated.items()).singleElement().satisfies(i -> {
            assertThat(i.group()).isEqualTo("g");
            assertThat(i.quantity().amount()).isEqualTo(1.0);
        });
        assertThat(updated.errors()).singleElement().satisfies(e ->
            assertThat(e.errorCode()).isEqualTo(WorkloadEstimateUpdateUsageErrorCode.NOT_FOUND));

        var deleted = bcm.batchDeleteWorkloadEstimateUsage(b -> b.workloadEstimateId(estimate).ids(id, unknown));
        assertThat(deleted.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(unknown);
            assertThat(e.errorCode()).isEqualTo(WorkloadEstimateUpdateUsageErrorCode.NOT_FOUND);
        });
        assertThat(bcm.listWorkloadEstimateUsage(b -> b.workloadEstimateId(estimate)).items()).isEmpty();
    }

    @Test
    void usageLinesHaveAQuota() {
        bcm.quota(PricingCalculatorQuota.USAGE_LINES_PER_WORKLOAD_ESTIMATE, 1);
        add(1);

        ServiceQuotaExceededException e = catchThrowableOfType(ServiceQuotaExceededException.class, () -> add(1));

        assertThat(e.resourceType()).isEqualTo("WorkloadEstimate");
        assertThat(e.quotaCode()).isEqualTo("UsageLinesPerWorkloadEstimate");
    }

    @Test
    void estimatesPerAccountHaveAQuota() {
        bcm.quota(PricingCalculatorQuota.WORKLOAD_ESTIMATES, 1);

        ServiceQuotaExceededException e = catchThrowableOfType(ServiceQuotaExceededException.class,
            () -> bcm.createWorkloadEstimate(r -> r.name("second")));

        assertThat(e).hasMessageStartingWith("CreateWorkloadEstimate: this account already has 1 workload estimate, "
            + "the quota. awssim: change it with sim.pricingCalculator().quota(PricingCalculatorQuota.WORKLOAD_ESTIMATES, n).");
    }

    @Test
    void theRateTypeMustBeOneThePreferencesAllow() {
        bcm.updatePreferences(r -> r.standaloneAccountRateTypeSelections(RateType.AFTER_DISCOUNTS));

        ValidationException e = catchThrowableOfType(ValidationException.class,
            () -> bcm.createWorkloadEstimate(r -> r.name("w").rateType(WorkloadEstimateRateType.BEFORE_DISCOUNTS)));

        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.DISALLOWED_RATE);
        assertThat(e).hasMessageStartingWith("CreateWorkloadEstimate: rateType BEFORE_DISCOUNTS is not among the rate "
            + "types the standalone account preferences allow [AFTER_DISCOUNTS]");
        assertThat(bcm.createWorkloadEstimate(r -> r.name("w").rateType(WorkloadEstimateRateType.AFTER_DISCOUNTS))
            .rateType()).isEqualTo(WorkloadEstimateRateType.AFTER_DISCOUNTS);
    }

    @Test
    void deleteNeverFailsAndGetAfterDeleteIsNotFound() {
        bcm.deleteWorkloadEstimate(r -> r.identifier(estimate));
        bcm.deleteWorkloadEstimate(r -> r.identifier(estimate));

        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class, this::get);
        assertThat(e.resourceType()).isEqualTo("WorkloadEstimate");
    }

    @Test
    void updateRenamesAndListFilters() {
        sim.clock().advance(Duration.ofMinutes(1));
        bcm.updateWorkloadEstimate(r -> r.identifier(estimate).name("renamed"));
        bcm.createWorkloadEstimate(r -> r.name("other"));

        assertThat(bcm.listWorkloadEstimates(r -> r.filters(f -> f.name("NAME").values("renamed"))).items())
            .extracting(w -> w.id()).containsExactly(estimate);
        assertThat(bcm.listWorkloadEstimates(r -> r.filters(f -> f.name("STATUS").values("VALID"))).items()).hasSize(2);
        assertThat(bcm.workloadEstimates()).extracting(w -> w.name()).containsExactly("renamed", "other");
    }

    @Test
    void memberAccountsUseTheMemberPreferences() {
        bcm.updatePreferences(r -> r.memberAccountRateTypeSelections(RateType.AFTER_DISCOUNTS_AND_COMMITMENTS));
        bcm.accountType(AccountType.MEMBER);

        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.createWorkloadEstimate(r -> r.name("w"))))
            .hasMessageContaining("the member account preferences allow [AFTER_DISCOUNTS_AND_COMMITMENTS]");
        assertThat(bcm.createWorkloadEstimate(r -> r.name("w")
            .rateType(WorkloadEstimateRateType.AFTER_DISCOUNTS_AND_COMMITMENTS)).status())
            .isEqualTo(WorkloadEstimateStatus.VALID);
    }
}
