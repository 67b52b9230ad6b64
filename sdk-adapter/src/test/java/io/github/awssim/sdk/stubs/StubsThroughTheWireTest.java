package io.github.awssim.sdk.stubs;

import static io.github.awssim.core.assertions.AwsSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.Stub;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerAsyncClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.Format;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportFrequency;
import software.amazon.awssdk.services.applicationcostprofiler.model.S3Location;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/** Stubs answer through the wire: the SDK builds the real types and its retries run. */
class StubsThroughTheWireTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-04-01T10:20:00Z")).build();

    @Test
    void aStubbedThrottleIsRetriedByTheSdkThenTheSimulatorAnswers() {
        Stub<MeterUsageRequest> stub = sim.stubs().on(MeterUsageRequest.class)
            .fail(ThrottlingException.builder().message("Rate exceeded").build()).times(2).thenSimulate();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        String id = metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1)
            .timestamp(sim.clock().instant())).meteringRecordId();

        assertThat(id).isNotBlank();
        assertThat(stub.calls()).isEqualTo(3);
        assertThat(sim.journal()).lastExecution().hasAttemptOutcomes("ThrottlingException", "ThrottlingException",
            "MeterUsageResponse");
        assertThat(sim.stubs()).areAllUsed();
    }

    @Test
    void aServiceWithoutSimulatorYetCanBeStubbedFullyAsync() {
        GetReportDefinitionResponse report = GetReportDefinitionResponse.builder().reportId("r1").reportDescription("monthly")
            .reportFrequency(ReportFrequency.MONTHLY).format(Format.CSV)
            .destinationS3Location(S3Location.builder().bucket("reports").prefix("acp/").build())
            .createdAt(Instant.parse("2026-01-01T00:00:00Z")).lastUpdated(Instant.parse("2026-02-01T00:00:00Z")).build();
        sim.stubs().on(GetReportDefinitionRequest.builder().reportId("r1").build()).respond(report);
        sim.stubs().on(GetReportDefinitionRequest.class).where("unknown report", r -> !r.reportId().equals("r1"))
            .answer(r -> {
                throw ValidationException.builder().message("No report definition " + r.reportId()).build();
            });
        ApplicationCostProfilerAsyncClient acp = SimulatedClients.create(sim, ApplicationCostProfilerAsyncClient.class);

        GetReportDefinitionResponse got = acp.getReportDefinition(r -> r.reportId("r1")).join();

        assertThat(got.reportDescription()).isEqualTo("monthly");
        assertThat(got.lastUpdated()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThatThrownBy(() -> acp.getReportDefinition(r -> r.reportId("r2")).join())
            .hasCauseInstanceOf(ValidationException.class)
            .hasMessageContaining("No report definition r2");
    }
}
