package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Attempt;
import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.services.pricingcalculator.AccountType;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorFault;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorQuota;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorResource;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import io.github.awssim.sdk.SimulatedClients;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateCommitmentsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputCommitmentModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputUsageModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateLineItemsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimatesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioCommitmentModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioUsageModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenariosRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimatesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.RateType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.TagResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UntagResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdatePreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateWorkloadEstimateRequest;

/**
 * The model's contract, operation by operation: whatever the simulation's state (normal, unknown ids, a locked
 * scenario, a member account, zero quotas, everything expired, a reused clientToken, each fault), every one of the
 * 36 operations answers only errors its model declares, through a real client. Faults strike exactly the
 * operations that declare them.
 */
class PricingCalculatorDeclaredErrorsTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    static final String OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    /** The ids the requests name, and which variant of their parameters to send. */
    record Ids(String account, String scenario, String usageLine, String commitment, String estimate, String workload,
               String workloadLine, String arn, String token, int variant) {
        Ids unknown() {
            return new Ids(account, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, arn.replaceAll("/.*", "/" + UNKNOWN),
                token, variant);
        }

        Ids variant(String newToken, int newVariant) {
            return new Ids(account, scenario, usageLine, commitment, estimate, workload, workloadLine, arn, newToken,
                newVariant);
        }
    }

    /** One operation and a valid request for it; the deletes come last. */
    static final Map<String, Function<Ids, SdkRequest>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("CreateBillScenario", i -> CreateBillScenarioRequest.builder().clientToken(i.token())
            .name("new" + i.variant()).build());
        OPERATIONS.put("GetBillScenario", i -> GetBillScenarioRequest.builder().identifier(i.scenario()).build());
        OPERATIONS.put("UpdateBillScenario", i -> UpdateBillScenarioRequest.builder().identifier(i.scenario())
            .name("renamed").build());
        OPERATIONS.put("ListBillScenarios", i -> ListBillScenariosRequest.builder().build());
        OPERATIONS.put("BatchCreateBillScenarioUsageModification", i -> BatchCreateBillScenarioUsageModificationRequest
            .builder().clientToken(i.token()).billScenarioId(i.scenario()).usageModifications(e -> e.key("k" + i.variant())
                .serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
                .usageAccountId(i.account()).amounts(a -> a.startHour(MAY).amount(1.0))).build());
        OPERATIONS.put("BatchUpdateBillScenarioUsageModification", i -> BatchUpdateBillScenarioUsageModificationRequest
            .builder().billScenarioId(i.scenario()).usageModifications(e -> e.id(i.usageLine()).group("g")).build());
        OPERATIONS.put("ListBillScenarioUsageModifications", i -> ListBillScenarioUsageModificationsRequest.builder()
            .billScenarioId(i.scenario()).build());
        OPERATIONS.put("BatchCreateBillScenarioCommitmentModification", i ->
            BatchCreateBillScenarioCommitmentModificationRequest.builder().clientToken(i.token())
                .billScenarioId(i.scenario()).commitmentModifications(e -> e.key("k" + i.variant())
                    .usageAccountId(i.account()).commitmentAction(a -> a.addSavingsPlanAction(sp -> sp
                        .savingsPlanOfferingId(OFFERING).commitment(1.0)))).build());
        OPERATIONS.put("BatchUpdateBillScenarioCommitmentModification", i ->
            BatchUpdateBillScenarioCommitmentModificationRequest.builder().billScenarioId(i.scenario())
                .commitmentModifications(e -> e.id(i.commitment()).group("g")).build());
        OPERATIONS.put("ListBillScenarioCommitmentModifications", i -> ListBillScenarioCommitmentModificationsRequest
            .builder().billScenarioId(i.scenario()).build());
        OPERATIONS.put("CreateBillEstimate", i -> CreateBillEstimateRequest.builder().clientToken(i.token())
            .billScenarioId(i.scenario()).name("estimate" + i.variant()).build());
        OPERATIONS.put("GetBillEstimate", i -> GetBillEstimateRequest.builder().identifier(i.estimate()).build());
        OPERATIONS.put("UpdateBillEstimate", i -> UpdateBillEstimateRequest.builder().identifier(i.estimate())
            .name("renamed").build());
        OPERATIONS.put("ListBillEstimates", i -> ListBillEstimatesRequest.builder().build());
        OPERATIONS.put("ListBillEstimateLineItems", i -> ListBillEstimateLineItemsRequest.builder()
            .billEstimateId(i.estimate()).build());
        OPERATIONS.put("ListBillEstimateCommitments", i -> ListBillEstimateCommitmentsRequest.builder()
            .billEstimateId(i.estimate()).build());
        OPERATIONS.put("ListBillEstimateInputUsageModifications", i -> ListBillEstimateInputUsageModificationsRequest
            .builder().billEstimateId(i.estimate()).build());
        OPERATIONS.put("ListBillEstimateInputCommitmentModifications", i ->
            ListBillEstimateInputCommitmentModificationsRequest.builder().billEstimateId(i.estimate()).build());
        OPERATIONS.put("CreateWorkloadEstimate", i -> CreateWorkloadEstimateRequest.builder().clientToken(i.token())
            .name("workload" + i.variant()).build());
        OPERATIONS.put("GetWorkloadEstimate", i -> GetWorkloadEstimateRequest.builder().identifier(i.workload()).build());
        OPERATIONS.put("UpdateWorkloadEstimate", i -> UpdateWorkloadEstimateRequest.builder().identifier(i.workload())
            .name("renamed").build());
        OPERATIONS.put("ListWorkloadEstimates", i -> ListWorkloadEstimatesRequest.builder().build());
        OPERATIONS.put("BatchCreateWorkloadEstimateUsage", i -> BatchCreateWorkloadEstimateUsageRequest.builder()
            .clientToken(i.token()).workloadEstimateId(i.workload()).usage(e -> e.key("k" + i.variant())
                .serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
                .usageAccountId(i.account()).amount(1.0)).build());
        OPERATIONS.put("BatchUpdateWorkloadEstimateUsage", i -> BatchUpdateWorkloadEstimateUsageRequest.builder()
            .workloadEstimateId(i.workload()).usage(e -> e.id(i.workloadLine()).amount(2.0)).build());
        OPERATIONS.put("ListWorkloadEstimateUsage", i -> ListWorkloadEstimateUsageRequest.builder()
            .workloadEstimateId(i.workload()).build());
        OPERATIONS.put("GetPreferences", i -> GetPreferencesRequest.builder().build());
        OPERATIONS.put("UpdatePreferences", i -> UpdatePreferencesRequest.builder()
            .standaloneAccountRateTypeSelections(RateType.BEFORE_DISCOUNTS, RateType.AFTER_DISCOUNTS).build());
        OPERATIONS.put("TagResource", i -> TagResourceRequest.builder().arn(i.arn()).tags(Map.of("k", "v")).build());
        OPERATIONS.put("ListTagsForResource", i -> ListTagsForResourceRequest.builder().arn(i.arn()).build());
        OPERATIONS.put("UntagResource", i -> UntagResourceRequest.builder().arn(i.arn()).tagKeys("k").build());
        OPERATIONS.put("BatchDeleteBillScenarioUsageModification", i -> BatchDeleteBillScenarioUsageModificationRequest
            .builder().billScenarioId(i.scenario()).ids(i.usageLine()).build());
        OPERATIONS.put("BatchDeleteBillScenarioCommitmentModification", i ->
            BatchDeleteBillScenarioCommitmentModificationRequest.builder().billScenarioId(i.scenario())
                .ids(i.commitment()).build());
        OPERATIONS.put("BatchDeleteWorkloadEstimateUsage", i -> BatchDeleteWorkloadEstimateUsageRequest.builder()
            .workloadEstimateId(i.workload()).ids(i.workloadLine()).build());
        OPERATIONS.put("DeleteBillEstimate", i -> DeleteBillEstimateRequest.builder().identifier(i.estimate()).build());
        OPERATIONS.put("DeleteBillScenario", i -> DeleteBillScenarioRequest.builder().identifier(i.scenario()).build());
        OPERATIONS.put("DeleteWorkloadEstimate", i -> DeleteWorkloadEstimateRequest.builder().identifier(i.workload())
            .build());
    }

    enum Condition {
        NORMAL, UNKNOWN_IDS, LOCKED_SCENARIO, MEMBER_ACCOUNT, ZERO_QUOTAS, EXPIRED, REUSED_CLIENT_TOKEN,
        THROTTLING, INTERNAL_ERROR, DATA_UNAVAILABLE
    }

    /** A scenario with a usage line and a commitment, a complete estimate, a workload estimate with a line. */
    static Ids world(Simulation sim, boolean lockScenario) {
        PricingCalculatorSimulator bcm = sim.pricingCalculator();
        bcm.rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"));
        String scenario = bcm.createBillScenario(r -> r.name("world")).id();
        String line = bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(e ->
            e.key("web").serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
                .usageAccountId(sim.accountId()).amounts(a -> a.startHour(MAY).amount(720.0)))).items().get(0).id();
        String commitment = bcm.batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(scenario)
            .commitmentModifications(e -> e.key("sp").usageAccountId(sim.accountId()).commitmentAction(a -> a
                .addSavingsPlanAction(sp -> sp.savingsPlanOfferingId(OFFERING).commitment(1.0))))).items().get(0).id();
        bcm.billEstimateDelay(lockScenario ? Duration.ofDays(1) : Duration.ZERO);
        String estimate = bcm.createBillEstimate(r -> r.billScenarioId(scenario).name("world")).id();
        String workload = bcm.createWorkloadEstimate(r -> r.name("world")).id();
        String workloadLine = bcm.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(workload).usage(e -> e
            .key("web").serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
            .usageAccountId(sim.accountId()).amount(730.0))).items().get(0).id();
        return new Ids(sim.accountId(), scenario, line, commitment, estimate, workload, workloadLine,
            bcm.arn(PricingCalculatorResource.BILL_SCENARIO, scenario), null, 0);
    }

    @Test
    void everyOperationIsCovered() {
        assertThat(OPERATIONS.keySet()).containsExactlyInAnyOrderElementsOf(
            ServiceErrors.of(BcmPricingCalculatorClient.class).model().orElseThrow().operations().keySet());
        assertThat(OPERATIONS).hasSize(36);
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void everyOperationAnswersOnlyErrorsItsModelDeclares(Condition condition) throws Exception {
        try (Simulation sim = Simulation.builder().startTime(NOW).seed(11).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            PricingCalculatorSimulator bcm = sim.pricingCalculator();
            Ids ids = world(sim, condition == Condition.LOCKED_SCENARIO);
            switch (condition) {
                case UNKNOWN_IDS -> ids = ids.unknown();
                case MEMBER_ACCOUNT -> bcm.accountType(AccountType.MEMBER);
                case ZERO_QUOTAS -> {
                    for (PricingCalculatorQuota q : PricingCalculatorQuota.values()) {
                        bcm.quota(q, 0);
                    }
                }
                case EXPIRED -> sim.clock().advance(Duration.ofDays(400));
                default -> { }
            }

            Map<String, Set<String>> answered = new LinkedHashMap<>();
            List<String> struck = new ArrayList<>();
            for (Map.Entry<String, Function<Ids, SdkRequest>> op : OPERATIONS.entrySet()) {
                int before = sim.journal().size();
                PricingCalculatorFault fault = faultOf(condition);
                if (fault != null) {
                    bcm.failNext(1, fault);
                }
                if (condition == Condition.REUSED_CLIENT_TOKEN) {
                    call(client, op.getValue().apply(ids.variant("reused-" + op.getKey(), 0)));
                    call(client, op.getValue().apply(ids.variant("reused-" + op.getKey(), 1)));
                } else {
                    call(client, op.getValue().apply(ids));
                }
                Set<String> codes = answered.computeIfAbsent(op.getKey(), k -> new TreeSet<>());
                List<Execution> executions = sim.journal().executions();
                for (Execution e : executions.subList(before, executions.size())) {
                    assertThat(e.operation()).isEqualTo(op.getKey());
                    for (Attempt a : e.attempts()) {
                        if (a.outcome() instanceof Outcome.ServiceError error) {
                            codes.add(error.errorCode());
                        }
                    }
                    if (fault != null && e == executions.get(before)) {
                        Outcome first = e.attempts().get(0).outcome();
                        if (first instanceof Outcome.ServiceError error && error.errorCode().equals(exceptionOf(fault))) {
                            struck.add(op.getKey());
                        }
                    }
                }
            }

            for (Map.Entry<String, Set<String>> e : answered.entrySet()) {
                assertThat(e.getValue()).as(e.getKey() + " under " + condition).isSubsetOf(declared(e.getKey()));
            }
            switch (condition) {
                case THROTTLING, INTERNAL_ERROR -> assertThat(struck).containsExactlyElementsOf(OPERATIONS.keySet());
                case DATA_UNAVAILABLE -> assertThat(struck).containsExactlyElementsOf(OPERATIONS.keySet().stream()
                    .filter(op -> declared(op).contains("DataUnavailableException")).toList());
                default -> { }
            }
            if (condition == Condition.NORMAL) {
                assertThat(answered).allSatisfy((op, codes) -> assertThat(codes).as(op).isEmpty());
            }
            // A few answers each condition must provoke, so the contract above is not checked on an idle service.
            Map<String, String> expected = switch (condition) {
                case UNKNOWN_IDS, EXPIRED -> Map.of("GetBillScenario", "ResourceNotFoundException",
                    "ListWorkloadEstimateUsage", "ResourceNotFoundException", "TagResource", "ResourceNotFoundException");
                case LOCKED_SCENARIO -> Map.of("UpdateBillScenario", "ConflictException",
                    "BatchCreateBillScenarioUsageModification", "ConflictException",
                    "ListBillEstimateLineItems", "DataUnavailableException");
                case MEMBER_ACCOUNT -> Map.of("CreateBillScenario", "AccessDeniedException",
                    "UpdatePreferences", "ValidationException");
                case ZERO_QUOTAS -> Map.of("CreateBillScenario", "ServiceQuotaExceededException",
                    "BatchCreateWorkloadEstimateUsage", "ServiceQuotaExceededException",
                    "TagResource", "ServiceQuotaExceededException");
                case REUSED_CLIENT_TOKEN -> Map.of("CreateBillScenario", "ConflictException",
                    "CreateWorkloadEstimate", "ConflictException",
                    "BatchCreateBillScenarioCommitmentModification", "ConflictException");
                default -> Map.of();
            };
            expected.forEach((op, code) -> assertThat(answered.get(op)).as(op + " under " + condition).contains(code));
        }
    }

    private static PricingCalculatorFault faultOf(Condition c) {
        return switch (c) {
            case THROTTLING -> PricingCalculatorFault.THROTTLING;
            case INTERNAL_ERROR -> PricingCalculatorFault.INTERNAL_ERROR;
            case DATA_UNAVAILABLE -> PricingCalculatorFault.DATA_UNAVAILABLE;
            default -> null;
        };
    }

    private static String exceptionOf(PricingCalculatorFault f) {
        return switch (f) {
            case THROTTLING -> "ThrottlingException";
            case INTERNAL_ERROR -> "InternalServerException";
            case DATA_UNAVAILABLE -> "DataUnavailableException";
        };
    }

    private static Set<String> declared(String operation) {
        OperationModel op = ServiceErrors.of(BcmPricingCalculatorClient.class).model().orElseThrow().operation(operation)
            .orElseThrow();
        return Set.copyOf(op.errors());
    }

    /** Calls the client's operation for this request type; service errors are what the journal is read for. */
    private static void call(BcmPricingCalculatorClient client, SdkRequest request) throws Exception {
        Method m = BcmPricingCalculatorClient.class.getMethod(operationMethod(request), request.getClass());
        try {
            m.invoke(client, request);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof SdkException)) {
                throw e;
            }
        }
    }

    private static String operationMethod(SdkRequest request) {
        String simple = request.getClass().getSimpleName();
        String op = simple.substring(0, simple.length() - "Request".length());
        return Character.toLowerCase(op.charAt(0)) + op.substring(1);
    }
}
