package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.GlobalSimulation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/** {@code @SimulatedAws} used as users will: this class runs in the module's own (concurrent) suite. */
@SimulatedAws(startTime = "2026-06-01T09:05:00Z", seed = 42, region = "eu-west-1", accountId = "111122223333")
class SimulatedAwsTest {
    private final Simulation fromConstructor;
    private final MarketplaceMeteringClient clientFromConstructor;
    private Simulation fromBeforeEach;

    SimulatedAwsTest(Simulation sim, MarketplaceMeteringClient metering) {
        this.fromConstructor = sim;
        this.clientFromConstructor = metering;
    }

    @BeforeEach
    void setUp(Simulation sim) {
        fromBeforeEach = sim;
    }

    /** Application code: knows nothing of awssim, builds its client the ordinary way. */
    static String meterOnce(String dimension, Instant at) {
        try (MarketplaceMeteringClient metering = MarketplaceMeteringClient.create()) {
            return metering.meterUsage(r -> r.productCode("prod-1").usageDimension(dimension).usageQuantity(1)
                .timestamp(at)).meteringRecordId();
        }
    }

    @Test
    void theAttributesConfigureTheSimulation(Simulation sim) {
        assertThat(sim.seed()).isEqualTo(42);
        assertThat(sim.clock().instant()).isEqualTo(Instant.parse("2026-06-01T09:05:00Z"));
        assertThat(sim.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(sim.accountId()).isEqualTo("111122223333");
    }

    @Test
    void theConstructorLifecycleMethodsAndTestShareOneSimulationAndOneClientPerInterface(
            Simulation sim, MarketplaceMeteringClient metering) {
        assertThat(fromConstructor).isSameAs(sim).isSameAs(fromBeforeEach);
        assertThat(clientFromConstructor).isSameAs(metering);
    }

    @Test
    void injectedClientsSyncAndAsyncReachTheSimulation(Simulation sim, MarketplaceMeteringClient metering,
                                                       MarketplaceMeteringAsyncClient async) {
        metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
            .timestamp(sim.clock().instant()));
        async.meterUsage(r -> r.productCode("prod-1").usageDimension("Hosts").usageQuantity(1)
            .timestamp(sim.clock().instant())).join();

        assertThat(sim.journal().executions()).extracting(Execution::region).containsOnly("eu-west-1");
        assertThat(sim.metering().records()).hasSize(2);
    }

    @Test
    void simulatedClientsBuildsClientsOfYourOwnConfiguration(Simulation sim, SimulatedClients clients) {
        MarketplaceMeteringClient inUsEast = clients.withRegion(Region.US_EAST_1).create(MarketplaceMeteringClient.class);

        inUsEast.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
            .timestamp(sim.clock().instant()));

        assertThat(sim.journal().last().region()).isEqualTo("us-east-1");
        inUsEast.close();
    }

    @Test
    void aSpiedBackendCountsTheAttemptsThatReachedTheService(Simulation sim, MarketplaceMeteringClient metering,
                                                              @SpiedBackend MarketplaceMeteringClient backend) {
        doThrow(ThrottlingException.builder().message("Rate exceeded").build())
            .doThrow(ThrottlingException.builder().message("Rate exceeded").build())
            .doCallRealMethod()
            .when(backend).meterUsage(any(MeterUsageRequest.class));

        metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(1)
            .timestamp(sim.clock().instant()));

        verify(backend, times(3)).meterUsage(any(MeterUsageRequest.class));
        assertThat(sim.clock().instant()).as("the backoff passed on the simulation clock")
            .isAfter(Instant.parse("2026-06-01T09:05:00Z"));
    }

    @Test
    void codeUnderTestThatBuildsItsOwnClientsReachesThisTestsSimulation(Simulation sim) {
        assertThat(System.getProperty(GlobalSimulation.SYNC_PROPERTY)).isEqualTo("io.github.awssim.sdk.SimulatedHttpService");
        assertThat(System.getProperty("aws.region")).isEqualTo("eu-west-1");

        String first = meterOnce("Users", sim.clock().instant());
        String async;
        try (MarketplaceMeteringAsyncClient client = MarketplaceMeteringAsyncClient.create()) {
            async = client.meterUsage(r -> r.productCode("prod-1").usageDimension("Hosts").usageQuantity(2)
                .timestamp(sim.clock().instant())).join().meteringRecordId();
        }

        assertThat(sim.metering().records()).extracting(r -> r.meteringRecordId()).containsExactlyInAnyOrder(first, async);
        assertThat(sim.journal().executions()).extracting(Execution::accountId).containsOnly("111122223333");
    }

    @Test
    void theClockIsTheTestsToMove(Simulation sim) {
        sim.clock().advance(Duration.ofHours(7));

        assertThat(sim.clock().instant()).isEqualTo(Instant.parse("2026-06-01T16:05:00Z"));
    }
}
