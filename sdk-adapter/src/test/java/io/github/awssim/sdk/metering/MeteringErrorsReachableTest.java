package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.services.metering.CallerIdentity;
import io.github.awssim.core.services.metering.MeteringFault;
import io.github.awssim.core.services.metering.MeteringOperation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.CustomerNotEntitledException;
import software.amazon.awssdk.services.marketplacemetering.model.DisabledApiException;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.IdempotencyConflictException;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidCustomerIdentifierException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidEndpointRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidPublicKeyVersionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageAllocationsException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageDimensionException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.PlatformNotSupportedException;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;

/**
 * Every error the Metering model declares is reachable through a real SDK client, from some input or
 * some configuration of the simulation, and arrives as the SDK's own exception type.
 */
class MeteringErrorsReachableTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    /** One way to make the service answer {@code type}: set up the simulation, then the call that fails. */
    record Case(Class<? extends MarketplaceMeteringException> type, String messageFragment,
                BiConsumer<Simulation, MarketplaceMeteringClient> scenario) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static MeterUsageRequest.Builder usage(int quantity) {
        return MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users").usageQuantity(quantity)
            .timestamp(NOW);
    }

    static void meter(MarketplaceMeteringClient client, MeterUsageRequest.Builder request) {
        client.meterUsage(request.build());
    }

    static void registerUsage(MarketplaceMeteringClient client, int version) {
        client.registerUsage(r -> r.productCode("cont-1").publicKeyVersion(version));
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case(InternalServiceErrorException.class, "answered InternalServiceErrorException", (sim, c) -> {
                sim.metering().failNext(10, MeteringFault.INTERNAL_ERROR);
                meter(c, usage(1));
            }),
            new Case(ThrottlingException.class, "answered ThrottlingException", (sim, c) -> {
                sim.metering().failNext(10, MeteringFault.THROTTLING);
                meter(c, usage(1));
            }),
            new Case(InvalidProductCodeException.class, "ProductCode 'prod-2' is not a product of this seller", (sim, c) -> {
                sim.metering().registerProduct("prod-1", "Users");
                meter(c, usage(1).productCode("prod-2"));
            }),
            new Case(InvalidUsageDimensionException.class, "UsageDimension 'Seats' is not a usage dimension", (sim, c) -> {
                sim.metering().registerProduct("prod-1", "Users").subscribe("prod-1", "cust-1", sim.accountId());
                meter(c, usage(1).usageDimension("Seats"));
            }),
            new Case(InvalidTagException.class, "has 6 tags; a usage allocation takes at most 5 tags", (sim, c) -> {
                List<Tag> six = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    six.add(Tag.builder().key("k" + i).value("v").build());
                }
                meter(c, usage(2).usageAllocations(UsageAllocation.builder().allocatedUsageQuantity(2).tags(six).build()));
            }),
            new Case(InvalidUsageAllocationsException.class, "add up to 1, but UsageQuantity is 2", (sim, c) ->
                meter(c, usage(2).usageAllocations(UsageAllocation.builder().allocatedUsageQuantity(1).build()))),
            new Case(TimestampOutOfBoundsException.class, "is 7h before the simulation clock", (sim, c) ->
                meter(c, usage(1).timestamp(NOW.minus(Duration.ofHours(7))))),
            new Case(DuplicateRequestException.class, "this request sends UsageQuantity 5", (sim, c) -> {
                meter(c, usage(3));
                meter(c, usage(5));
            }),
            new Case(IdempotencyConflictException.class, "ClientToken 't-1' was already used", (sim, c) -> {
                meter(c, usage(3).clientToken("t-1"));
                meter(c, usage(5).clientToken("t-1"));
            }),
            new Case(InvalidEndpointRegionException.class, "caller i-1 runs in region us-west-2", (sim, c) -> {
                sim.metering().callerIdentity(CallerIdentity.builder().id("i-1").launchRegion(Region.US_WEST_2).build());
                meter(c, usage(1));
            }),
            new Case(CustomerNotEntitledException.class, "has no active subscription to product prod-1", (sim, c) -> {
                sim.metering().registerProduct("prod-1", "Users");
                meter(c, usage(1));
            }),
            new Case(InvalidCustomerIdentifierException.class, "CustomerIdentifier 'ghost' does not exist", (sim, c) -> {
                sim.metering().registerProduct("saas-1", "Seats").subscribe("saas-1", "cust-a", "111111111111")
                    .rejectUnknownCustomerIdentifiers(true);
                c.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(
                    UsageRecord.builder().customerIdentifier("ghost").dimension("Seats").quantity(1).timestamp(NOW).build()));
            }),
            new Case(DisabledApiException.class, "The BatchMeterUsage API is disabled in the Region us-east-1", (sim, c) -> {
                sim.metering().disableApi(MeteringOperation.BATCH_METER_USAGE);
                c.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(List.of()));
            }),
            new Case(InvalidRegionException.class, "caller task-1 was launched in region eu-west-1", (sim, c) -> {
                sim.metering().callerIdentity(CallerIdentity.builder().id("task-1").launchRegion(Region.EU_WEST_1).build());
                registerUsage(c, 1);
            }),
            new Case(InvalidPublicKeyVersionException.class, "PublicKeyVersion 2 is not a valid public key version",
                (sim, c) -> registerUsage(c, 2)),
            new Case(PlatformNotSupportedException.class, "caller i-2 runs on EC2", (sim, c) -> {
                sim.metering().callerIdentity(CallerIdentity.builder().id("i-2").platform(CallerIdentity.Platform.EC2).build());
                registerUsage(c, 1);
            }),
            new Case(InvalidTokenException.class, "RegistrationToken 'no-such-token' is not a registration token",
                (sim, c) -> c.resolveCustomer(r -> r.registrationToken("no-such-token"))),
            new Case(ExpiredTokenException.class, "was already resolved at", (sim, c) -> {
                String token = sim.metering().issueRegistrationToken("saas-1", "cust-1");
                c.resolveCustomer(r -> r.registrationToken(token));
                c.resolveCustomer(r -> r.registrationToken(token));
            }));
    }

    /** Every case, through the sync client and through the async one: each kind has its own SDK pipeline. */
    static Stream<Arguments> casesThroughBothClients() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    @ParameterizedTest(name = "{0}, async={1}")
    @MethodSource("casesThroughBothClients")
    void reachableThroughARealClient(Case c, boolean async) {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = async
                 ? JoiningClient.of(SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class))
                 : SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {

            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> c.scenario().accept(sim, client));

            assertThat(e).as("the SDK's exception").isExactlyInstanceOf(c.type());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(c.type().getSimpleName());
            assertThat(e.statusCode()).isEqualTo(c.type() == InternalServiceErrorException.class ? 500 : 400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(c.messageFragment());
            assertThat(e.getMessage()).contains("(Service: MarketplaceMetering, Status Code: ");
            // The SDK retries only what the service marks as transient; the journal saw each attempt.
            boolean transient_ = c.type() == ThrottlingException.class || c.type() == InternalServiceErrorException.class;
            assertThat(e.numAttempts() > 1).as("retried").isEqualTo(transient_);
            assertThat(sim.journal().last().attemptCount()).isEqualTo(e.numAttempts());
            assertThat(sim.journal().last().attempts()).allSatisfy(a ->
                assertThat(((Outcome.ServiceError) a.outcome()).errorCode()).isEqualTo(c.type().getSimpleName()));
        }
    }

    @Test
    void theCasesCoverEveryModeledError() {
        Set<String> modeled = ServiceErrors.of(MarketplaceMeteringClient.class).model().orElseThrow().errors().values()
            .stream().map(info -> info.shapeName()).collect(Collectors.toSet());
        Set<String> covered = cases().map(c -> c.type().getSimpleName()).collect(Collectors.toSet());

        assertThat(modeled).hasSize(18);
        assertThat(covered).isEqualTo(modeled);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void dryRunAnswersDryRunOperationAndRecordsNothing(boolean async) {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = async
                 ? JoiningClient.of(SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class))
                 : SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {

            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> meter(client, usage(1).dryRun(true)));

            assertThat(e).isExactlyInstanceOf(MarketplaceMeteringException.class);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
            assertThat(e.statusCode()).isEqualTo(412);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                "Request would have succeeded, but DryRun flag is set (MeterUsage: nothing was recorded).");
            assertThat(e.numAttempts()).isEqualTo(1);
            assertThat(sim.metering().records()).isEmpty();
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void unauthorizedCallerDryRunAnswersUnauthorizedException(boolean async) {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = async
                 ? JoiningClient.of(SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class))
                 : SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {
            sim.metering().callerIdentity(CallerIdentity.builder().id("i-3").authorized(false).build());

            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> meter(client, usage(1).dryRun(true)));

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedException");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You are not authorized to perform this operation: "
                + "caller i-3 in account 123456789012 may not call aws-marketplace:MeterUsage.");
        }
    }

    @Test
    void shapeViolationsAnswerValidationException() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {
            List<UsageRecord> records = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                records.add(UsageRecord.builder().customerIdentifier("c" + i).dimension("Seats").quantity(1).timestamp(NOW).build());
            }

            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(records)));

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '" + records
                + "' at 'usageRecords' failed to satisfy constraint: Member must have length less than or equal to 25");
        }
    }

    @Test
    void nullListElementsAreRefusedNamingTheElement() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
             MarketplaceMeteringAsyncClient async = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class)) {
            // the SDK sends JSON's null for a null element; no Metering list is sparse, so AWS refuses it
            UsageRecord record = UsageRecord.builder().customerIdentifier("c").dimension("Seats").quantity(1).timestamp(NOW).build();
            List<UsageRecord> records = Arrays.asList(record, null);
            List<UsageAllocation> allocations = Arrays.asList((UsageAllocation) null);
            List<Tag> tags = Arrays.asList(Tag.builder().key("k").value("v").build(), null);

            assertThat(errorMessage("ValidationException", () -> client.batchMeterUsage(r -> r.productCode("saas-1").usageRecords(records))))
                .isEqualTo("1 validation error detected: Value null at 'usageRecords.2.member' failed to satisfy constraint: "
                    + "Member must not be null");
            assertThat(errorMessage("ValidationException", () -> client.meterUsage(usage(3).usageAllocations(allocations).build())))
                .isEqualTo("1 validation error detected: Value null at 'usageAllocations.1.member' failed to satisfy "
                    + "constraint: Member must not be null");
            // on a tag, the same refusal is Metering's own InvalidTag, as for every other tag constraint
            assertThat(errorMessage("InvalidTagException", () -> async.meterUsage(usage(3).usageAllocations(
                    UsageAllocation.builder().allocatedUsageQuantity(3).tags(tags).build()).build()).join()))
                .isEqualTo("MeterUsage: UsageAllocations[0].Tags[1] is missing: Member must not be null.");
            assertThat(sim.journal().executions()).hasSize(3).allSatisfy(x -> assertThat(x.outcome())
                .isInstanceOf(Outcome.ServiceError.class));
        }
    }

    private static String errorMessage(String code, Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        MarketplaceMeteringException e = (MarketplaceMeteringException)
            (thrown instanceof CompletionException ? thrown.getCause() : thrown);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        return e.awsErrorDetails().errorMessage();
    }
}
