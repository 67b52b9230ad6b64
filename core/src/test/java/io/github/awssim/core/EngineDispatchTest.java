package io.github.awssim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;

/** The engine's dispatch contract, exercised below the wire (the adapter's tests cover the wire). */
class EngineDispatchTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-03-01T12:00:00Z")).seed(7).build();
    private final Engine engine = CoreAccess.engine(sim);

    /** A DynamoDB backend implementing only GetItem. */
    private static DynamoDbClient getItemOnly(java.util.function.Function<GetItemRequest, GetItemResponse> answer) {
        return new DynamoDbClient() {
            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return answer.apply(request);
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
    }

    private static ServiceCall get(String table) {
        return new ServiceCall(DynamoDbClient.class, "DynamoDb", "GetItem", GetItemRequest.builder().tableName(table).build(),
            "inv-1", 1, "AKID", "eu-west-1");
    }

    @Test
    void aServiceWithoutBackendAnswersNotSimulatedNamingTheServiceAndHowToRegister() {
        Outcome outcome = engine.dispatch(get("t"));

        assertThat(outcome).isInstanceOf(Outcome.ServiceError.class);
        Outcome.ServiceError e = (Outcome.ServiceError) outcome;
        assertThat(e.errorCode()).isEqualTo("AwssimNotSimulated");
        assertThat(e.httpStatus()).isEqualTo(501);
        assertThat(e.exception().getMessage())
            .startsWith("awssim: DynamoDb is not simulated")
            .contains("sim.register(DynamoDbClient.class, new DynamoDbClient()");
    }

    @Test
    void aPartialBackendAnswersWhatItImplementsAndNamesWhatItDoesNot() {
        AtomicReference<CallContext> seen = new AtomicReference<>();
        sim.register(DynamoDbClient.class, getItemOnly(request -> {
            seen.set(CallContext.current().orElseThrow());
            return GetItemResponse.builder().build();
        }));

        assertThat(engine.dispatch(get("t"))).isInstanceOf(Outcome.Response.class);
        assertThat(seen.get().service()).isEqualTo("DynamoDb");
        assertThat(seen.get().operation()).isEqualTo("GetItem");
        assertThat(seen.get().region()).isEqualTo("eu-west-1");
        assertThat(seen.get().accountId()).isEqualTo(sim.accountId());
        assertThat(seen.get().time()).isEqualTo(sim.clock().instant());
        assertThat(CallContext.current()).as("context is cleared after dispatch").isEmpty();

        Outcome put = engine.dispatch(new ServiceCall(DynamoDbClient.class, "DynamoDb", "PutItem",
            PutItemRequest.builder().tableName("t").build(), null, 1, null, null));
        assertThat(((Outcome.ServiceError) put).exception().getMessage())
            .startsWith("awssim: DynamoDb.PutItem is not simulated")
            .contains("does not implement putItem(PutItemRequest)");
    }

    @Test
    void modeledExceptionsKeepTheirClassCodeAndStatus() {
        sim.register(DynamoDbClient.class, getItemOnly(request -> {
            throw ResourceNotFoundException.builder().message("Requested resource not found").build();
        }));

        Outcome.ServiceError e = (Outcome.ServiceError) engine.dispatch(get("t"));
        assertThat(e.exception()).isInstanceOf(ResourceNotFoundException.class);
        assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void aBackendThatThrowsSomethingElseBecomesAClearAwssimErrorWithTheCauseKept() {
        IllegalStateException boom = new IllegalStateException("boom");
        sim.register(DynamoDbClient.class, getItemOnly(request -> {
            throw boom;
        }));

        Outcome.ServiceError e = (Outcome.ServiceError) engine.dispatch(get("t"));
        assertThat(e.errorCode()).isEqualTo("AwssimBackendFailure");
        assertThat(e.exception().getMessage())
            .startsWith("awssim: the backend for DynamoDb.GetItem")
            .contains("java.lang.IllegalStateException: boom");
        assertThat(e.exception().getCause()).isSameAs(boom);
    }

    @Test
    void aBackendReturningNullIsNamed() {
        sim.register(DynamoDbClient.class, getItemOnly(request -> null));

        Outcome.ServiceError e = (Outcome.ServiceError) engine.dispatch(get("t"));
        assertThat(e.exception().getMessage()).contains("returned null").contains("GetItemResponse.builder().build()");
    }

    @Test
    void aClosedSimulationAnswersEveryCallWithAClearError() {
        sim.close();
        assertThat(sim.isClosed()).isTrue();

        Outcome.ServiceError e = (Outcome.ServiceError) engine.dispatch(get("t"));
        assertThat(e.errorCode()).isEqualTo("AwssimSimulationClosed");
        assertThat(e.exception().getMessage()).contains("DynamoDb.GetItem reached a simulation that is closed");
    }

    @Test
    void backendLookupAndRegistrationRejectWhatIsNotASyncClientInterface() {
        assertThatThrownBy(() -> sim.backend(DynamoDbClient.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("awssim: no backend for software.amazon.awssdk.services.dynamodb.DynamoDbClient");
        assertThatThrownBy(() -> sim.register(MarketplaceMeteringAsyncClient.class, org.mockito.Mockito.mock(MarketplaceMeteringAsyncClient.class)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not an AWS SDK sync client interface");
        assertThat(sim.backend(MarketplaceMeteringClient.class)).isSameAs(sim.metering());
    }

    @Test
    void seededIdsReplayForTheSameSeed() {
        Engine a = CoreAccess.engine(Simulation.builder().seed(42).build());
        Engine b = CoreAccess.engine(Simulation.builder().seed(42).build());
        assertThat(a.newUuid()).isEqualTo(b.newUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(a.newRequestId()).isEqualTo(b.newRequestId());
    }
}
