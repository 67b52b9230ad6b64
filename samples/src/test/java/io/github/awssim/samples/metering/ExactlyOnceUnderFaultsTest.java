package io.github.awssim.samples.metering;

import static io.github.awssim.core.assertions.AwsSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Report;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Status;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/**
 * The test every metering integration needs: with 30% of attempts throttled and 20% of responses lost
 * after the service committed, under the SDK's default retries, every hour is billed exactly once.
 * Virtual backoff makes a day of it run in well under a second.
 */
class ExactlyOnceUnderFaultsTest {
    private static final Instant START = Instant.parse("2026-06-01T00:05:00Z");
    private static final FaultPlan FLAKY_NETWORK = FaultPlan.of(
        FaultRule.on(MeterUsageRequest.class).withProbability(0.3).fail(ThrottlingException.class),
        FaultRule.on(MeterUsageRequest.class).withProbability(0.2).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT));

    private final Map<String, Integer> usage = new TreeMap<>(Map.of("Users", 12, "Hosts", 3));

    /** A day of the agent: each hour it reports the previous one; an hour that failed is retried next hour. */
    private static List<String> runDay(Simulation sim, HourlyMeteringAgent agent) {
        List<String> failures = new ArrayList<>();
        List<Instant> pending = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            sim.clock().set(START.plus(Duration.ofHours(h + 1)));
            pending.add(START.plus(Duration.ofHours(h)));
            for (Instant hour : List.copyOf(pending)) {
                try {
                    List<Report> reports = agent.reportHour(hour);
                    assertThat(reports).extracting(Report::status).doesNotContain(Status.TOO_LATE);
                    pending.remove(hour);
                } catch (SdkException e) {
                    failures.add(hour + ": " + e.getClass().getSimpleName());   // the SDK gave up; try again next hour
                }
            }
        }
        return failures;
    }

    @Test
    void everyHourIsBilledExactlyOnce() {
        Simulation sim = Simulation.builder().startTime(START).seed(2026).faults(FLAKY_NETWORK).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        HourlyMeteringAgent agent = new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> usage);

        List<String> gaveUp = runDay(sim, agent);

        List<MeteringRecord> records = sim.metering().records();
        assertThat(records).hasSize(48);
        assertThat(records.stream().collect(Collectors.groupingBy(r -> r.hour() + "/" + r.dimension(), Collectors.counting())))
            .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
        assertThat(records).allSatisfy(r -> assertThat(r.quantity()).isEqualTo(usage.get(r.dimension())));
        // The faults really happened, and the SDK really retried.
        long lost = sim.journal().executions().stream().flatMap(e -> e.attempts().stream())
            .filter(a -> a.outcome() instanceof Outcome.TransportFault).count();
        assertThat(lost).isGreaterThan(5);
        assertThat(sim.journal().executions()).anySatisfy(e -> assertThat(e.attemptCount()).isGreaterThan(2));
        assertThat(gaveUp.size()).isLessThan(10);
    }

    @Test
    void theSameSeedReplaysTheSameFaults() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Simulation sim = Simulation.builder().startTime(START).seed(7).faults(FLAKY_NETWORK).build();
            HourlyMeteringAgent agent = new HourlyMeteringAgent(SimulatedClients.create(sim, MarketplaceMeteringClient.class),
                sim.clock(), "prod-1", hour -> usage);
            runDay(sim, agent);
            runs.add(sim.journal().executions().stream()
                .map(e -> e.attempts().stream().map(a -> a.outcome().label()).collect(Collectors.joining(",")))
                .collect(Collectors.toList()));
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void mockitoCountsTheAttemptsThatReachedTheService() {
        Simulation sim = Simulation.builder().startTime(START).seed(11).faults(FaultPlan.of(
            FaultRule.on(MeterUsageRequest.class).onAttempts(1, 2).fail(ThrottlingException.class))).build();
        MarketplaceMeteringClient backend = sim.spyBackend(MarketplaceMeteringClient.class);
        HourlyMeteringAgent agent = new HourlyMeteringAgent(SimulatedClients.create(sim, MarketplaceMeteringClient.class),
            sim.clock(), "prod-1", hour -> Map.of("Users", 12));

        sim.clock().advance(Duration.ofHours(1));
        agent.reportPreviousHour();

        // The two throttled attempts never reached the service: a fault answers in front of it.
        verify(backend, times(1)).meterUsage(any(MeterUsageRequest.class));
        assertThat(sim.journal()).lastExecution().hasAttempts(3)
            .hasAttemptOutcomes("ThrottlingException", "ThrottlingException", "MeterUsageResponse");
    }
}
