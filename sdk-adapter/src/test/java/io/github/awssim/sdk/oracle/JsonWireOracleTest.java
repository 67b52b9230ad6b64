package io.github.awssim.sdk.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.awssim.sdk.oracle.OracleHarness.Mode;
import io.github.awssim.sdk.oracle.OracleService.ErrorCase;
import io.github.awssim.sdk.oracle.OracleService.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerAsyncClient;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorAsyncClient;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * The SDK is the oracle of awssim's JSON wire codecs (awsJson1_1 Metering, restJson1 Application Cost
 * Profiler, awsJson1_0 BCM Pricing Calculator). For every operation of each service's sync client
 * interface, {@link #SEEDS} seeds, and each {@link Mode} (sync/async, with/without the interceptor's
 * call note), a request and a response with every member filled at random ({@link RandomPojos}) travel
 * through a real SDK client:
 * <ul>
 *   <li>request: SDK marshaller → awssim's decoder → the backend receives a request equal by sdkFields;</li>
 *   <li>response: awssim's encoder → SDK unmarshaller → the client returns a response equal by sdkFields;</li>
 *   <li>every modeled error of the operation: the backend throws it with random members and message, and
 *       the client throws exactly that class with the model's code and status, the same message, and
 *       equal modeled members.</li>
 * </ul>
 * A failure names the seed, mode and the member path that differs; rerun one case with
 * {@code new RandomPojos(seed)}.
 */
class JsonWireOracleTest {
    /** Seeds per operation and mode. */
    static final int SEEDS = 3;
    /** Base of the per-case seeds; change it (or set -Dawssim.oracle.seed) to explore other values. */
    static final long BASE_SEED = Long.getLong("awssim.oracle.seed", 0x5eed_0aC1eL);

    private static final List<OracleHarness> HARNESSES = new ArrayList<>();

    @AfterAll
    static void closeHarnesses() {
        HARNESSES.forEach(OracleHarness::close);
        HARNESSES.clear();
    }

    @TestFactory
    Stream<DynamicNode> marketplaceMetering() {
        return service(new OracleService(MarketplaceMeteringClient.class, MarketplaceMeteringAsyncClient.class), 4);
    }

    @TestFactory
    Stream<DynamicNode> applicationCostProfiler() {
        return service(new OracleService(ApplicationCostProfilerClient.class, ApplicationCostProfilerAsyncClient.class), 6);
    }

    @TestFactory
    Stream<DynamicNode> bcmPricingCalculator() {
        return service(new OracleService(BcmPricingCalculatorClient.class, BcmPricingCalculatorAsyncClient.class), 36);
    }

    private Stream<DynamicNode> service(OracleService service, int expectedOperations) {
        OracleHarness h = new OracleHarness(service);
        HARNESSES.add(h);
        DynamicTest coverage = DynamicTest.dynamicTest("every operation of the model is on the client interface", () -> {
            Set<String> fromInterface = service.operations().stream().map(Operation::name)
                .collect(Collectors.toCollection(TreeSet::new));
            assertThat(fromInterface).hasSize(expectedOperations)
                .isEqualTo(new TreeSet<>(service.model().operations().keySet()));
        });
        Stream<DynamicNode> ops = service.operations().stream().map(op -> DynamicContainer.dynamicContainer(op.name(),
            Stream.of(Mode.values()).flatMap(mode -> seeds(op).mapToObj(seed -> DynamicContainer.dynamicContainer(
                mode + " seed " + seed, Stream.concat(
                    Stream.of(DynamicTest.dynamicTest("request and response", () -> roundTrip(h, op, mode, seed))),
                    op.errors().stream().map(e -> DynamicTest.dynamicTest(e.shape(), () -> modeledError(h, op, mode, seed, e)))))))));
        return Stream.concat(Stream.of(coverage), ops);
    }

    private static java.util.stream.LongStream seeds(Operation op) {
        return java.util.stream.LongStream.range(0, SEEDS).map(i -> BASE_SEED + 1_000L * Math.floorMod(op.name().hashCode(), 1_000_000) + i);
    }

