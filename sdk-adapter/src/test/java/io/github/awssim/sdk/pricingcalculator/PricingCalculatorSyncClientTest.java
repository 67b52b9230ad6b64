package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorFault;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import io.github.awssim.core.services.pricingcalculator.Rate;
import io.github.awssim.sdk.SimulatedClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateStatus;

/** The Pricing Calculator through a real sync client: the whole flow, every paginator, retries and ClientTokens. */
class PricingCalculatorSyncClientTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    static final String OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    Simulation sim;
    BcmPricingCalculatorClient client;

    @BeforeEach
    void start() {
        sim = Simulation.builder().startTime(NOW).seed(3).build();
        client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    static BatchCreateBillScenarioUsageModificationEntry ec2(String key, String instanceType, double hours) {
        return BatchCreateBillScenarioUsageModificationEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:" + instanceType).operation("RunInstances").usageAccountId("123456789012")
            .amounts(a -> a.startHour(MAY).amount(hours)).build();
    }

    @Test
    void scenarioUsageWithAPartialErrorEstimateAndLineItems() {
        sim.pricingCalculator().rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"))
            .withUnit("Hrs").withLocation("US East (N. Virginia)"));
        String scenario = client.createBillScenario(r -> r.name("growth")).id();

        BatchCreateBillScenarioUsageModificationResponse created = client.batchCreateBillScenarioUsageModification(r -> r
            .billScenarioId(scenario).usageModifications(ec2("web", "t3.micro", 720), ec2("api", "t3.micro", 360)));
        String web = created.items().get(0).id();
        BatchUpdateBillScenarioUsageModificationResponse updated = client.batchUpdateBillScenarioUsageModification(r -> r
            .billScenarioId(scenario).usageModifications(
                e -> e.id(web).amounts(a -> a.startHour(MAY).amount(1440.0)),
                e -> e.id("00000000-0000-4000-8000-000000000000").group("ghost")));

        assertThat(updated.items()).extracting(i -> i.id()).containsExactly(web);
        assertThat(updated.errors()).singleElement().satisfies(e -> {
            assertThat(e.errorCodeAsString()).isEqualTo("NOT_FOUND");
            assertThat(e.errorMessage()).contains("is not a usage line of bill scenario " + scenario);
        });

        String estimate = client.createBillEstimate(r -> r.billScenarioId(scenario).name("june")).id();
        assertThat(client.getBillScenario(r -> r.identifier(scenario)).status()).isEqualTo(BillScenarioStatus.LOCKED);
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);

        GetBillEstimateResponse done = client.getBillEstimate(r -> r.identifier(estimate));
        assertThat(done.status()).isEqualTo(BillEstimateStatus.COMPLETE);
        assertThat(done.costSummary().totalCostDifference().estimatedCost().amount()).isCloseTo(1800 * 0.0104, within(1e-9));
        assertThat(client.listBillEstimateLineItems(r -> r.billEstimateId(estimate)).items()).singleElement()
            .satisfies(li -> {
                assertThat(li.estimatedUsageQuantity().amount()).isEqualTo(1800.0);
                assertThat(li.estimatedUsageQuantity().unit()).isEqualTo("Hrs");
                assertThat(li.location()).isEqualTo("US East (N. Virginia)");
            });
    }

    @Test
    void everyPaginatorWalksEveryItem() {
        PricingCalculatorSimulator bcm = sim.pricingCalculator();
        List<String> types = List.of("t3.micro", "t3.small", "t3.medium", "m5.large", "c5.xlarge");
        for (String t : types) {
            bcm.rate("AmazonEC2", "BoxUsage:" + t, "RunInstances", new BigDecimal("0.1"));
        }
        bcm.billEstimateDelay(Duration.ZERO).workloadEstimateDelay(Duration.ZERO);
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            scenarios.add(client.createBillScenario(r -> r.name("s" + n)).id());
        }
        String main = scenarios.get(0);
        List<BatchCreateBillScenarioUsageModificationEntry> usage = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            usage.add(ec2("k" + i, types.get(i), 10));
        }
        client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(main).usageModifications(usage));
        for (int i = 0; i < 3; i++) {
            String key = "sp" + i;
            client.batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(main).commitmentModifications(e -> e
                .key(key).usageAccountId("123456789012").commitmentAction(a -> a.addSavingsPlanAction(sp -> sp
                    .savingsPlanOfferingId(OFFERING).commitment(0.5)))));
        }
        List<String> estimates = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String s = scenarios.get(i);
            int n = i;
            estimates.add(client.createBillEstimate(r -> r.billScenarioId(s).name("e" + n)).id());
        }
        String estimate = estimates.get(0);
        List<String> workloads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            workloads.add(client.createWorkloadEstimate(r -> r.name("w" + n)).id());
        }
        List<BatchCreateWorkloadEstimateUsageEntry> lines = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            lines.add(BatchCreateWorkloadEstimateUsageEntry.builder().key("k" + i).serviceCode("AmazonEC2")
                .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId("123456789012").amount(1.0 + i)
                .build());
        }
        client.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(workloads.get(0)).usage(lines));

        assertPaged("ListBillScenarios", 5, () -> client.listBillScenariosPaginator(r -> r.maxResults(2)).items());
        assertPaged("ListBillScenarioUsageModifications", 5, () -> client.listBillScenarioUsageModificationsPaginator(
            r -> r.billScenarioId(main).maxResults(2)).items());
        assertPaged("ListBillScenarioCommitmentModifications", 3, () -> client
            .listBillScenarioCommitmentModificationsPaginator(r -> r.billScenarioId(main).maxResults(2)).items());
        assertPaged("ListBillEstimates", 5, () -> client.listBillEstimatesPaginator(r -> r.maxResults(2)).items());
        assertPaged("ListBillEstimateLineItems", 5, () -> client.listBillEstimateLineItemsPaginator(
            r -> r.billEstimateId(estimate).maxResults(2)).items());
        assertPaged("ListBillEstimateCommitments", 3, () -> client.listBillEstimateCommitmentsPaginator(
            r -> r.billEstimateId(estimate).maxResults(2)).items());
        assertPaged("ListBillEstimateInputUsageModifications", 5, () -> client
            .listBillEstimateInputUsageModificationsPaginator(r -> r.billEstimateId(estimate).maxResults(2)).items());
        assertPaged("ListBillEstimateInputCommitmentModifications", 3, () -> client
            .listBillEstimateInputCommitmentModificationsPaginator(r -> r.billEstimateId(estimate).maxResults(2)).items());
        assertPaged("ListWorkloadEstimates", 5, () -> client.listWorkloadEstimatesPaginator(r -> r.maxResults(2)).items());
        assertPaged("ListWorkloadEstimateUsage", 7, () -> client.listWorkloadEstimateUsagePaginator(
            r -> r.workloadEstimateId(workloads.get(0)).maxResults(2)).items());

        assertThat(client.listBillEstimatesPaginator(r -> r.maxResults(2)).items()).extracting(e -> e.id())
            .containsExactlyElementsOf(estimates);
        assertThat(client.getWorkloadEstimate(r -> r.identifier(workloads.get(0))).totalCost()).isCloseTo(2.8, within(1e-9));
        assertThat(client.getWorkloadEstimate(r -> r.identifier(workloads.get(0))).status())
            .isEqualTo(WorkloadEstimateStatus.VALID);
    }

    /** Walks a paginator, then checks the journal: ⌈n / 2⌉ calls, every one but the last handing out a token. */
    private <T> void assertPaged(String operation, int expected, Supplier<SdkIterable<T>> paginator) {
        sim.journal().clear();
        List<T> items = new ArrayList<>();
        paginator.get().forEach(items::add);

        assertThat(items).as(operation).hasSize(expected);
        assertThat(sim.journal().executions()).as(operation).hasSize((expected + 1) / 2)
            .allSatisfy(e -> assertThat(e.operation()).isEqualTo(operation));
    }

    @Test
    void aForgedPageTokenIsAValidationException() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
            () -> client.listBillScenarios(r -> r.nextToken("eyJmb3JnZWQiOnRydWV9.AAAA")));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ListBillScenarios: nextToken is not a token this "
            + "service issued.");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void theSdksRetriesMeetTheFaultsAndCreateOnce() {
        sim.pricingCalculator().failNext(2, PricingCalculatorFault.THROTTLING);

        String id = client.createBillScenario(r -> r.name("retried")).id();

        assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
        assertThat(sim.pricingCalculator().billScenarios()).extracting(s -> s.id()).containsExactly(id);
        // Every attempt carried the same idempotency token, which the SDK filled in.
        String token = sim.journal().last().request(CreateBillScenarioRequest.class).clientToken();
        assertThat(token).matches("[a-f0-9-]{36}");
    }

    @Test
    void theSdkFillsAFreshClientTokenPerCallAndAnExplicitOneReplays() {
        String first = client.createBillScenario(r -> r.name("same")).id();
        String second = client.createBillScenario(r -> r.name("same")).id();
        assertThat(second).isNotEqualTo(first);

        String a = client.createBillScenario(r -> r.name("once").clientToken("my-token")).id();
        String b = client.createBillScenario(r -> r.name("once").clientToken("my-token")).id();
        assertThat(b).isEqualTo(a);
        assertThat(sim.pricingCalculator().billScenarios()).hasSize(3);
    }

    @Test
    void everyResourceExpires365DaysAfterCreationAndIsThenGone() {
        String scenario = client.createBillScenario(r -> r.name("kept")).id();
        String workload = client.createWorkloadEstimate(r -> r.name("kept")).id();
        String estimate = client.createBillEstimate(r -> r.billScenarioId(scenario).name("kept")).id();
        Instant expiry = NOW.plus(Duration.ofDays(365));   // README: "Everything expires after 365 days unless updated"

        assertThat(client.getBillScenario(r -> r.identifier(scenario)).expiresAt()).isEqualTo(expiry);
        assertThat(client.getWorkloadEstimate(r -> r.identifier(workload)).expiresAt()).isEqualTo(expiry);
        assertThat(client.getBillEstimate(r -> r.identifier(estimate)).expiresAt()).isEqualTo(expiry);

        sim.clock().set(expiry.minusSeconds(1));
        assertThat(client.listBillScenarios(r -> { }).items()).extracting(i -> i.id()).containsExactly(scenario);

        sim.clock().set(expiry);
        assertThat(client.listBillScenarios(r -> { }).items()).isEmpty();
        assertThat(client.listWorkloadEstimates(r -> { }).items()).isEmpty();
        assertThat(client.listBillEstimates(r -> { }).items()).isEmpty();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
            () -> client.getBillScenario(r -> r.identifier(scenario))).statusCode()).isEqualTo(404);
    }

    @Test
    void aMissingRateOrAConfiguredFailureEndsEstimatesWithAReasonNotAZero() {
        String scenario = client.createBillScenario(r -> r.name("unpriced")).id();
        client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario)
            .usageModifications(ec2("web", "t3.micro", 720)));
        String unpriced = client.createBillEstimate(r -> r.billScenarioId(scenario).name("unpriced")).id();
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);

        GetBillEstimateResponse failed = client.getBillEstimate(r -> r.identifier(unpriced));
        assertThat(failed.status()).isEqualTo(BillEstimateStatus.FAILED);
        assertThat(failed.failureMessage()).contains("no rate for").contains("BoxUsage:t3.micro")
            .contains("sim.pricingCalculator().rate(\"AmazonEC2\", \"BoxUsage:t3.micro\", \"RunInstances\"");

        sim.pricingCalculator().rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"))
            .failNextBillEstimates(1, "capacity exhausted");
        String configured = client.createBillEstimate(r -> r.billScenarioId(scenario).name("configured")).id();
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
        GetBillEstimateResponse told = client.getBillEstimate(r -> r.identifier(configured));
        assertThat(told.status()).isEqualTo(BillEstimateStatus.FAILED);
        assertThat(told.failureMessage()).isEqualTo("capacity exhausted");

        String priced = client.createBillEstimate(r -> r.billScenarioId(scenario).name("priced")).id();
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
        assertThat(client.getBillEstimate(r -> r.identifier(priced)).status()).isEqualTo(BillEstimateStatus.COMPLETE);

        String workload = client.createWorkloadEstimate(r -> r.name("unpriced")).id();
        client.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(workload).usage(e -> e.key("db")
            .serviceCode("AmazonRDS").usageType("InstanceUsage:db.t3.micro").operation("CreateDBInstance:0002")
            .usageAccountId("123456789012").amount(10.0)));
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_WORKLOAD_ESTIMATE_DELAY);
        var invalid = client.getWorkloadEstimate(r -> r.identifier(workload));
        assertThat(invalid.status()).isEqualTo(WorkloadEstimateStatus.INVALID);
        assertThat(invalid.failureMessage()).contains("InstanceUsage:db.t3.micro");
    }
}
