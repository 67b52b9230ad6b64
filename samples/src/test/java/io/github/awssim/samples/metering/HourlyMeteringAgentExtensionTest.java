package io.github.awssim.samples.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.junit.SimulatedAws;
import io.github.awssim.junit.SpiedBackend;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Report;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Status;
import io.github.awssim.samples.metering.HourlyMeteringAgent.UsageSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/** The agent's tests written with @SimulatedAws: the extension makes the simulation and the clients. */
@SimulatedAws(startTime = "2026-06-01T09:05:00Z")
class HourlyMeteringAgentExtensionTest {
    private final Map<String, Integer> usage = new TreeMap<>(Map.of("Users", 12, "Hosts", 3));

    @Test
    void reportsThePreviousHourOncePerDimension(Simulation sim, MarketplaceMeteringClient metering) {
        HourlyMeteringAgent agent = new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> usage);

        List<Report> reports = agent.reportPreviousHour();

        assertThat(reports).extracting(Report::status).containsOnly(Status.METERED);
        assertThat(sim.metering().records()).extracting(MeteringRecord::hour)
                .containsOnly(Instant.parse("2026-06-01T08:00:00Z"));
    }

    /** How the application wires the agent in production: it builds its own client and knows nothing of awssim. */
    static HourlyMeteringAgent wiredAsInProduction(Clock clock, UsageSource usage) {
        return new HourlyMeteringAgent(MarketplaceMeteringClient.create(), clock, "prod-1", usage);
    }

    @Test
    void theAgentAsWiredInProductionReachesTheTestsSimulation(Simulation sim) {
        HourlyMeteringAgent agent = wiredAsInProduction(sim.clock(), hour -> usage);   // MarketplaceMeteringClient.create()

        agent.reportPreviousHour();

        assertThat(sim.metering().records()).hasSize(2);
        assertThat(sim.journal().executions()).extracting(Execution::accountId).containsOnly(sim.accountId());
    }

    @Test
    void throttlingIsRetriedByTheSdkAndMetersExactlyOnce(Simulation sim, MarketplaceMeteringClient metering,
                                                          @SpiedBackend MarketplaceMeteringClient backend) {
        doThrow(ThrottlingException.builder().message("Rate exceeded").build())
                .doThrow(ThrottlingException.builder().message("Rate exceeded").build())
                .doCallRealMethod()
                .when(backend).meterUsage(any(MeterUsageRequest.class));

        List<Report> reports = new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> usage).reportPreviousHour();

        assertThat(reports).extracting(Report::status).containsOnly(Status.METERED);
        verify(backend, times(4)).meterUsage(any(MeterUsageRequest.class));   // Hosts: 3 attempts, Users: 1
        assertThat(sim.metering().records()).hasSize(2);                        // metered exactly once each
        assertThat(sim.clock().instant()).isAfter(Instant.parse("2026-06-01T09:05:00Z")); // backoff, not sleep
    }

    @Test
    void anAgentThatWasDownTooLongIsToldSo(Simulation sim, MarketplaceMeteringClient metering) {
        HourlyMeteringAgent agent = new HourlyMeteringAgent(metering, sim.clock(), "prod-1", hour -> usage);
        sim.clock().advance(Duration.ofHours(8));

        List<Report> reports = agent.reportHour(Instant.parse("2026-06-01T08:00:00Z"));

        assertThat(reports).extracting(Report::status).containsOnly(Status.TOO_LATE);
        assertThat(sim.metering().records()).isEmpty();
    }
}
