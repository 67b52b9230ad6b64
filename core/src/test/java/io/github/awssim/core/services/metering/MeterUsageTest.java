package io.github.awssim.core.services.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.CustomerNotEntitledException;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.IdempotencyConflictException;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidEndpointRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageAllocationsException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageDimensionException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.Tag;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageAllocation;

/** MeterUsage's rules, called directly on the simulator (no SDK, no wire). */
class MeterUsageTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).seed(7).build();
    final MeteringSimulator metering = sim.metering();

    @AfterEach
    void close() {
        sim.close();
    }

    static MeterUsageRequest.Builder usage(int quantity) {
        return MeterUsageRequest.builder().productCode("prod-1").usageDimension("Users").usageQuantity(quantity)
            .timestamp(NOW);
    }

    static UsageAllocation allocation(int quantity, String... keyValues) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.add(Tag.builder().key(keyValues[i]).value(keyValues[i + 1]).build());
        }
        return UsageAllocation.builder().allocatedUsageQuantity(quantity).tags(tags.isEmpty() ? null : tags).build();
    }

    @Test
    void backendIsTheSimulatorAndCommitsARecord() {
        assertThat(sim.backend(MarketplaceMeteringClient.class)).isSameAs(metering);

        String id = metering.meterUsage(usage(3).build()).meteringRecordId();

        assertThat(metering.records()).singleElement().satisfies(r -> {
            assertThat(r.meteringRecordId()).isEqualTo(id);
            assertThat(r.operation()).isEqualTo(MeteringOperation.METER_USAGE);
            assertThat(r.productCode()).isEqualTo("prod-1");
            assertThat(r.dimension()).isEqualTo("Users");
            assertThat(r.quantity()).isEqualTo(3);
            assertThat(r.timestamp()).isEqualTo(NOW);
            assertThat(r.hour()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
            assertThat(r.callerIdentity()).isEqualTo(CallerIdentity.DEFAULT.id());
            assertThat(r.customerAwsAccountId()).isEqualTo(sim.accountId());
            assertThat(r.customerIdentifier()).isNull();
            assertThat(r.recordedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void quantityDefaultsToZero() {
        metering.meterUsage(usage(0).usageQuantity(null).build());
        assertThat(metering.records()).singleElement().extracting(MeteringRecord::quantity).isEqualTo(0);
    }

    @Nested
    class Window {
        @Test
        void sixHoursBackIsAcceptedAndOneMillisecondMoreIsNot() {
            metering.meterUsage(usage(1).timestamp(NOW.minus(Duration.ofHours(6))).build());

            TimestampOutOfBoundsException e = catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(1).usageDimension("Hosts")
                    .timestamp(NOW.minus(Duration.ofHours(6)).minusMillis(1)).build()));
            assertThat(e).isNotNull();
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void messageSaysHowFarBackAndWhatTheWindowIs() {
            sim.clock().set(Instant.parse("2026-01-01T07:00:00Z"));

            TimestampOutOfBoundsException e = catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(1).timestamp(Instant.parse("2026-01-01T00:00:00Z")).build()));

            assertThat(e.getMessage()).isEqualTo("Timestamp 2026-01-01T00:00:00Z is 7h before the simulation clock "
                + "(2026-01-01T07:00:00Z); MeterUsage accepts usage up to 6 hours in the past.");
        }

        @Test
        void futureBeyondFiveMinutesIsRejected() {
            metering.meterUsage(usage(1).timestamp(NOW.plus(MeteringSimulator.FUTURE_TOLERANCE)).build());

            TimestampOutOfBoundsException e = catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(1).usageDimension("Hosts").timestamp(NOW.plus(Duration.ofHours(2))).build()));

            assertThat(e.getMessage()).isEqualTo("Timestamp 2026-01-01T12:15:00Z is 2h after the simulation clock "
                + "(2026-01-01T10:15:00Z); MeterUsage accepts timestamps at most 5 minutes ahead of the clock.");
        }

        @Test
        void windowFollowsTheSimulationClock() {
            Instant ts = NOW;
            sim.clock().advance(Duration.ofHours(6).plusSeconds(1));

            assertThat(catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(1).timestamp(ts).build())).getMessage())
                .startsWith("Timestamp 2026-01-01T10:15:00Z is 6h 0m 1s before the simulation clock");
        }

        @Test
        void windowIsASetting() {
            metering.usageWindow(Duration.ofHours(24));
            metering.meterUsage(usage(1).timestamp(NOW.minus(Duration.ofHours(20))).build());

            metering.usageWindow(Duration.ofHours(1));
            assertThat(catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(1).timestamp(NOW.minus(Duration.ofMinutes(90))).build())).getMessage())
                .endsWith("MeterUsage accepts usage up to 1 hour in the past.");
        }
    }

    @Nested
    class OncePerHour {
        @Test
        void identicalRequestInTheSameHourAnswersTheSameRecordId() {
            String first = metering.meterUsage(usage(3).build()).meteringRecordId();
            String again = metering.meterUsage(usage(3).timestamp(Instant.parse("2026-01-01T10:00:00Z")).build())
                .meteringRecordId();

            assertThat(again).isEqualTo(first);
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void otherQuantityInTheSameHourIsADuplicateRequest() {
            String first = metering.meterUsage(usage(3).build()).meteringRecordId();

            DuplicateRequestException e = catchThrowableOfType(DuplicateRequestException.class,
                () -> metering.meterUsage(usage(5).timestamp(Instant.parse("2026-01-01T10:01:00Z")).build()));

            assertThat(e.getMessage()).isEqualTo("MeterUsage: usage of product prod-1, dimension Users for the hour "
                + "starting 2026-01-01T10:00:00Z was already recorded by i-0123456789abcdef0 with UsageQuantity 3 "
                + "(MeteringRecordId " + first + "); this request sends UsageQuantity 5. Usage is reported once per "
                + "hour per dimension per instance, task or pod, and a recorded value cannot change; report further "
                + "usage from 2026-01-01T11:00:00Z on.");
            assertThat(metering.records()).extracting(MeteringRecord::quantity).containsExactly(3);
        }

        @Test
        void otherAllocationsWithTheSameQuantityAreADuplicateRequest() {
            metering.meterUsage(usage(3).usageAllocations(allocation(3, "team", "a")).build());

            assertThat(catchThrowableOfType(DuplicateRequestException.class,
                () -> metering.meterUsage(usage(3).usageAllocations(allocation(3, "team", "b")).build())).getMessage())
                .contains("this request sends UsageQuantity 3 with other UsageAllocations");
        }

        @Test
        void allocationOrderDoesNotMakeARequestDifferent() {
            String first = metering.meterUsage(usage(3).usageAllocations(
                allocation(1, "team", "a", "env", "prod"), allocation(2, "team", "b")).build()).meteringRecordId();
            String again = metering.meterUsage(usage(3).usageAllocations(
                allocation(2, "team", "b"), allocation(1, "env", "prod", "team", "a")).build()).meteringRecordId();

            assertThat(again).isEqualTo(first);
        }

        @Test
        void nextHourOtherDimensionOrOtherIdentityAreNewRecords() {
            metering.meterUsage(usage(3).build());
            metering.meterUsage(usage(5).usageDimension("Hosts").build());
            sim.clock().advance(Duration.ofHours(1));
            metering.meterUsage(usage(5).timestamp(NOW.plus(Duration.ofHours(1))).build());
            metering.callerIdentity(CallerIdentity.of("i-0fedcba9876543210"));
            metering.meterUsage(usage(7).build());

            assertThat(metering.records()).extracting(MeteringRecord::quantity).containsExactly(3, 5, 5, 7);
            assertThat(metering.records()).extracting(MeteringRecord::callerIdentity)
                .containsExactly("i-0123456789abcdef0", "i-0123456789abcdef0", "i-0123456789abcdef0", "i-0fedcba9876543210");
        }

        @Test
        void concurrentIdenticalCallsCommitOneRecordWithOneId() throws Exception {
            int threads = 16;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    ids.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return metering.meterUsage(usage(4).build()).meteringRecordId();
                    }));
                }
                Set<String> distinct = ConcurrentHashMap.newKeySet();
                for (Future<String> f : ids) {
                    distinct.add(f.get(10, TimeUnit.SECONDS));
                }
                assertThat(distinct).hasSize(1);
                assertThat(metering.records()).singleElement().extracting(MeteringRecord::meteringRecordId)
                    .isEqualTo(distinct.iterator().next());
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void concurrentCallsWithDifferentQuantitiesLetExactlyOneWin() throws Exception {
            int threads = 12;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Object>> outcomes = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    int quantity = i;
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            return metering.meterUsage(usage(quantity).build());
                        } catch (DuplicateRequestException e) {
                            return e;
                        }
                    }));
                }
                List<Object> results = new ArrayList<>();
                for (Future<Object> f : outcomes) {
                    results.add(f.get(10, TimeUnit.SECONDS));
                }
                assertThat(results).filteredOn(DuplicateRequestException.class::isInstance).hasSize(threads - 1);
                assertThat(metering.records()).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class ClientToken {
        @Test
        void sameTokenAndParametersReplayTheFirstAnswerEvenAfterTheHourRuleWouldRefuse() {
            String first = metering.meterUsage(usage(3).clientToken("t-1").build()).meteringRecordId();
            // Outside the window by now: only the token ledger can answer this retry.
            sim.clock().advance(Duration.ofHours(7));

            assertThat(metering.meterUsage(usage(3).clientToken("t-1").build()).meteringRecordId()).isEqualTo(first);
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void sameTokenWithOtherParametersIsAnIdempotencyConflict() {
            metering.meterUsage(usage(3).clientToken("t-1").build());

            IdempotencyConflictException e = catchThrowableOfType(IdempotencyConflictException.class,
                () -> metering.meterUsage(usage(5).usageDimension("Hosts").clientToken("t-1").build()));

            assertThat(e.getMessage()).isEqualTo("MeterUsage: ClientToken 't-1' was already used with different "
                + "parameters (UsageDimension: first Users, now Hosts; UsageQuantity: first 3, now 5); a reused "
                + "ClientToken requires the same value for every other parameter. Send a new ClientToken for a new request.");
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void tokenIsCheckedBeforeTheHourRule() {
            metering.meterUsage(usage(3).clientToken("t-1").build());
            // Same hour, other quantity, reused token: the conflict wins over DuplicateRequest.
            assertThat(catchThrowableOfType(AwsServiceException.class,
                () -> metering.meterUsage(usage(4).clientToken("t-1").build())))
                .isInstanceOf(IdempotencyConflictException.class);
        }

        @Test
        void newTokenForAnIdenticalRequestGetsTheSameRecordThroughTheHourRule() {
            String first = metering.meterUsage(usage(3).clientToken("t-1").build()).meteringRecordId();
            assertThat(metering.meterUsage(usage(3).clientToken("t-2").build()).meteringRecordId()).isEqualTo(first);
            // ...and t-2 now replays too.
            sim.clock().advance(Duration.ofHours(7));
            assertThat(metering.meterUsage(usage(3).clientToken("t-2").build()).meteringRecordId()).isEqualTo(first);
        }

        @Test
        void failedCallsAreNotRemembered() {
            catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(3).clientToken("t-1").timestamp(NOW.minus(Duration.ofDays(1))).build()));

            String id = metering.meterUsage(usage(3).clientToken("t-1").build()).meteringRecordId();
            assertThat(metering.records()).extracting(MeteringRecord::meteringRecordId).containsExactly(id);
        }

        @Test
        void withoutTokenNothingReplaysByToken() {
            metering.meterUsage(usage(3).build());
            sim.clock().advance(Duration.ofHours(7));
            assertThat(catchThrowableOfType(TimestampOutOfBoundsException.class,
                () -> metering.meterUsage(usage(3).build()))).isNotNull();
        }
    }

    @Nested
    class DryRun {
        @Test
        void permittedDryRunAnswersDryRunOperationAndRecordsNothing() {
            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> metering.meterUsage(usage(3).dryRun(true).clientToken("t-1").build()));

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
            assertThat(e.statusCode()).isEqualTo(412);
            assertThat(metering.records()).isEmpty();
            // The token was not used up either.
            metering.meterUsage(usage(5).clientToken("t-1").build());
            assertThat(metering.records()).extracting(MeteringRecord::quantity).containsExactly(5);
        }

        @Test
        void unauthorizedCallerGetsUnauthorizedOnDryRunAndAccessDeniedOtherwise() {
            metering.callerIdentity(CallerIdentity.builder().id("i-1").authorized(false).build());

            MarketplaceMeteringException dry = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> metering.meterUsage(usage(3).dryRun(true).build()));
            MarketplaceMeteringException real = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> metering.meterUsage(usage(3).build()));

            assertThat(dry.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedException");
            assertThat(dry.statusCode()).isEqualTo(403);
            assertThat(real.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(real.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::123456789012:assumed-role/awssim-caller/i-1 "
                + "is not authorized to perform: aws-marketplace:MeterUsage");
            assertThat(metering.records()).isEmpty();
        }

        @Test
        void dryRunDoesNotCheckTheRules() {
            metering.registerProduct("other", "X");
            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> metering.meterUsage(usage(3).dryRun(true).timestamp(NOW.minus(Duration.ofDays(3))).build()));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
        }
    }

    @Nested
    class Allocations {
        @Test
        void allocationsMustAddUpToTheQuantity() {
            InvalidUsageAllocationsException e = catchThrowableOfType(InvalidUsageAllocationsException.class,
                () -> metering.meterUsage(usage(10).usageAllocations(allocation(4, "team", "a"), allocation(5)).build()));

            assertThat(e.getMessage()).isEqualTo("MeterUsage: the AllocatedUsageQuantity values of UsageAllocations "
                + "add up to 9, but UsageQuantity is 10; the allocations must add up to the usage quantity exactly.");
            assertThat(metering.records()).isEmpty();
        }

        @Test
        void tagSetsMustBeUniqueWhateverTheirOrder() {
            InvalidUsageAllocationsException e = catchThrowableOfType(InvalidUsageAllocationsException.class,
                () -> metering.meterUsage(usage(3).usageAllocations(allocation(1, "a", "1", "b", "2"), allocation(2, "b", "2", "a", "1"))
                    .build()));

            assertThat(e.getMessage()).startsWith("MeterUsage: UsageAllocations[0] and [1] have the same tag set [a=1, b=2]");
        }

        @Test
        void atMostOneAllocationWithoutTags() {
            assertThat(catchThrowableOfType(InvalidUsageAllocationsException.class,
                () -> metering.meterUsage(usage(3).usageAllocations(allocation(1), allocation(2)).build())).getMessage())
                .contains("UsageAllocations[0] and [1] have the same tag set []");
        }

        @Test
        void keyTwiceInOneTagSetIsAnInvalidTag() {
            assertThat(catchThrowableOfType(InvalidTagException.class,
                () -> metering.meterUsage(usage(3).usageAllocations(allocation(3, "team", "a", "team", "b")).build())).getMessage())
                .isEqualTo("MeterUsage: UsageAllocations[0].Tags uses the key 'team' more than once; a tag set holds each key once.");
        }

        @Test
        void moreThanFiveTagsIsAnInvalidTag() {
            assertThat(catchThrowableOfType(InvalidTagException.class, () -> metering.meterUsage(usage(3).usageAllocations(
                allocation(3, "a", "1", "b", "1", "c", "1", "d", "1", "e", "1", "f", "1")).build())).getMessage())
                .isEqualTo("MeterUsage: UsageAllocations[0].Tags has 6 tags; a usage allocation takes at most 5 tags.");
            metering.meterUsage(usage(3).usageAllocations(allocation(3, "a", "1", "b", "1", "c", "1", "d", "1", "e", "1")).build());
            assertThat(metering.records()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a~b", "caf\u00e9", "x|y"})
        void tagKeysOutsideThePatternAreInvalidTags(String key) {
            InvalidTagException e = catchThrowableOfType(InvalidTagException.class,
                () -> metering.meterUsage(usage(3).usageAllocations(allocation(3, key, "v")).build()));

            assertThat(e.getMessage()).isEqualTo("MeterUsage: UsageAllocations[0].Tags[0].Key '" + key + "' is not a "
                + "valid tag part: Member must satisfy regular expression pattern: ^[a-zA-Z0-9+ -=._:\\/@]+$.");
        }

        @Test
        void tagValuesFollowThePatternToo() {
            metering.meterUsage(usage(3).usageAllocations(allocation(3, "cost center", "a+b/c:d@e.f=g_h-1")).build());
            assertThat(catchThrowableOfType(InvalidTagException.class,
                () -> metering.meterUsage(usage(4).usageDimension("Hosts").usageAllocations(allocation(4, "k", "v~")).build())))
                .hasMessageContaining("UsageAllocations[0].Tags[0].Value 'v~'");
        }

        @Test
        void recordKeepsTheAllocations() {
            metering.meterUsage(usage(3).usageAllocations(allocation(1, "team", "a"), allocation(2)).build());
            assertThat(metering.records().get(0).allocations()).containsExactly(allocation(1, "team", "a"), allocation(2));
        }
    }

    @Nested
    class Shape {
        @Test
        void modelConstraintsAnswerValidationException() {
            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> metering.meterUsage(usage(-1).productCode("bad code!").build()));

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("2 validation errors detected: ")
                .contains("Value 'bad code!' at 'productCode' failed to satisfy constraint")
                .contains("Value '-1' at 'usageQuantity' failed to satisfy constraint");
        }

        @Test
        void shapeIsCheckedBeforeTags() {
            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> metering.meterUsage(usage(3).usageDimension("").usageAllocations(allocation(3, "a~", "1")).build()));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        }
    }

    @Nested
    class Strict {
        @Test
        void openWorldAcceptsAnyProductAndDimension() {
            metering.meterUsage(usage(1).productCode("anything").usageDimension("Whatever").build());
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void registeredProductMakesUnknownCodesAndDimensionsFail() {
            metering.registerProduct("prod-1", "Users", "Hosts").subscribe("prod-1", "cust-1", sim.accountId());

            InvalidProductCodeException product = catchThrowableOfType(InvalidProductCodeException.class,
                () -> metering.meterUsage(usage(1).productCode("prod-2").build()));
            InvalidUsageDimensionException dimension = catchThrowableOfType(InvalidUsageDimensionException.class,
                () -> metering.meterUsage(usage(1).usageDimension("Seats").build()));

            assertThat(product.getMessage()).isEqualTo("MeterUsage: ProductCode 'prod-2' is not a product of this "
                + "seller. Products registered in account 123456789012, region us-east-1: [prod-1]. Fix the code, or "
                + "register the product: sim.metering().registerProduct(\"prod-2\", \"<dimension>\").");
            assertThat(dimension.getMessage()).isEqualTo("MeterUsage: UsageDimension 'Seats' is not a usage dimension "
                + "of product prod-1; its dimensions are [Hosts, Users].");
            metering.meterUsage(usage(1).build());
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void callerAccountMustBeSubscribed() {
            metering.registerProduct("prod-1", "Users");

            CustomerNotEntitledException e = catchThrowableOfType(CustomerNotEntitledException.class,
                () -> metering.meterUsage(usage(1).build()));
            assertThat(e.getMessage()).isEqualTo("MeterUsage: customer account 123456789012 has no active subscription "
                + "to product prod-1 (caller i-0123456789abcdef0). To simulate a subscribed buyer: "
                + "sim.metering().subscribe(\"prod-1\", \"<customerIdentifier>\", \"123456789012\").");

            metering.subscribe("prod-1", "cust-1", "123456789012");
            metering.meterUsage(usage(1).build());
            metering.unsubscribe("prod-1", "cust-1");
            assertThat(catchThrowableOfType(CustomerNotEntitledException.class,
                () -> metering.meterUsage(usage(1).usageDimension("Users").timestamp(NOW.minus(Duration.ofHours(1))).build())))
                .isNotNull();
            assertThat(metering.records()).hasSize(1);
        }

        @Test
        void anotherAccountSubscribedDoesNotEntitleTheCaller() {
            metering.registerProduct("prod-1", "Users").subscribe("prod-1", "cust-9", "999999999999");
            assertThat(catchThrowableOfType(CustomerNotEntitledException.class,
                () -> metering.meterUsage(usage(1).build()))).isNotNull();
        }
    }

    @Nested
    class Caller {
        @Test
        void launchRegionOtherThanTheEndpointsIsAnInvalidEndpointRegion() {
            metering.callerIdentity(CallerIdentity.builder().id("i-1").launchRegion(Region.US_WEST_2).build());

            InvalidEndpointRegionException e = catchThrowableOfType(InvalidEndpointRegionException.class,
                () -> metering.meterUsage(usage(1).build()));

            assertThat(e.getMessage()).isEqualTo("MeterUsage: called at the endpoint of region us-east-1, but caller "
                + "i-1 runs in region us-west-2; meter usage at the Metering endpoint of the caller's own region.");
            metering.callerIdentity(metering.callerIdentity().toBuilder().launchRegion(Region.US_EAST_1).build());
            metering.meterUsage(usage(1).build());
            assertThat(metering.records()).hasSize(1);
        }
    }

    @Nested
    class Faults {
        @Test
        void queuedFaultsStrikeInOrderBeforeAnyRuleAndRecordNothing() {
            metering.failNext(1, MeteringFault.THROTTLING).failNext(1, MeteringFault.INTERNAL_ERROR);

            ThrottlingException first = catchThrowableOfType(ThrottlingException.class,
                () -> metering.meterUsage(usage(1).build()));
            InternalServiceErrorException second = catchThrowableOfType(InternalServiceErrorException.class,
                () -> metering.meterUsage(usage(1).build()));
            metering.meterUsage(usage(1).build());

            assertThat(first.getMessage()).isEqualTo("awssim: MeterUsage answered ThrottlingException because "
                + "sim.metering().failNext(n, THROTTLING) queued it (1 more queued).");
            assertThat(second).isNotNull();
            assertThat(metering.records()).hasSize(1);
        }
    }

    @Test
    void spyOfTheBackendSharesState() {
        MarketplaceMeteringClient spy = org.mockito.Mockito.spy(sim.backend(MarketplaceMeteringClient.class));
        sim.register(MarketplaceMeteringClient.class, spy);

        String id = spy.meterUsage(usage(3).build()).meteringRecordId();

        assertThat(metering.records()).extracting(MeteringRecord::meteringRecordId).containsExactly(id);
        org.mockito.Mockito.verify(spy).meterUsage(usage(3).build());
    }

    @Test
    void recordIdsReplayFromTheSeed() {
        String first = metering.meterUsage(usage(3).build()).meteringRecordId();
        try (Simulation again = Simulation.builder().startTime(NOW).seed(7).build()) {
            assertThat(again.metering().meterUsage(usage(3).build()).meteringRecordId()).isEqualTo(first);
        }
        try (Simulation other = Simulation.builder().startTime(NOW).seed(8).build()) {
            assertThat(other.metering().meterUsage(usage(3).build()).meteringRecordId()).isNotEqualTo(first);
        }
    }

    @Test
    void recordsAreASnapshot() {
        metering.meterUsage(usage(3).build());
        List<MeteringRecord> snapshot = metering.records();
        metering.meterUsage(usage(3).usageDimension("Hosts").build());

        assertThat(snapshot).hasSize(1);
        assertThat(metering.records().stream().map(MeteringRecord::dimension).collect(Collectors.toList()))
            .containsExactly("Users", "Hosts");
    }
}
