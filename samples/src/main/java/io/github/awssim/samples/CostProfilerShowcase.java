package io.github.awssim.samples;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.CostProfilerReport;
import io.github.awssim.sdk.SimulatedClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Cost per tenant with AWS Application Cost Profiler, written against the plain AWS SDK and run against ACP and S3
 * simulated in-process: a SaaS app uploads which tenant used which shared resource, imports the file, and reads
 * the daily report ACP writes to S3 when the simulation clock passes midnight. No AWS account, no network.
 */
public final class CostProfilerShowcase {
    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    static final Instant MIDNIGHT = Instant.parse("2026-06-02T00:00:00Z");
    static final String HEADER = "ApplicationId,TenantId,TenantDesc,UsageAccountId,StartTime,EndTime,ResourceId\n";

    private CostProfilerShowcase() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        try (Simulation sim = Simulation.builder().startTime(START).seed(2026).build();
             ApplicationCostProfilerClient acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class);
             S3Client s3 = SimulatedClients.create(sim, S3Client.class)) {
            out.println("awssim showcase: cost per tenant with AWS Application Cost Profiler, no AWS account, no network");
            out.println("  " + sim);
            out.println();

            // The test's side: what the shared resources cost per hour. AWS reads them from your bill.
            sim.costProfiler()
                .resourceCost("i-0shop", "AmazonEC2", "BoxUsage:c5.large", "RunInstances", new BigDecimal("0.085"))
                .resourceCost("db-shop", "AmazonRDS", "InstanceUsage:db.t3.medium", "CreateDBInstance",
                    new BigDecimal("0.068"));
            s3.createBucket(b -> b.bucket("shop-usage"));
            s3.createBucket(b -> b.bucket("shop-reports"));

            out.println("1. A daily report definition, delivered as gzip CSV to s3://shop-reports/acp/");
            acp.putReportDefinition(r -> r.reportId("tenant-costs").reportDescription("cost per tenant")
                .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("shop-reports").prefix("acp")));
            GetReportDefinitionResponse got = acp.getReportDefinition(r -> r.reportId("tenant-costs"));
            out.println("   " + got.reportId() + "  " + got.reportFrequencyAsString() + " " + got.formatAsString()
                + "  created " + got.createdAt() + ", lastUpdated " + got.lastUpdated()
                + " (ListReportDefinitions names it lastUpdatedAt: " + acp.listReportDefinitions(r -> { })
                .reportDefinitions().get(0).lastUpdatedAt() + ")");
            try {
                acp.putReportDefinition(r -> r.reportId("second").reportDescription("another").reportFrequency("MONTHLY")
                    .format("CSV").destinationS3Location(d -> d.bucket("shop-reports").prefix("other")));
                out.println("   a second definition was accepted (unexpected)");
            } catch (ServiceQuotaExceededException e) {
                out.println("   a second one: ServiceQuotaExceededException (HTTP " + e.statusCode() + "): "
                    + e.awsErrorDetails().errorMessage());
            }

            out.println();
            out.println("2. The app uploads which tenant used which resource when (epoch seconds), and imports it");
            long h10 = Instant.parse("2026-06-01T10:00:00Z").getEpochSecond();
            String usage = HEADER
                + row("acme", "Acme Corp", h10, h10 + 3 * 3600, "i-0shop")
                + row("globex", "Globex", h10 + 3600, h10 + 3 * 3600, "i-0shop")
                + row("acme", "Acme Corp", h10, h10 + 8 * 3600, "db-shop");
            s3.putObject(r -> r.bucket("shop-usage").key("2026-06-01.csv"), RequestBody.fromString(usage));
            String importId = acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("shop-usage")
                .key("2026-06-01.csv"))).importId();
            out.println("   s3://shop-usage/2026-06-01.csv, " + usage.lines().count() + " lines -> importId " + importId);
            s3.putObject(r -> r.bucket("shop-usage").key("2026-06-01.csv"), RequestBody.fromString(HEADER));
            out.println("   the file is overwritten after the import; the import kept its "
                + sim.costProfiler().imports().get(0).usage().size() + " rows as read then");
            s3.putObject(r -> r.bucket("shop-usage").key("broken.csv"), RequestBody.fromString(HEADER
                + "shop,acme,Acme Corp,123456789012,yesterday,today,i-0shop\n"));
            try {
                acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("shop-usage").key("broken.csv")));
                out.println("   a malformed file was imported (unexpected)");
            } catch (ValidationException e) {
                out.println("   a malformed file: ValidationException: " + e.awsErrorDetails().errorMessage());
            }

            out.println();
            out.println("3. Before midnight, no report; the clock passes midnight (no sleeping) and one appears");
            out.println("   objects in s3://shop-reports before: " + s3.listObjectsV2(r -> r.bucket("shop-reports"))
                .keyCount());
            sim.clock().set(MIDNIGHT);
            List<S3Object> objects = s3.listObjectsV2(r -> r.bucket("shop-reports")).contents();
            objects.forEach(o -> out.println("   s3://shop-reports/" + o.key() + "  " + o.size() + " bytes"));
            CostProfilerReport report = sim.costProfiler().reports().get(0);
            out.println("   " + report.status() + ": " + report.frequency() + " report for " + report.periodStart() + " .. "
                + report.periodEnd() + ", " + report.rows() + " rows");

            out.println();
            out.println("4. The app reads the report with its S3Client: cost per tenant for the day");
            String csv = gunzip(s3.getObjectAsBytes(r -> r.bucket("shop-reports").key(objects.get(0).key())).asByteArray());
            List<String> lines = csv.lines().toList();
            out.println("   columns: " + lines.get(0));
            List<String> columns = List.of(lines.get(0).split(","));
            out.println("   11:00-12:00 on i-0shop, used by both tenants:");
            String h11 = Long.toString((h10 + 3600) * 1000);
            int start = columns.indexOf("UsageStartTime");
            int resource = columns.indexOf("ResourceId");
            lines.stream().map(l -> l.split(",", -1)).filter(f -> f[start].equals(h11) && f[resource].equals("i-0shop"))
                .map(f -> String.join(",", f))
                .forEach(l -> out.println("   " + l));
            Map<String, BigDecimal> perTenant = new TreeMap<>();
            int tenant = columns.indexOf("TenantIdentifier");
            int cost = columns.indexOf("UnblendedCost");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                perTenant.merge(f[tenant], new BigDecimal(f[cost]), BigDecimal::add);
            }
            perTenant.forEach((t, c) -> out.println(String.format(Locale.ROOT, "   %-13s $%.3f", t, c)));
            out.println(String.format(Locale.ROOT, "   %-13s $%.3f (24 hours x ($0.085 + $0.068))", "total",
                perTenant.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
    }

    private static String row(String tenant, String description, long start, long end, String resource) {
        return "shop," + tenant + "," + description + ",123456789012," + start + "," + end + "," + resource + "\n";
    }

    private static String gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
