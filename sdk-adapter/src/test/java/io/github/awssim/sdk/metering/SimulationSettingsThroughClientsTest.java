package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringRecord;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * The simulation's builder settings (seed, start time, account id, default region) reach what real clients
 * see: the account and region their calls belong to, the clock the rules read, and the ids the service mints.
 */
class SimulationSettingsThroughClientsTest {
    static final Instant START = Instant.parse("2026-05-04T03:02:01Z");

    private static Simulation build() {
        return Simulation.builder().seed(42).startTime(START).accountId("210987654321").region(Region.EU_CENTRAL_1).build();
    }

    private static MarketplaceMeteringClient client(Simulation sim, boolean async) {
        return async ? JoiningClient.of(SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class))
            : SimulatedClients.create(sim, MarketplaceMeteringClient.class);
    }

    /** Two calls on a fresh simulation: the ids it minted. */
    private static List<String> meterTwice(Simulation sim, boolean async) {
        List<String> ids = new ArrayList<>();
        try (MarketplaceMeteringClient client = client(sim, async)) {
            for (String dimension : List.of("Users", "Hosts")) {
                ids.add(client.meterUsage(r -> r.productCode("prod-1").usageDimension(dimension).usageQuantity(1)
                    .timestamp(sim.clock().instant())).meteringRecordId());
            }
        }
        return ids;
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void callsBelongToTheConfiguredAccountAndRegionAndReadTheConfiguredClock(boolean async) {
        try (Simulation sim = build()) {
            meterTwice(sim, async);

            assertThat(sim.journal().executions()).extracting(Execution::accountId, Execution::region)
                .containsOnly(org.assertj.core.api.Assertions.tuple("210987654321", "eu-central-1"));
            assertThat(sim.metering().accountId()).isEqualTo("210987654321");
            assertThat(sim.metering().region()).isEqualTo(Region.EU_CENTRAL_1);
            assertThat(sim.metering().records()).extracting(MeteringRecord::customerAwsAccountId, MeteringRecord::recordedAt)
                .containsOnly(org.assertj.core.api.Assertions.tuple("210987654321", START));
            assertThat(sim.metering().in("123456789012", Region.US_EAST_1).records()).as("the default partition").isEmpty();
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void theSameSeedMintsTheSameIds(boolean async) {
        List<String> first;
        List<String> again;
        List<String> otherSeed;
        try (Simulation sim = build()) {
            first = meterTwice(sim, async);
        }
        try (Simulation sim = build()) {
            again = meterTwice(sim, async);
        }
        try (Simulation sim = Simulation.builder().seed(43).startTime(START).build()) {
            otherSeed = meterTwice(sim, async);
        }

        assertThat(first).doesNotHaveDuplicates().isEqualTo(again);
        assertThat(otherSeed).doesNotContainAnyElementsOf(first);
    }
}
