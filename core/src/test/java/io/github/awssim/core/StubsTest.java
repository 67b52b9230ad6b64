package io.github.awssim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Stubbing below the wire (the adapter's tests show the SDK receiving these answers). */
class StubsTest {
    private static final Instant NOW = Instant.parse("2026-04-01T10:20:00Z");
    private final Simulation sim = Simulation.builder().startTime(NOW).build();
    private final Engine engine = CoreAccess.engine(sim);
    private final ThrottlingException throttled = ThrottlingException.builder().message("Rate exceeded").build();

    private Outcome meter(String dimension) {
        MeterUsageRequest r = MeterUsageRequest.builder().productCode("p").usageDimension(dimension).usageQuantity(1)
            .timestamp(NOW).build();
        return engine.dispatch(new ServiceCall(MarketplaceMeteringClient.class, "MarketplaceMetering", "MeterUsage", r,
            null, 1, null, null));
    }

    private List<String> labels(int calls, String dimension) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            out.add(meter(dimension).label());
        }
        return out;
    }

    @Test
    void throttleTwiceThenTheSimulator() {
        Stub<MeterUsageRequest> stub = sim.stubs().on(MeterUsageRequest.class).fail(throttled).times(2).thenSimulate();

        assertThat(labels(4, "d")).containsExactly("ThrottlingException", "ThrottlingException", "MeterUsageResponse",
            "MeterUsageResponse");
        assertThat(stub.calls()).isEqualTo(4);
        assertThat(stub.isExhausted()).isFalse();
        assertThat(sim.metering().records()).hasSize(1);
    }

    @Test
    void theThirdCallFailsThenTheStubIsUsedUp() {
        Stub<MeterUsageRequest> stub = sim.stubs().on(MeterUsageRequest.class)
            .simulate().times(2)
            .thenFail(InternalServiceErrorException.builder().message("boom").build()).once();

        assertThat(labels(4, "d")).containsExactly("MeterUsageResponse", "MeterUsageResponse",
            "InternalServiceErrorException", "MeterUsageResponse");
        assertThat(stub.isExhausted()).isTrue();
        assertThat(stub.calls()).isEqualTo(3);
        assertThat(stub.describe()).isEqualTo("stub #1 MeterUsageRequest: simulate ×2, then fail InternalServiceErrorException ×1 "
            + "(3 calls)");
    }

    @Test
    void consecutiveAnswersTakeOneCallEachAndTheLastRepeats() {
        sim.stubs().on(MeterUsageRequest.class).fail(throttled)
            .thenRespond(MeterUsageResponse.builder().meteringRecordId("rec-1").build());

        assertThat(labels(3, "d")).containsExactly("ThrottlingException", "MeterUsageResponse", "MeterUsageResponse");
        assertThat(((Outcome.Response) meter("d")).response()).isEqualTo(MeterUsageResponse.builder().meteringRecordId("rec-1").build());
    }

    @Test
    void partialRequestsMatchTheirSetMembersAndNearMissesSayWhatDiffered() {
        sim.stubs().on(MeterUsageRequest.builder().usageDimension("Hosts").build())
            .respond(MeterUsageResponse.builder().meteringRecordId("hosts").build());
        sim.stubs().on(MeterUsageRequest.class).where("quantity above 100", r -> r.usageQuantity() > 100).fail(throttled);

        assertThat(((Outcome.Response) meter("Hosts")).response().toString()).contains("hosts");
        assertThat(meter("Users")).isInstanceOf(Outcome.Response.class);   // the simulator answered

        NearMiss miss = sim.stubs().nearMisses().get(0);
        assertThat(miss.operation()).isEqualTo("MarketplaceMetering.MeterUsage");
        assertThat(miss.misses()).containsExactly(
            "stub #2: 'quantity above 100' is false",
            "stub #1: UsageDimension was 'Users', the stub wants 'Hosts'");
        assertThat(sim.stubs().unused()).extracting(Stub::describe).singleElement().asString().contains("quantity above 100");
    }

    @Test
    void theNewestMatchingStubWinsAndRemovalRestoresTheOlder() {
        Stub<MeterUsageRequest> older = sim.stubs().on(MeterUsageRequest.class).fail(throttled);
        Stub<MeterUsageRequest> newer = sim.stubs().on(MeterUsageRequest.class)
            .respond(MeterUsageResponse.builder().meteringRecordId("new").build());

        assertThat(meter("d").label()).isEqualTo("MeterUsageResponse");
        newer.remove();
        assertThat(meter("d").label()).isEqualTo("ThrottlingException");
        assertThat(older.calls()).isEqualTo(1);
        sim.stubs().removeAll();
        assertThat(sim.stubs().all()).isEmpty();
    }

    @Test
    void answersAreComputedFromTheRequestInTheCallContext() {
        sim.stubs().on(MeterUsageRequest.class).answer(r -> {
            if (r.usageQuantity() > 10) {
                throw throttled;
            }
            return MeterUsageResponse.builder()
                .meteringRecordId(r.usageDimension() + "@" + CallContext.current().orElseThrow().time()).build();
        });

        assertThat(((Outcome.Response) meter("d")).response().toString()).contains("d@" + NOW);
    }

    @Test
    void answersThatAreNotTheOperationsAreReportedNotThrown() {
        sim.stubs().on(MeterUsageRequest.class).answer(r -> RegisterUsageResponse.builder().build());

        Outcome.ServiceError e = (Outcome.ServiceError) meter("d");
        assertThat(e.errorCode()).isEqualTo("AwssimBackendFailure");
        assertThat(e.exception().getMessage()).contains("computed a RegisterUsageResponse for MarketplaceMetering.MeterUsage");
    }

    @Test
    void aBadStubIsRefusedWhenItIsMadeNamingWhatIsWrong() {
        assertThatThrownBy(() -> sim.stubs().on(MeterUsageRequest.class).respond(RegisterUsageResponse.builder().build()))
            .hasMessageStartingWith("awssim: a stub of MeterUsage cannot answer with a RegisterUsageResponse")
            .hasMessageContaining(".respond(MeterUsageResponse.builder()...build())");
        assertThatThrownBy(() -> sim.stubs().on(MeterUsageRequest.class)
            .fail(InvalidTokenException.builder().message("x").build()))
            .hasMessageContaining("throws InvalidTokenException, which MeterUsage does not model; it models [")
            .hasMessageContaining("ThrottlingException");
        assertThatThrownBy(() -> sim.stubs().on(MeterUsageRequest.class).fail(NoSuchKeyException.builder().build()))
            .hasMessageContaining("not an exception of this service. Throw a subclass of MarketplaceMeteringException");
        assertThatThrownBy(() -> sim.stubs().on(MeterUsageRequest.class).fail(MarketplaceMeteringException.builder().build()))
            .hasMessageContaining("without an error code");
        assertThatThrownBy(() -> sim.stubs().on(GetReportDefinitionRequest.class)
            .respond(GetReportDefinitionResponse.builder().reportId("r").build()))
            .hasMessageContaining("is not one the service could send")
            .hasMessageContaining("reportDescription: Member must not be null");
        assertThatThrownBy(() -> sim.stubs().on(MeterUsageRequest.class).fail(throttled).times(0))
            .hasMessageContaining("times(0)");
    }

    @Test
    void aStubbedEnumValueOutsideTheModelIsRefusedNamingTheMember() {
        // UsageRecordResultStatus is Success | CustomerNotSubscribed | DuplicateRecord; the SDK would hand the caller
        // UNKNOWN_TO_SDK_VERSION, which AWS never sends: the stub is refused when it is made, not when a call meets it.
        BatchMeterUsageResponse bogus = BatchMeterUsageResponse.builder()
            .results(UsageRecordResult.builder().meteringRecordId("rec-1").status("Throttled").build()).build();

        assertThatThrownBy(() -> sim.stubs().on(BatchMeterUsageRequest.class).respond(bogus))
            .hasMessageStartingWith("awssim:")
            .hasMessageContaining("is not one the service could send")
            .hasMessageContaining("results.1.member.status: Member must satisfy enum value set: "
                + "[Success, CustomerNotSubscribed, DuplicateRecord] (was 'Throttled')")
            .hasMessageEndingWith("Give each member a value the model allows, on the builder: e.g. "
                + "BatchMeterUsageResponse.builder().results(...)");
        assertThat(sim.stubs().all()).as("the refused stub was not installed").isEmpty();
        sim.stubs().on(BatchMeterUsageRequest.class).respond(BatchMeterUsageResponse.builder()
            .results(UsageRecordResult.builder().meteringRecordId("rec-1").status("DuplicateRecord").build()).build());
    }

    @Test
    void unmodeledErrorsTravelAsTheBaseExceptionWithTheirCode() {
        sim.stubs().on(MeterUsageRequest.class).fail(MarketplaceMeteringException.builder().message("nope").statusCode(403)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage("nope").build()).build());

        Outcome.ServiceError e = (Outcome.ServiceError) meter("d");
        assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.httpStatus()).isEqualTo(403);
    }
}
