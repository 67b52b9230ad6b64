package io.github.awssim.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.assertions.AwsSimAssertions;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.Latency;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.core.services.metering.MeteringFault;
import io.github.awssim.sdk.GlobalSimulation;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageDimensionException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/**
 * Every Java example of README.md, compiled and run. {@link ReadmeSnippetsTest} fails when README shows
 * code that is not here, so the two cannot drift apart.
 */
class ReadmeExamplesTest {

    @Test
    void oneBuilderLine() {
        // --- README: quick start ---
        Simulation sim = Simulation.create();
        MarketplaceMeteringClient metering = MarketplaceMeteringClient.builder()
                .httpClient(SimulatedHttpClient.create(sim))          // the only awssim line
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .build();
        Instant now = sim.clock().instant();                          // the simulation's time (live by default)
        MeterUsageResponse first = metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
                .usageQuantity(3).timestamp(now));                    // a real MeterUsageResponse

        // Same dimension, same hour, another quantity: the SDK throws the real DuplicateRequestException.
        assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
                .usageQuantity(5).timestamp(now)))
                .isInstanceOf(DuplicateRequestException.class);

        // The async client takes the very same HTTP client.
        MarketplaceMeteringAsyncClient async = MarketplaceMeteringAsyncClient.builder()
                .httpClient(SimulatedHttpClient.create(sim))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .build();
        String again = async.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
                .usageQuantity(3).timestamp(now)).join().meteringRecordId();
        assertThat(again).isEqualTo(first.meteringRecordId());   // identical usage in the hour: same record
        // --- README: end ---
    }

    @Test
    void readyClientsAndVirtualBackoff() {
        // --- README: ready clients ---
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        MarketplaceMeteringAsyncClient async = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class);

        sim.metering().failNext(3, MeteringFault.THROTTLING);      // the next three attempts are throttled
        metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1)
                .timestamp(sim.clock().instant()));                   // the SDK retries three times: no sleep

        assertThat(sim.journal().last().attemptCount()).isEqualTo(4);
        assertThat(sim.clock().instant()).isAfter(Instant.parse("2026-03-02T10:15:00Z")); // backoff passed here
        // --- README: end ---
        assertThat(async.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1)
            .timestamp(sim.clock().instant())).join().meteringRecordId()).isNotBlank();
    }

    @Test
    void theJournal() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        sim.metering().failNext(2, MeteringFault.THROTTLING);
        metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));
        // --- README: journal ---
        List<Execution> calls = sim.journal().executions(MeterUsageRequest.class);
        Execution last = calls.get(calls.size() - 1);
        assertThat(last.attempts()).extracting(a -> a.outcome().label())
                .containsExactly("ThrottlingException", "ThrottlingException", "MeterUsageResponse");
        assertThat(last.request(MeterUsageRequest.class).usageDimension()).isEqualTo("d");
        System.out.println(sim.journal().table());
        // --- README: end ---
    }

    @Test
    void backendsAreTheSdkInterfaces() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        // --- README: spy ---
        MarketplaceMeteringClient backend = sim.spyBackend(MarketplaceMeteringClient.class);  // one line
        org.mockito.Mockito.doThrow(ThrottlingException.builder().message("Rate exceeded").build())
                .doCallRealMethod().when(backend).meterUsage(any(MeterUsageRequest.class));

        metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));

        verify(backend, times(2)).meterUsage(any(MeterUsageRequest.class));   // attempts that reached the service
        // --- README: end ---
    }

    @Test
    void anyOtherService() {
        Simulation sim = Simulation.create();
        // --- README: any service ---
        sim.register(DynamoDbClient.class, new DynamoDbClient() {
            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return GetItemResponse.builder().item(Map.of("id", AttributeValue.fromS("42"))).build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        });
        DynamoDbClient dynamo = SimulatedClients.create(sim, DynamoDbClient.class);

        assertThat(dynamo.getItem(r -> r.tableName("t")).item()).containsKey("id");
        assertThatThrownBy(() -> dynamo.deleteTable(r -> r.tableName("t")))          // not implemented above
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("awssim: DynamoDb.DeleteTable is not simulated");
        // --- README: end ---
    }

    @Test
    void timeIsVirtual() {
        // --- README: clock ---
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        Instant usage = sim.clock().instant();

        sim.clock().advance(Duration.ofHours(7));                     // the agent was down for seven hours
        assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("p").usageDimension("d")
                .usageQuantity(1).timestamp(usage)))
                .isInstanceOf(software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException.class);
        // --- README: end ---
    }

    @Test
    void stubs() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        // --- README: stubs ---
        sim.stubs().on(MeterUsageRequest.class)
                .fail(ThrottlingException.builder().message("Rate exceeded").build()).times(2)
                .thenSimulate();                                      // throttle twice, then the simulator

        sim.stubs().on(MeterUsageRequest.builder().usageDimension("Hosts").build())   // only calls for Hosts
                .respond(MeterUsageResponse.builder().meteringRecordId("rec-hosts").build());

        sim.stubs().on(RegisterUsageRequest.class)
                .answer(r -> RegisterUsageResponse.builder().signature("sig-" + r.nonce()).build());

        metering.meterUsage(r -> r.productCode("p").usageDimension("Users").usageQuantity(1)
                .timestamp(sim.clock().instant()));                   // 3 attempts: throttled, throttled, simulated
        assertThat(metering.meterUsage(r -> r.productCode("p").usageDimension("Hosts").usageQuantity(1)
                .timestamp(sim.clock().instant())).meteringRecordId()).isEqualTo("rec-hosts");
        // --- README: end ---
        assertThat(sim.journal().executions().get(0).attemptCount()).isEqualTo(3);
        assertThat(metering.registerUsage(r -> r.productCode("p").publicKeyVersion(1).nonce("n1")).signature())
            .isEqualTo("sig-n1");
    }

    @Test
    void stubSequencesAndNearMisses() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        // --- README: stub sequences ---
        sim.stubs().on(MeterUsageRequest.builder().usageDimension("Hosts").build())
                .simulate().times(2)
                .thenFail(InvalidUsageDimensionException.builder().message("Hosts is retired").build()).once();

        metering.meterUsage(r -> r.productCode("p").usageDimension("Users").usageQuantity(1)
                .timestamp(sim.clock().instant()));                   // no stub matches: a near miss
        assertThat(sim.stubs().nearMisses().get(0).misses())
                .containsExactly("stub #1: UsageDimension was 'Users', the stub wants 'Hosts'");

        for (int call = 1; call <= 2; call++) {
            metering.meterUsage(r -> r.productCode("p").usageDimension("Hosts").usageQuantity(1)
                    .timestamp(sim.clock().instant()));               // calls 1 and 2: the simulator
        }
        assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("p").usageDimension("Hosts")
                .usageQuantity(1).timestamp(sim.clock().instant())))
                .isInstanceOf(InvalidUsageDimensionException.class);   // the 3rd call fails
        // --- README: end ---
    }

    @Test
    void faults() {
        // --- README: faults ---
        Simulation sim = Simulation.builder().seed(42).startTime(Instant.parse("2026-03-02T10:15:00Z"))
                .faults(FaultPlan.of(
                        FaultRule.on(MeterUsageRequest.class).withProbability(0.3).fail(ThrottlingException.class),
                        FaultRule.on(MeterUsageRequest.class).withProbability(0.2)
                                .fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT),
                        FaultRule.onService(MarketplaceMeteringClient.class)
                                .delay(Latency.logNormal(Duration.ofMillis(40), Duration.ofMillis(800)))))
                .build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        for (String dimension : List.of("Users", "Hosts", "Seats")) {
            metering.meterUsage(r -> r.productCode("p").usageDimension(dimension).usageQuantity(1)
                    .timestamp(Instant.parse("2026-03-02T10:00:00Z")));
        }
        assertThat(sim.metering().records()).hasSize(3);             // billed once each, whatever was lost
        System.out.println(sim.faultPlan().describe());
        // --- README: end ---
    }

    @Test
    void rateLimitAndReplay() {
        // --- README: rate limit ---
        Simulation sim = Simulation.builder().seed(7).startTime(Instant.parse("2026-03-02T10:15:00Z"))
                .faults(FaultPlan.of(FaultRule.on(MeterUsageRequest.class).rateLimit(2)))   // 2 per simulated second
                .build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        for (String dimension : List.of("Users", "Hosts", "Seats")) {
            metering.meterUsage(r -> r.productCode("p").usageDimension(dimension).usageQuantity(1)
                    .timestamp(sim.clock().instant()));
        }
        assertThat(sim.journal().last().attempts().get(0).outcome().label())
                .isEqualTo("ThrottlingException");                    // the 3rd in the same second
        assertThat(sim.metering().records()).hasSize(3);             // the SDK's backoff, on the clock, waited it out
        // --- README: end ---
    }

    @Test
    void journalAssertions() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-02T10:15:00Z")).build();
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        sim.stubs().on(MeterUsageRequest.class).fail(ThrottlingException.builder().message("Rate exceeded").build()).times(2);
        metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));
        // --- README: assertions ---
        AwsSimAssertions.assertThat(sim.journal())
                .hasExecutions(MeterUsageRequest.class, 1)
                .hasOnlyExecutionsOf(MeterUsageRequest.class)     // no unexpected calls
                .lastExecution().hasAttempts(3).succeeded();
        AwsSimAssertions.assertThat(sim.stubs()).areAllUsed();
        // --- README: end ---
    }

    /** Compiled, not run here: the SDK picks its default HTTP client once per JVM (see ZeroCodeSwapForkedTest). */
    void zeroCodeSwap(Runnable myApp) {
        // --- README: zero code ---
        try (Simulation sim = Simulation.create();
             GlobalSimulation.Installation routed = GlobalSimulation.install(sim)) {
            myApp.run();                                    // builds MarketplaceMeteringClient.create() itself
            assertThat(sim.journal().executions(MeterUsageRequest.class)).isNotEmpty();
        }
        // --- README: end ---
    }
}
