package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorQuota;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateUpdateUsageErrorCode;

/** The batch operations' rules seen through a real client: entry limits, per-entry error codes, quotas. */
class PricingCalculatorBatchRulesTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final String STRANGER = "999999999999";
    static final String LINKED = "111122223333";
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    static final String OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    Simulation sim;
    BcmPricingCalculatorClient client;

    @BeforeEach
    void start() {
        sim = Simulation.builder().startTime(NOW).seed(11).build();
        client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    static BatchCreateWorkloadEstimateUsageEntry workload(String key, String account) {
        return BatchCreateWorkloadEstimateUsageEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId(account).amount(10.0).build();
    }

    @Test
    void workloadUsageOfAnAccountOutsideTheBillingFamilyFailsAloneAsBadRequest() {
        sim.pricingCalculator().linkAccounts(LINKED);
        String w = client.createWorkloadEstimate(r -> r.name("w")).id();

        BatchCreateWorkloadEstimateUsageResponse r = client.batchCreateWorkloadEstimateUsage(b -> b.workloadEstimateId(w)
            .usage(workload("own", ACCOUNT), workload("linked", LINKED), workload("alien", STRANGER)));

        assertThat(r.items()).extracting(i -> i.key()).containsExactly("own", "linked");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("alien");
            assertThat(e.errorCodeAsString()).isEqualTo("BAD_REQUEST");
            assertThat(e.errorMessage()).isEqualTo("BatchCreateWorkloadEstimateUsage: usage[2].usageAccountId "
                + STRANGER + " is not in the consolidated billing family of account " + ACCOUNT + " (linked accounts: ["
                + LINKED + "]). awssim: link it with sim.pricingCalculator().linkAccounts(\"" + STRANGER + "\").");
        });
        assertThat(client.listWorkloadEstimateUsage(b -> b.workloadEstimateId(w)).items())
            .extracting(i -> i.usageAccountId()).containsExactly(ACCOUNT, LINKED);
    }

    static BatchCreateBillScenarioUsageModificationEntry usage(String key, String account) {
        return BatchCreateBillScenarioUsageModificationEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId(account)
            .amounts(a -> a.startHour(MAY).amount(1.0)).build();
    }

    static BatchCreateBillScenarioCommitmentModificationEntry savingsPlan(String key, String account) {
        return BatchCreateBillScenarioCommitmentModificationEntry.builder().key(key).usageAccountId(account)
            .commitmentAction(a -> a.addSavingsPlanAction(sp -> sp.savingsPlanOfferingId(OFFERING).commitment(1.0)))
            .build();
    }

    /** {@code n} distinct lowercase UUIDs: ids no entry has. */
    static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i)).toList();
    }

    /** One batch operation called with {@code n} entries on a fresh scenario or workload estimate. */
    record Batch(String operation, String listMember, BiFunction<BcmPricingCalculatorClient, Integer, Object> call) {
        @Override
        public String toString() {
            return operation;
        }
    }

    static Stream<Batch> batches() {
        IntFunction<List<String>> keys = n -> IntStream.range(0, n).mapToObj(i -> "k" + i).toList();
        Function<BcmPricingCalculatorClient, String> scenario = c -> c.createBillScenario(r -> r.name("s")).id();
        Function<BcmPricingCalculatorClient, String> workload = c -> c.createWorkloadEstimate(r -> r.name("w")).id();
        return Stream.of(
            new Batch("BatchCreateBillScenarioUsageModification", "usageModifications", (c, n) -> c
                .batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario.apply(c)).usageModifications(
                    keys.apply(n).stream().map(k -> usage(k, ACCOUNT)).toList()))),
            new Batch("BatchUpdateBillScenarioUsageModification", "usageModifications", (c, n) -> c
                .batchUpdateBillScenarioUsageModification(r -> r.billScenarioId(scenario.apply(c)).usageModifications(
                    ids(n).stream().map(id -> BatchUpdateBillScenarioUsageModificationEntry.builder().id(id).build())
                        .toList()))),
            new Batch("BatchDeleteBillScenarioUsageModification", "ids", (c, n) -> c
                .batchDeleteBillScenarioUsageModification(r -> r.billScenarioId(scenario.apply(c)).ids(ids(n)))),
            new Batch("BatchCreateBillScenarioCommitmentModification", "commitmentModifications", (c, n) -> c
                .batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(scenario.apply(c))
                    .commitmentModifications(keys.apply(n).stream().map(k -> savingsPlan(k, ACCOUNT)).toList()))),
            new Batch("BatchUpdateBillScenarioCommitmentModification", "commitmentModifications", (c, n) -> c
                .batchUpdateBillScenarioCommitmentModification(r -> r.billScenarioId(scenario.apply(c))
                    .commitmentModifications(ids(n).stream().map(id -> BatchUpdateBillScenarioCommitmentModificationEntry
                        .builder().id(id).build()).toList()))),
            new Batch("BatchDeleteBillScenarioCommitmentModification", "ids", (c, n) -> c
                .batchDeleteBillScenarioCommitmentModification(r -> r.billScenarioId(scenario.apply(c)).ids(ids(n)))),
            new Batch("BatchCreateWorkloadEstimateUsage", "usage", (c, n) -> c.batchCreateWorkloadEstimateUsage(r -> r
                .workloadEstimateId(workload.apply(c)).usage(keys.apply(n).stream().map(k -> workload(k, ACCOUNT))
                    .toList()))),
            new Batch("BatchUpdateWorkloadEstimateUsage", "usage", (c, n) -> c.batchUpdateWorkloadEstimateUsage(r -> r
                .workloadEstimateId(workload.apply(c)).usage(ids(n).stream().map(id -> BatchUpdateWorkloadEstimateUsageEntry
                    .builder().id(id).amount(1.0).build()).toList()))),
            new Batch("BatchDeleteWorkloadEstimateUsage", "ids", (c, n) -> c.batchDeleteWorkloadEstimateUsage(r -> r
                .workloadEstimateId(workload.apply(c)).ids(ids(n)))));
    }

    @Test
    void theCasesCoverEveryBatchOperation() {
        assertThat(batches().map(Batch::operation)).hasSize(9).doesNotHaveDuplicates()
            .allSatisfy(op -> assertThat(op).startsWith("Batch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void everyBatchTakesOneTo25Entries(Batch batch) {
        assertThat(batch.call().apply(client, 25)).isNotNull();

        for (int n : new int[] {26, 0}) {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> batch.call().apply(client, n));
            assertThat(e).as(batch + " with " + n).isNotNull();
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.fieldList()).singleElement().satisfies(f -> {
                assertThat(f.name()).isEqualTo(batch.listMember());
                assertThat(f.message()).endsWith(n == 0 ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 25");
            });
        }
        assertThat(sim.journal().executions()).filteredOn(x -> x.operation().equals(batch.operation())).hasSize(3);
    }

    @Test
    void billScenarioUsageEntriesFailAloneWithCodesOfTheirOperation() {
        String s = client.createBillScenario(r -> r.name("s")).id();
        sim.pricingCalculator().failNextEntries(1);
        var created = client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(s).usageModifications(
            usage("flaky", ACCOUNT), usage("a", ACCOUNT), usage("a", ACCOUNT), usage("alien", STRANGER),
            usage("late", ACCOUNT).toBuilder().amounts(x -> x.startHour(NOW).amount(1.0)).build()));
        assertThat(created.items()).extracting(i -> i.key()).containsExactly("a");
        assertThat(created.errors()).extracting(e -> e.key() + "=" + e.errorCode()).containsExactly(
            "flaky=" + BatchCreateBillScenarioUsageModificationErrorCode.INTERNAL_SERVER_ERROR,
            "a=" + BatchCreateBillScenarioUsageModificationErrorCode.CONFLICT,
            "alien=" + BatchCreateBillScenarioUsageModificationErrorCode.BAD_REQUEST,
            "late=" + BatchCreateBillScenarioUsageModificationErrorCode.BAD_REQUEST);
        String line = created.items().get(0).id();

        var updated = client.batchUpdateBillScenarioUsageModification(r -> r.billScenarioId(s).usageModifications(
            e -> e.id(line).group("web"), e -> e.id(line).group("api"), e -> e.id(UNKNOWN).group("x")));
        assertThat(updated.items()).extracting(i -> i.group()).containsExactly("web");
        assertThat(updated.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            line + "=" + BatchUpdateBillScenarioUsageModificationErrorCode.BAD_REQUEST,
            UNKNOWN + "=" + BatchUpdateBillScenarioUsageModificationErrorCode.NOT_FOUND);

        var deleted = client.batchDeleteBillScenarioUsageModification(r -> r.billScenarioId(s).ids(line, line, UNKNOWN));
        assertThat(deleted.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            line + "=" + BatchDeleteBillScenarioUsageModificationErrorCode.BAD_REQUEST);
        assertThat(client.listBillScenarioUsageModifications(r -> r.billScenarioId(s)).items()).isEmpty();
    }

    @Test
    void commitmentEntriesFailAloneWithCodesOfTheirOperation() {
        String s = client.createBillScenario(r -> r.name("s")).id();
        sim.pricingCalculator().failNextEntries(1);
        var created = client.batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(s)
            .commitmentModifications(savingsPlan("flaky", ACCOUNT), savingsPlan("a", ACCOUNT), savingsPlan("a", ACCOUNT),
                savingsPlan("alien", STRANGER)));
        assertThat(created.items()).extracting(i -> i.key()).containsExactly("a");
        assertThat(created.errors()).extracting(e -> e.key() + "=" + e.errorCode()).containsExactly(
            "flaky=" + BatchCreateBillScenarioCommitmentModificationErrorCode.INTERNAL_SERVER_ERROR,
            "a=" + BatchCreateBillScenarioCommitmentModificationErrorCode.CONFLICT,
            "alien=" + BatchCreateBillScenarioCommitmentModificationErrorCode.INVALID_ACCOUNT);
        String line = created.items().get(0).id();

        var updated = client.batchUpdateBillScenarioCommitmentModification(r -> r.billScenarioId(s)
            .commitmentModifications(e -> e.id(line).group("g"), e -> e.id(UNKNOWN).group("g")));
        assertThat(updated.items()).extracting(i -> i.group()).containsExactly("g");
        assertThat(updated.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            UNKNOWN + "=" + BatchUpdateBillScenarioCommitmentModificationErrorCode.NOT_FOUND);

        var deleted = client.batchDeleteBillScenarioCommitmentModification(r -> r.billScenarioId(s).ids(line, line, UNKNOWN));
        assertThat(deleted.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            line + "=" + BatchDeleteBillScenarioCommitmentModificationErrorCode.BAD_REQUEST);
        assertThat(client.listBillScenarioCommitmentModifications(r -> r.billScenarioId(s)).items()).isEmpty();
    }

    @Test
    void workloadEntriesFailAloneWithCodesOfTheirOperation() {
        String w = client.createWorkloadEstimate(r -> r.name("w")).id();
        sim.pricingCalculator().failNextEntries(1);
        var created = client.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(w).usage(workload("flaky", ACCOUNT),
            workload("a", ACCOUNT), workload("a", ACCOUNT), workload("neg", ACCOUNT).toBuilder().amount(-1.0).build()));
        assertThat(created.items()).extracting(i -> i.key()).containsExactly("a");
        assertThat(created.errors()).extracting(e -> e.key() + "=" + e.errorCode()).containsExactly(
            "flaky=" + BatchCreateWorkloadEstimateUsageCode.INTERNAL_SERVER_ERROR,
            "a=" + BatchCreateWorkloadEstimateUsageCode.CONFLICT, "neg=" + BatchCreateWorkloadEstimateUsageCode.BAD_REQUEST);
        String line = created.items().get(0).id();

        var updated = client.batchUpdateWorkloadEstimateUsage(r -> r.workloadEstimateId(w).usage(
            e -> e.id(line).amount(2.0), e -> e.id(UNKNOWN).amount(2.0)));
        assertThat(updated.items()).extracting(i -> i.quantity().amount()).containsExactly(2.0);
        assertThat(updated.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            UNKNOWN + "=" + WorkloadEstimateUpdateUsageErrorCode.NOT_FOUND);

        var deleted = client.batchDeleteWorkloadEstimateUsage(r -> r.workloadEstimateId(w).ids(line, line, UNKNOWN));
        assertThat(deleted.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            line + "=" + WorkloadEstimateUpdateUsageErrorCode.BAD_REQUEST,
            UNKNOWN + "=" + WorkloadEstimateUpdateUsageErrorCode.NOT_FOUND);
        assertThat(client.listWorkloadEstimateUsage(r -> r.workloadEstimateId(w)).items()).isEmpty();
    }

    @Test
    void aScenarioTakes2000UsageLinesAndABatchBeyondThemCreatesNothing() {
        String s = client.createBillScenario(r -> r.name("s")).id();
        for (int b = 0; b < 80; b++) {
            int batch = b;
            List<BatchCreateBillScenarioUsageModificationEntry> entries = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                entries.add(usage("b" + batch + "e" + i, ACCOUNT));
            }
            assertThat(client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(s)
                .usageModifications(entries)).errors()).isEmpty();
        }

        ServiceQuotaExceededException e = catchThrowableOfType(ServiceQuotaExceededException.class,
            () -> client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(s)
                .usageModifications(usage("one", ACCOUNT), usage("two", ACCOUNT))));

        assertThat(e.statusCode()).isEqualTo(402);
        assertThat(e.quotaCode()).isEqualTo(PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO.quotaCode());
        assertThat(e.resourceType()).isEqualTo("BillScenario");
        assertThat(e.resourceId()).isEqualTo(s);
        assertThat(client.listBillScenarioUsageModificationsPaginator(r -> r.billScenarioId(s)).items()).hasSize(2_000);
    }

    /** A create operation with a fixed token: {@code variant} changes one parameter. */
    record Create(String operation, BiFunction<BcmPricingCalculatorClient, String, SdkPojo> call) {
        @Override
        public String toString() {
            return operation;
        }
    }

    static Stream<Create> creates() {
        String token = "retry-7";
        return Stream.of(
            new Create("CreateBillScenario", (c, v) -> c.createBillScenario(r -> r.clientToken(token).name("s" + v))),
            new Create("CreateWorkloadEstimate", (c, v) -> c.createWorkloadEstimate(r -> r.clientToken(token).name("w" + v))),
            new Create("CreateBillEstimate", (c, v) -> c.createBillEstimate(r -> r.clientToken(token)
                .billScenarioId(scenarioOf(c)).name("e" + v))),
            new Create("BatchCreateBillScenarioUsageModification", (c, v) -> c.batchCreateBillScenarioUsageModification(
                r -> r.clientToken(token).billScenarioId(scenarioOf(c)).usageModifications(usage("k" + v, ACCOUNT)))),
            new Create("BatchCreateBillScenarioCommitmentModification", (c, v) -> c
                .batchCreateBillScenarioCommitmentModification(r -> r.clientToken(token).billScenarioId(scenarioOf(c))
                    .commitmentModifications(savingsPlan("k" + v, ACCOUNT)))),
            new Create("BatchCreateWorkloadEstimateUsage", (c, v) -> c.batchCreateWorkloadEstimateUsage(r -> r
                .clientToken(token).workloadEstimateId(workloadOf(c)).usage(workload("k" + v, ACCOUNT)))));
    }

    /** The one scenario of the account, created on first use (a token replay must address the same parent). */
    static String scenarioOf(BcmPricingCalculatorClient c) {
        var existing = c.listBillScenarios(r -> r.filters(f -> f.name("NAME").values("parent"))).items();
        return existing.isEmpty() ? c.createBillScenario(r -> r.name("parent")).id() : existing.get(0).id();
    }

    static String workloadOf(BcmPricingCalculatorClient c) {
        var existing = c.listWorkloadEstimates(r -> r.filters(f -> f.name("NAME").values("parent"))).items();
        return existing.isEmpty() ? c.createWorkloadEstimate(r -> r.name("parent")).id() : existing.get(0).id();
    }

    @Test
    void theCasesCoverTheSixOperationsWithAClientToken() {
        assertThat(creates().map(Create::operation)).containsExactlyInAnyOrderElementsOf(Set.of("CreateBillScenario",
            "CreateWorkloadEstimate", "CreateBillEstimate", "BatchCreateBillScenarioUsageModification",
            "BatchCreateBillScenarioCommitmentModification", "BatchCreateWorkloadEstimateUsage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void aClientTokenReplaysTheSameRequestAndRefusesAnother(Create create) {
        SdkPojo first = create.call().apply(client, "1");
        SdkPojo again = create.call().apply(client, "1");

        // every member equal (the response metadata, a fresh request id, is not part of the answer)
        assertThat(again.equalsBySdkFields(first)).as(again + " replays " + first).isTrue();
        ConflictException e = catchThrowableOfType(ConflictException.class, () -> create.call().apply(client, "2"));
        assertThat(e).as("another request with the token").isNotNull();
        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.awsErrorDetails().errorMessage()).contains("retry-7").contains("was already used with different "
            + "parameters");
    }
}
