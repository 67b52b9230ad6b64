package io.github.awssim.core.services.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.RateType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;

/** Rate preferences (one set per account) and tags by ARN. */
class PreferencesAndTagsTest {
    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aNewAccountHasNoPreferences() {
        GetPreferencesResponse p = bcm.getPreferences(r -> { });

        assertThat(p.hasManagementAccountRateTypeSelections()).isFalse();
        assertThat(p.hasMemberAccountRateTypeSelections()).isFalse();
        assertThat(p.hasStandaloneAccountRateTypeSelections()).isFalse();
    }

    @Test
    void updatesReplaceTheListsTheyNameAndKeepTheOthers() {
        bcm.updatePreferences(r -> r.managementAccountRateTypeSelections(RateType.BEFORE_DISCOUNTS)
            .memberAccountRateTypeSelections(RateType.AFTER_DISCOUNTS));
        var updated = bcm.updatePreferences(r -> r.memberAccountRateTypeSelections(RateType.AFTER_DISCOUNTS,
            RateType.AFTER_DISCOUNTS_AND_COMMITMENTS));

        assertThat(updated.managementAccountRateTypeSelections()).containsExactly(RateType.BEFORE_DISCOUNTS);
        assertThat(updated.memberAccountRateTypeSelections()).containsExactly(RateType.AFTER_DISCOUNTS,
            RateType.AFTER_DISCOUNTS_AND_COMMITMENTS);
        assertThat(bcm.getPreferences(r -> { }).memberAccountRateTypeSelections()).hasSize(2);
        assertThat(bcm.getPreferences(r -> { }).hasStandaloneAccountRateTypeSelections()).isFalse();
    }

    @Test
    void preferencesAreValidated() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.updatePreferences(r -> { })))
            .hasMessageStartingWith("UpdatePreferences: the request sets none of");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.updatePreferences(r -> r
            .standaloneAccountRateTypeSelections(RateType.AFTER_DISCOUNTS, RateType.AFTER_DISCOUNTS))))
            .hasMessageStartingWith("UpdatePreferences: standaloneAccountRateTypeSelections [AFTER_DISCOUNTS, "
                + "AFTER_DISCOUNTS] names a rate type more than once.");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.updatePreferences(r -> r
            .standaloneAccountRateTypeSelectionsWithStrings("CHEAPEST"))))
            .hasMessageContaining("Member must satisfy enum value set");

        bcm.accountType(AccountType.MEMBER);
        ValidationException member = catchThrowableOfType(ValidationException.class, () -> bcm.updatePreferences(r -> r
            .memberAccountRateTypeSelections(RateType.AFTER_DISCOUNTS)));
        assertThat(member.reason()).isEqualTo(ValidationExceptionReason.INVALID_REQUEST_FROM_MEMBER);
        assertThat(member).hasMessageStartingWith("UpdatePreferences: account 123456789012 is a member account");
    }

    @Test
    void tagsAreSetListedAndRemovedByArn() {
        String id = bcm.createBillScenario(r -> r.name("s").tags(Map.of("team", "finops"))).id();
        String arn = bcm.arn(PricingCalculatorResource.BILL_SCENARIO, id);

        assertThat(arn).isEqualTo("arn:aws:bcm-pricing-calculator::123456789012:bill-scenario/" + id);
        assertThat(bcm.listTagsForResource(r -> r.arn(arn)).tags()).containsExactly(Map.entry("team", "finops"));
        bcm.tagResource(r -> r.arn(arn).tags(Map.of("env", "test", "team", "platform")));
        assertThat(bcm.listTagsForResource(r -> r.arn(arn)).tags()).containsOnly(Map.entry("team", "platform"),
            Map.entry("env", "test"));
        bcm.untagResource(r -> r.arn(arn).tagKeys("team", "absent"));
        assertThat(bcm.listTagsForResource(r -> r.arn(arn)).tags()).containsOnly(Map.entry("env", "test"));
    }

    @Test
    void everyResourceTypeIsTaggable() {
        String e = bcm.createBillEstimate(r -> r.billScenarioId(bcm.createBillScenario(s -> s.name("s")).id()).name("e")
            .tags(Map.of("k", "v"))).id();
        String w = bcm.createWorkloadEstimate(r -> r.name("w").tags(Map.of("k", "w"))).id();

        assertThat(bcm.listTagsForResource(r -> r.arn(bcm.arn(PricingCalculatorResource.BILL_ESTIMATE, e))).tags())
            .containsEntry("k", "v");
        assertThat(bcm.listTagsForResource(r -> r.arn(bcm.arn(PricingCalculatorResource.WORKLOAD_ESTIMATE, w))).tags())
            .containsEntry("k", "w");
    }

    @Test
    void unknownForeignAndMalformedArns() {
        String id = bcm.createBillScenario(r -> r.name("s")).id();
        String foreign = "arn:aws:bcm-pricing-calculator::210987654321:bill-scenario/" + id;
        String gone = bcm.arn(PricingCalculatorResource.WORKLOAD_ESTIMATE, id);

        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
            () -> bcm.listTagsForResource(r -> r.arn(foreign)));
        assertThat(e.resourceType()).isEqualTo("BillScenario");
        assertThat(e.resourceId()).isEqualTo(id);
        assertThat(e).hasMessageStartingWith("ListTagsForResource: " + foreign + " names no bill scenario of account "
            + "123456789012");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> bcm.tagResource(r -> r.arn(gone)
            .tags(Map.of("k", "v"))))).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.untagResource(r -> r
            .arn("arn:aws:bcm-pricing-calculator::123456789012:budget/x").tagKeys("k"))))
            .hasMessageStartingWith("UntagResource: arn 'arn:aws:bcm-pricing-calculator::123456789012:budget/x' is not "
                + "the ARN of a Pricing Calculator bill scenario, bill estimate or workload estimate");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.listTagsForResource(r -> r.arn("not-an-arn"))))
            .hasMessageContaining("at 'arn' failed to satisfy constraint");
    }

    @Test
    void tagLimits() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        String id = bcm.createBillScenario(r -> r.name("s").tags(fifty)).id();
        String arn = bcm.arn(PricingCalculatorResource.BILL_SCENARIO, id);

        ServiceQuotaExceededException e = catchThrowableOfType(ServiceQuotaExceededException.class,
            () -> bcm.tagResource(r -> r.arn(arn).tags(Map.of("one", "more"))));
        assertThat(e.quotaCode()).isEqualTo("TagsPerResource");
        assertThat(e.resourceId()).isEqualTo(id);
        assertThat(e).hasMessageStartingWith("TagResource: " + arn + " has 50 tags and would have 51; a resource takes "
            + "at most 50 user tags.");
        bcm.tagResource(r -> r.arn(arn).tags(Map.of("k0", "replaced")));         // replacing a value adds no tag

        Map<String, String> fiftyOne = new HashMap<>(fifty);
        fiftyOne.put("k50", "v");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.createWorkloadEstimate(r -> r.name("w")
            .tags(fiftyOne)))).hasMessageStartingWith("CreateWorkloadEstimate: tags has 51 tags; a resource takes at "
                + "most 50 user tags.");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.tagResource(r -> r.arn(arn)
            .tags(Map.of("aws:owner", "me"))))).hasMessageStartingWith("TagResource: tag key 'aws:owner' uses the prefix "
                + "aws:, which is reserved for AWS use.");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.tagResource(r -> r.arn(arn)
            .tags(Map.of("bad.key", "v"))))).hasMessageContaining("at 'tags.key' failed to satisfy constraint: Member must "
                + "satisfy regular expression pattern: [\\w\\s:+=@/-]+");
    }
}
