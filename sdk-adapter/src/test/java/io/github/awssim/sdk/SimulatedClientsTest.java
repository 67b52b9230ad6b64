package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Attempt;
import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.internal.VirtualBackoffRetryStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

class SimulatedClientsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private final Simulation sim = Simulation.builder().startTime(T0).region(Region.AP_SOUTHEAST_2).build();

    /** Throttles the first {@code failures} GetItem calls, then answers. */
    static final class Flaky extends AnyServiceTest.TinyDynamo {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest r) {
            if (calls.incrementAndGet() <= failures) {
                throw ProvisionedThroughputExceededException.builder().message("Rate of requests exceeds the allowed throughput")
                    .build();
            }
            return GetItemResponse.builder().item(Map.of("pk", AttributeValue.fromS("x"))).build();
        }
    }

    static final class Recording implements MetricPublisher {
        final List<MetricCollection> calls = new CopyOnWriteArrayList<>();

        @Override
        public void publish(MetricCollection metricCollection) {
            calls.add(metricCollection);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void retriesKeepTheSdkClassificationButBackoffPassesOnTheSimulationClock() {
        sim.register(DynamoDbClient.class, new Flaky(2));
        Recording metrics = new Recording();
        DynamoDbClient ddb = SimulatedClients.of(sim).withOverrides(o -> o.addMetricPublisher(metrics)).create(DynamoDbClient.class);

        GetItemResponse r = ddb.getItem(b -> b.tableName("t").key(Map.of("pk", AttributeValue.fromS("x"))));

        assertThat(r.item()).containsKey("pk");
        assertThat(sim.journal().last().attempts()).extracting(Attempt::number).containsExactly(1, 2, 3);
        assertThat(sim.journal().last().region()).isEqualTo("ap-southeast-2");
        assertThat(metrics.calls.get(0).metricValues(CoreMetric.RETRY_COUNT)).containsExactly(2);
        // Two throttling backoffs of the SDK's LEGACY mode (500 ms base, half jitter): the sim clock moved
        // by what the SDK computed, the test did not sleep it.
        assertThat(Duration.between(T0, sim.clock().instant())).isBetween(Duration.ofMillis(250 + 500), Duration.ofSeconds(20));
        assertThat(sim.journal().last().attempts().get(2).at()).isAfter(sim.journal().last().attempts().get(0).at());
    }

    @Test
    void theFinalFailureCarriesTheSdkAttemptCount() {
        sim.register(DynamoDbClient.class, new Flaky(100));
        DynamoDbClient ddb = SimulatedClients.create(sim, DynamoDbClient.class);

        assertThatThrownBy(() -> ddb.getItem(b -> b.tableName("t").key(Map.of("pk", AttributeValue.fromS("x")))))
            // DynamoDB's own default (legacy mode, 8 retries), as a client built without awssim would have it
            .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(e.numAttempts()).isEqualTo(9));
        assertThat(sim.journal().last().attemptCount()).isGreaterThan(1);
    }

    @Test
    void asyncClientsGetTheSameVirtualBackoff() {
        sim.register(DynamoDbClient.class, new Flaky(1));
        DynamoDbAsyncClient ddb = SimulatedClients.create(sim, DynamoDbAsyncClient.class);

        GetItemResponse r = ddb.getItem(b -> b.tableName("t").key(Map.of("pk", AttributeValue.fromS("x")))).join();

        assertThat(r.item()).containsKey("pk");
        assertThat(sim.journal().last().attemptCount()).isEqualTo(2);
        assertThat(sim.clock().instant()).isAfter(T0);
    }

    @Test
    void realBackoffIsAnOptOutAndOtherSettingsCompose() {
        MarketplaceMeteringClient real = SimulatedClients.of(sim).withRealBackoff().withRegion(Region.EU_CENTRAL_1)
            .create(MarketplaceMeteringClient.class);
        MarketplaceMeteringClient virtual = SimulatedClients.create(sim, MarketplaceMeteringClient.class);

        assertThat(real.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(real.serviceClientConfiguration().overrideConfiguration().retryStrategy())
            .hasValueSatisfying(s -> assertThat(s).isNotInstanceOf(VirtualBackoffRetryStrategy.class));
        assertThat(virtual.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTHEAST_2);
        assertThat(virtual.serviceClientConfiguration().overrideConfiguration().retryStrategy())
            .hasValueSatisfying(s -> assertThat(s).isInstanceOf(VirtualBackoffRetryStrategy.class));
    }

    @Test
    void misuseNamesTheType() {
        assertThatThrownBy(() -> SimulatedClients.create(sim, software.amazon.awssdk.core.SdkClient.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("awssim: software.amazon.awssdk.core.SdkClient is not an AWS SDK client interface");
    }
}
