package io.github.awssim.sdk.costprofiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Attempt;
import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.services.costprofiler.CostProfilerFault;
import io.github.awssim.sdk.SimulatedClients;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.DeleteReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.ImportApplicationUsageRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.UpdateReportDefinitionRequest;

/**
 * Every operation, under conditions that make it fail, answers only errors its model declares (an undeclared one
 * would reach the caller as the base exception, which no code written against AWS expects).
 */
class CostProfilerDeclaredErrorsTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Map<String, Supplier<SdkRequest>> OPERATIONS = new LinkedHashMap<>(); // read-only after init

    static {
        OPERATIONS.put("PutReportDefinition", () -> PutReportDefinitionRequest.builder().reportId("second")
            .reportDescription("d").reportFrequency("DAILY").format("CSV")
            .destinationS3Location(d -> d.bucket("reports").prefix("p")).build());
        OPERATIONS.put("GetReportDefinition", () -> GetReportDefinitionRequest.builder().reportId("first").build());
        OPERATIONS.put("UpdateReportDefinition", () -> UpdateReportDefinitionRequest.builder().reportId("first")
            .reportDescription("d").reportFrequency("ALL").format("CSV")
            .destinationS3Location(d -> d.bucket("reports").prefix("p")).build());
        OPERATIONS.put("ListReportDefinitions", () -> ListReportDefinitionsRequest.builder().build());
        OPERATIONS.put("ImportApplicationUsage", () -> ImportApplicationUsageRequest.builder()
            .sourceS3Location(l -> l.bucket("usage").key("u.csv")).build());
        OPERATIONS.put("DeleteReportDefinition", () -> DeleteReportDefinitionRequest.builder().reportId("first").build());
    }

    enum Condition {
        NORMAL, NOTHING_EXISTS, FOREIGN_BUCKETS, MALFORMED_USAGE, THROTTLING, INTERNAL_ERROR
    }

    @Test
    void everyOperationIsCovered() {
        assertThat(OPERATIONS.keySet()).containsExactlyInAnyOrderElementsOf(
            ServiceErrors.of(ApplicationCostProfilerClient.class).model().orElseThrow().operations().keySet());
    }

    @ParameterizedTest
    @EnumSource(Condition.class)
    void everyOperationAnswersOnlyErrorsItsModelDeclares(Condition condition) throws Exception {
        try (Simulation sim = Simulation.builder().startTime(NOW).seed(13).build();
             ApplicationCostProfilerClient client = SimulatedClients.create(sim, ApplicationCostProfilerClient.class)) {
            if (condition != Condition.NOTHING_EXISTS) {
                sim.s3().createBucket("reports").createBucket("usage").putObject("usage", "u.csv",
                    condition == Condition.MALFORMED_USAGE ? "not,a,usage,file\n"
                        : AcpFixture.HEADER + "shop,acme,,123456789012,1780308000,1780311600,i-1\n");
                AcpFixture.define(client, "first", "DAILY", "reports");
                if (condition == Condition.NORMAL || condition == Condition.FOREIGN_BUCKETS) {
                    sim.costProfiler().reportDefinitionQuota(2);
                }
            }
            if (condition == Condition.FOREIGN_BUCKETS) {
                sim.s3().in("210987654321", Region.US_EAST_1).createBucket("theirs");
            }

            Map<String, Set<String>> answered = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<SdkRequest>> op : OPERATIONS.entrySet()) {
                int before = sim.journal().size();
                if (condition == Condition.THROTTLING) {
                    sim.costProfiler().failNext(1, CostProfilerFault.THROTTLING);
                } else if (condition == Condition.INTERNAL_ERROR) {
                    sim.costProfiler().failNext(1, CostProfilerFault.INTERNAL_ERROR);
                }
                SdkRequest request = condition == Condition.FOREIGN_BUCKETS ? foreign(op.getKey(), op.getValue())
                    : op.getValue().get();
                call(client, request);
                Set<String> codes = answered.computeIfAbsent(op.getKey(), k -> new TreeSet<>());
                List<Execution> executions = sim.journal().executions();
                for (Execution e : executions.subList(before, executions.size())) {
                    for (Attempt a : e.attempts()) {
                        if (a.outcome() instanceof Outcome.ServiceError error) {
                            codes.add(error.errorCode());
                        }
                    }
                }
            }

            answered.forEach((op, codes) -> assertThat(codes).as(op + " under " + condition).isSubsetOf(declared(op)));
            Map<String, String> expected = switch (condition) {
                case NORMAL -> Map.of();
                case NOTHING_EXISTS -> Map.of("GetReportDefinition", "ValidationException", "PutReportDefinition",
                    "ValidationException", "ImportApplicationUsage", "ValidationException");
                case FOREIGN_BUCKETS -> Map.of("PutReportDefinition", "AccessDeniedException",
                    "UpdateReportDefinition", "AccessDeniedException", "ImportApplicationUsage", "AccessDeniedException");
                case MALFORMED_USAGE -> Map.of("PutReportDefinition", "ServiceQuotaExceededException",
                    "ImportApplicationUsage", "ValidationException");
                case THROTTLING -> Map.of("ListReportDefinitions", "ThrottlingException", "DeleteReportDefinition",
                    "ThrottlingException");
                case INTERNAL_ERROR -> Map.of("GetReportDefinition", "InternalServerException", "ImportApplicationUsage",
                    "InternalServerException");
            };
            if (condition == Condition.NORMAL) {
                assertThat(answered).allSatisfy((op, codes) -> assertThat(codes).as(op).isEmpty());
            }
            expected.forEach((op, code) -> assertThat(answered.get(op)).as(op + " under " + condition).contains(code));
        }
    }

    /** The same operations aimed at another account's bucket. */
    private static SdkRequest foreign(String operation, Supplier<SdkRequest> normal) {
        return switch (operation) {
            case "PutReportDefinition" -> PutReportDefinitionRequest.builder().reportId("second").reportDescription("d")
                .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("theirs").prefix("p")).build();
            case "UpdateReportDefinition" -> UpdateReportDefinitionRequest.builder().reportId("first").reportDescription("d")
                .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("theirs").prefix("p")).build();
            case "ImportApplicationUsage" -> ImportApplicationUsageRequest.builder()
                .sourceS3Location(l -> l.bucket("theirs").key("u.csv")).build();
            default -> normal.get();
        };
    }

    private static Set<String> declared(String operation) {
        return Set.copyOf(ServiceErrors.of(ApplicationCostProfilerClient.class).model().orElseThrow().operation(operation)
            .orElseThrow().errors());
    }

    private static void call(ApplicationCostProfilerClient client, SdkRequest request) throws Exception {
        String simple = request.getClass().getSimpleName();
        String op = simple.substring(0, simple.length() - "Request".length());
        Method m = ApplicationCostProfilerClient.class.getMethod(Character.toLowerCase(op.charAt(0)) + op.substring(1),
            request.getClass());
        try {
            m.invoke(client, request);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof SdkException)) {
                throw e;
            }
        }
    }
}
