package io.github.awssim.sdk.costprofiler;

import static io.github.awssim.sdk.costprofiler.AcpFixture.define;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.services.costprofiler.CostProfilerFault;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.AccessDeniedException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ApplicationCostProfilerException;
import software.amazon.awssdk.services.applicationcostprofiler.model.InternalServerException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ThrottlingException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;

/**
 * Every error the Application Cost Profiler model declares is reachable through a real SDK client, from some input
 * or some configuration of the simulation, and arrives as the SDK's own exception type with the model's status.
 */
class CostProfilerErrorsReachableTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");

    /** One way to make the service answer {@code type}: set up the simulation, then the call that fails. */
    record Case(Class<? extends ApplicationCostProfilerException> type, int status, String messageFragment,
                BiConsumer<Simulation, ApplicationCostProfilerClient> scenario) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case(AccessDeniedException.class, 403, "does not belong to account 123456789012", (sim, c) -> {
                sim.s3().in("210987654321", Region.US_EAST_1).createBucket("theirs");
                define(c, "r", "DAILY", "theirs");
            }),
            new Case(InternalServerException.class, 500, "answered InternalServerException", (sim, c) -> {
                sim.costProfiler().failNext(10, CostProfilerFault.INTERNAL_ERROR);
                c.listReportDefinitions(r -> { });
            }),
            new Case(ServiceQuotaExceededException.class, 402, "the maximum", (sim, c) -> {
                sim.s3().createBucket("reports");
                define(c, "first", "DAILY", "reports");
                define(c, "second", "DAILY", "reports");
            }),
            new Case(ThrottlingException.class, 429, "answered ThrottlingException", (sim, c) -> {
                sim.costProfiler().failNext(10, CostProfilerFault.THROTTLING);
                c.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("k")));
            }),
            new Case(ValidationException.class, 400, "names no report definition",
                (sim, c) -> c.getReportDefinition(r -> r.reportId("unknown"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reachableThroughARealClient(Case c) {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             ApplicationCostProfilerClient client = SimulatedClients.create(sim, ApplicationCostProfilerClient.class)) {

            ApplicationCostProfilerException e = catchThrowableOfType(ApplicationCostProfilerException.class,
                () -> c.scenario().accept(sim, client));

            assertThat(e).as("the SDK's exception").isExactlyInstanceOf(c.type());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(c.type().getSimpleName());
            assertThat(e.statusCode()).isEqualTo(c.status());
            assertThat(e.awsErrorDetails().errorMessage()).contains(c.messageFragment());
            assertThat(e.getMessage()).contains("(Service: ApplicationCostProfiler, Status Code: " + c.status());
            boolean transient_ = c.type() == ThrottlingException.class || c.type() == InternalServerException.class;
            assertThat(e.numAttempts() > 1).as("retried").isEqualTo(transient_);
            assertThat(sim.journal().last().attempts()).allSatisfy(a ->
                assertThat(((Outcome.ServiceError) a.outcome()).errorCode()).isEqualTo(c.type().getSimpleName()));
        }
    }

    @Test
    void theCasesCoverEveryModeledError() {
        Set<String> modeled = ServiceErrors.of(ApplicationCostProfilerClient.class).model().orElseThrow().errors().values()
            .stream().map(info -> info.shapeName()).collect(Collectors.toSet());
        Set<String> covered = cases().map(c -> c.type().getSimpleName()).collect(Collectors.toSet());

        assertThat(modeled).hasSize(5);
        assertThat(covered).isEqualTo(modeled);
    }

    @Test
    void theStatusTableIsTheModels() {
        Map<String, Integer> expected = Map.of("AccessDeniedException", 403, "InternalServerException", 500,
            "ServiceQuotaExceededException", 402, "ThrottlingException", 429, "ValidationException", 400);
        ServiceErrors.of(ApplicationCostProfilerClient.class).model().orElseThrow().errors().forEach((shape, info) ->
            assertThat(info.httpStatus()).as(shape).isEqualTo(expected.get(shape)));
    }
}
