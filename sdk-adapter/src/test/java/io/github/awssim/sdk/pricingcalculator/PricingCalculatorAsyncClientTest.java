package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorFault;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import io.github.awssim.sdk.SimulatedClients;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorAsyncClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateLineItemSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DataUnavailableException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateStatus;

/** The same service through the async client: futures, publishers as paginators, exceptions as causes. */
class PricingCalculatorAsyncClientTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final BcmPricingCalculatorAsyncClient client = SimulatedClients.create(sim, BcmPricingCalculatorAsyncClient.class);

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    @Test
    void aBillEstimateThroughTheAsyncClient() throws Exception {
        sim.pricingCalculator().rate("AmazonS3", "TimedStorage-ByteHrs", "StandardStorage", new BigDecimal("0.023"));
        String scenario = client.createBillScenario(r -> r.name("storage")).get(5, TimeUnit.SECONDS).id();
        var batch = client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(
            e -> e.key("lake").serviceCode("AmazonS3").usageType("TimedStorage-ByteHrs").operation("StandardStorage")
                .usageAccountId(sim.accountId()).amounts(a -> a.startHour(MAY).amount(5000.0)),
            e -> e.key("lake").serviceCode("AmazonS3").usageType("TimedStorage-ByteHrs").operation("StandardStorage")
                .usageAccountId(sim.accountId()))).get(5, TimeUnit.SECONDS);
        assertThat(batch.errors()).extracting(e -> e.errorCodeAsString()).containsExactly("CONFLICT");
        String estimate = client.createBillEstimate(r -> r.billScenarioId(scenario).name("storage"))
            .get(5, TimeUnit.SECONDS).id();

        Throwable early = catchThrowable(() -> client.listBillEstimateLineItems(r -> r.billEstimateId(estimate)).join());
        assertThat(early).isInstanceOf(CompletionException.class).hasCauseInstanceOf(DataUnavailableException.class);

        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
        assertThat(client.getBillEstimate(r -> r.identifier(estimate)).join().status()).isEqualTo(BillEstimateStatus.COMPLETE);
        List<BillEstimateLineItemSummary> items = new ArrayList<>();
        client.listBillEstimateLineItemsPaginator(r -> r.billEstimateId(estimate)).items().subscribe(items::add)
            .get(5, TimeUnit.SECONDS);
        assertThat(items).singleElement().satisfies(li -> assertThat(li.estimatedCost().amount())
            .isCloseTo(115.0, within(1e-9)));
    }

    @Test
    void thePublisherPaginatorWalksEveryPage() throws Exception {
        for (int i = 0; i < 7; i++) {
            int n = i;
            client.createBillScenario(r -> r.name("s" + n)).join();
        }
        sim.journal().clear();

        List<BillScenarioSummary> all = new ArrayList<>();
        client.listBillScenariosPaginator(r -> r.maxResults(3)).items().subscribe(all::add).get(5, TimeUnit.SECONDS);

        assertThat(all).extracting(BillScenarioSummary::name).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(sim.journal().executions()).hasSize(3);
    }

    @Test
    void retriesWorkTheSameAndAWorkloadEstimateUpdates() {
        sim.pricingCalculator().rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"))
            .failNext(2, PricingCalculatorFault.INTERNAL_ERROR);
        String id = client.createWorkloadEstimate(r -> r.name("async")).join().id();
        assertThat(sim.journal().last().attemptCount()).isEqualTo(3);

        client.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(id).usage(e -> e.key("web").serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId(sim.accountId()).amount(100.0))).join();

        assertThat(client.getWorkloadEstimate(r -> r.identifier(id)).join().status()).isEqualTo(WorkloadEstimateStatus.UPDATING);
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_WORKLOAD_ESTIMATE_DELAY);
        var done = client.getWorkloadEstimate(r -> r.identifier(id)).join();
        assertThat(done.status()).isEqualTo(WorkloadEstimateStatus.VALID);
        assertThat(done.totalCost()).isCloseTo(1.04, within(1e-9));
    }
}
