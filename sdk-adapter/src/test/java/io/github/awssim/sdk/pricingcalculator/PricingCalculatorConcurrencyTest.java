package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorQuota;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;

/** Many callers at once: a shared ClientToken creates once, and a quota is never overshot. */
class PricingCalculatorConcurrencyTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    static final int CALLERS = 16;

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
    final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        client.close();
        sim.close();
    }

    @Test
    void racingCallsWithOneTokenCreateOneScenario() throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            ids.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return client.createBillScenario(r -> r.name("shared").clientToken("one-token")).id();
            }));
        }
        Set<String> distinct = new HashSet<>();
        for (Future<String> f : ids) {
            distinct.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(distinct).hasSize(1);
        assertThat(sim.pricingCalculator().billScenarios()).hasSize(1);
    }

    @Test
    void racingBatchesNeverPassTheUsageLineQuota() throws Exception {
        sim.pricingCalculator().quota(PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO, 10);
        String scenario = client.createBillScenario(r -> r.name("s")).id();
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String key = "k" + i;
            outcomes.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(
                        e -> e.key(key).serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
                            .usageAccountId(sim.accountId()).amounts(a -> a.startHour(MAY).amount(1.0))));
                    return true;
                } catch (ServiceQuotaExceededException e) {
                    return false;
                }
            }));
        }
        int created = 0;
        for (Future<Boolean> f : outcomes) {
            created += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }

        assertThat(created).isEqualTo(10);
        assertThat(client.listBillScenarioUsageModifications(r -> r.billScenarioId(scenario)).items()).hasSize(10);
    }
}
