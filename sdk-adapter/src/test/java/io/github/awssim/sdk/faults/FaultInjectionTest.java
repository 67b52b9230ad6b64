package io.github.awssim.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.Latency;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillScenarioRequest;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/** Fault plans through real SDK clients: the SDK's own retry logic meets every fault. */
class FaultInjectionTest {
    private static final Instant T0 = Instant.parse("2026-04-01T10:20:00Z");

    private static Simulation sim(long seed, FaultRule... rules) {
        return Simulation.builder().startTime(T0).seed(seed).faults(FaultPlan.of(rules)).build();
    }

    private static String meter(MarketplaceMeteringClient client, String dimension) {
        return client.meterUsage(r -> r.productCode("p").usageDimension(dimension).usageQuantity(1).timestamp(T0))
            .meteringRecordId();
    }

    private static List<String> attemptLabels(Simulation sim) {
        return sim.journal().executions().stream()
            .map(e -> e.attempts().stream().map(a -> a.outcome().label()).collect(Collectors.joining(",")))
            .collect(Collectors.toList());
    }

    @Test
    void aLostResponseIsRetriedAndTheClientTokenMakesItExactlyOnce() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).times(1).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        String id = meter(client, "d");

        Execution e = sim.journal().last();
        assertThat(e.attempts()).extracting(a -> a.outcome().label()).containsExactly("RESPONSE_LOST_AFTER_COMMIT", "MeterUsageResponse");
        Outcome.TransportFault lost = (Outcome.TransportFault) e.attempts().get(0).outcome();
        assertThat(lost.engineRan()).isTrue();
        assertThat(lost.detail()).contains("awssim fault rule 1 (the first 1 of MeterUsage: RESPONSE_LOST_AFTER_COMMIT), seed 1")
            .contains("the service had answered MeterUsageResponse");
        assertThat(sim.metering().records()).singleElement().satisfies(r -> assertThat(r.meteringRecordId()).isEqualTo(id));
    }

    @Test
    void aResetBeforeTheEngineLeavesNoTraceOnTheService() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).times(2).fail(TransportFault.CONNECTION_RESET_BEFORE_ENGINE));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        meter(client, "d");

        assertThat(attemptLabels(sim)).containsExactly(
            "CONNECTION_RESET_BEFORE_ENGINE,CONNECTION_RESET_BEFORE_ENGINE,MeterUsageResponse");
        assertThat(((Outcome.TransportFault) sim.journal().last().attempts().get(0).outcome()).engineRan()).isFalse();
    }

    @Test
    void whenEveryAttemptFailsTheSdkSaysWhyAndTheMessageNamesTheSeed() {
        Simulation sim = sim(77, FaultRule.on(MeterUsageRequest.class).fail(TransportFault.CONNECTION_RESET_BEFORE_ENGINE));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        assertThatThrownBy(() -> meter(client, "d"))
            .isInstanceOf(SdkClientException.class)
            .hasMessageContaining("Connection reset before MarketplaceMetering.MeterUsage reached the service")
            .hasMessageContaining("seed 77");
        assertThat(sim.metering().records()).isEmpty();
    }

    @Test
    void truncatedAndGarbledBodiesReachTheSdksParser() {
        Simulation sim = sim(3,
            FaultRule.on(MeterUsageRequest.class).onAttempts(1).fail(TransportFault.TRUNCATED_BODY),
            FaultRule.on(MeterUsageRequest.class).onAttempts(2).fail(TransportFault.GARBLED_BODY));
        MarketplaceMeteringClient client = SimulatedClients.of(sim).withOverrides(o -> o.retryStrategy(r -> r.maxAttempts(1)))
            .create(MarketplaceMeteringClient.class);

        assertThatThrownBy(() -> meter(client, "a")).isInstanceOf(SdkClientException.class)
            .hasMessageContaining("Premature end of the MarketplaceMetering.MeterUsage response body");
        assertThatThrownBy(() -> meter(client, "b")).isInstanceOf(SdkClientException.class);
        assertThat(attemptLabels(sim)).containsExactly("TRUNCATED_BODY", "GARBLED_BODY");
        assertThat(sim.metering().records()).as("the service acted both times").hasSize(2);
    }

    @Test
    void aProxyPageIsA503WithoutAnAwsErrorCode() {
        Simulation sim = sim(5, FaultRule.on(MeterUsageRequest.class).fail(TransportFault.PROXY_HTML_5XX));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        assertThatThrownBy(() -> meter(client, "d"))
            .isInstanceOfSatisfying(MarketplaceMeteringException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.numAttempts()).isGreaterThan(1);
            });
        assertThat(sim.metering().records()).isEmpty();
    }

    @Test
    void aStalledBodyEndsWithTheClientsAttemptTimeout() {
        Simulation sim = sim(5, FaultRule.on(MeterUsageRequest.class).times(1).fail(TransportFault.STALLED_BODY));
        MarketplaceMeteringClient client = SimulatedClients.of(sim)
            .withOverrides(o -> o.apiCallAttemptTimeout(Duration.ofMillis(300))).create(MarketplaceMeteringClient.class);

        String id = meter(client, "d");

        assertThat(id).isNotBlank();
        assertThat(attemptLabels(sim)).containsExactly("STALLED_BODY,MeterUsageResponse");
    }

    @Test
    void aStalledBodyHoldsTheAttemptUntilTheClientsTimeoutEndsIt() {
        Simulation sim = sim(5, FaultRule.on(MeterUsageRequest.class).times(1).fail(TransportFault.STALLED_BODY));
        MarketplaceMeteringClient client = SimulatedClients.of(sim)
            .withOverrides(o -> o.apiCallAttemptTimeout(Duration.ofMillis(300)).retryStrategy(r -> r.maxAttempts(1)))
            .create(MarketplaceMeteringClient.class);

        long start = System.nanoTime();
        assertThatThrownBy(() -> meter(client, "d")).isInstanceOf(ApiCallAttemptTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(attemptLabels(sim)).containsExactly("STALLED_BODY");
    }

    @Test
    void probabilisticFaultsReplayFromTheSeed() {
        List<List<String>> runs = new ArrayList<>();
        for (long seed : new long[] {42, 42, 43}) {
            Simulation sim = sim(seed, FaultRule.on(MeterUsageRequest.class).withProbability(0.3).fail(ThrottlingException.class));
            MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
            for (int i = 0; i < 30; i++) {
                meter(client, "d" + i);
            }
            runs.add(attemptLabels(sim));
        }

        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isNotEqualTo(runs.get(0));
        long throttled = runs.get(0).stream().mapToLong(s -> s.split("ThrottlingException", -1).length - 1).sum();
        assertThat(throttled).isBetween(5L, 25L);
    }

    @Test
    void aModeledFaultCarriesTheModelsStatusRequiredMembersAndTheSeed() {
        Simulation sim = sim(9, FaultRule.on(DeleteBillScenarioRequest.class).fail(ConflictException.class));
        BcmPricingCalculatorClient bcm = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);

        assertThatThrownBy(() -> bcm.deleteBillScenario(r -> r.identifier("00000000-0000-4000-8000-000000000000")))
            .isInstanceOfSatisfying(ConflictException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(409);
                assertThat(e.resourceId()).isEqualTo("awssim-injected");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("Injected ConflictException (awssim fault rule 1")
                    .endsWith("seed 9)");
            });
    }

    @Test
    void aRateLimitThrottlesBeyondItsRateAndTheBackoffOpensTheWindow() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).rateLimit(3));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        for (int i = 0; i < 5; i++) {
            meter(client, "d" + i);
        }

        assertThat(attemptLabels(sim).subList(0, 3)).containsOnly("MeterUsageResponse");
        assertThat(attemptLabels(sim).get(3)).startsWith("ThrottlingException").endsWith("MeterUsageResponse");
        assertThat(sim.clock().instant()).as("the SDK's virtual backoff moved time past the window").isAfter(T0);
    }

    @Test
    void aRateLimitsWindowIsOneSimulatedSecond() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).rateLimit(1));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        meter(client, "d1");
        sim.clock().advance(Duration.ofSeconds(1));   // the first attempt is now one second old: out of the window
        meter(client, "d2");
        meter(client, "d3");                          // the same instant as d2's: beyond 1 per second

        assertThat(attemptLabels(sim).subList(0, 2)).containsExactly("MeterUsageResponse", "MeterUsageResponse");
        assertThat(attemptLabels(sim).get(2)).startsWith("ThrottlingException,").endsWith("MeterUsageResponse");
    }

    @Test
    void whenTwoRulesWouldFailAnAttemptTheFirstDecides() {
        Simulation sim = sim(4, FaultRule.on(MeterUsageRequest.class).times(1).fail(ThrottlingException.class),
            FaultRule.onService(MarketplaceMeteringClient.class).times(1).fail(InternalServiceErrorException.class));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        meter(client, "d");

        // README: "the first failing rule that strikes decides"; rule 2 struck the same attempt and is ignored
        assertThat(attemptLabels(sim)).containsExactly("ThrottlingException,MeterUsageResponse");
        Outcome first = sim.journal().last().attempts().get(0).outcome();
        assertThat(first).isInstanceOfSatisfying(Outcome.ServiceError.class,
            e -> assertThat(e.exception().getMessage()).contains("(awssim fault rule 1 (").doesNotContain("fault rule 2"));
    }

    @Test
    void aServiceWideRateLimitCountsEachOperationOnItsOwn() {
        Simulation sim = sim(1, FaultRule.onService(MarketplaceMeteringClient.class).rateLimit(2));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        String token = sim.metering().issueRegistrationToken("saas-1", "cust-1");

        meter(client, "d1");
        meter(client, "d2");
        client.resolveCustomer(r -> r.registrationToken(token));

        assertThat(attemptLabels(sim)).containsExactly("MeterUsageResponse", "MeterUsageResponse", "ResolveCustomerResponse");
    }

    @Test
    void attemptsAnEarlierRuleFailsUseNoRateCapacity() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).times(2).fail(TransportFault.CONNECTION_RESET_BEFORE_ENGINE),
            FaultRule.on(MeterUsageRequest.class).rateLimit(2));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        meter(client, "d1");
        meter(client, "d2");

        assertThat(attemptLabels(sim)).containsExactly(
            "CONNECTION_RESET_BEFORE_ENGINE,CONNECTION_RESET_BEFORE_ENGINE,MeterUsageResponse", "MeterUsageResponse");
    }

    @Test
    void latencyPassesOnTheSimulationClockUnlessAskedToBeReal() {
        Simulation sim = sim(1, FaultRule.onService(MarketplaceMeteringClient.class).delay(Latency.fixed(Duration.ofSeconds(2))),
            FaultRule.on(MeterUsageRequest.class).delay(Latency.fixed(Duration.ofMillis(20)).real()));
        MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        meter(client, "d");

        assertThat(sim.clock().instant()).isEqualTo(T0.plusSeconds(2));
        assertThat(sim.faultPlan().describe()).isEqualTo("rule 1: every MarketplaceMetering: delay fixed 2000 ms (simulated)\n"
            + "rule 2: every MeterUsage: delay fixed 20 ms (real)");
    }

    @Test
    void asyncClientsMeetTheSameFaults() {
        Simulation sim = sim(1,
            FaultRule.on(MeterUsageRequest.class).onAttempts(1).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT),
            FaultRule.on(MeterUsageRequest.class).onAttempts(2).fail(TransportFault.TRUNCATED_BODY));
        MarketplaceMeteringAsyncClient client = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class);

        String id = client.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(T0)).join()
            .meteringRecordId();

        assertThat(attemptLabels(sim)).containsExactly("RESPONSE_LOST_AFTER_COMMIT,TRUNCATED_BODY,MeterUsageResponse");
        assertThat(sim.metering().records()).singleElement().satisfies(r -> assertThat(r.meteringRecordId()).isEqualTo(id));
    }

    @Test
    void asyncStallsEndByAwssimsDeadlineOrTheClientsTimeout() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).times(1).fail(TransportFault.STALLED_BODY));
        MarketplaceMeteringAsyncClient client = SimulatedClients.of(sim)
            .withOverrides(o -> o.apiCallAttemptTimeout(Duration.ofMillis(300))).create(MarketplaceMeteringAsyncClient.class);

        String id = client.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(T0)).join()
            .meteringRecordId();

        assertThat(id).isNotBlank();
        assertThat(attemptLabels(sim)).containsExactly("STALLED_BODY,MeterUsageResponse");
    }

    @Test
    void realLatencyLeavesTheAsyncCallerFreeAndTheClientsAttemptTimeoutRetries() {
        Simulation sim = sim(1, FaultRule.on(MeterUsageRequest.class).times(1).delay(Latency.fixed(Duration.ofSeconds(5)).real()));
        MarketplaceMeteringAsyncClient client = SimulatedClients.of(sim)
            .withOverrides(o -> o.apiCallAttemptTimeout(Duration.ofMillis(300))).create(MarketplaceMeteringAsyncClient.class);

        CompletableFuture<MeterUsageResponse> call = client.meterUsage(r -> r.productCode("p").usageDimension("d")
            .usageQuantity(1).timestamp(T0));

        assertThat(call).as("the latency sleeps on awssim's thread, not the caller's").isNotDone();
        String id = call.join().meteringRecordId();
        // the first attempt is still in its 5 s of latency: the answer is the retry's
        assertThat(sim.journal().last().attempts()).singleElement()
            .satisfies(a -> assertThat(a.number()).isEqualTo(2))
            .satisfies(a -> assertThat(a.outcome().label()).isEqualTo("MeterUsageResponse"));
        assertThat(sim.metering().records()).singleElement().satisfies(r -> assertThat(r.meteringRecordId()).isEqualTo(id));
    }

    @Test
    void rulesRefuseNonsense() {
        assertThatThrownBy(() -> FaultRule.on(MeterUsageRequest.class).withProbability(1.5))
            .hasMessageContaining("withProbability(1.5): use a value in (0, 1]");
        assertThatThrownBy(() -> FaultRule.on(MeterUsageRequest.class).times(2).withProbability(0.5))
            .hasMessageContaining("takes one trigger");
        assertThatThrownBy(() -> FaultRule.on(MeterUsageRequest.class).fail(ConflictException.class))
            .hasMessageContaining("not an exception of this service");
        assertThatThrownBy(() -> FaultRule.on(MeterUsageRequest.class).fail(
                software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException.class))
            .hasMessageContaining("which MeterUsage does not model");
        assertThatThrownBy(() -> FaultRule.on(MeterUsageRequest.class).onAttempts(0))
            .hasMessageContaining("counted from 1");
    }

    @SuppressWarnings("unused")
    private static void unused(CompletionException e, ApiCallAttemptTimeoutException t) {
    }
}
