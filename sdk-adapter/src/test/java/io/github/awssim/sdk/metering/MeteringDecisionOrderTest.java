package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.CallerIdentity;
import io.github.awssim.core.services.metering.MeteringOperation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;

/**
 * The order in which Metering decides its rules (service-semantics §2.5, MeteringSimulator's class comment,
 * the README): each case is one request that breaks two adjacent rules at once, and the earlier rule must
 * answer. Swapping any two checks in the simulator makes its case fail. Sync and async clients alike.
 */
class MeteringDecisionOrderTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");
    static final Instant TOO_OLD = NOW.minus(Duration.ofHours(7));

    /** Strict mode with prod-1 (dimension Users) and the calling account subscribed, then {@code extra}. */
    record Case(String conflict, String expectedCode, Consumer<Simulation> extra,
                BiConsumer<Simulation, MarketplaceMeteringClient> call) {
        @Override
        public String toString() {
            return conflict;
        }
    }

    static MeterUsageRequest.Builder usage(int quantity) {
        return MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users").usageQuantity(quantity)
            .timestamp(NOW);
    }

    static UsageAllocation allocation(int quantity, int tags) {
        List<Tag> list = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            list.add(Tag.builder().key("k" + i).value("v").build());
        }
        return UsageAllocation.builder().allocatedUsageQuantity(quantity).tags(list.isEmpty() ? null : list).build();
    }

    static UsageRecord record(String customer, String dimension, Instant at) {
        return UsageRecord.builder().customerIdentifier(customer).dimension(dimension).quantity(1).timestamp(at).build();
    }

    static Consumer<Simulation> nothing() {
        return sim -> { };
    }

    static Consumer<Simulation> unsubscribed() {
        return sim -> sim.metering().unsubscribe("prod-1", "cust-1");
    }

    static Stream<Case> cases() {
        return Stream.of(
            // MeterUsage: shape → DryRun → ClientToken → product → dimension → entitlement → window → allocations → hour
            new Case("shape before DryRun", "ValidationException", nothing(),
                (sim, c) -> c.meterUsage(usage(-1).dryRun(true).build())),
            new Case("tag constraints (model) before DryRun", "InvalidTagException", nothing(),
                (sim, c) -> c.meterUsage(usage(2).dryRun(true).usageAllocations(allocation(2, 6)).build())),
            new Case("DryRun before product", "DryRunOperation", nothing(),
                (sim, c) -> c.meterUsage(usage(1).productCode("prod-2").dryRun(true).build())),
            new Case("ClientToken before product", "IdempotencyConflictException", nothing(), (sim, c) -> {
                c.meterUsage(usage(1).clientToken("t-1").build());
                c.meterUsage(usage(1).productCode("prod-2").clientToken("t-1").build());
            }),
            new Case("ClientToken before window", "IdempotencyConflictException", nothing(), (sim, c) -> {
                c.meterUsage(usage(1).clientToken("t-1").build());
                c.meterUsage(usage(1).timestamp(TOO_OLD).clientToken("t-1").build());
            }),
            new Case("ClientToken before the hourly rule", "IdempotencyConflictException", nothing(), (sim, c) -> {
                c.meterUsage(usage(3).clientToken("t-1").build());
                c.meterUsage(usage(4).clientToken("t-1").build());
            }),
            new Case("product before dimension", "InvalidProductCodeException", nothing(),
                (sim, c) -> c.meterUsage(usage(1).productCode("prod-2").usageDimension("Seats").build())),
            new Case("dimension before entitlement", "InvalidUsageDimensionException", unsubscribed(),
                (sim, c) -> c.meterUsage(usage(1).usageDimension("Seats").build())),
            new Case("entitlement before window", "CustomerNotEntitledException", unsubscribed(),
                (sim, c) -> c.meterUsage(usage(1).timestamp(TOO_OLD).build())),
            new Case("window before allocations", "TimestampOutOfBoundsException", nothing(),
                (sim, c) -> c.meterUsage(usage(2).timestamp(TOO_OLD).usageAllocations(allocation(1, 0)).build())),
            new Case("allocations before the hourly rule", "InvalidUsageAllocationsException", nothing(), (sim, c) -> {
                c.meterUsage(usage(3).build());
                c.meterUsage(usage(5).usageAllocations(allocation(4, 0)).build());
            }),
            // BatchMeterUsage: shape → API enabled → product → window over all records → per record
            new Case("batch: API enabled before product", "DisabledApiException",
                sim -> sim.metering().disableApi(MeteringOperation.BATCH_METER_USAGE),
                (sim, c) -> c.batchMeterUsage(r -> r.productCode("prod-2").usageRecords(record("cust-1", "Users", NOW)))),
            new Case("batch: product before window", "InvalidProductCodeException", nothing(),
                (sim, c) -> c.batchMeterUsage(r -> r.productCode("prod-2").usageRecords(record("cust-1", "Users", TOO_OLD)))),
            new Case("batch: window over every record before any record's dimension", "TimestampOutOfBoundsException",
                nothing(), (sim, c) -> c.batchMeterUsage(r -> r.productCode("prod-1")
                    .usageRecords(record("cust-1", "Seats", NOW), record("cust-1", "Users", TOO_OLD)))),
            // RegisterUsage: API enabled → authorized → launch region → product → key version → platform, entitlement
            new Case("register: launch region before product", "InvalidRegionException",
                sim -> sim.metering().callerIdentity(CallerIdentity.builder().id("task-1").launchRegion(Region.EU_WEST_1).build()),
                (sim, c) -> c.registerUsage(r -> r.productCode("prod-2").publicKeyVersion(1))),
            new Case("register: product before key version", "InvalidProductCodeException", nothing(),
                (sim, c) -> c.registerUsage(r -> r.productCode("prod-2").publicKeyVersion(2))),
            new Case("register: key version before platform", "InvalidPublicKeyVersionException",
                sim -> sim.metering().callerIdentity(CallerIdentity.builder().id("i-2").platform(CallerIdentity.Platform.EC2).build()),
                (sim, c) -> c.registerUsage(r -> r.productCode("prod-1").publicKeyVersion(2))),
            new Case("register: platform before entitlement", "PlatformNotSupportedException", sim -> {
                sim.metering().unsubscribe("prod-1", "cust-1");
                sim.metering().callerIdentity(CallerIdentity.builder().id("i-2").platform(CallerIdentity.Platform.EC2).build());
            }, (sim, c) -> c.registerUsage(r -> r.productCode("prod-1").publicKeyVersion(1))),
            // ResolveCustomer: API enabled → token known → not used, not expired
            new Case("resolve: API enabled before token", "DisabledApiException",
                sim -> sim.metering().disableApi(MeteringOperation.RESOLVE_CUSTOMER),
                (sim, c) -> c.resolveCustomer(r -> r.registrationToken("no-such-token"))));
    }

    static Stream<Arguments> casesThroughBothClients() {
        return cases().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    private static Simulation strict() {
        Simulation sim = Simulation.builder().startTime(NOW).build();
        sim.metering().registerProduct("prod-1", "Users").subscribe("prod-1", "cust-1", sim.accountId());
        return sim;
    }

    private static MarketplaceMeteringClient client(Simulation sim, boolean async) {
        return async ? JoiningClient.of(SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class))
            : SimulatedClients.create(sim, MarketplaceMeteringClient.class);
    }

    @ParameterizedTest(name = "{0}, async={1}")
    @MethodSource("casesThroughBothClients")
    void theEarlierRuleAnswers(Case c, boolean async) {
        try (Simulation sim = strict(); MarketplaceMeteringClient client = client(sim, async)) {
            c.extra().accept(sim);

            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> c.call().accept(sim, client));

            assertThat(e).as(c.conflict()).isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).as(c.conflict() + ": " + e.getMessage()).isEqualTo(c.expectedCode());
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void batchDecidesTheCustomerBeforeTheDimension(boolean async) {
        try (Simulation sim = strict(); MarketplaceMeteringClient client = client(sim, async)) {
            // an unknown customer on an undeclared dimension: a record status, not InvalidUsageDimension
            BatchMeterUsageResponse r = client.batchMeterUsage(b -> b.productCode("prod-1")
                .usageRecords(record("cust-9", "Seats", NOW), record("cust-1", "Users", NOW)));

            assertThat(r.results()).extracting(x -> x.status())
                .containsExactly(UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED, UsageRecordResultStatus.SUCCESS);
            assertThat(sim.metering().records()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aReplayedClientTokenAnswersEvenAfterTheCustomerLeft(boolean async) {
        try (Simulation sim = strict(); MarketplaceMeteringClient client = client(sim, async)) {
            String first = client.meterUsage(usage(1).clientToken("t-1").build()).meteringRecordId();
            sim.metering().unsubscribe("prod-1", "cust-1");
            sim.clock().advance(Duration.ofHours(7));

            // token replay is decided before entitlement and window: the SDK's retry gets its original answer
            assertThat(client.meterUsage(usage(1).clientToken("t-1").build()).meteringRecordId()).isEqualTo(first);
            assertThat(sim.metering().records()).hasSize(1);
        }
    }
}
