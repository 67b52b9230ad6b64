package io.github.awssim.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.Latency;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;

/**
 * Every transport fault, through a sync and an async client, with the SDK's retries off so its final exception is
 * the fault's: the client sees what the fault names, the journal says whether the service acted, and the message
 * names the rule and the seed, also where the SDK words the failure alone (its parser, its 503, its timeout).
 */
class TransportFaultsSyncAndAsyncTest {
    private static final Instant T0 = Instant.parse("2026-04-01T10:20:00Z");
    private static final long SEED = 4242;

    private static Simulation sim(FaultRule rule) {
        return Simulation.builder().startTime(T0).seed(SEED).faults(FaultPlan.of(rule)).build();
    }

    /** One MeterUsage with a single attempt and a 300 ms attempt timeout; the exception the caller sees, unwrapped. */
    private static Throwable meterOnce(Simulation sim, boolean async) {
        SimulatedClients clients = SimulatedClients.of(sim)
            .withOverrides(o -> o.apiCallAttemptTimeout(Duration.ofMillis(300)).retryStrategy(r -> r.maxAttempts(1)));
        Throwable thrown = catchThrowable(() -> {
            if (async) {
                clients.create(MarketplaceMeteringAsyncClient.class).meterUsage(r -> r.productCode("p").usageDimension("d")
                    .usageQuantity(1).timestamp(T0)).join();
            } else {
                clients.create(MarketplaceMeteringClient.class).meterUsage(r -> r.productCode("p").usageDimension("d")
                    .usageQuantity(1).timestamp(T0));
            }
        });
        return thrown instanceof CompletionException ? thrown.getCause() : thrown;
    }

    @ParameterizedTest(name = "{0}, async={1}")
    @MethodSource("faultsAndClients")
    void eachFaultStrikesSyncAndAsyncClientsAsNamedAndItsMessageNamesTheSeed(TransportFault fault, boolean async) {
        Simulation sim = sim(FaultRule.on(MeterUsageRequest.class).fail(fault));

        Throwable failure = meterOnce(sim, async);

        String rule = "awssim fault rule 1 (every MeterUsage: " + fault + "), seed " + SEED;
        assertThat(failure).isInstanceOf(SdkException.class).hasMessageContaining(rule);
        switch (fault) {
            case CONNECTION_RESET_BEFORE_ENGINE:
            case RESPONSE_LOST_AFTER_COMMIT:
            case TRUNCATED_BODY:
            case GARBLED_BODY:
                assertThat(failure).isExactlyInstanceOf(SdkClientException.class);
                break;
            case PROXY_HTML_5XX:
                assertThat(failure).isInstanceOfSatisfying(MarketplaceMeteringException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isNull();
                });
                break;
            case STALLED_BODY:
                assertThat(failure).isInstanceOf(ApiCallAttemptTimeoutException.class);
                break;
            default:
                throw new AssertionError("a transport fault this test does not know: " + fault);
        }
        Outcome.TransportFault journaled = (Outcome.TransportFault) sim.journal().last().outcome();
        assertThat(journaled.label()).isEqualTo(fault.name());
        assertThat(journaled.engineRan()).isEqualTo(fault.serviceRuns());
        assertThat(sim.metering().records()).hasSize(fault.serviceRuns() ? 1 : 0);
    }

    static Stream<Arguments> faultsAndClients() {
        return Arrays.stream(TransportFault.values()).flatMap(f -> Stream.of(
            Arguments.of(f, false), Arguments.of(f, true)));
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void realLatencyPastTheAttemptTimeoutFailsNamingTheSeed(boolean async) {
        Simulation sim = sim(FaultRule.on(MeterUsageRequest.class).delay(Latency.fixed(Duration.ofSeconds(1)).real()));

        Throwable failure = meterOnce(sim, async);

        assertThat(failure).isInstanceOf(ApiCallAttemptTimeoutException.class)
            .hasMessageContaining("MarketplaceMetering.MeterUsage was delayed 1000 ms for real")
            .hasMessageContaining("seed " + SEED);
        assertThat(sim.clock().instant()).as("real latency leaves the simulation clock alone").isEqualTo(T0);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void simulatedLatencyDistributionsPassOnTheSimulationClockWithoutSleeping(boolean async) {
        Simulation sim = sim(FaultRule.on(MeterUsageRequest.class).delay(Latency.uniform(Duration.ofMinutes(10),
            Duration.ofMinutes(20))));
        long start = System.nanoTime();

        assertThat(meterOnce(sim, async)).isNull();

        assertThat(sim.clock().instant()).isBetween(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(20)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("ten simulated minutes, not slept")
            .isLessThan(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportFault.class, names = {"GARBLED_BODY", "PROXY_HTML_5XX"})
    void aFaultRetriedAwayLeavesTheSuccessAndLaterFailuresUntouched(TransportFault fault) {
        Simulation sim = sim(FaultRule.on(MeterUsageRequest.class).times(1).fail(fault));
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(T0));
        Throwable later = catchThrowable(() -> metering.meterUsage(r -> r.productCode("p").usageDimension("d")
            .usageQuantity(2).timestamp(T0)));   // the same hour, another quantity: the service's own error

        assertThat(sim.journal().executions().get(0).attempts()).extracting(a -> a.outcome().label())
            .containsExactly(fault.name(), "MeterUsageResponse");
        assertThat(later).hasMessageNotContaining("awssim fault rule");
    }
}
