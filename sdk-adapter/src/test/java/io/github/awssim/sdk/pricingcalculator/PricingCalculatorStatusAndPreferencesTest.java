package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorAsyncClient;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.RateType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateRateType;

/**
 * A bill scenario going STALE on the simulation clock, and the rate-type preferences that workload estimates
 * obey, through real sync and async clients.
 */
class PricingCalculatorStatusAndPreferencesTest {
    static final Instant JUNE_10 = Instant.parse("2026-06-10T09:00:00Z");

    private final Simulation sim = Simulation.builder().startTime(JUNE_10).seed(5).build();
    private final BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
    private final BcmPricingCalculatorAsyncClient async = SimulatedClients.create(sim, BcmPricingCalculatorAsyncClient.class);

    @AfterEach
    void stop() {
        client.close();
        async.close();
        sim.close();
    }

    @Test
    void aScenarioGoesStaleWhenTheNextBillMonthClosesAndThenTakesNoEstimate() {
        String scenario = client.createBillScenario(r -> r.name("june")).id();
        assertThat(client.getBillScenario(r -> r.identifier(scenario)).billInterval().start())
            .isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));

        sim.clock().set(Instant.parse("2026-06-30T23:59:59Z"));
        assertThat(async.getBillScenario(r -> r.identifier(scenario)).join().status()).isEqualTo(BillScenarioStatus.READY);

        sim.clock().advance(Duration.ofSeconds(1));   // July 1st: June's bill is the last complete month now
        assertThat(client.getBillScenario(r -> r.identifier(scenario)).status()).isEqualTo(BillScenarioStatus.STALE);
        assertThat(client.listBillScenariosPaginator(r -> { }).items()).singleElement()
            .satisfies(s -> assertThat(s.status()).isEqualTo(BillScenarioStatus.STALE));
        assertThatThrownBy(() -> async.createBillEstimate(r -> r.billScenarioId(scenario).name("late")).join())
            .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(ConflictException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(409);
                assertThat(e.resourceId()).isEqualTo(scenario);
                assertThat(e.awsErrorDetails().errorMessage()).contains("is STALE").contains("Create a new bill scenario");
            });

        String fresh = client.createBillScenario(r -> r.name("july")).id();
        assertThat(client.createBillEstimate(r -> r.billScenarioId(fresh).name("on-time")).billInterval().start())
            .isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void preferencesSayWhichRateTypesWorkloadEstimatesMayUse() {
        // a new account has no preferences (awslabs' MCP server reads an answer without the lists as "not configured"),
        // and then any rate type goes
        GetPreferencesResponse defaults = client.getPreferences(r -> { });
        assertThat(defaults.hasStandaloneAccountRateTypeSelections()).isFalse();
        assertThat(defaults.hasManagementAccountRateTypeSelections()).isFalse();
        assertThat(client.createWorkloadEstimate(r -> r.name("before").rateType(WorkloadEstimateRateType.BEFORE_DISCOUNTS))
            .rateType()).isEqualTo(WorkloadEstimateRateType.BEFORE_DISCOUNTS);

        async.updatePreferences(r -> r.standaloneAccountRateTypeSelections(RateType.AFTER_DISCOUNTS)).join();

        assertThat(client.getPreferences(r -> { }).standaloneAccountRateTypeSelections())
            .containsExactly(RateType.AFTER_DISCOUNTS);
        assertThatThrownBy(() -> client.createWorkloadEstimate(r -> r.name("w").rateType(WorkloadEstimateRateType.BEFORE_DISCOUNTS)))
            .isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.reason()).isEqualTo(ValidationExceptionReason.DISALLOWED_RATE);
                assertThat(e.awsErrorDetails().errorMessage()).contains("rateType BEFORE_DISCOUNTS");
            });
        assertThat(async.createWorkloadEstimate(r -> r.name("w").rateType(WorkloadEstimateRateType.AFTER_DISCOUNTS)).join()
            .rateType()).isEqualTo(WorkloadEstimateRateType.AFTER_DISCOUNTS);
    }

    @Test
    void preferencesRefuseAnEmptyUpdateAndARateTypeNamedTwice() {
        assertThatThrownBy(() -> client.updatePreferences(r -> { }))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                .anySatisfy(f -> assertThat(f.name()).isEqualTo("standaloneAccountRateTypeSelections")));
        assertThatThrownBy(() -> client.updatePreferences(r -> r.managementAccountRateTypeSelections(
                RateType.BEFORE_DISCOUNTS, RateType.BEFORE_DISCOUNTS)))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList())
                .anySatisfy(f -> assertThat(f.name()).isEqualTo("managementAccountRateTypeSelections")));
    }
}
