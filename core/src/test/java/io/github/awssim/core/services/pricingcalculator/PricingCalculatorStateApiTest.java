package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.T3_MICRO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DataUnavailableException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.InternalServerException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ThrottlingException;

/** The typed API: addressing accounts and regions, rates, faults, and the awssim: messages for misuse. */
class PricingCalculatorStateApiTest {
    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void theSimulatorIsTheBackendAndAddressesTheSimulationsAccountAndRegion() {
        assertThat(sim.backend(BcmPricingCalculatorClient.class)).isSameAs(bcm);
        assertThat(sim.pricingCalculator()).isSameAs(bcm);
        assertThat(bcm.accountId()).isEqualTo(sim.accountId());
        assertThat(bcm.region()).isEqualTo(sim.region());
        assertThat(bcm.accountType()).isEqualTo(AccountType.STANDALONE);
        assertThat(bcm.serviceName()).isEqualTo("bcm-pricing-calculator");
    }

    @Test
    void accountsAndRegionsKeepSeparateStateButShareThePriceList() {
        PricingCalculatorSimulator other = bcm.in("210987654321", Region.US_WEST_2);
        bcm.createBillScenario(r -> r.name("mine"));
        other.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", T3_MICRO);

        assertThat(other.billScenarios()).isEmpty();
        assertThat(bcm.billScenarios()).hasSize(1);
        assertThat(bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances")).map(Rate::pricePerUnit).contains(T3_MICRO);
        assertThat(other.arn(PricingCalculatorResource.BILL_ESTIMATE, "x"))
            .isEqualTo("arn:aws:bcm-pricing-calculator::210987654321:bill-estimate/x");
        assertThat(bcm.in(sim.accountId(), Region.of("cn-north-1")).arn(PricingCalculatorResource.BILL_SCENARIO, "x"))
            .startsWith("arn:aws-cn:");
    }

    @Test
    void ratesKeepTheirFirstSetOrderAndTheirLastValue() {
        bcm.rate("B", "b", "op", BigDecimal.ONE).rate("A", "a", "op", BigDecimal.ONE)
            .rate("B", "b", "op", BigDecimal.TEN);

        assertThat(bcm.rates()).extracting(r -> r.serviceCode() + "=" + r.pricePerUnit()).containsExactly("B=10", "A=1");
        assertThat(bcm.rate("C", "c", "op")).isEmpty();
    }

    @Test
    void queuedFaultsStrikeOnlyOperationsThatDeclareThem() {
        String id = bcm.createWorkloadEstimate(r -> r.name("w")).id();
        String arn = bcm.arn(PricingCalculatorResource.WORKLOAD_ESTIMATE, id);
        bcm.failNext(1, PricingCalculatorFault.DATA_UNAVAILABLE).failNext(1, PricingCalculatorFault.THROTTLING);

        // The tag operations declare no DataUnavailableException: the fault waits for one that does.
        assertThat(bcm.listTagsForResource(r -> r.arn(arn)).tags()).isEmpty();
        DataUnavailableException unavailable = catchThrowableOfType(DataUnavailableException.class,
            () -> bcm.getWorkloadEstimate(r -> r.identifier(id)));
        assertThat(unavailable).hasMessage("awssim: GetWorkloadEstimate answered DataUnavailableException because "
            + "sim.pricingCalculator().failNext(n, PricingCalculatorFault.DATA_UNAVAILABLE) queued it (1 more queued).");
        ThrottlingException throttled = catchThrowableOfType(ThrottlingException.class,
            () -> bcm.listTagsForResource(r -> r.arn(arn)));
        assertThat(throttled.retryAfterSeconds()).isEqualTo(1);
        assertThat(throttled.serviceCode()).isEqualTo("bcm-pricing-calculator");
        assertThat(bcm.getWorkloadEstimate(r -> r.identifier(id)).id()).isEqualTo(id);
    }

    @Test
    void aFaultChangesNothing() {
        bcm.failNext(1, PricingCalculatorFault.INTERNAL_ERROR);

        assertThat(catchThrowableOfType(InternalServerException.class, () -> bcm.createBillScenario(r -> r.name("s"))))
            .isNotNull();
        assertThat(bcm.billScenarios()).isEmpty();
    }

    @Test
    void aSpyOfTheSimulatorSharesItsState() {
        BcmPricingCalculatorClient spy = Mockito.spy(sim.backend(BcmPricingCalculatorClient.class));

        spy.createBillScenario(r -> r.name("via-spy"));

        assertThat(bcm.billScenarios()).extracting(s -> s.name()).containsExactly("via-spy");
    }

    @Test
    void misuseIsReportedWithAwssimMessages() {
        assertThatThrownBy(() -> bcm.in("12345", Region.US_EAST_1)).hasMessage("awssim: account id '12345' is not 12 "
            + "digits; AWS account ids look like 123456789012.");
        assertThatThrownBy(() -> bcm.linkAccounts("abc")).hasMessageStartingWith("awssim: account id 'abc' is not 12 digits");
        assertThatThrownBy(() -> bcm.rate("AmazonEC2", "BoxUsage", "RunInstances", new BigDecimal("-1")))
            .hasMessage("awssim: the rate of AmazonEC2 / BoxUsage / RunInstances is -1; a price per unit is zero or more, "
                + "e.g. new BigDecimal(\"0.0104\").");
        assertThatThrownBy(() -> bcm.commitmentPrice("ri-1", BigDecimal.ONE, BigDecimal.ONE))
            .hasMessageStartingWith("awssim: commitment id 'ri-1' is not a lowercase UUID");
        assertThatThrownBy(() -> bcm.commitmentPrice("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", BigDecimal.ONE,
            new BigDecimal("-2"))).hasMessage("awssim: monthlyPayment is -2; a payment is zero or more, e.g. BigDecimal.ZERO.");
        assertThatThrownBy(() -> bcm.billEstimateDelay(Duration.ofSeconds(-1)))
            .hasMessage("awssim: billEstimateDelay must not be negative (PT-1S); e.g. Duration.ofMinutes(20).");
        assertThatThrownBy(() -> bcm.expireAfter(PricingCalculatorResource.BILL_ESTIMATE, Duration.ZERO))
            .hasMessage("awssim: expireAfter must not be zero (PT0S); e.g. Duration.ofMinutes(20).");
        assertThatThrownBy(() -> bcm.quota(PricingCalculatorQuota.BILL_SCENARIOS, -1))
            .hasMessage("awssim: quota BILL_SCENARIOS must be zero or more, not -1.");
        assertThatThrownBy(() -> bcm.failNext(0, PricingCalculatorFault.THROTTLING))
            .hasMessage("awssim: a count of 0 queues nothing; give 1 or more.");
        assertThatThrownBy(() -> bcm.failNextEntries(0)).hasMessage("awssim: a count of 0 queues nothing; give 1 or more.");
    }
}
