package io.github.awssim.sdk.costprofiler;

import static io.github.awssim.sdk.costprofiler.AcpFixture.define;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.CostProfilerFault;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.AccessDeniedException;
import software.amazon.awssdk.services.applicationcostprofiler.model.Format;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportDefinition;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportFrequency;
import software.amazon.awssdk.services.applicationcostprofiler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;

/** Report definitions through a real sync client: CRUD, the quota, every constraint, pagination, retries. */
class CostProfilerSyncClientTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00.123Z");

    Simulation sim;
    ApplicationCostProfilerClient acp;

    @BeforeEach
    void start() {
        sim = Simulation.builder().startTime(NOW).seed(7).build();
        acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class);
        sim.s3().createBucket("reports").createBucket("archive");
    }

    @AfterEach
    void stop() {
        acp.close();
        sim.close();
    }

    @Test
    void putGetUpdateDeleteAndTheLastUpdatedTrap() {
        assertThat(define(acp, "tenants", "DAILY", "reports").reportId()).isEqualTo("tenants");

        GetReportDefinitionResponse got = acp.getReportDefinition(r -> r.reportId("tenants"));
        assertThat(got.reportDescription()).isEqualTo("cost per tenant");
        assertThat(got.reportFrequency()).isEqualTo(ReportFrequency.DAILY);
        assertThat(got.format()).isEqualTo(Format.CSV);
        assertThat(got.destinationS3Location().bucket()).isEqualTo("reports");
        assertThat(got.destinationS3Location().prefix()).isEqualTo("acp");
        assertThat(got.createdAt()).isEqualTo(NOW);
        assertThat(got.lastUpdated()).isEqualTo(NOW);

        sim.clock().advance(Duration.ofMinutes(90));
        acp.updateReportDefinition(r -> r.reportId("tenants").reportDescription("monthly now").reportFrequency("MONTHLY")
            .format("PARQUET").destinationS3Location(d -> d.bucket("archive").prefix("acp/v2")));

        GetReportDefinitionResponse updated = acp.getReportDefinition(r -> r.reportId("tenants"));
        assertThat(updated.reportDescription()).isEqualTo("monthly now");
        assertThat(updated.reportFrequency()).isEqualTo(ReportFrequency.MONTHLY);
        assertThat(updated.format()).isEqualTo(Format.PARQUET);
        assertThat(updated.destinationS3Location().bucket()).isEqualTo("archive");
        assertThat(updated.createdAt()).as("createdAt kept").isEqualTo(NOW);
        assertThat(updated.lastUpdated()).as("lastUpdated moves").isEqualTo(NOW.plus(Duration.ofMinutes(90)));

        // Get says lastUpdated, List says lastUpdatedAt: the same value, never null on either side.
        ReportDefinition listed = acp.listReportDefinitions(r -> { }).reportDefinitions().get(0);
        assertThat(listed.lastUpdatedAt()).isNotNull().isEqualTo(updated.lastUpdated());
        assertThat(listed.createdAt()).isEqualTo(updated.createdAt());
        assertThat(listed.reportId()).isEqualTo("tenants");
        assertThat(listed.destinationS3Location().prefix()).isEqualTo("acp/v2");
        assertThat(sim.costProfiler().reportDefinitions()).containsExactly(listed);

        assertThat(acp.deleteReportDefinition(r -> r.reportId("tenants")).reportId()).isEqualTo("tenants");
        assertThat(acp.listReportDefinitions(r -> { }).reportDefinitions()).isEmpty();
        ValidationException gone = catchThrowableOfType(ValidationException.class,
            () -> acp.getReportDefinition(r -> r.reportId("tenants")));
        assertThat(gone.awsErrorDetails().errorMessage())
            .isEqualTo("GetReportDefinition: reportId 'tenants' names no report definition of this account.");
    }

    @Test
    void oneDefinitionPerAccountASecondPutIs402AndAnExistingIdIsInvalid() {
        define(acp, "first", "DAILY", "reports");

        ServiceQuotaExceededException quota = catchThrowableOfType(ServiceQuotaExceededException.class,
            () -> define(acp, "second", "MONTHLY", "reports"));
        assertThat(quota.statusCode()).isEqualTo(402);
        assertThat(quota.awsErrorDetails().errorMessage()).startsWith("PutReportDefinition: this account already has 1 "
            + "report definition, the maximum.").contains("sim.costProfiler().reportDefinitionQuota(n)");

        ValidationException duplicate = catchThrowableOfType(ValidationException.class,
            () -> define(acp, "first", "MONTHLY", "reports"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.awsErrorDetails().errorMessage()).contains("reportId 'first' is already used");

        // Another account or region has its own quota.
        try (ApplicationCostProfilerClient west = SimulatedClients.of(sim).withRegion(Region.US_WEST_2)
            .create(ApplicationCostProfilerClient.class)) {
            define(west, "second", "MONTHLY", "reports");
        }
        assertThat(sim.costProfiler().in(sim.accountId(), Region.US_WEST_2).reportDefinitions()).hasSize(1);
    }

    @Test
    void unknownIdsAreValidationErrorsNamingTheId() {
        for (Runnable call : List.<Runnable>of(
            () -> acp.getReportDefinition(r -> r.reportId("nope")),
            () -> acp.deleteReportDefinition(r -> r.reportId("nope")),
            () -> acp.updateReportDefinition(r -> r.reportId("nope").reportDescription("d").reportFrequency("ALL")
                .format("CSV").destinationS3Location(d -> d.bucket("missing-bucket").prefix("p"))))) {
            ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
            assertThat(e.awsErrorDetails().errorMessage()).endsWith("reportId 'nope' names no report definition of "
                + "this account.");
        }
    }

    @Test
    void theDestinationMustExistAndBelongToTheCaller() {
        ValidationException missing = catchThrowableOfType(ValidationException.class,
            () -> define(acp, "r", "DAILY", "no-such-bucket"));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("PutReportDefinition: destinationS3Location."
            + "bucket 'no-such-bucket' does not exist; create it before configuring the report.");

        sim.s3().in("210987654321", Region.US_EAST_1).createBucket("someone-elses");
        AccessDeniedException foreign = catchThrowableOfType(AccessDeniedException.class,
            () -> define(acp, "r", "DAILY", "someone-elses"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.awsErrorDetails().errorMessage()).contains("must belong to the account creating the report");

        define(acp, "r", "DAILY", "reports");
        AccessDeniedException update = catchThrowableOfType(AccessDeniedException.class,
            () -> acp.updateReportDefinition(r -> r.reportId("r").reportDescription("d").reportFrequency("DAILY")
                .format("CSV").destinationS3Location(d -> d.bucket("someone-elses").prefix("p"))));
        assertThat(update.awsErrorDetails().errorMessage()).startsWith("UpdateReportDefinition: ");
        assertThat(acp.getReportDefinition(r -> r.reportId("r")).destinationS3Location().bucket()).isEqualTo("reports");
    }

    static Stream<Arguments> violations() {
        return Stream.of(
            Arguments.of("reportId", (Consumer<PutReportDefinitionRequest.Builder>) b -> b.reportId("no spaces"),
                "Value 'no spaces' at 'reportId' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: ^[0-9A-Za-z\\.\\-_]+$"),
            Arguments.of("reportId", (Consumer<PutReportDefinitionRequest.Builder>) b -> b.reportId("trailing-newline\n"),
                "at 'reportId' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "^[0-9A-Za-z\\.\\-_]+$"),   // the model's $ ends the input, as in ECMA regular expressions
            Arguments.of("reportId", (Consumer<PutReportDefinitionRequest.Builder>) b -> b.reportId("x".repeat(256)),
                "at 'reportId' failed to satisfy constraint: Member must have length less than or equal to 255"),
            Arguments.of("reportDescription", (Consumer<PutReportDefinitionRequest.Builder>) b -> b.reportDescription("   "),
                "Value '   ' at 'reportDescription' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: .*\\S.*"),
            Arguments.of("reportDescription",
                (Consumer<PutReportDefinitionRequest.Builder>) b -> b.reportDescription("d".repeat(1025)),
                "at 'reportDescription' failed to satisfy constraint: Member must have length less than or equal to 1024"),
            Arguments.of("reportFrequency", (Consumer<PutReportDefinitionRequest.Builder>) b -> b.reportFrequency("WEEKLY"),
                "Value 'WEEKLY' at 'reportFrequency' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[MONTHLY, DAILY, ALL]"),
            Arguments.of("format", (Consumer<PutReportDefinitionRequest.Builder>) b -> b.format((String) null),
                "Value null at 'format' failed to satisfy constraint: Member must not be null"),
            Arguments.of("destinationS3Location.bucket",
                (Consumer<PutReportDefinitionRequest.Builder>) b -> b.destinationS3Location(d -> d.bucket("Bad_Bucket")
                    .prefix("p")),
                "Value 'Bad_Bucket' at 'destinationS3Location.bucket' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern"),
            Arguments.of("destinationS3Location.prefix",
                (Consumer<PutReportDefinitionRequest.Builder>) b -> b.destinationS3Location(d -> d.bucket("reports")),
                "Value null at 'destinationS3Location.prefix' failed to satisfy constraint: Member must not be null"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("violations")
    void everyConstraintOfTheModelIsAValidationErrorNamingTheField(String field,
                                                                   Consumer<PutReportDefinitionRequest.Builder> breakIt,
                                                                   String message) {
        PutReportDefinitionRequest.Builder b = PutReportDefinitionRequest.builder().reportId("ok").reportDescription("d")
            .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("p"));
        breakIt.accept(b);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> acp.putReportDefinition(b.build()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: ").contains(message)
            .contains("'" + field + "'");
        assertThat(sim.costProfiler().reportDefinitions()).isEmpty();
    }

    @Test
    void listConstraintsAndForeignTokens() {
        ValidationException zero = catchThrowableOfType(ValidationException.class,
            () -> acp.listReportDefinitions(r -> r.maxResults(0)));
        assertThat(zero.awsErrorDetails().errorMessage()).contains("at 'maxResults' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
        ValidationException big = catchThrowableOfType(ValidationException.class,
            () -> acp.listReportDefinitions(r -> r.maxResults(101)));
        assertThat(big.awsErrorDetails().errorMessage()).contains("'maxResults'", "less than or equal to 100");
        ValidationException notBase64 = catchThrowableOfType(ValidationException.class,
            () -> acp.listReportDefinitions(r -> r.nextToken("not base64!")));
        assertThat(notBase64.awsErrorDetails().errorMessage()).contains("at 'nextToken' failed to satisfy constraint");
        String forged = Base64.getEncoder().encodeToString("acp1|123456789012|us-east-1|0|00".getBytes());
        ValidationException forgedToken = catchThrowableOfType(ValidationException.class,
            () -> acp.listReportDefinitions(r -> r.nextToken(forged)));
        assertThat(forgedToken.awsErrorDetails().errorMessage()).isEqualTo("ListReportDefinitions: nextToken is not a "
            + "token this service issued for this account and Region; pass the nextToken of the previous page unchanged.");
    }

    @Test
    void thePaginatorWalksEveryPageWhenTheQuotaAllowsMore() {
        sim.costProfiler().reportDefinitionQuota(7);
        for (int i = 0; i < 7; i++) {
            define(acp, "r" + i, "DAILY", "reports");
        }
        acp.deleteReportDefinition(r -> r.reportId("r3"));
        sim.journal().clear();

        List<String> ids = acp.listReportDefinitionsPaginator(r -> r.maxResults(2)).reportDefinitions().stream()
            .map(ReportDefinition::reportId).toList();

        assertThat(ids).containsExactly("r0", "r1", "r2", "r4", "r5", "r6");
        assertThat(sim.journal().executions()).hasSize(3);
        ListReportDefinitionsResponse first = acp.listReportDefinitions(r -> r.maxResults(4));
        assertThat(first.nextToken()).matches("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");
        acp.deleteReportDefinition(r -> r.reportId("r5")); // deletions between pages do not disturb the next page
        assertThat(acp.listReportDefinitions(r -> r.nextToken(first.nextToken())).reportDefinitions())
            .extracting(ReportDefinition::reportId).containsExactly("r6");

        try (ApplicationCostProfilerClient west = SimulatedClients.of(sim).withRegion(Region.US_WEST_2)
            .create(ApplicationCostProfilerClient.class)) {
            ValidationException foreign = catchThrowableOfType(ValidationException.class,
                () -> west.listReportDefinitions(r -> r.nextToken(first.nextToken())));
            assertThat(foreign.awsErrorDetails().errorMessage()).contains("nextToken is not a token this service issued");
        }
    }

    @Test
    void queuedFaultsAreRetriedByTheSdk() {
        sim.costProfiler().failNext(2, CostProfilerFault.THROTTLING);
        define(acp, "r", "DAILY", "reports");
        assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
        assertThat(acp.getReportDefinition(r -> r.reportId("r")).reportId()).isEqualTo("r");
    }
}
