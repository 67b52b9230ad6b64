package io.github.awssim.samples.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.samples.ThrottleFirstCalls;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Report;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Status;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;

/** The agent's tests, written the way an awssim user writes them: the real SDK client, a simulation underneath. */
class HourlyMeteringAgentTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-06-01T09:05:00Z")).build();
    private final MarketplaceMeteringClient metering = MarketplaceMeteringClient.builder()
        .httpClient(SimulatedHttpClient.create(sim))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
        .build();
    private final Map<String, Integer> usage = new TreeMap<>(Map.of("Users", 12, "Hosts", 3));
    private final HourlyMeteringAgent agent = new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> usage);

    @AfterEach
    void close() {
        metering.close();
        sim.close();
    }

    @Test
    void reportsThePreviousHourOncePerDimension() {
        List<Report> reports = agent.reportPreviousHour();

        assertThat(reports).extracting(Report::dimension, Report::quantity, Report::status)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Hosts", 3, Status.METERED),
                org.assertj.core.groups.Tuple.tuple("Users", 12, Status.METERED));
        assertThat(sim.metering().records()).extracting(r -> r.hour()).containsOnly(Instant.parse("2026-06-01T08:00:00Z"));
        assertThat(sim.journal().requests(MeterUsageRequest.class)).extracting(MeterUsageRequest::timestamp)
            .containsOnly(Instant.parse("2026-06-01T08:00:00Z"));
    }

    @Test
    void aRestartedAgentReplaysInsteadOfChargingTwice() {
        List<Report> first = agent.reportPreviousHour();
        List<Report> again = new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> usage).reportPreviousHour();

        assertThat(again).extracting(Report::recordId).isEqualTo(first.stream().map(Report::recordId).toList());
        assertThat(sim.metering().records()).hasSize(2);
    }

    @Test
    void lateUsageForAnHourAlreadyReportedIsReportedAsSuchNotThrown() {
        agent.reportPreviousHour();
        usage.put("Users", 15);

        List<Report> late = agent.reportPreviousHour();

        assertThat(late).filteredOn(r -> r.dimension().equals("Users")).singleElement()
            .satisfies(r -> {
                assertThat(r.status()).isEqualTo(Status.ALREADY_REPORTED);
                assertThat(r.detail()).contains("ClientToken");
            });
        assertThat(sim.metering().records()).filteredOn(r -> r.dimension().equals("Users"))
            .extracting(r -> r.quantity()).containsExactly(12);
    }

    @Test
    void anAgentThatWasDownTooLongIsToldSo() {
        sim.clock().advance(Duration.ofHours(8));

        List<Report> reports = agent.reportHour(Instant.parse("2026-06-01T08:00:00Z"));

        assertThat(reports).extracting(Report::status).containsOnly(Status.TOO_LATE);
        assertThat(sim.metering().records()).isEmpty();
    }

    @Test
    void throttlingIsRetriedByTheSdkAndMetersExactlyOnce() {
        sim.register(MarketplaceMeteringClient.class, new ThrottleFirstCalls(sim.metering(), 2));
        HourlyMeteringAgent fast = new HourlyMeteringAgent(SimulatedClients.create(sim, MarketplaceMeteringClient.class),
            sim.clock(), "prod-1", hour -> usage);

        List<Report> reports = fast.reportPreviousHour();

        assertThat(reports).extracting(Report::status).containsOnly(Status.METERED);
        assertThat(sim.journal().executions(MeterUsageRequest.class)).extracting(e -> e.attemptCount()).containsExactly(3, 1);
        assertThat(sim.metering().records()).hasSize(2);
    }

    @Test
    void theAgentSendsStableClientTokens() {
        AtomicInteger calls = new AtomicInteger();
        agent.reportPreviousHour();
        agent.reportPreviousHour();
        List<MeterUsageRequest> sent = sim.journal().requests(MeterUsageRequest.class);
        calls.set(sent.size());

        assertThat(calls.get()).isEqualTo(4);
        assertThat(sent.get(0).clientToken()).isEqualTo(sent.get(2).clientToken());
        assertThat(sent.get(0).clientToken()).isNotEqualTo(sent.get(1).clientToken());
    }
}
