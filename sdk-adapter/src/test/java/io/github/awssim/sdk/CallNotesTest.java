package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.internal.CallNotes;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/** The interceptor's notes live exactly as long as their call, and only calls that need one get one. */
class CallNotesTest {
    @Test
    void notesAreDiscardedAfterSuccessesAndFailures() {
        // DynamoDB: a service awssim ships no model for, so every call is noted.
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        sim.register(DynamoDbClient.class, new AnyServiceTest.TinyDynamo());
        DynamoDbClient client = Clients.dynamo(sim);
        int before = CallNotes.size();

        for (int i = 0; i < 50; i++) {
            String key = "k" + i;
            client.putItem(b -> b.tableName("t").item(Map.of("pk", AttributeValue.fromS(key))));
            assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("t"))).isInstanceOf(DynamoDbException.class);
        }

        // Other tests may run concurrently in this JVM; none of this test's 100 notes may remain.
        assertThat(CallNotes.size()).isLessThanOrEqualTo(before);
        assertThat(sim.journal().size()).isEqualTo(100);
    }

    /**
     * An awsJson service awssim models says everything on the wire (X-Amz-Target and the body), so its calls go
     * untagged; a service without a model, and a REST service, whose operation the wire names less directly,
     * carry the call id.
     */
    @Test
    void onlyCallsTheWireCannotIdentifyCarryTheCallId() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        sim.register(DynamoDbClient.class, new AnyServiceTest.TinyDynamo());
        Map<String, Boolean> tagged = new ConcurrentHashMap<>();
        ExecutionInterceptor spy = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                tagged.put(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    context.httpRequest().firstMatchingHeader(CallNotes.HEADER).isPresent());
            }
        };
        SimulatedClients clients = SimulatedClients.of(sim).withOverrides(o -> o.addExecutionInterceptor(spy));

        clients.create(MarketplaceMeteringClient.class).meterUsage(b -> b.productCode("p").usageDimension("d")
            .usageQuantity(1).timestamp(sim.clock().instant()));
        clients.create(BcmPricingCalculatorClient.class).listBillScenarios(b -> { });
        clients.create(ApplicationCostProfilerClient.class).listReportDefinitions(b -> { });
        clients.create(DynamoDbClient.class).getItem(b -> b.tableName("t").key(Map.of("pk", AttributeValue.fromS("k"))));

        assertThat(tagged).containsExactlyInAnyOrderEntriesOf(Map.of("MarketplaceMetering", false,
            "BcmPricingCalculator", false, "ApplicationCostProfiler", true, "DynamoDb", true));
        assertThat(CallNotes.needed("MarketplaceMetering")).isFalse();
        assertThat(CallNotes.needed("S3")).isTrue();
    }

    @Test
    void theWirePathServesModeledServicesWhenNoNoteArrives() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        MarketplaceMeteringClient blind = Clients.metering(sim, o -> o.addExecutionInterceptor(new Clients.StripCallNote()));

        String id = blind.meterUsage(b -> b.productCode("p").usageDimension("d").usageQuantity(2)
            .timestamp(sim.clock().instant())).meteringRecordId();

        assertThat(id).isNotBlank();
        assertThat(sim.journal().last().operation()).isEqualTo("MeterUsage");
        assertThat(sim.journal().last().request(software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest.class)
            .usageQuantity()).isEqualTo(2);
    }
}
