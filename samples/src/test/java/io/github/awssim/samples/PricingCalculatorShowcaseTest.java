package io.github.awssim.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Pricing Calculator showcase runs in CI, so the flow it prints never rots. */
class PricingCalculatorShowcaseTest {
    static String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PricingCalculatorShowcase.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShowcaseWalksScenarioUsageEstimateAndLineItems() {
        String out = run();

        assertThat(out).containsPattern("growth-plan [a-f0-9-]{36}  READY  bill interval 2026-05-01T00:00:00Z .. "
            + "2026-06-01T00:00:00Z");
        assertThat(out).containsPattern("created  web  [a-f0-9-]{36}  AmazonEC2 BoxUsage:t3.micro  1440.0 Hrs");
        assertThat(out).containsPattern("created  db   [a-f0-9-]{36}  AmazonRDS InstanceUsage:db.t3.micro  720.0 Hrs");
        assertThat(out).contains("error    web  CONFLICT: BatchCreateBillScenarioUsageModification: "
            + "usageModifications[2].key 'web' is used by an earlier entry of this request");
        assertThat(out).containsPattern("updated  [a-f0-9-]{36}  2880.0 Hrs");
        assertThat(out).contains("error    00000000-0000-4000-8000-000000000000  NOT_FOUND: ");
        assertThat(out).containsPattern("estimate [a-f0-9-]{36}  IN_PROGRESS,  scenario LOCKED");
        assertThat(out).contains("line items now: DataUnavailableException: ListBillEstimateLineItems: the results of "
            + "bill estimate");
        assertThat(out).contains("5. 20 simulated minutes later (no sleeping): COMPLETE");
        assertThat(out).contains("AmazonEC2 BoxUsage:t3.micro           2880.0 Hrs      $29.95");
        assertThat(out).contains("AmazonRDS InstanceUsage:db.t3.micro    720.0 Hrs      $12.24");
        assertThat(out).contains("estimated bill $42.19 (the simulated anniversary bill: $0.00)");
        assertThat(out).doesNotContain("unexpected");
    }

    @Test
    void theSameSeedPrintsTheSameRun() {
        assertThat(run()).isEqualTo(run());
    }
}
