package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.services.pricingcalculator.AccountType;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorFault;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorQuota;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.AccessDeniedException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BcmPricingCalculatorException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DataUnavailableException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.InternalServerException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ThrottlingException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;

/**
 * Every error the Pricing Calculator model declares is reachable through a real SDK client, from some input or some
 * configuration of the simulation, and arrives as the SDK's own exception type with its members and the HTTP status
 * of the Smithy model.
 */
class PricingCalculatorErrorsReachableTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    /** One way to make the service answer {@code type}: set up the simulation, then the call that fails. */
    record Case(Class<? extends BcmPricingCalculatorException> type, int status, String messageFragment,
                BiConsumer<Simulation, BcmPricingCalculatorClient> scenario) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case(AccessDeniedException.class, 403, "only available to management accounts and standalone accounts",
                (sim, c) -> {
                    sim.pricingCalculator().accountType(AccountType.MEMBER);
                    c.createBillScenario(r -> r.name("s"));
                }),
            new Case(ConflictException.class, 409, "was already used with different parameters", (sim, c) -> {
                c.createBillScenario(r -> r.clientToken("t-1").name("a"));
                c.createBillScenario(r -> r.clientToken("t-1").name("b"));
            }),
            new Case(DataUnavailableException.class, 400, "are unavailable: it is IN_PROGRESS", (sim, c) -> {
                String s = c.createBillScenario(r -> r.name("s")).id();
                String e = c.createBillEstimate(r -> r.billScenarioId(s).name("e")).id();
                c.listBillEstimateLineItems(r -> r.billEstimateId(e));
            }),
            new Case(InternalServerException.class, 500, "answered InternalServerException", (sim, c) -> {
                sim.pricingCalculator().failNext(10, PricingCalculatorFault.INTERNAL_ERROR);
                c.getPreferences(r -> { });
            }),
            new Case(ResourceNotFoundException.class, 404, "does not exist in this account",
                (sim, c) -> c.getBillScenario(r -> r.identifier(UNKNOWN))),
            new Case(ServiceQuotaExceededException.class, 402, "the quota", (sim, c) -> {
                sim.pricingCalculator().quota(PricingCalculatorQuota.BILL_SCENARIOS, 0);
                c.createBillScenario(r -> r.name("s"));
            }),
            new Case(ThrottlingException.class, 429, "answered ThrottlingException", (sim, c) -> {
                sim.pricingCalculator().failNext(10, PricingCalculatorFault.THROTTLING);
                c.listBillScenarios(r -> { });
            }),
            new Case(ValidationException.class, 400, "Member must satisfy regular expression pattern",
                (sim, c) -> c.createWorkloadEstimate(r -> r.name("no spaces allowed"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reachableThroughARealClient(Case c) {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {

            BcmPricingCalculatorException e = catchThrowableOfType(BcmPricingCalculatorException.class,
                () -> c.scenario().accept(sim, client));

            assertThat(e).as("the SDK's exception").isExactlyInstanceOf(c.type());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(c.type().getSimpleName());
            assertThat(e.statusCode()).isEqualTo(c.status());
            assertThat(e.awsErrorDetails().errorMessage()).contains(c.messageFragment());
            assertThat(e.getMessage()).contains("(Service: BcmPricingCalculator, Status Code: " + c.status());
            boolean transient_ = c.type() == ThrottlingException.class || c.type() == InternalServerException.class;
            assertThat(e.numAttempts() > 1).as("retried").isEqualTo(transient_);
            assertThat(sim.journal().last().attemptCount()).isEqualTo(e.numAttempts());
            assertThat(sim.journal().last().attempts()).allSatisfy(a ->
                assertThat(((Outcome.ServiceError) a.outcome()).errorCode()).isEqualTo(c.type().getSimpleName()));
        }
    }

    @Test
    void theCasesCoverEveryModeledError() {
        Set<String> modeled = ServiceErrors.of(BcmPricingCalculatorClient.class).model().orElseThrow().errors().values()
            .stream().map(info -> info.shapeName()).collect(Collectors.toSet());
        Set<String> covered = cases().map(c -> c.type().getSimpleName()).collect(Collectors.toSet());

        assertThat(modeled).hasSize(8);
        assertThat(covered).isEqualTo(modeled);
    }

    @Test
    void modeledMembersSurviveTheWire() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            ValidationException v = catchThrowableOfType(ValidationException.class,
                () -> client.createBillScenario(r -> r.name("a b")));
            assertThat(v.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
            assertThat(v.fieldList()).singleElement().satisfies(f -> {
                assertThat(f.name()).isEqualTo("name");
                assertThat(f.message()).isEqualTo("Value 'a b' at 'name' failed to satisfy constraint: Member must "
                    + "satisfy regular expression pattern: [a-zA-Z0-9-]+");
            });

            ResourceNotFoundException nf = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.getWorkloadEstimate(r -> r.identifier(UNKNOWN)));
            assertThat(nf.resourceId()).isEqualTo(UNKNOWN);
            assertThat(nf.resourceType()).isEqualTo("WorkloadEstimate");

            sim.pricingCalculator().quota(PricingCalculatorQuota.WORKLOAD_ESTIMATES, 0);
            ServiceQuotaExceededException q = catchThrowableOfType(ServiceQuotaExceededException.class,
                () -> client.createWorkloadEstimate(r -> r.name("w")));
            assertThat(q.serviceCode()).isEqualTo("bcm-pricing-calculator");
            assertThat(q.quotaCode()).isEqualTo("WorkloadEstimates");
            assertThat(q.resourceType()).isEqualTo("WorkloadEstimate");
            assertThat(q.resourceId()).isEqualTo(sim.accountId());

            sim.pricingCalculator().failNext(1, PricingCalculatorFault.THROTTLING);
            try (BcmPricingCalculatorClient once = SimulatedClients.of(sim)
                .withOverrides(o -> o.retryStrategy(s -> s.maxAttempts(1))).create(BcmPricingCalculatorClient.class)) {
                ThrottlingException t = catchThrowableOfType(ThrottlingException.class, () -> once.getPreferences(r -> { }));
                assertThat(t.retryAfterSeconds()).isEqualTo(1);
                assertThat(t.serviceCode()).isEqualTo("bcm-pricing-calculator");
            }
        }
    }

    @Test
    void theStatusTableIsTheSmithyModels() {
        Map<String, Integer> expected = Map.of("AccessDeniedException", 403, "ConflictException", 409,
            "DataUnavailableException", 400, "InternalServerException", 500, "ResourceNotFoundException", 404,
            "ServiceQuotaExceededException", 402, "ThrottlingException", 429, "ValidationException", 400);
        ServiceErrors.of(BcmPricingCalculatorClient.class).model().orElseThrow().errors().forEach((shape, info) ->
            assertThat(info.httpStatus()).as(shape).isEqualTo(expected.get(shape)));
    }
}
