package io.github.awssim.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
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
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
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
        MarketplaceMeteringClient backend = spy(sim.backend(MarketplaceMeteringClient.class));
        sim.register(MarketplaceMeteringClient.class, backend);
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
