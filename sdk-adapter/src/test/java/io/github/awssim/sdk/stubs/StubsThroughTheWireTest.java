package io.github.awssim.sdk.stubs;

import static io.github.awssim.core.assertions.AwsSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Stub;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
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
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;

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

    @Test
    void aStubMadeWithTheClientsInstantMatchesTheCallDecodedFromTheWire() {
        Instant sent = sim.clock().instant().plusNanos(123_456_789);   // the wire carries milliseconds
        sim.stubs().on(MeterUsageRequest.builder().timestamp(sent).build())
            .respond(MeterUsageResponse.builder().meteringRecordId("stubbed").build());
        sim.stubs().on(BatchMeterUsageRequest.builder().usageRecords(record(sent)).build())
            .respond(BatchMeterUsageResponse.builder().build());
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        assertThat(metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sent))
            .meteringRecordId()).isEqualTo("stubbed");
        assertThat(metering.batchMeterUsage(r -> r.productCode("p").usageRecords(record(sent))).results()).isEmpty();
        assertThat(sim.stubs()).areAllUsed();
    }

    private static UsageRecord record(Instant at) {
        return UsageRecord.builder().customerIdentifier("c").dimension("d").quantity(1).timestamp(at).build();
    }

    @Test
    void aStubConditionThatThrowsAnswersAClearErrorAndIsJournaled() {
        sim.stubs().on(MeterUsageRequest.class).where("first allocation is tagged",
            r -> r.usageAllocations().get(0).hasTags()).respond(MeterUsageResponse.builder().meteringRecordId("x").build());
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1)
                .timestamp(sim.clock().instant())))
            .isInstanceOfSatisfying(MarketplaceMeteringException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AwssimBackendFailure");
                assertThat(e.numAttempts()).isEqualTo(1);
            })
            .hasMessageContaining("awssim: stub #1")
            .hasMessageContaining("first allocation is tagged")
            .hasMessageContaining("threw java.lang.IndexOutOfBoundsException")
            .hasMessageContaining("while testing whether it matches a call of MarketplaceMetering.MeterUsage");
        assertThat(sim.journal()).hasExecutions(MeterUsageRequest.class, 1);
        assertThat(sim.journal().last().outcome()).isInstanceOf(Outcome.ServiceError.class);
    }

    @Test
    void aFaultRuleConditionThatThrowsAnswersAClearErrorNamingTheRuleAndSeed() {
        sim.install(FaultPlan.of(FaultRule.on(MeterUsageRequest.class)
            .where("first allocation is tagged", r -> r.usageAllocations().get(0).hasTags())
            .times(1).fail(ThrottlingException.class)));
        MarketplaceMeteringAsyncClient metering = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class);

        assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1)
                .timestamp(sim.clock().instant())).join())
            .cause()
            .isInstanceOfSatisfying(MarketplaceMeteringException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AwssimBackendFailure"))
            .hasMessageContaining("awssim: fault rule 1 (the first 1 of MeterUsage where first allocation is tagged")
            .hasMessageContaining("first allocation is tagged")
            .hasMessageContaining("seed " + sim.seed())
            .hasMessageContaining("threw java.lang.IndexOutOfBoundsException");
        assertThat(sim.journal()).hasExecutions(MeterUsageRequest.class, 1);
    }

    @Test
    void nearMissesKeepTheLast100CallsThatMatchedNoStub() {
        sim.stubs().on(MeterUsageRequest.builder().usageDimension("Hosts").build())
            .respond(MeterUsageResponse.builder().meteringRecordId("rec-hosts").build());
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        for (int i = 0; i <= 100; i++) {
            int n = i;
            metering.meterUsage(r -> r.productCode("p").usageDimension("d" + n).usageQuantity(1)
                .timestamp(sim.clock().instant()));
        }

        // README: "sim.stubs().nearMisses() keeps the last 100": d0, the oldest of 101, is gone
        assertThat(sim.stubs().nearMisses()).hasSize(100)
            .extracting(m -> ((MeterUsageRequest) m.request()).usageDimension())
            .startsWith("d1", "d2").endsWith("d99", "d100");
    }
}
