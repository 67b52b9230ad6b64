package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.ACCOUNT;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.ec2;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.workloadEc2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;

/** The six create operations: the same clientToken replays the first answer; with other parameters it conflicts. */
class ClientTokenTest {
    static final String OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();

    @AfterEach
    void close() {
        sim.close();
    }

    /** One create operation: call it with a token and a variant (0 or 1) of its parameters. */
    record Create(String operation, Function<Fixture, Object> call) {
        @Override
        public String toString() {
            return operation;
        }
    }

    /** What the creates need: a scenario and a workload estimate, a token, and which parameters to send. */
    record Fixture(PricingCalculatorSimulator bcm, String scenario, String workload, String token, int variant) {
    }

    static Stream<Create> creates() {
        return Stream.of(
            new Create("CreateBillScenario", f -> f.bcm().createBillScenario(r -> r.clientToken(f.token())
                .name("s" + f.variant()))),
            new Create("CreateWorkloadEstimate", f -> f.bcm().createWorkloadEstimate(r -> r.clientToken(f.token())
                .name("w" + f.variant()))),
            new Create("CreateBillEstimate", f -> f.bcm().createBillEstimate(r -> r.clientToken(f.token())
                .billScenarioId(f.scenario()).name("e" + f.variant()))),
            new Create("BatchCreateBillScenarioUsageModification", f -> f.bcm().batchCreateBillScenarioUsageModification(
                r -> r.clientToken(f.token()).billScenarioId(f.scenario()).usageModifications(ec2("k", 1 + f.variant())))),
            new Create("BatchCreateBillScenarioCommitmentModification", f -> f.bcm()
                .batchCreateBillScenarioCommitmentModification(r -> r.clientToken(f.token()).billScenarioId(f.scenario())
                    .commitmentModifications(c -> c.key("k").usageAccountId(ACCOUNT).commitmentAction(a -> a
                        .addSavingsPlanAction(sp -> sp.savingsPlanOfferingId(OFFERING).commitment(1.0 + f.variant())))))),
            new Create("BatchCreateWorkloadEstimateUsage", f -> f.bcm().batchCreateWorkloadEstimateUsage(
                r -> r.clientToken(f.token()).workloadEstimateId(f.workload()).usage(workloadEc2("k", 1 + f.variant())))));
    }

    Fixture fixture(String token, int variant, String scenario, String workload) {
        return new Fixture(bcm, scenario, workload, token, variant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void theSameTokenAndRequestAnswerTheFirstResponseAgain(Create create) {
        String scenario = bcm.createBillScenario(r -> r.name("base")).id();
        String workload = bcm.createWorkloadEstimate(r -> r.name("base")).id();

        Object first = create.call().apply(fixture("token-1", 0, scenario, workload));
        sim.clock().advance(Duration.ofMinutes(1));
        Object again = create.call().apply(fixture("token-1", 0, scenario, workload));

        assertThat(again).isEqualTo(first);
        assertThat(bcm.billScenarios()).hasSize(create.operation().equals("CreateBillScenario") ? 2 : 1);
        assertThat(bcm.workloadEstimates()).hasSize(create.operation().equals("CreateWorkloadEstimate") ? 2 : 1);
        assertThat(bcm.billEstimates()).hasSize(create.operation().equals("CreateBillEstimate") ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void theSameTokenWithOtherParametersConflicts(Create create) {
        String scenario = bcm.createBillScenario(r -> r.name("base")).id();
        String workload = bcm.createWorkloadEstimate(r -> r.name("base")).id();
        create.call().apply(fixture("token-1", 0, scenario, workload));
        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);

        ConflictException e = catchThrowableOfType(ConflictException.class,
            () -> create.call().apply(fixture("token-1", 1, scenario, workload)));

        assertThat(e).hasMessageStartingWith(create.operation() + ": clientToken 'token-1' was already used with "
            + "different parameters (");
        assertThat(e.resourceId()).isNotNull();
        assertThat(e.resourceType()).isNotNull();
        // Another token is a new request.
        create.call().apply(fixture("token-2", 1, scenario, workload));
    }

    @Test
    void tokensBelongToOneOperation() {
        bcm.createBillScenario(r -> r.clientToken("shared").name("s"));

        assertThat(bcm.createWorkloadEstimate(r -> r.clientToken("shared").name("w")).name()).isEqualTo("w");
    }

    @Test
    void aReplayAnswersEvenAfterTheScenarioLocked() {
        String scenario = bcm.createBillScenario(r -> r.name("s")).id();
        var first = bcm.batchCreateBillScenarioUsageModification(r -> r.clientToken("t").billScenarioId(scenario)
            .usageModifications(ec2("k", 1)));
        bcm.createBillEstimate(r -> r.billScenarioId(scenario).name("e"));

        var again = bcm.batchCreateBillScenarioUsageModification(r -> r.clientToken("t").billScenarioId(scenario)
            .usageModifications(ec2("k", 1)));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void theDifferenceIsNamed() {
        bcm.createBillScenario(r -> r.clientToken("t").name("a"));

        assertThat(catchThrowableOfType(ConflictException.class, () -> bcm.createBillScenario(r -> r.clientToken("t")
            .name("b")))).hasMessageStartingWith("CreateBillScenario: clientToken 't' was already used with different "
                + "parameters ([name] differ); a reused clientToken requires the same request.");
    }
}
