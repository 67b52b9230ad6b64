package io.github.awssim.sdk.costprofiler;

import static io.github.awssim.sdk.costprofiler.AcpFixture.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.TenantUsage;
import io.github.awssim.core.services.costprofiler.UsageImport;
import io.github.awssim.sdk.SimulatedClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.AccessDeniedException;
import software.amazon.awssdk.services.applicationcostprofiler.model.S3BucketRegion;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** ImportApplicationUsage reads the simulation's S3: what it accepts, what it refuses and what it keeps. */
class CostProfilerImportTest {
    static final String ROW = "shop,acme,Acme Corp,123456789012,1780308000,1780311600,i-shared\n";

    Simulation sim;
    ApplicationCostProfilerClient acp;
    S3Client s3;

    @BeforeEach
    void start() {
        sim = Simulation.builder().startTime(Instant.parse("2026-06-01T12:00:00Z")).seed(9).build();
        acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class);
        s3 = SimulatedClients.create(sim, S3Client.class);
        s3.createBucket(b -> b.bucket("usage"));
    }

    @AfterEach
    void stop() {
        acp.close();
        s3.close();
        sim.close();
    }

    String importFile(String key, String content) {
        s3.putObject(r -> r.bucket("usage").key(key), RequestBody.fromString(content));
        return acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key(key))).importId();
    }

    @Test
    void anImportKeepsTheRowsAsTheyWereWhenItRan() {
        String first = importFile("hour.csv", HEADER + ROW);
        s3.putObject(r -> r.bucket("usage").key("hour.csv"), RequestBody.fromString(HEADER
            + "shop,initech,,123456789012,1780311600,1780315200,i-shared\n"));

        List<UsageImport> imports = sim.costProfiler().imports();
        assertThat(imports).singleElement().satisfies(i -> {
            assertThat(i.importId()).isEqualTo(first);
            assertThat(i.bucket()).isEqualTo("usage");
            assertThat(i.key()).isEqualTo("hour.csv");
            assertThat(i.importedAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
            assertThat(i.usage()).containsExactly(new TenantUsage("shop", "acme", "Acme Corp", "123456789012",
                Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-06-01T11:00:00Z"), "i-shared"));
        });

        String second = acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("hour.csv")))
            .importId();
        assertThat(second).isNotEqualTo(first);
        assertThat(sim.costProfiler().imports()).extracting(i -> i.usage().get(0).tenantId())
            .containsExactly("acme", "initech");
    }

    @Test
    void importIdsAreFreshMatchTheModelAndReplayFromTheSeed() {
        List<String> ids = fiveImports(42);

        assertThat(ids).hasSize(5).doesNotHaveDuplicates()
            .allSatisfy(id -> assertThat(id).matches("[0-9A-Za-z.\\-_]{1,255}"));
        assertThat(fiveImports(42)).as("same seed, same calls").isEqualTo(ids);
        assertThat(fiveImports(43)).as("another seed").doesNotContainAnyElementsOf(ids);
    }

    static List<String> fiveImports(long seed) {
        try (Simulation s = Simulation.builder().startTime(Instant.parse("2026-06-01T12:00:00Z")).seed(seed).build();
             S3Client s3 = SimulatedClients.create(s, S3Client.class);
             ApplicationCostProfilerClient acp = SimulatedClients.create(s, ApplicationCostProfilerClient.class)) {
            s3.createBucket(b -> b.bucket("usage"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String key = "f" + i + ".csv";
                s3.putObject(r -> r.bucket("usage").key(key), RequestBody.fromString(HEADER + ROW));
                ids.add(acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key(key))).importId());
            }
            return ids;
        }
    }

    @Test
    void columnsInAnyOrderWithoutTenantDescQuotedFieldsCrlfAndGzip() throws IOException {
        importFile("reordered.csv", "ResourceId,StartTime,EndTime,UsageAccountId,TenantId,ApplicationId\r\n"
            + "i-shared,1780308000,1780311600,123456789012,acme,shop\r\n"
            + "\"arn:aws:rds:us-east-1:123456789012:db:orders\",1780308000,1780309800,123456789012,\"a,b\",shop\r\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write((HEADER + ROW).getBytes(StandardCharsets.UTF_8));
        }
        s3.putObject(r -> r.bucket("usage").key("hour.csv.gz"), RequestBody.fromBytes(gz.toByteArray()));
        acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("hour.csv.gz")));

        List<UsageImport> imports = sim.costProfiler().imports();
        assertThat(imports.get(0).usage()).extracting(TenantUsage::tenantId, TenantUsage::tenantDescription,
            TenantUsage::resourceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("acme", "", "i-shared"),
                org.assertj.core.groups.Tuple.tuple("a,b", "", "arn:aws:rds:us-east-1:123456789012:db:orders"));
        assertThat(imports.get(1).usage()).extracting(TenantUsage::tenantDescription).containsExactly("Acme Corp");
    }

    @Test
    void aMissingBucketOrKeyIsAValidationErrorNamingIt() {
        ValidationException bucket = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("no-such-bucket").key("k.csv"))));
        assertThat(bucket.awsErrorDetails().errorMessage())
            .isEqualTo("ImportApplicationUsage: sourceS3Location.bucket 'no-such-bucket' does not exist.");

        ValidationException key = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key("missing.csv"))));
        assertThat(key.awsErrorDetails().errorMessage())
            .isEqualTo("ImportApplicationUsage: sourceS3Location.key 'missing.csv' does not exist in bucket 'usage'.");
        assertThat(sim.costProfiler().imports()).isEmpty();
    }

    @Test
    void anArchivedUsageFileIsAValidationErrorSayingWhy() {
        s3.putObject(r -> r.bucket("usage").key("cold.csv").storageClass(StorageClass.GLACIER),
            RequestBody.fromString("ApplicationId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId\n"));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key("cold.csv"))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ImportApplicationUsage: sourceS3Location.key 'cold.csv' in "
            + "bucket 'usage' is in storage class GLACIER, which S3 cannot read until it is restored; upload the usage file "
            + "in STANDARD.");
        assertThat(sim.costProfiler().imports()).isEmpty();
    }

    @Test
    void anotherAccountsBucketIsAccessDenied() {
        sim.s3().in("210987654321", Region.US_EAST_1).createBucket("theirs").putObject("theirs", "u.csv", HEADER + ROW);

        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("theirs").key("u.csv"))));

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorMessage()).contains("bucket 'theirs' is denied: it does not belong to account "
            + "123456789012");
    }

    @Test
    void theRegionMustMatchTheBucketAndIsRequiredForOptInRegions() {
        sim.s3().in(sim.accountId(), Region.AP_EAST_1).createBucket("hk-usage").putObject("hk-usage", "u.csv",
            HEADER + ROW);

        ValidationException required = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("hk-usage").key("u.csv"))));
        assertThat(required.awsErrorDetails().errorMessage()).contains("is in ap-east-1, a Region that is disabled by "
            + "default; sourceS3Location.region must name it");
        ValidationException mismatch = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key("u.csv").region(S3BucketRegion.EU_SOUTH_1))));
        assertThat(mismatch.awsErrorDetails().errorMessage()).contains("region is eu-south-1, but bucket 'usage' is in "
            + "us-east-1");

        acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("hk-usage").key("u.csv")
            .region(S3BucketRegion.AP_EAST_1)));
        assertThat(sim.costProfiler().imports()).hasSize(1);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''| it is empty; the first line must be the header ApplicationId,TenantId,TenantDesc,UsageAccountId,StartTime,EndTime,ResourceId.",
        "[{\"ApplicationId\":\"shop\"}]| it looks like JSON; awssim reads CSV usage files only, whose first line is the header ApplicationId,",
        "ApplicationId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId,Cost\\n| line 1: unknown column 'Cost'; the columns are",
        "ApplicationId,TenantId,UsageAccountId,StartTime,EndTime\\n| line 1: the header lacks column ResourceId.",
        "ApplicationId,TenantId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId\\n| line 1: column 'TenantId' appears twice.",
        "H\\nshop,acme,Acme,123456789012,1780308000,1780311600\\n| line 2: 6 fields, but the header has 7.",
        "H\\nshop,,Acme,123456789012,1780308000,1780311600,i-1\\n| line 2, column TenantId: empty; every row needs a TenantId.",
        "H\\nshop,acme,Acme,1234,1780308000,1780311600,i-1\\n| line 2, column UsageAccountId: '1234' is not a 12-digit AWS account id.",
        "H\\nshop,acme,Acme,123456789012,1780308000,1780311600,i-1\\nshop,acme,Acme,123456789012,yesterday,1780311600,i-1\\n| line 3, column StartTime: 'yesterday' is not a time in epoch seconds",
        "H\\nshop,acme,Acme,123456789012,1780308000000,1780311600000,i-1\\n| line 2, column StartTime: 1780308000000 is too large for epoch seconds; it looks like milliseconds",
        "H\\nshop,acme,Acme,123456789012,1780311600,1780308000,i-1\\n| line 2: EndTime 1780308000 is not after StartTime 1780311600.",
        "H\\nshop,acme,Acme,123456789012,1780308000,1780308000,i-1\\n| line 2: EndTime 1780308000 is not after StartTime 1780308000.",
        "H\\nshop,\"acme,Acme,123456789012,1780308000,1780311600,i-1\\n| line 2: a quoted field is never closed.",
        "H\\nshop,\"acme\"x,Acme,123456789012,1780308000,1780311600,i-1\\n| line 2: 'x' follows a quoted field's closing quote"
    })
    void aMalformedFileIsRefusedNamingLineAndColumn(String content, String detail) {
        String file = content.replace("\\n", "\n").replace("H\n", HEADER);

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> importFile("bad.csv", file));

        assertThat(e.awsErrorDetails().errorMessage())
            .startsWith("ImportApplicationUsage: s3://usage/bad.csv is not a valid usage file: " + detail.trim());
        assertThat(sim.costProfiler().imports()).isEmpty();
    }

    @Test
    void binaryIsNotAUsageFile() {
        s3.putObject(r -> r.bucket("usage").key("bin"), RequestBody.fromBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key("bin"))));
        assertThat(e.awsErrorDetails().errorMessage()).endsWith("is not a valid usage file: it is not UTF-8 text (CSV "
            + "with a header row, optionally gzip-compressed, is expected).");
        s3.putObject(r -> r.bucket("usage").key("gz"), RequestBody.fromBytes(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}));
        ValidationException gz = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key("gz"))));
        assertThat(gz.awsErrorDetails().errorMessage()).endsWith("it starts like gzip but does not decompress.");
    }

    @Test
    void modelConstraintsOfTheSourceLocation() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key(" "))));
        assertThat(e.awsErrorDetails().errorMessage()).contains("at 'sourceS3Location.key' failed to satisfy constraint");
        ValidationException region = catchThrowableOfType(ValidationException.class, () -> acp.importApplicationUsage(
            r -> r.sourceS3Location(l -> l.bucket("usage").key("k").region("us-west-2"))));
        assertThat(region.awsErrorDetails().errorMessage()).contains("Value 'us-west-2' at 'sourceS3Location.region' "
            + "failed to satisfy constraint: Member must satisfy enum value set");
    }
}
