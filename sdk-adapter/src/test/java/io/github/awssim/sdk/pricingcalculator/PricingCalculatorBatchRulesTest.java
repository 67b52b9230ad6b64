package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageResponse;

/** The batch operations' rules seen through a real client: entry limits, per-entry error codes, quotas. */
class PricingCalculatorBatchRulesTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final String STRANGER = "999999999999";
    static final String LINKED = "111122223333";

    Simulation sim;
    BcmPricingCalculatorClient client;

    @BeforeEach
    void start() {
        sim = Simulation.builder().startTime(NOW).seed(11).build();
        client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    static BatchCreateWorkloadEstimateUsageEntry workload(String key, String account) {
        return BatchCreateWorkloadEstimateUsageEntry.builder().key(key).serviceCode("AmazonEC2")
            .usageType("BoxUsage:t3.micro").operation("RunInstances").usageAccountId(account).amount(10.0).build();
    }

    @Test
    void workloadUsageOfAnAccountOutsideTheBillingFamilyFailsAloneAsBadRequest() {
        sim.pricingCalculator().linkAccounts(LINKED);
        String w = client.createWorkloadEstimate(r -> r.name("w")).id();

        BatchCreateWorkloadEstimateUsageResponse r = client.batchCreateWorkloadEstimateUsage(b -> b.workloadEstimateId(w)
            .usage(workload("own", ACCOUNT), workload("linked", LINKED), workload("alien", STRANGER)));

        assertThat(r.items()).extracting(i -> i.key()).containsExactly("own", "linked");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("alien");
            assertThat(e.errorCodeAsString()).isEqualTo("BAD_REQUEST");
            assertThat(e.errorMessage()).isEqualTo("BatchCreateWorkloadEstimateUsage: usage[2].usageAccountId "
                + STRANGER + " is not in the consolidated billing family of account " + ACCOUNT + " (linked accounts: ["
                + LINKED + "]). awssim: link it with sim.pricingCalculator().linkAccounts(\"" + STRANGER + "\").");
        });
        assertThat(client.listWorkloadEstimateUsage(b -> b.workloadEstimateId(w)).items())
            .extracting(i -> i.usageAccountId()).containsExactly(ACCOUNT, LINKED);
    }
}
