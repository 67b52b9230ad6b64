package io.github.awssim.sdk.costprofiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.CostProfilerReport;
import io.github.awssim.sdk.SimulatedClients;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;

/** The Application Cost Profiler example of README, verbatim: if this stops compiling or passing, README is wrong. */
class CostProfilerReadmeExampleTest {

    // --- README: begin ---
    @Test
    void splitsAResourceCostBetweenTenantsInADailyReport() throws IOException {
        try (Simulation sim = Simulation.builder().startTime(Instant.parse("2026-06-01T09:00:00Z")).build();
             ApplicationCostProfilerClient acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class)) {
            sim.s3().createBucket("usage").createBucket("reports");
            // What the resource costs per hour (AWS reads your bill; the test declares it):
            sim.costProfiler().resourceCost("i-0abc", "AmazonEC2", "BoxUsage:c5.large", "RunInstances",
                new BigDecimal("0.10"));

            acp.putReportDefinition(r -> r.reportId("tenants").reportDescription("cost per tenant")
                .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp")));
            sim.s3().putObject("usage", "june-01.csv",                           // acme used it 10:00-12:00 UTC
                "ApplicationId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId\n"
                    + "shop,acme,123456789012,1780308000,1780315200,i-0abc\n");
            acp.importApplicationUsage(r -> r.sourceS3Location(s -> s.bucket("usage").key("june-01.csv")));

            sim.clock().advance(Duration.ofDays(1));                             // midnight passed: the report is due
            CostProfilerReport report = sim.costProfiler().reports().get(0);
            assertThat(report.key()).isEqualTo("acp/tenants/DAILY/2026-06-02/tenants.csv.gz");
            try (InputStream gz = new GZIPInputStream(sim.s3().openObject("reports", report.key()))) {
                assertThat(new String(gz.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .filteredOn(line -> line.contains(",acme,")).hasSize(2)      // 2 hours at 100%: $0.10 each
                    .allSatisfy(line -> assertThat(line).endsWith(",i-0abc,1,100,0.1,0.1"));
            }
        }
    }
    // --- README: end ---
}
