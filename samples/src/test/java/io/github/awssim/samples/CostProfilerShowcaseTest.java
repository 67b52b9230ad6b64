package io.github.awssim.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Application Cost Profiler showcase runs in CI, so the flow it prints never rots. */
class CostProfilerShowcaseTest {
    static String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CostProfilerShowcase.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShowcaseWalksDefinitionImportClockAndReport() {
        String out = run();

        assertThat(out).contains("tenant-costs  DAILY CSV  created 2026-06-01T09:00:00Z, lastUpdated 2026-06-01T09:00:00Z "
            + "(ListReportDefinitions names it lastUpdatedAt: 2026-06-01T09:00:00Z)");
        assertThat(out).contains("a second one: ServiceQuotaExceededException (HTTP 402): PutReportDefinition: ");
        assertThat(out).containsPattern("s3://shop-usage/2026-06-01.csv, 4 lines -> importId [0-9a-f-]{36}");
        assertThat(out).contains("the import kept its 3 rows as read then");
        assertThat(out).contains("a malformed file: ValidationException: ImportApplicationUsage: s3://shop-usage/broken.csv "
            + "is not a valid usage file: line 2, column StartTime: 'yesterday'");
        assertThat(out).contains("objects in s3://shop-reports before: 0");
        assertThat(out).containsPattern("s3://shop-reports/acp/tenant-costs/DAILY/2026-06-02/tenant-costs.csv.gz  [0-9]+ bytes");
        assertThat(out).contains("DELIVERED: DAILY report for 2026-06-01T00:00:00Z .. 2026-06-02T00:00:00Z, 50 rows");
        assertThat(out).contains(",shop,acme,Acme Corp,AmazonEC2,BoxUsage:c5.large,RunInstances,i-0shop,0.5,50,0.0425,0.0425",
            ",shop,globex,Globex,AmazonEC2,BoxUsage:c5.large,RunInstances,i-0shop,0.5,50,0.0425,0.0425");
        assertThat(out).contains("acme          $0.714", "globex        $0.085", "unattributed  $2.873",
            "total         $3.672");
        assertThat(out).doesNotContain("unexpected");
    }

    @Test
    void theSameSeedPrintsTheSameRun() {
        assertThat(run()).isEqualTo(run());
    }
}
