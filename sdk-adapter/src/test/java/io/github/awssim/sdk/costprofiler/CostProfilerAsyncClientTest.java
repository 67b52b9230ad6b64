package io.github.awssim.sdk.costprofiler;

import static io.github.awssim.sdk.costprofiler.AcpFixture.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.CostProfilerFault;
import io.github.awssim.core.services.costprofiler.ResourceCost;
import io.github.awssim.sdk.SimulatedClients;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerAsyncClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportDefinition;
import software.amazon.awssdk.services.applicationcostprofiler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** The same service through the async clients: futures, the publisher paginator, exceptions as causes. */
class CostProfilerAsyncClientTest {
    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    static final long H10 = 1780308000L; // 2026-06-01T10:00:00Z
    static final long H12 = H10 + 2 * 3600;

    final Simulation sim = Simulation.builder().startTime(START).seed(8).build();
    final ApplicationCostProfilerAsyncClient acp = SimulatedClients.create(sim, ApplicationCostProfilerAsyncClient.class);
    final S3AsyncClient s3 = SimulatedClients.create(sim, S3AsyncClient.class);

    @AfterEach
    void close() {
        acp.close();
        s3.close();
        sim.close();
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void definitionsThroughFuturesAndErrorsAsCauses() throws Exception {
        sim.s3().createBucket("reports");
        String arn = await(acp.putReportDefinition(r -> r.reportId("tenants").reportDescription("cost per tenant")
            .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp"))))
            .reportId();
        assertThat(arn).isEqualTo("tenants");

        sim.clock().advance(Duration.ofMinutes(5));
        await(acp.updateReportDefinition(r -> r.reportId("tenants").reportDescription("monthly now")
            .reportFrequency("MONTHLY").format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp"))));
        GetReportDefinitionResponse got = await(acp.getReportDefinition(r -> r.reportId("tenants")));
        assertThat(got.reportDescription()).isEqualTo("monthly now");
        assertThat(got.createdAt()).isEqualTo(START);
        assertThat(got.lastUpdated()).isEqualTo(START.plus(Duration.ofMinutes(5)));

        Throwable second = catchThrowable(() -> acp.putReportDefinition(r -> r.reportId("other").reportDescription("d")
            .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp"))).join());
        assertThat(second).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ServiceQuotaExceededException.class);
        assertThat(((ServiceQuotaExceededException) second.getCause()).statusCode()).isEqualTo(402);

        await(acp.deleteReportDefinition(r -> r.reportId("tenants")));
        Throwable gone = catchThrowable(() -> acp.getReportDefinition(r -> r.reportId("tenants")).join());
        assertThat(gone).hasCauseInstanceOf(ValidationException.class);
        assertThat(gone.getCause().getMessage()).contains("tenants");
    }

    @Test
    void thePublisherPaginatorWalksEveryPage() throws Exception {
        sim.s3().createBucket("reports");
        sim.costProfiler().reportDefinitionQuota(5);
        for (int i = 0; i < 5; i++) {
            String id = "report-" + i;
            await(acp.putReportDefinition(r -> r.reportId(id).reportDescription("d").reportFrequency("ALL")
                .format("CSV").destinationS3Location(d -> d.bucket("reports").prefix(id))));
        }
        sim.journal().clear();

        List<ReportDefinition> all = new ArrayList<>();
        await(acp.listReportDefinitionsPaginator(r -> r.maxResults(2)).reportDefinitions().subscribe(all::add));

        assertThat(all).extracting(ReportDefinition::reportId)
            .containsExactly("report-0", "report-1", "report-2", "report-3", "report-4");
        assertThat(all).allSatisfy(d -> assertThat(d.lastUpdatedAt()).isEqualTo(START));
        assertThat(sim.journal().executions()).hasSize(3);
    }

    @Test
    void queuedThrottlingIsRetriedByTheAsyncClient() throws Exception {
        sim.costProfiler().failNext(2, CostProfilerFault.THROTTLING);

        assertThat(await(acp.listReportDefinitions(r -> { })).reportDefinitions()).isEmpty();
        assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
    }

    @Test
    void usageUploadedAndAReportReadBackWithTheAsyncS3Client() throws Exception {
        await(s3.createBucket(b -> b.bucket("usage")));
        await(s3.createBucket(b -> b.bucket("reports")));
        sim.costProfiler().resourceCost(ResourceCost.of("i-web", "AmazonEC2", "BoxUsage:c5.large", "RunInstances",
            new BigDecimal("0.10")).activeFrom(Instant.parse("2026-06-01T00:00:00Z")));
        await(acp.putReportDefinition(r -> r.reportId("tenants").reportDescription("cost per tenant")
            .reportFrequency("DAILY").format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp"))));
        await(s3.putObject(r -> r.bucket("usage").key("u.csv"), AsyncRequestBody.fromString(HEADER
            + "shop,acme,,123456789012," + H10 + "," + H12 + ",i-web\n")));

        String importId = await(acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key("u.csv"))))
            .importId();
        assertThat(importId).matches("[0-9a-f-]{36}");
        sim.clock().set(Instant.parse("2026-06-02T00:00:00Z"));

        byte[] gz = await(s3.getObject(r -> r.bucket("reports").key("acp/tenants/DAILY/2026-06-02/tenants.csv.gz"),
            AsyncResponseTransformer.toBytes())).asByteArray();
        String csv;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> acme = csv.lines().filter(l -> l.contains(",acme,")).toList();
        assertThat(acme).hasSize(2).allSatisfy(l -> assertThat(l).endsWith(",100,0.1,0.1"));
        assertThat(csv.lines().filter(l -> l.contains(",unattributed,"))).hasSize(22);
    }
}
