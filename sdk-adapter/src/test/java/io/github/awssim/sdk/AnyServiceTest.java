package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.CallContext;
import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationRequest;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationResponse;
import software.amazon.awssdk.services.appconfigdata.model.ResourceNotFoundException;
import software.amazon.awssdk.services.appconfigdata.model.StartConfigurationSessionRequest;
import software.amazon.awssdk.services.appconfigdata.model.StartConfigurationSessionResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Design decision 1: any AWS service can be simulated by implementing its SDK client interface in part,
 * even one awssim ships no model for; the interceptor's note tells the HTTP client what the call is.
 */
class AnyServiceTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:00:00Z")).build();

    /** A tiny in-memory DynamoDB: PutItem with attribute_not_exists, GetItem. */
    static class TinyDynamo implements DynamoDbClient {
        final Map<String, Map<String, AttributeValue>> items = new ConcurrentHashMap<>();

        @Override
        public PutItemResponse putItem(PutItemRequest r) {
            String key = r.item().get("pk").s();
            if (r.conditionExpression() != null && items.containsKey(key)) {
                throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
            }
            items.put(key, r.item());
            return PutItemResponse.builder().build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest r) {
            Map<String, AttributeValue> item = items.get(r.key().get("pk").s());
            return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPartialDynamoDbAnswersRealClientsSyncAndAsync() {
        sim.register(DynamoDbClient.class, new TinyDynamo());
        DynamoDbClient ddb = Clients.dynamo(sim);

        ddb.putItem(r -> r.tableName("t").item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("42")))
            .conditionExpression("attribute_not_exists(pk)"));
        GetItemResponse got = ddb.getItem(r -> r.tableName("t").key(Map.of("pk", AttributeValue.fromS("a"))));
        assertThat(got.item()).containsEntry("n", AttributeValue.fromN("42"));
        assertThat(got.responseMetadata().requestId()).isNotBlank();

        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("t").item(Map.of("pk", AttributeValue.fromS("a")))
            .conditionExpression("attribute_not_exists(pk)")))
            .isInstanceOf(ConditionalCheckFailedException.class)
            .hasMessageStartingWith("The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: ");

        GetItemResponse async = Clients.dynamoAsync(sim).getItem(r -> r.tableName("t").key(Map.of("pk", AttributeValue.fromS("a"))))
            .join();
        assertThat(async.item()).containsKey("n");

        assertThat(sim.journal().executions()).extracting(Execution::operation)
            .containsExactly("PutItem", "GetItem", "PutItem", "GetItem");
        assertThat(sim.journal().executions().get(0).region()).isEqualTo("eu-west-1");
    }

    @Test
    void anOperationTheBackendLeavesOutIsNamedAndNotRetried() {
        sim.register(DynamoDbClient.class, new TinyDynamo());

        assertThatThrownBy(() -> Clients.dynamo(sim).deleteTable(r -> r.tableName("t")))
            .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(501);
                assertThat(e.numAttempts()).isEqualTo(1);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AwssimNotSimulated");
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("awssim: DynamoDb.DeleteTable is not simulated")
                    .contains("does not implement deleteTable(DeleteTableRequest)")
                    .contains("Implement it in your backend, or wrap the backend and answer it")
                    .contains("sim.register(DynamoDbClient.class");
            });
    }

    @Test
    void anOperationTheBackendLeavesOutIsNamedThroughAnAsyncClientToo() {
        sim.register(DynamoDbClient.class, new TinyDynamo());

        assertThatThrownBy(() -> Clients.dynamoAsync(sim).deleteTable(r -> r.tableName("t")).join())
            .isInstanceOf(CompletionException.class)
            .cause()
            .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(501);
                assertThat(e.numAttempts()).isEqualTo(1);
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("awssim: DynamoDb.DeleteTable is not simulated")
                    .contains("sim.register(DynamoDbClient.class");
            });
    }

    @Test
    void aServiceWithNoBackendSaysHowToSimulateIt() {
        assertThatThrownBy(() -> Clients.dynamoAsync(sim).getItem(r -> r.tableName("t")).join())
            .isInstanceOf(CompletionException.class)
            .cause()
            .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                .startsWith("awssim: DynamoDb is not simulated: no backend is registered for DynamoDbClient")
                .contains("sim.register(DynamoDbClient.class"));
    }

    @Test
    void withoutTheNoteAServiceAwssimHasNoModelForCannotBeIdentified() {
        sim.register(DynamoDbClient.class, new TinyDynamo());
        DynamoDbClient blind = Clients.dynamo(sim, o -> o.addExecutionInterceptor(new Clients.StripCallNote()));

        assertThatThrownBy(() -> blind.getItem(r -> r.tableName("t").key(Map.of("pk", AttributeValue.fromS("a")))))
            .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("awssim: cannot tell which service")
                    .contains("SimulationInterceptor");
            });
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aRestJsonServiceWithoutModelWorksFromTheNoteWithHeadersAndBlobPayload() {
        sim.register(AppConfigDataClient.class, new AppConfigDataClient() {
            @Override
            public StartConfigurationSessionResponse startConfigurationSession(StartConfigurationSessionRequest r) {
                return StartConfigurationSessionResponse.builder().initialConfigurationToken("tok-" + r.applicationIdentifier())
                    .build();
            }

            @Override
            public GetLatestConfigurationResponse getLatestConfiguration(GetLatestConfigurationRequest r) {
                if (!r.configurationToken().startsWith("tok-")) {
                    throw ResourceNotFoundException.builder().message("no session " + r.configurationToken()).build();
                }
                return GetLatestConfigurationResponse.builder()
                    .nextPollConfigurationToken("next-" + CallContext.current().orElseThrow().attempt())
                    .nextPollIntervalInSeconds(30)
                    .contentType("application/json")
                    .versionLabel("v1")
                    .configuration(SdkBytes.fromUtf8String("{\"feature\":true}"))
                    .build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        });
        AppConfigDataClient client = Clients.appConfigData(sim);

        String token = client.startConfigurationSession(r -> r.applicationIdentifier("app").environmentIdentifier("prod")
            .configurationProfileIdentifier("flags")).initialConfigurationToken();
        GetLatestConfigurationResponse latest = client.getLatestConfiguration(r -> r.configurationToken(token));

        assertThat(token).isEqualTo("tok-app");
        assertThat(latest.configuration().asUtf8String()).isEqualTo("{\"feature\":true}");
        assertThat(latest.nextPollConfigurationToken()).isEqualTo("next-1");
        assertThat(latest.nextPollIntervalInSeconds()).isEqualTo(30);
        assertThat(latest.contentType()).isEqualTo("application/json");
        assertThat(latest.versionLabel()).isEqualTo("v1");
        assertThatThrownBy(() -> client.getLatestConfiguration(r -> r.configurationToken("bogus")))
            .isInstanceOf(ResourceNotFoundException.class)
            .hasMessageStartingWith("no session bogus");
        assertThat(sim.journal().last().outcome()).isInstanceOf(Outcome.ServiceError.class);
    }
}
