package io.github.awssim.sdk.costprofiler;

import static io.github.awssim.sdk.costprofiler.AcpFixture.HEADER;
import static io.github.awssim.sdk.costprofiler.AcpFixture.costOf;
import static io.github.awssim.sdk.costprofiler.AcpFixture.define;
import static io.github.awssim.sdk.costprofiler.AcpFixture.readReport;
import static io.github.awssim.sdk.costprofiler.AcpFixture.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.CostProfilerReport;
import io.github.awssim.core.services.costprofiler.ResourceCost;
import io.github.awssim.core.services.s3.StoredObject;
import io.github.awssim.sdk.SimulatedClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportFrequency;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The whole flow through real clients: a usage file uploaded with an S3Client, imported, the clock moved past a
 * boundary, and the gzip CSV report read back with the S3Client.
 */
class CostProfilerReportsTest {
    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    static final long H10 = 1780308000L; // 2026-06-01T10:00:00Z
    static final long H1030 = 1780309800L;
    static final long H11 = 1780311600L;
    static final long H1130 = H11 + 1800;

    Simulation sim;
    ApplicationCostProfilerClient acp;
    S3Client s3;

    @BeforeEach
    void start() {
        sim = Simulation.builder().startTime(START).seed(5).build();
        acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class);
        s3 = SimulatedClients.create(sim, S3Client.class);
        s3.createBucket(b -> b.bucket("usage"));
        s3.createBucket(b -> b.bucket("reports"));
        sim.costProfiler().resourceCost(ResourceCost.of("i-shared", "AmazonEC2", "BoxUsage:c5.large", "RunInstances",
            new BigDecimal("0.36")).activeFrom(Instant.parse("2026-06-01T00:00:00Z")));
    }

    @AfterEach
    void stop() {
        acp.close();
        s3.close();
        sim.close();
    }

    /** acme covers hour 10 and half of hour 11; globex half of hour 10: hour 10 is over-allocated (1.5). */
    void importTwoTenants() {
        s3.putObject(r -> r.bucket("usage").key("2026-06-01/10.csv"), RequestBody.fromString(HEADER
            + "shop,acme,Acme Corp,123456789012," + H10 + "," + H11 + ",i-shared\n"
            + "shop,globex,Globex,123456789012," + H1030 + "," + H11 + ",i-shared\n"
            + "shop,acme,Acme Corp,123456789012," + H11 + "," + H1130 + ",i-shared\n"));
        acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("2026-06-01/10.csv")));
    }

    @Test
    void aDailyReportSplitsTheResourceCostBetweenTenantsAndUnattributed() {
        define(acp, "tenants", "DAILY", "reports");
        importTwoTenants();

        sim.clock().set(Instant.parse("2026-06-01T23:59:59Z"));
        assertThat(s3.listObjectsV2(r -> r.bucket("reports")).contents()).as("not due before midnight").isEmpty();

        sim.clock().set(Instant.parse("2026-06-02T00:00:00Z"));
        List<S3Object> objects = s3.listObjectsV2(r -> r.bucket("reports")).contents();
        assertThat(objects).extracting(S3Object::key).containsExactly("acp/tenants/DAILY/2026-06-02/tenants.csv.gz");

        List<Map<String, String>> rows = readReport(s3, "reports", objects.get(0).key());
        assertThat(rows.get(0).keySet()).containsExactly("PayerAccountId", "UsageAccountId", "LineItemType",
            "UsageStartTime", "UsageEndTime", "ApplicationIdentifier", "TenantIdentifier", "TenantDescription",
            "ProductCode", "UsageType", "Operation", "ResourceId", "ScaleFactor", "TenantAttributionPercent",
            "UnblendedCost", "BlendedCost");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("PayerAccountId")).isEqualTo(sim.accountId());
            assertThat(r.get("LineItemType")).isEqualTo("Usage");
            assertThat(r.get("ProductCode")).isEqualTo("AmazonEC2");
            assertThat(r.get("ResourceId")).isEqualTo("i-shared");
            assertThat(Long.parseLong(r.get("UsageEndTime")) - Long.parseLong(r.get("UsageStartTime"))).isEqualTo(3_600_000L);
        });

        // Hour 10: acme 1.0 + globex 0.5 = 1.5 of an hour, scaled by 2/3: acme 0.24, globex 0.12, nothing unattributed.
        List<Map<String, String>> hour10 = rows.stream().filter(r -> r.get("UsageStartTime").equals(H10 * 1000 + "")).toList();
        assertThat(hour10).extracting(r -> r.get("TenantIdentifier")).containsExactly("acme", "globex");
        assertThat(hour10).extracting(r -> r.get("ScaleFactor")).containsOnly("0.6666666667");
        assertThat(new BigDecimal(hour10.get(0).get("UnblendedCost"))).isEqualByComparingTo("0.24");
        assertThat(new BigDecimal(hour10.get(1).get("UnblendedCost"))).isEqualByComparingTo("0.12");
        assertThat(hour10.get(0).get("TenantDescription")).isEqualTo("Acme Corp");
        // Hour 11: acme half, the other half unattributed.
        List<Map<String, String>> hour11 = rows.stream().filter(r -> r.get("UsageStartTime").equals(H11 * 1000 + "")).toList();
        assertThat(hour11).extracting(r -> r.get("TenantIdentifier") + "=" + r.get("TenantAttributionPercent"))
            .containsExactly("acme=50", "unattributed=50");
        // The day: 24 billed hours of 0.36, all of it attributed to someone.
        assertThat(costOf(rows, "acme")).isEqualByComparingTo("0.42");
        assertThat(costOf(rows, "globex")).isEqualByComparingTo("0.12");
        assertThat(costOf(rows, "unattributed")).isEqualByComparingTo("8.10");
        assertThat(total(rows)).isEqualByComparingTo("8.64");
        assertThat(rows).hasSize(24 + 1 + 1); // one row per hour, two tenants in hour 10, two rows in hour 11

        assertThat(sim.costProfiler().reports()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CostProfilerReport.Status.DELIVERED);
            assertThat(r.frequency()).isEqualTo(ReportFrequency.DAILY);
            assertThat(r.periodStart()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(r.periodEnd()).isEqualTo(Instant.parse("2026-06-02T00:00:00Z"));
            assertThat(r.rows()).isEqualTo(rows.size());
            assertThat(r.message()).isNull();
        });
    }

    @Test
    void dailyReportsHoldTheMonthToDateAndTheOneOnTheFirstHoldsThePreviousMonth() {
        define(acp, "tenants", "DAILY", "reports");
        importTwoTenants();

        sim.clock().set(Instant.parse("2026-06-04T06:00:00Z"));

        List<CostProfilerReport> reports = sim.costProfiler().reports();
        assertThat(reports).extracting(r -> r.periodStart() + ".." + r.periodEnd()).containsExactly(
            "2026-06-01T00:00:00Z..2026-06-02T00:00:00Z",
            "2026-06-01T00:00:00Z..2026-06-03T00:00:00Z",
            "2026-06-01T00:00:00Z..2026-06-04T00:00:00Z");
        assertThat(total(readReport(s3, "reports", reports.get(2).key()))).isEqualByComparingTo("25.92"); // 72 h × 0.36

        sim.clock().set(Instant.parse("2026-07-01T00:00:00Z"));
        CostProfilerReport first = sim.costProfiler().reports().get(sim.costProfiler().reports().size() - 1);
        assertThat(first.key()).isEqualTo("acp/tenants/DAILY/2026-07-01/tenants.csv.gz");
        assertThat(first.periodStart()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(total(readReport(s3, "reports", first.key()))).isEqualByComparingTo("259.20"); // 720 h × 0.36
        assertThat(sim.costProfiler().reports()).hasSize(30);
    }

    @Test
    void aMonthlyReportAppearsWhenTheMonthEndsAndAllWritesBoth() {
        define(acp, "tenants", "MONTHLY", "reports");
        importTwoTenants();

        sim.clock().set(Instant.parse("2026-06-30T23:00:00Z"));
        assertThat(sim.s3().objects("reports")).isEmpty();
        sim.clock().advance(Duration.ofHours(2));

        // Read through the typed API, with no client call in between: the report is there all the same.
        assertThat(sim.s3().objects("reports")).extracting(StoredObject::key)
            .containsExactly("acp/tenants/MONTHLY/2026-06/tenants.csv.gz");
        List<Map<String, String>> june = readReport(s3, "reports", "acp/tenants/MONTHLY/2026-06/tenants.csv.gz");
        assertThat(total(june)).isEqualByComparingTo("259.20");
        assertThat(costOf(june, "acme")).isEqualByComparingTo("0.42");

        acp.updateReportDefinition(r -> r.reportId("tenants").reportDescription("both").reportFrequency("ALL")
            .format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("all/")));
        sim.clock().set(Instant.parse("2026-08-01T00:00:00Z"));
        List<CostProfilerReport> july = sim.costProfiler().reports().stream()
            .filter(r -> r.periodStart().equals(Instant.parse("2026-07-01T00:00:00Z")) && r.periodEnd()
                .equals(Instant.parse("2026-08-01T00:00:00Z"))).toList();
        assertThat(july).extracting(CostProfilerReport::frequency, CostProfilerReport::key).containsExactly(
            org.assertj.core.groups.Tuple.tuple(ReportFrequency.DAILY, "all/tenants/DAILY/2026-08-01/tenants.csv.gz"),
            org.assertj.core.groups.Tuple.tuple(ReportFrequency.MONTHLY, "all/tenants/MONTHLY/2026-07/tenants.csv.gz"));
        assertThat(readReport(s3, "reports", july.get(0).key())).isEqualTo(readReport(s3, "reports", july.get(1).key()));
        assertThat(costOf(readReport(s3, "reports", july.get(1).key()), "acme")).isEqualByComparingTo("0");
    }

    @Test
    void anHourCoveredExactlyIsWhollyAttributedAndItsLinesAddUpToItsCost() {
        define(acp, "thirds", "DAILY", "reports");
        sim.costProfiler().resourceCost(ResourceCost.of("i-thirds", "AmazonEC2", "BoxUsage:t3.micro", "RunInstances",
            new BigDecimal("0.10")).activeFrom(Instant.parse("2026-06-01T10:00:00Z")).activeUntil(Instant.parse("2026-06-01T11:00:00Z")));
        long h1020 = H10 + 1200;
        long h1040 = H10 + 2400;
        s3.putObject(r -> r.bucket("usage").key("thirds.csv"), RequestBody.fromString(HEADER
            + "shop,a,A,123456789012," + H10 + "," + h1020 + ",i-thirds\n"
            + "shop,b,B,123456789012," + h1020 + "," + h1040 + ",i-thirds\n"
            + "shop,c,C,123456789012," + h1040 + "," + H11 + ",i-thirds\n"));
        acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("thirds.csv")));

        sim.clock().set(Instant.parse("2026-06-02T00:00:00Z"));

        List<Map<String, String>> hour = readReport(s3, "reports", "acp/thirds/DAILY/2026-06-02/thirds.csv.gz").stream()
            .filter(r -> r.get("ResourceId").equals("i-thirds")).toList();
        assertThat(hour).extracting(r -> r.get("TenantIdentifier")).containsExactly("a", "b", "c");   // no unattributed
        assertThat(hour.stream().map(r -> new BigDecimal(r.get("UnblendedCost"))).reduce(BigDecimal.ZERO, BigDecimal::add))
            .isEqualByComparingTo("0.10");
        assertThat(hour.stream().map(r -> new BigDecimal(r.get("TenantAttributionPercent"))).reduce(BigDecimal.ZERO,
            BigDecimal::add)).isEqualByComparingTo("100");
    }

    @Test
    void theRoundingRemainderGoesToTheHoursLargestLine() {
        define(acp, "uneven", "DAILY", "reports");
        sim.costProfiler().resourceCost(ResourceCost.of("i-uneven", "AmazonEC2", "BoxUsage:t3.micro", "RunInstances",
            new BigDecimal("0.10")).activeFrom(Instant.parse("2026-06-01T10:00:00Z")).activeUntil(Instant.parse("2026-06-01T11:00:00Z")));
        // a 1000 s, b 2000 s, unattributed 600 s: at 10 decimals the shares add up to 0.1000000001 (and 100.0000000001%)
        s3.putObject(r -> r.bucket("usage").key("uneven.csv"), RequestBody.fromString(HEADER
            + "shop,a,A,123456789012," + H10 + "," + (H10 + 1000) + ",i-uneven\n"
            + "shop,b,B,123456789012," + (H10 + 1000) + "," + (H10 + 3000) + ",i-uneven\n"));
        acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("uneven.csv")));

        sim.clock().set(Instant.parse("2026-06-02T00:00:00Z"));

        List<Map<String, String>> hour = readReport(s3, "reports", "acp/uneven/DAILY/2026-06-02/uneven.csv.gz").stream()
            .filter(r -> r.get("ResourceId").equals("i-uneven")).toList();
        // README: "the remainder going to an hour's largest line" (b's), not to any other
        assertThat(hour).extracting(r -> r.get("TenantIdentifier") + "=" + r.get("UnblendedCost") + "/"
            + r.get("TenantAttributionPercent")).containsExactly(
                "a=0.0277777778/27.7777777778", "b=0.0555555555/55.5555555555", "unattributed=0.0166666667/16.6666666667");
    }

    @Test
    void aMonthlyDefinitionTurnedDailyReportsFromTheChangeOnNotForTheMonthBehindIt() {
        define(acp, "tenants", "MONTHLY", "reports");
        sim.clock().set(Instant.parse("2026-06-15T12:00:00Z"));
        acp.listReportDefinitions(r -> { });

        acp.updateReportDefinition(r -> r.reportId("tenants").reportDescription("daily now").reportFrequency("DAILY")
            .format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp/")));
        sim.clock().set(Instant.parse("2026-06-16T00:00:00Z"));

        assertThat(sim.s3().objects("reports")).extracting(StoredObject::key)
            .containsExactly("acp/tenants/DAILY/2026-06-16/tenants.csv.gz");
    }

    @Test
    void theReportIsWrittenByTheSimulationNotByAClient() {
        define(acp, "tenants", "DAILY", "reports");
        int before = sim.journal().size();

        sim.clock().advance(Duration.ofDays(1));
        assertThat(sim.s3().objects("reports")).hasSize(1);

        assertThat(sim.journal().size()).as("no call journaled for the report's PutObject").isEqualTo(before);
    }

    @Test
    void aMissingDestinationBucketFailsTheReportVisiblyAndNotTheCallThatObservedIt() {
        define(acp, "tenants", "DAILY", "reports");
        s3.deleteBucket(b -> b.bucket("reports"));
        sim.clock().advance(Duration.ofDays(1));

        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("usage");
        assertThat(sim.costProfiler().reports()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CostProfilerReport.Status.FAILED);
            assertThat(r.rows()).isZero();
            assertThat(r.message()).startsWith("awssim: report 'tenants' was not delivered: its destination bucket "
                + "'reports' does not exist.");
        });

        s3.createBucket(b -> b.bucket("reports"));
        sim.clock().advance(Duration.ofDays(1));
        assertThat(sim.costProfiler().reports()).extracting(CostProfilerReport::status)
            .containsExactly(CostProfilerReport.Status.FAILED, CostProfilerReport.Status.DELIVERED);
    }

    @Test
    void usageOfAResourceWithoutACostFailsTheReportNamingIt() {
        define(acp, "tenants", "DAILY", "reports");
        s3.putObject(r -> r.bucket("usage").key("u.csv"), RequestBody.fromString(HEADER
            + "shop,acme,,123456789012," + H10 + "," + H11 + ",db-cluster-1\n"));
        acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("u.csv")));

        sim.clock().advance(Duration.ofDays(1));

        assertThat(sim.s3().objects("reports")).isEmpty();
        assertThat(sim.costProfiler().reports()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CostProfilerReport.Status.FAILED);
            assertThat(r.message()).contains("tenants used resource db-cluster-1 in its period, but the simulated bill "
                + "has no cost for it", "sim.costProfiler().resourceCost(");
        });
    }

    @Test
    void parquetDefinitionsAreAcceptedButTheirReportsFailWithTheReason() {
        acp.putReportDefinition(r -> r.reportId("pq").reportDescription("parquet").reportFrequency("DAILY")
            .format("PARQUET").destinationS3Location(d -> d.bucket("reports").prefix("pq")));
        assertThat(acp.getReportDefinition(r -> r.reportId("pq")).formatAsString()).isEqualTo("PARQUET");

        sim.clock().advance(Duration.ofDays(1));

        assertThat(sim.s3().objects("reports")).isEmpty();
        assertThat(sim.costProfiler().reports()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CostProfilerReport.Status.FAILED);
            assertThat(r.key()).isEqualTo("pq/pq/DAILY/2026-06-02/pq.parquet");
            assertThat(r.message()).contains("format PARQUET is accepted but awssim writes only CSV reports");
        });
    }

    @Test
    void aDeletedDefinitionStopsItsReportsAndAResourceIsBilledOnlyWhileActive() {
        sim.costProfiler().resourceCost(ResourceCost.of("i-shared", "AmazonEC2", "BoxUsage:c5.large", "RunInstances",
            new BigDecimal("0.36")).activeFrom(Instant.parse("2026-06-01T06:00:00Z"))
            .activeUntil(Instant.parse("2026-06-01T18:00:00Z")));
        define(acp, "tenants", "DAILY", "reports");

        sim.clock().advance(Duration.ofDays(1));
        List<Map<String, String>> rows = readReport(s3, "reports", sim.costProfiler().reports().get(0).key());
        assertThat(rows).hasSize(12);
        assertThat(total(rows)).isEqualByComparingTo("4.32");

        acp.deleteReportDefinition(r -> r.reportId("tenants"));
        sim.clock().advance(Duration.ofDays(3));
        assertThat(sim.costProfiler().reports()).hasSize(1);
    }
}
