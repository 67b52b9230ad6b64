package io.github.awssim.core.services.pricingcalculator;

import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationAction;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationItem;

/** One commitment modification of a bill scenario. Immutable: an update (of its group) replaces it. */
record CommitmentLine(String id, long seq, String group, String usageAccountId,
                      BillScenarioCommitmentModificationAction action) {

    CommitmentLine withGroup(String newGroup) {
        return new CommitmentLine(id, seq, newGroup, usageAccountId, action);
    }

    BillScenarioCommitmentModificationItem toItem() {
        return BillScenarioCommitmentModificationItem.builder().id(id).group(group).usageAccountId(usageAccountId)
            .commitmentAction(action).build();
    }
}
