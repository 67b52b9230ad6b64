package io.github.awssim.sdk.costprofiler;

import static io.github.awssim.sdk.costprofiler.AcpFixture.HEADER;
import static io.github.awssim.sdk.costprofiler.AcpFixture.costOf;
import static io.github.awssim.sdk.costprofiler.AcpFixture.readReport;
import static io.github.awssim.sdk.costprofiler.AcpFixture.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.costprofiler.CostProfilerReport;
import io.github.awssim.core.services.costprofiler.UsageImport;
import io.github.awssim.sdk.SimulatedClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerAsyncClient;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Many callers at once, sync and async: imports are never lost or mixed up, the one-definition quota is never
 * overshot, and callers racing to observe a passed midnight make its report appear exactly once.
 */
class CostProfilerConcurrencyTest {
    static final Instant START = Instant.parse("2026-06-01T00:30:00Z");
    static final long DAY_START = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();
    static final int CALLERS = 8;

    final Simulation sim = Simulation.builder().startTime(START).seed(3).build();
    final ApplicationCostProfilerClient acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class);
    final ApplicationCostProfilerAsyncClient acpAsync = SimulatedClients.create(sim, ApplicationCostProfilerAsyncClient.class);
    final S3Client s3 = SimulatedClients.create(sim, S3Client.class);
    final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        acp.close();
        acpAsync.close();
        s3.close();
        sim.close();
    }

    /** Runs {@code CALLERS} tasks released together; returns their results in caller order. */
    <T> List<T> race(IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Callable<T> c = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return c.call();
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void racingPutsCreateOneDefinition() throws Exception {
        sim.s3().createBucket("reports");

        List<String> outcomes = race(i -> () -> {
            try {
                acp.putReportDefinition(r -> r.reportId("report-" + i).reportDescription("d").reportFrequency("DAILY")
                    .format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("p")));
                return "created";
            } catch (ServiceQuotaExceededException e) {
                return "402";
            }
        });

        assertThat(outcomes).containsOnlyOnce("created").filteredOn("402"::equals).hasSize(CALLERS - 1);
        assertThat(sim.costProfiler().reportDefinitions()).hasSize(1);
    }

    @Test
    void concurrentImportsAreAllKeptAndRacingObserversDeliverEachReportOnce() throws Exception {
        sim.s3().createBucket("usage").createBucket("reports");
        sim.costProfiler().resourceCost("i-1", "AmazonEC2", "BoxUsage:c5.large", "RunInstances", new BigDecimal("0.24"));
        AcpFixture.define(acp, "tenants", "DAILY", "reports");

        // Caller i uploads and imports three files, each naming its tenant for one hour of its own: 24 hours in all.
        List<List<String>> importIds = race(i -> () -> {
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                long hour = DAY_START + (i * 3L + j) * 3600;
                String key = "caller-" + i + "/file-" + j + ".csv";
                s3.putObject(r -> r.bucket("usage").key(key), RequestBody.fromString(HEADER
                    + "shop,t" + i + ",,123456789012," + hour + "," + (hour + 3600) + ",i-1\n"));
                ids.add(i % 2 == 0
                    ? acp.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key(key))).importId()
                    : acpAsync.importApplicationUsage(r -> r.sourceS3Location(l -> l.bucket("usage").key(key)))
                        .get(30, TimeUnit.SECONDS).importId());
            }
            return ids;
        });

        List<UsageImport> imports = sim.costProfiler().imports();
        assertThat(imports).hasSize(CALLERS * 3);
        assertThat(imports).extracting(UsageImport::importId).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(importIds.stream().flatMap(List::stream).toList());
        assertThat(imports).allSatisfy(im -> assertThat(im.usage()).singleElement()
            .satisfies(u -> assertThat(im.key()).startsWith("caller-" + u.tenantId().substring(1) + "/")));

        // Seven midnights pass at once; every caller races to observe them, through clients and the typed API.
        sim.clock().set(Instant.parse("2026-06-08T00:00:00Z"));
        race(i -> () -> switch (i % 4) {
            case 0 -> s3.listObjectsV2(r -> r.bucket("reports")).keyCount();
            case 1 -> sim.costProfiler().reports().size();
            case 2 -> acp.listReportDefinitions(r -> { }).reportDefinitions().size();
            default -> acpAsync.getReportDefinition(r -> r.reportId("tenants")).get(30, TimeUnit.SECONDS).hashCode();
        });

        List<CostProfilerReport> reports = sim.costProfiler().reports();
        assertThat(reports).hasSize(7).extracting(CostProfilerReport::key).doesNotHaveDuplicates();
        assertThat(reports).allSatisfy(r -> assertThat(r.status()).isEqualTo(CostProfilerReport.Status.DELIVERED));
        List<S3Object> objects = s3.listObjectsV2(r -> r.bucket("reports")).contents();
        assertThat(objects).extracting(S3Object::key).containsExactlyElementsOf(reports.stream()
            .map(CostProfilerReport::key).sorted().toList());

        // The first day: every hour covered by exactly one tenant's import, nothing unattributed.
        List<Map<String, String>> day1 = readReport(s3, "reports", "acp/tenants/DAILY/2026-06-02/tenants.csv.gz");
        for (int i = 0; i < CALLERS; i++) {
            assertThat(costOf(day1, "t" + i)).as("tenant t" + i).isEqualByComparingTo("0.72");
        }
        assertThat(costOf(day1, "unattributed")).isEqualByComparingTo("0");
        assertThat(total(day1)).isEqualByComparingTo("5.76");

        // One more race on the next midnight: still exactly one more report.
        sim.clock().advance(Duration.ofDays(1));
        race(i -> () -> sim.s3().objects("reports").size());
        assertThat(sim.costProfiler().reports()).hasSize(8);
        assertThat(s3.listObjectsV2(r -> r.bucket("reports")).keyCount()).isEqualTo(8);
    }
}
