package io.github.awssim.core.services.costprofiler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes report lines as Application Cost Profiler delivers CSV reports: comma-separated text with a header row,
 * gzip-compressed. The first twelve columns are the user guide's; the cost columns after {@code ResourceId} are
 * awssim's reading of it (see {@link #COLUMNS}).
 */
final class ReportCsv {
    /**
     * The user guide (getting-reports.html) lists PayerAccountId through ResourceId; the copy awssim could consult
     * ends there. ScaleFactor, TenantAttributionPercent, UnblendedCost and BlendedCost follow as recalled from the
     * same page (unverified); awssim has no blended rates, so both costs are equal.
     */
    static final List<String> COLUMNS = List.of("PayerAccountId", "UsageAccountId", "LineItemType", "UsageStartTime",
        "UsageEndTime", "ApplicationIdentifier", "TenantIdentifier", "TenantDescription", "ProductCode", "UsageType",
        "Operation", "ResourceId", "ScaleFactor", "TenantAttributionPercent", "UnblendedCost", "BlendedCost");

    private ReportCsv() {
    }

    static byte[] gzip(String payerAccountId, List<Attribution.Line> lines) {
        StringBuilder b = new StringBuilder(128 * (lines.size() + 1));
        b.append(String.join(",", COLUMNS)).append('\n');
        for (Attribution.Line l : lines) {
            String cost = Attribution.format(l.cost());
            row(b, payerAccountId, l.usageAccountId(), "Usage", Long.toString(l.hour().toEpochMilli()),
                Long.toString(l.hour().plus(Duration.ofHours(1)).toEpochMilli()), l.tenant().applicationId(),
                l.tenant().tenantId(), l.tenant().description(), l.resource().productCode(), l.resource().usageType(),
                l.resource().operation(), l.resource().resourceId(), Attribution.format(l.scaleFactor()),
                Attribution.format(l.percent()), cost, cost);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    private static void row(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(escape(fields[i]));
        }
        b.append('\n');
    }

    private static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