    private static void roundTrip(OracleHarness h, Operation op, Mode mode, long seed) throws Throwable {
        RandomPojos random = new RandomPojos(seed);
        SdkRequest sent = random.of(op.requestType());
        SdkResponse answered = random.of(op.responseType());
        h.backend().answer(r -> answered);
        int strippedBefore = h.stripped();

        Object returned;
        try {
            returned = h.call(mode, op, sent);
        } catch (Throwable t) {
            throw new AssertionError(where(h, op, mode, seed) + ": the call failed instead of returning the backend's response: " + t, t);
        }

        assertReceived(h, op, mode, seed, sent);
        assertEqualBySdkFields(where(h, op, mode, seed) + " response (awssim encoder -> SDK unmarshaller)", answered, returned);
        assertThat(h.sim().journal().last().request().equalsBySdkFields(sent))
            .as(where(h, op, mode, seed) + ": the journal holds the decoded request").isTrue();
        if (!mode.note()) {
            assertThat(h.stripped()).as("the call note was stripped, so awssim read the wire alone").isGreaterThan(strippedBefore);
        }
    }

    private static void modeledError(OracleHarness h, Operation op, Mode mode, long seed, ErrorCase error) throws Throwable {
        RandomPojos random = new RandomPojos(seed ^ error.shape().hashCode());
        SdkRequest sent = random.of(op.requestType());
        String message = random.message();
        AwsServiceException.Builder b = (AwsServiceException.Builder) random.filledBuilder(error.type());
        AwsServiceException thrown = b.message(message).build();
        h.backend().answer(r -> {
            throw thrown;
        });

        Throwable caught = null;
        try {
            Object returned = h.call(mode, op, sent);
            fail(where(h, op, mode, seed) + ": expected " + error.type().getSimpleName() + " but the call returned " + returned);
        } catch (Throwable t) {
            caught = t;
        }
        String where = where(h, op, mode, seed) + " " + error.shape();
        assertReceived(h, op, mode, seed, sent);
        assertThat(caught).as(where + ": the SDK throws the modeled class").isExactlyInstanceOf(error.type());
        AwsServiceException got = (AwsServiceException) caught;
        assertThat(got.awsErrorDetails().errorCode()).as(where + ": error code").isEqualTo(error.code());
        assertThat(got.statusCode()).as(where + ": HTTP status").isEqualTo(error.status());
        assertThat(got.awsErrorDetails().errorMessage()).as(where + ": message").isEqualTo(message);
        if (message != null && !message.isBlank()) {
            assertThat(got.getMessage()).as(where + ": getMessage()").startsWith(message + " (Service: ");
        }
        String diff = PojoDiff.describe(thrown, got);
        if (!diff.isEmpty()) {
            fail(where + ": modeled members differ (awssim encoder -> SDK error unmarshaller):\n" + diff);
        }
    }

    private static void assertReceived(OracleHarness h, Operation op, Mode mode, long seed, SdkRequest sent) {
        List<ScriptedBackend.Received> received = h.backend().received();
        assertThat(received).as(where(h, op, mode, seed) + ": the backend receives exactly one call").hasSize(1);
        assertThat(received.get(0).method()).as(where(h, op, mode, seed) + ": the operation the backend receives")
            .isEqualTo(op.syncMethod().getName());
        assertEqualBySdkFields(where(h, op, mode, seed) + " request (SDK marshaller -> awssim decoder)", sent,
            received.get(0).request());
    }

    private static void assertEqualBySdkFields(String what, Object expected, Object actual) {
        String diff = PojoDiff.describe(expected, actual);
        boolean equal = ((SdkPojo) expected).equalsBySdkFields(actual);
        if (!diff.isEmpty() || !equal) {
            fail(what + " differs:\n" + (diff.isEmpty() ? "(equalsBySdkFields is false, no field-level difference found)" : diff));
        }
    }

    private static String where(OracleHarness h, Operation op, Mode mode, long seed) {
        return h.service().name() + "." + op.name() + " [" + mode + ", seed " + seed + "]";
    }
}
