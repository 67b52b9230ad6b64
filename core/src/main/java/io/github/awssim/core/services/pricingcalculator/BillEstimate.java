package io.github.awssim.core.services.pricingcalculator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateCommitmentSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateCostSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateLineItemSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillInterval;

/**
 * A bill estimate. Its result is computed when it is created, from the scenario's inputs and the rates of that
 * moment, and revealed when the simulation clock reaches {@link #completesAt}. Guarded by its partition's lock.
 */
final class BillEstimate {
    final String id;
    final long seq;
    final String billScenarioId;
    final Instant createdAt;
    final Instant completesAt;
    final BillInterval billInterval;
    final String groupSharingPreference;
    final String costCategoryArn;
    final Instant costCategoryEffectiveDate;
    final List<UsageLine> inputUsage;
    final List<CommitmentLine> inputCommitments;
    final Result result;
    String name;
    Instant expiresAt;
    final Map<String, String> tags = new LinkedHashMap<>();

    /** What generation produces: the failure, or the line items, commitments and cost summary. */
    record Result(String failureMessage, List<BillEstimateLineItemSummary> lineItems,
                  List<BillEstimateCommitmentSummary> commitments, BillEstimateCostSummary costSummary) {
        static Result failed(String message) {
            return new Result(message, List.of(), List.of(), null);
        }
    }

    /** @param inputUsage the scenario's usage lines as the estimate saw them (priced with the rates it used) */
    BillEstimate(String id, long seq, String name, BillScenario scenario, List<UsageLine> inputUsage, Instant createdAt,
                 Instant completesAt, Instant expiresAt, Result result) {
        this.id = id;
        this.seq = seq;
        this.name = name;
        this.billScenarioId = scenario.id;
        this.createdAt = createdAt;
        this.completesAt = completesAt;
        this.expiresAt = expiresAt;
        this.billInterval = scenario.interval();
        this.groupSharingPreference = scenario.groupSharingPreference;
        this.costCategoryArn = scenario.costCategoryArn;
        this.costCategoryEffectiveDate = scenario.costCategoryArn != null ? scenario.intervalStart : null;
        this.inputUsage = List.copyOf(inputUsage);
        this.inputCommitments = List.copyOf(scenario.commitments.values());
        this.result = result;
    }

    BillEstimateStatus status(Instant now) {
        if (now.isBefore(completesAt)) {
            return BillEstimateStatus.IN_PROGRESS;
        }
        return result.failureMessage() != null ? BillEstimateStatus.FAILED : BillEstimateStatus.COMPLETE;
    }
}
