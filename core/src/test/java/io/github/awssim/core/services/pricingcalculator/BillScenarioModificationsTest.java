package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.ACCOUNT;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.JUNE;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.MAY;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.amount;
import static io.github.awssim.core.services.pricingcalculator.Fixtures.ec2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationAction;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;

/** Batch usage and commitment modifications of a bill scenario: partial success, entry error codes, limits. */
class BillScenarioModificationsTest {
    static final String OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();
    final String scenario = bcm.createBillScenario(r -> r.name("s")).id();

    @AfterEach
    void close() {
        sim.close();
    }

    BatchCreateBillScenarioUsageModificationResponse create(BatchCreateBillScenarioUsageModificationEntry... entries) {
        return bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(entries));
    }

    @Test
    void createdLinesComeBackWithTheirKeysAndNewIds() {
        BatchCreateBillScenarioUsageModificationResponse r = create(ec2("web", 720), ec2("batch", 100).toBuilder()
            .group("nightly").availabilityZone("us-east-1a").build());

        assertThat(r.errors()).isEmpty();
        assertThat(r.items()).extracting(i -> i.key()).containsExactly("web", "batch");
        assertThat(r.items()).allSatisfy(i -> assertThat(i.id()).matches("[a-f0-9-]{36}"));
        assertThat(r.items().get(1).group()).isEqualTo("nightly");
        assertThat(r.items().get(1).availabilityZone()).isEqualTo("us-east-1a");
        assertThat(r.items().get(0).quantities()).singleElement().satisfies(q -> {
            assertThat(q.startHour()).isEqualTo(MAY);
            assertThat(q.amount()).isEqualTo(720.0);
        });
        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)).items())
            .extracting(i -> i.id()).containsExactly(r.items().get(0).id(), r.items().get(1).id());
    }

    @Test
    void theUnitAndLocationComeFromTheRateWhenOneIsSet() {
        bcm.rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", Fixtures.T3_MICRO).withUnit("Hrs")
            .withLocation("US East (N. Virginia)"));

        var item = create(ec2("web", 1)).items().get(0);

        assertThat(item.location()).isEqualTo("US East (N. Virginia)");
        assertThat(item.quantities().get(0).unit()).isEqualTo("Hrs");
    }

    @Test
    void badEntriesFailAloneWithTheirCodes() {
        BatchCreateBillScenarioUsageModificationResponse r = create(
            ec2("ok", 1),
            ec2("ok", 2),                                                                       // key repeated
            ec2("late", 1).toBuilder().amounts(amount(JUNE, 1)).build(),                       // outside May
            ec2("odd", 1).toBuilder().amounts(amount(MAY.plusSeconds(60), 1)).build(),         // not an hour
            ec2("neg", -1),                                                                    // negative
            ec2("twice", 1).toBuilder().amounts(amount(MAY, 1), amount(MAY, 2)).build(),       // hour repeated
            ec2("alien", 1).toBuilder().usageAccountId("999999999999").build());               // not in the family

        assertThat(r.items()).extracting(i -> i.key()).containsExactly("ok");
        assertThat(r.errors()).extracting(e -> e.key() + "=" + e.errorCode()).containsExactly(
            "ok=CONFLICT", "late=BAD_REQUEST", "odd=BAD_REQUEST", "neg=BAD_REQUEST", "twice=BAD_REQUEST",
            "alien=BAD_REQUEST");
        assertThat(r.errors().get(0).errorMessage()).isEqualTo("BatchCreateBillScenarioUsageModification: "
            + "usageModifications[1].key 'ok' is used by an earlier entry of this request; each entry needs its own key.");
        assertThat(r.errors().get(1).errorMessage()).isEqualTo("BatchCreateBillScenarioUsageModification: "
            + "usageModifications[2].amounts[0].startHour 2026-06-01T00:00:00Z is outside the bill scenario's bill "
            + "interval [2026-05-01T00:00:00Z, 2026-06-01T00:00:00Z): usage is modeled on the last complete bill month.");
        assertThat(r.errors().get(2).errorMessage()).contains("usageModifications[3].amounts[0].startHour "
            + "2026-05-01T00:01:00Z is not the start of an hour");
        assertThat(r.errors().get(3).errorMessage()).contains("usageModifications[4].amounts[0].amount -1.0 is negative");
        assertThat(r.errors().get(4).errorMessage()).contains("usageModifications[5].amounts[1].startHour "
            + "2026-05-01T00:00:00Z repeats an hour");
        assertThat(r.errors().get(5).errorMessage()).isEqualTo("BatchCreateBillScenarioUsageModification: "
            + "usageModifications[6].usageAccountId 999999999999 is not in the consolidated billing family of account "
            + "123456789012. awssim: link it with sim.pricingCalculator().linkAccounts(\"999999999999\").");
    }

    @Test
    void linkedAccountsMayCarryUsage() {
        bcm.linkAccounts("111122223333");

        assertThat(create(ec2("member", 1).toBuilder().usageAccountId("111122223333").build()).errors()).isEmpty();
    }

    @Test
    void queuedEntryFailuresFailOnlyThoseEntries() {
        bcm.failNextEntries(1);

        BatchCreateBillScenarioUsageModificationResponse r = create(ec2("a", 1), ec2("b", 1));

        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("a");
            assertThat(e.errorCode()).isEqualTo(BatchCreateBillScenarioUsageModificationErrorCode.INTERNAL_SERVER_ERROR);
            assertThat(e.errorMessage()).isEqualTo("awssim: BatchCreateBillScenarioUsageModification failed this entry "
                + "with INTERNAL_SERVER_ERROR because sim.pricingCalculator().failNextEntries(n) queued it; retry the entry.");
        });
        assertThat(r.items()).extracting(i -> i.key()).containsExactly("b");
    }

    @Test
    void entriesBreakingTheModelFailTheWholeRequest() {
        List<BatchCreateBillScenarioUsageModificationEntry> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(ec2("k" + i, 1));
        }

        assertThat(catchThrowableOfType(ValidationException.class, () -> create(many.toArray(new BatchCreateBillScenarioUsageModificationEntry[0]))))
            .hasMessageContaining("at 'usageModifications' failed to satisfy constraint: Member must have length less "
                + "than or equal to 25");
        assertThat(catchThrowableOfType(ValidationException.class, () -> create(ec2("LakeHouse-Amazon-S3", 1))))
            .hasMessageContaining("Value 'LakeHouse-Amazon-S3' at 'usageModifications.1.member.key' failed to satisfy "
                + "constraint: Member must have length less than or equal to 10");
        ValidationException dash = catchThrowableOfType(ValidationException.class, () -> create(ec2("s3-lake", 1)));
        assertThat(dash).hasMessageContaining("Value 's3-lake' at 'usageModifications.1.member.key' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]*");
        assertThat(dash.fieldList()).extracting(f -> f.name()).containsExactly("usageModifications.1.member.key");
        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(List.of()))))
            .hasMessageContaining("Member must have length greater than or equal to 1");
        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)).items()).isEmpty();
    }

    @Test
    void anUnknownScenarioIsNotFound() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
            () -> bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId("00000000-0000-4000-8000-000000000000")
                .usageModifications(ec2("a", 1))));

        assertThat(e.resourceId()).isEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(e.resourceType()).isEqualTo("BillScenario");
    }

    @Test
    void twoThousandLinesIsTheQuotaAndABatchBeyondItCreatesNothing() {
        bcm.quota(PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO, 3);
        create(ec2("a", 1), ec2("b", 1));

        ServiceQuotaExceededException e = catchThrowableOfType(ServiceQuotaExceededException.class,
            () -> create(ec2("c", 1), ec2("d", 1)));

        assertThat(e.resourceId()).isEqualTo(scenario);
        assertThat(e.resourceType()).isEqualTo("BillScenario");
        assertThat(e.serviceCode()).isEqualTo("bcm-pricing-calculator");
        assertThat(e.quotaCode()).isEqualTo("UsageLinesPerBillScenario");
        assertThat(e.getMessage()).startsWith("BatchCreateBillScenarioUsageModification: bill scenario " + scenario
            + " has 2 usage lines; adding 2 would exceed the quota of 3 usage lines. Nothing was created.");
        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)).items()).hasSize(2);
        assertThat(PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO.defaultLimit()).isEqualTo(2_000);
    }

    @Test
    void updatesMatchByIdAndReportUnknownIdsAsNotFound() {
        String id = create(ec2("web", 720)).items().get(0).id();
        String unknown = "00000000-0000-4000-8000-000000000001";

        BatchUpdateBillScenarioUsageModificationResponse r = bcm.batchUpdateBillScenarioUsageModification(u -> u
            .billScenarioId(scenario).usageModifications(
                e -> e.id(id).group("web-tier").amounts(amount(MAY, 360), amount(MAY.plus(Duration.ofDays(1)), 24)),
                e -> e.id(unknown).group("x"),
                e -> e.id(id).group("twice")));

        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.group()).isEqualTo("web-tier");
            assertThat(i.quantities()).extracting(q -> q.amount()).containsExactly(360.0, 24.0);
            assertThat(i.serviceCode()).isEqualTo("AmazonEC2");
        });
        assertThat(r.errors()).extracting(e -> e.id() + "=" + e.errorCode()).containsExactly(
            unknown + "=" + BatchUpdateBillScenarioUsageModificationErrorCode.NOT_FOUND,
            id + "=" + BatchUpdateBillScenarioUsageModificationErrorCode.BAD_REQUEST);
        assertThat(r.errors().get(0).errorMessage()).isEqualTo("BatchUpdateBillScenarioUsageModification: "
            + "usageModifications[1].id " + unknown + " is not a usage line of bill scenario " + scenario + ".");

        // Leaving amounts out keeps them.
        var kept = bcm.batchUpdateBillScenarioUsageModification(u -> u.billScenarioId(scenario)
            .usageModifications(e -> e.id(id).group("g2"))).items().get(0);
        assertThat(kept.quantities()).hasSize(2);
        assertThat(kept.group()).isEqualTo("g2");
    }

    @Test
    void deletesIgnoreUnknownIdsButReportRepeatedOnes() {
        String id = create(ec2("web", 1)).items().get(0).id();
        String unknown = "00000000-0000-4000-8000-000000000001";

        BatchDeleteBillScenarioUsageModificationResponse r = bcm.batchDeleteBillScenarioUsageModification(d -> d
            .billScenarioId(scenario).ids(id, unknown, id));

        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.errorCode()).isEqualTo(BatchDeleteBillScenarioUsageModificationErrorCode.BAD_REQUEST);
        });
        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)).items()).isEmpty();
    }

    @Test
    void aLockedScenarioRefusesEveryEdit() {
        String id = create(ec2("web", 1)).items().get(0).id();
        bcm.createBillEstimate(r -> r.billScenarioId(scenario).name("e"));

        assertThat(catchThrowableOfType(ConflictException.class, () -> create(ec2("more", 1)))).isNotNull();
        assertThat(catchThrowableOfType(ConflictException.class, () -> bcm.batchUpdateBillScenarioUsageModification(
            u -> u.billScenarioId(scenario).usageModifications(e -> e.id(id).group("g"))))).isNotNull();
        assertThat(catchThrowableOfType(ConflictException.class, () -> bcm.batchDeleteBillScenarioUsageModification(
            d -> d.billScenarioId(scenario).ids(id)))).isNotNull();
        assertThat(catchThrowableOfType(ConflictException.class, () -> bcm.batchCreateBillScenarioCommitmentModification(
            c -> c.billScenarioId(scenario).commitmentModifications(savingsPlan("sp", 1.0))))).isNotNull();
    }

    @Test
    void listFiltersUsageLines() {
        create(ec2("web", 1).toBuilder().group("web").build(), ec2("db", 1).toBuilder().serviceCode("AmazonRDS")
            .usageType("InstanceUsage:db.t3.micro").operation("CreateDBInstance").build());

        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)
            .filters(f -> f.name("SERVICE_CODE").values("AmazonRDS"))).items()).extracting(i -> i.serviceCode())
            .containsExactly("AmazonRDS");
        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)
            .filters(f -> f.name("USAGE_GROUP").values("web"))).items()).extracting(i -> i.group()).containsExactly("web");
        assertThat(bcm.listBillScenarioUsageModifications(l -> l.billScenarioId(scenario)
            .filters(f -> f.name("HISTORICAL_SERVICE_CODE").values("AmazonEC2"))).items()).isEmpty();
    }

    static BatchCreateBillScenarioCommitmentModificationEntry savingsPlan(String key, double commitment) {
        return BatchCreateBillScenarioCommitmentModificationEntry.builder().key(key).usageAccountId(ACCOUNT)
            .commitmentAction(a -> a.addSavingsPlanAction(sp -> sp.savingsPlanOfferingId(OFFERING).commitment(commitment)))
            .build();
    }

    @Test
    void commitmentsAreCreatedUpdatedAndDeleted() {
        bcm.linkAccounts("111122223333");
        BatchCreateBillScenarioCommitmentModificationResponse created = bcm.batchCreateBillScenarioCommitmentModification(
            c -> c.billScenarioId(scenario).commitmentModifications(
                savingsPlan("sp", 1.5),
                savingsPlan("sp", 2.0),
                savingsPlan("alien", 1.0).toBuilder().usageAccountId("999999999999").build(),
                BatchCreateBillScenarioCommitmentModificationEntry.builder().key("ri").usageAccountId("111122223333")
                    .commitmentAction(a -> a.addReservedInstanceAction(ri -> ri.reservedInstancesOfferingId(OFFERING)
                        .instanceCount(2))).build()));

        assertThat(created.items()).extracting(i -> i.key()).containsExactly("sp", "ri");
        assertThat(created.items().get(0).commitmentAction().addSavingsPlanAction().commitment()).isEqualTo(1.5);
        assertThat(created.errors()).extracting(e -> e.key() + "=" + e.errorCode()).containsExactly(
            "sp=" + BatchCreateBillScenarioCommitmentModificationErrorCode.CONFLICT,
            "alien=" + BatchCreateBillScenarioCommitmentModificationErrorCode.INVALID_ACCOUNT);
        String sp = created.items().get(0).id();
        String ri = created.items().get(1).id();

        var updated = bcm.batchUpdateBillScenarioCommitmentModification(u -> u.billScenarioId(scenario)
            .commitmentModifications(e -> e.id(sp).group("team-a"), e -> e.id("00000000-0000-4000-8000-000000000001")));
        assertThat(updated.items()).singleElement().satisfies(i -> assertThat(i.group()).isEqualTo("team-a"));
        assertThat(updated.errors()).singleElement().satisfies(e ->
            assertThat(e.errorCode()).isEqualTo(BatchUpdateBillScenarioCommitmentModificationErrorCode.NOT_FOUND));

        bcm.batchDeleteBillScenarioCommitmentModification(d -> d.billScenarioId(scenario).ids(sp));
        assertThat(bcm.listBillScenarioCommitmentModifications(l -> l.billScenarioId(scenario)).items())
            .extracting(i -> i.id()).containsExactly(ri);
    }

    @Test
    void aCommitmentActionHasExactlyOneCompleteMember() {
        ValidationException none = catchThrowableOfType(ValidationException.class,
            () -> bcm.batchCreateBillScenarioCommitmentModification(c -> c.billScenarioId(scenario).commitmentModifications(
                BatchCreateBillScenarioCommitmentModificationEntry.builder().key("x").usageAccountId(ACCOUNT)
                    .commitmentAction(BillScenarioCommitmentModificationAction.builder().build()).build())));
        assertThat(none).hasMessageContaining("at 'commitmentModifications.1.member.commitmentAction' failed to satisfy "
            + "constraint: Member must set exactly one of [addReservedInstanceAction, addSavingsPlanAction, "
            + "negateReservedInstanceAction, negateSavingsPlanAction]");

        ValidationException two = catchThrowableOfType(ValidationException.class,
            () -> bcm.batchCreateBillScenarioCommitmentModification(c -> c.billScenarioId(scenario).commitmentModifications(
                BatchCreateBillScenarioCommitmentModificationEntry.builder().key("x").usageAccountId(ACCOUNT)
                    .commitmentAction(a -> a.negateSavingsPlanAction(n -> n.savingsPlanId(OFFERING))
                        .negateReservedInstanceAction(n -> n.reservedInstancesId(OFFERING))).build())));
        assertThat(two).hasMessageContaining("Member must set exactly one of");

        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.batchCreateBillScenarioCommitmentModification(c -> c.billScenarioId(scenario)
                .commitmentModifications(savingsPlan("x", 1.123456)))))
            .hasMessageStartingWith("BatchCreateBillScenarioCommitmentModification: commitmentModifications.1.member."
                + "commitmentAction.addSavingsPlanAction.commitment 1.123456 has more than five digits after the decimal point.");
        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.batchCreateBillScenarioCommitmentModification(c -> c.billScenarioId(scenario)
                .commitmentModifications(savingsPlan("x", 0.0001)))))
            .hasMessageContaining("Member must have value greater than or equal to 0.001");
        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.batchCreateBillScenarioCommitmentModification(c -> c.billScenarioId(scenario).commitmentModifications(
                BatchCreateBillScenarioCommitmentModificationEntry.builder().key("x").usageAccountId(ACCOUNT)
                    .commitmentAction(a -> a.addReservedInstanceAction(ri -> ri.reservedInstancesOfferingId(OFFERING)))
                    .build()))))
            .hasMessageStartingWith("BatchCreateBillScenarioCommitmentModification: commitmentModifications.1.member."
                + "commitmentAction.addReservedInstanceAction.instanceCount is missing");
    }
}
