package io.github.awssim.sdk.costprofiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionResponse;
import software.amazon.awssdk.services.s3.S3Client;

/** Shared helpers: a usage file, a report definition, and a report read back through an S3Client. */
final class AcpFixture {
    static final String HEADER = "ApplicationId,TenantId,TenantDesc,UsageAccountId,StartTime,EndTime,ResourceId\n";

    private AcpFixture() {
    }

    static PutReportDefinitionResponse define(ApplicationCostProfilerClient acp, String reportId, String frequency,
                                              String bucket) {
        return acp.putReportDefinition(r -> r.reportId(reportId).reportDescription("cost per tenant")
            .reportFrequency(frequency).format("CSV").destinationS3Location(d -> d.bucket(bucket).prefix("acp")));
    }

    /** The gzip-compressed CSV object at {@code key}, read with a real client, as rows keyed by column name. */
    static List<Map<String, String>> readReport(S3Client s3, String bucket, String key) {
        byte[] gz = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\n");
        List<String> header = List.of(lines[0].split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), f[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String> header(S3Client s3, String bucket, String key) {
        return List.copyOf(readReport(s3, bucket, key).get(0).keySet());
    }

    /** The UnblendedCost of the rows of one tenant, summed. */
    static BigDecimal costOf(List<Map<String, String>> rows, String tenant) {
        return rows.stream().filter(r -> r.get("TenantIdentifier").equals(tenant))
            .map(r -> new BigDecimal(r.get("UnblendedCost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal total(List<Map<String, String>> rows) {
        return rows.stream().map(r -> new BigDecimal(r.get("UnblendedCost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
