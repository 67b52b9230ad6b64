package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.JUNE;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.MAY;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GroupSharingPreferenceEnum;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;

/** Bill scenarios: creation, the bill interval, READY / LOCKED / STALE, updates, deletes, expiry, name rules. */
class BillScenarioTest {
    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aNewScenarioModelsTheLastCompleteMonthAndIsReady() {
        CreateBillScenarioResponse s = bcm.createBillScenario(r -> r.name("growth-2026"));

        assertThat(s.id()).matches("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}");
        assertThat(s.name()).isEqualTo("growth-2026");
        assertThat(s.status()).isEqualTo(BillScenarioStatus.READY);
        assertThat(s.billInterval().start()).isEqualTo(MAY);
        assertThat(s.billInterval().end()).isEqualTo(JUNE);
        assertThat(s.createdAt()).isEqualTo(NOW);
        assertThat(s.expiresAt()).isEqualTo(NOW.plus(PricingCalculatorSimulator.DEFAULT_TTL));
        assertThat(s.groupSharingPreference()).isEqualTo(GroupSharingPreferenceEnum.OPEN);
        assertThat(bcm.getBillScenario(r -> r.identifier(s.id())).name()).isEqualTo("growth-2026");
    }

    @Test
    void theSameSeedGivesTheSameIds() {
        try (Simulation other = Fixtures.simulation()) {
            String mine = bcm.createBillScenario(r -> r.name("a")).id();
            String theirs = other.pricingCalculator().createBillScenario(r -> r.name("a")).id();
            assertThat(theirs).isEqualTo(mine);
        }
    }

    @Test
    void aScenarioTurnsStaleOnceANewerBillHasCompleted() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();

        sim.clock().set(Instant.parse("2026-06-30T23:59:59Z"));
        assertThat(bcm.getBillScenario(r -> r.identifier(id)).status()).isEqualTo(BillScenarioStatus.READY);
        sim.clock().set(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(bcm.getBillScenario(r -> r.identifier(id)).status()).isEqualTo(BillScenarioStatus.STALE);
    }

    @Test
    void aScenarioIsLockedWhileAnEstimateIsGeneratedFromIt() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();
        String estimate = bcm.createBillEstimate(r -> r.billScenarioId(id).name("e")).id();

        assertThat(bcm.getBillScenario(r -> r.identifier(id)).status()).isEqualTo(BillScenarioStatus.LOCKED);
        ConflictException e = catchThrowableOfType(ConflictException.class,
            () -> bcm.updateBillScenario(r -> r.identifier(id).name("renamed")));
        assertThat(e.resourceId()).isEqualTo(id);
        assertThat(e.resourceType()).isEqualTo("BillScenario");
        assertThat(e.getMessage()).startsWith("UpdateBillScenario: bill scenario " + id + " is LOCKED while bill estimate "
            + estimate + " is generated from it (until 2026-06-10T09:20:00Z); retry once the estimate is COMPLETE or FAILED.");
        assertThat(catchThrowableOfType(ConflictException.class, () -> bcm.deleteBillScenario(r -> r.identifier(id))))
            .isNotNull();

        sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);
        assertThat(bcm.getBillScenario(r -> r.identifier(id)).status()).isEqualTo(BillScenarioStatus.READY);
        assertThat(bcm.updateBillScenario(r -> r.identifier(id).name("renamed")).name()).isEqualTo("renamed");
    }

    @Test
    void updateChangesOnlyWhatItNames() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();
        Instant later = NOW.plus(Duration.ofDays(30));

        GetBillScenarioResponse before = bcm.getBillScenario(r -> r.identifier(id));
        bcm.updateBillScenario(r -> r.identifier(id).expiresAt(later));
        GetBillScenarioResponse after = bcm.getBillScenario(r -> r.identifier(id));

        assertThat(after.expiresAt()).isEqualTo(later);
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.billInterval()).isEqualTo(before.billInterval());
    }

    @Test
    void anExpiresAtInThePastIsRejected() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();

        ValidationException e = catchThrowableOfType(ValidationException.class,
            () -> bcm.updateBillScenario(r -> r.identifier(id).expiresAt(NOW)));

        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertThat(e.fieldList()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("expiresAt"));
        assertThat(e.getMessage()).startsWith("UpdateBillScenario: expiresAt 2026-06-10T09:00:00Z is not in the future");
    }

    @Test
    void anExpiredScenarioIsGone() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();
        bcm.updateBillScenario(r -> r.identifier(id).expiresAt(NOW.plus(Duration.ofHours(1))));

        sim.clock().advance(Duration.ofHours(1));

        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
            () -> bcm.getBillScenario(r -> r.identifier(id)));
        assertThat(e.resourceId()).isEqualTo(id);
        assertThat(e.resourceType()).isEqualTo("BillScenario");
        assertThat(e.getMessage()).startsWith("GetBillScenario: bill scenario " + id + " does not exist in this account (or has expired).");
        assertThat(bcm.listBillScenarios(r -> { }).items()).isEmpty();
        assertThat(bcm.billScenarios()).isEmpty();
    }

    @Test
    void expiryFollowsTheConfiguredTtl() {
        bcm.expireAfter(PricingCalculatorResource.BILL_SCENARIO, Duration.ofDays(7));

        assertThat(bcm.createBillScenario(r -> r.name("s")).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void deleteIsIdempotent() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();

        bcm.deleteBillScenario(r -> r.identifier(id));
        bcm.deleteBillScenario(r -> r.identifier(id));

        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> bcm.getBillScenario(r -> r.identifier(id))))
            .isNotNull();
    }

    @Test
    void namesMustMatchTheModelsPatternInFull() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
            () -> bcm.createBillScenario(r -> r.name("my scenario")));

        assertThat(e.getMessage()).startsWith("1 validation error detected: Value 'my scenario' at 'name' failed to "
            + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-]+");
        assertThat(e.fieldList()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("name"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.createBillScenario(r -> r.name(""))))
            .isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.createBillScenario(r -> r.name("a".repeat(65)))))
            .hasMessageContaining("Member must have length less than or equal to 64");
    }

    @Test
    void groupSharingNeedsACostCategoryExactlyWhenGrouped() {
        String arn = "arn:aws:ce::123456789012:costcategory/0123abcd-0123-abcd-0123-0123456789ab";

        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.createBillScenario(r -> r.name("s").groupSharingPreference(GroupSharingPreferenceEnum.RESTRICTED))))
            .hasMessageStartingWith("CreateBillScenario: groupSharingPreference RESTRICTED needs "
                + "costCategoryGroupSharingPreferenceArn");
        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.createBillScenario(r -> r.name("s").costCategoryGroupSharingPreferenceArn(arn))))
            .hasMessageStartingWith("CreateBillScenario: costCategoryGroupSharingPreferenceArn applies to "
                + "groupSharingPreference PRIORITIZED or RESTRICTED, not OPEN.");

        String id = bcm.createBillScenario(r -> r.name("s").groupSharingPreference(GroupSharingPreferenceEnum.PRIORITIZED)
            .costCategoryGroupSharingPreferenceArn(arn)).id();
        UpdateBillScenarioResponse open = bcm.updateBillScenario(r -> r.identifier(id)
            .groupSharingPreference(GroupSharingPreferenceEnum.OPEN));
        assertThat(open.groupSharingPreference()).isEqualTo(GroupSharingPreferenceEnum.OPEN);
        assertThat(open.costCategoryGroupSharingPreferenceArn()).isNull();
    }

    @Test
    void listFiltersByStatusAndNameAndTime() {
        String a = bcm.createBillScenario(r -> r.name("alpha")).id();
        sim.clock().advance(Duration.ofMinutes(1));
        String b = bcm.createBillScenario(r -> r.name("beta")).id();
        bcm.createBillEstimate(r -> r.billScenarioId(b).name("e"));

        assertThat(bcm.listBillScenarios(r -> r.filters(f -> f.name("STATUS").values("LOCKED"))).items())
            .extracting(s -> s.id()).containsExactly(b);
        assertThat(bcm.listBillScenarios(r -> r.filters(f -> f.name("NAME").values("al").matchOption("STARTS_WITH")))
            .items()).extracting(s -> s.id()).containsExactly(a);
        assertThat(bcm.listBillScenarios(r -> r.filters(f -> f.name("NAME").values("et").matchOption("CONTAINS"),
            f -> f.name("STATUS").values("READY", "LOCKED"))).items()).extracting(s -> s.id()).containsExactly(b);
        assertThat(bcm.listBillScenarios(r -> r.createdAtFilter(t -> t.beforeTimestamp(NOW))).items())
            .extracting(s -> s.id()).containsExactly(a);
        assertThat(bcm.listBillScenarios(r -> r.createdAtFilter(t -> t.afterTimestamp(NOW.plusSeconds(1)))).items())
            .extracting(s -> s.id()).containsExactly(b);
    }
}
