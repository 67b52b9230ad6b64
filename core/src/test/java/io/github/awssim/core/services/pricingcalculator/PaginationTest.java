package io.github.awssim.core.services.pricingcalculator;

import static io.github.awssim.core.services.pricingcalculator.Fixtures.workloadEc2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenariosResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;

/** Page sizes, opaque and tamper-evident tokens, and pages that survive deletions. */
class PaginationTest {
    final Simulation sim = Fixtures.simulation();
    final PricingCalculatorSimulator bcm = sim.pricingCalculator();

    @AfterEach
    void close() {
        sim.close();
    }

    List<String> scenarios(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            ids.add(bcm.createBillScenario(r -> r.name("s" + k)).id());
        }
        return ids;
    }

    @Test
    void pagesWalkEveryItemOnceInCreationOrder() {
        List<String> ids = scenarios(7);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListBillScenariosResponse page = bcm.listBillScenarios(r -> r.maxResults(3).nextToken(t));
            page.items().forEach(s -> seen.add(s.id()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).isEqualTo(ids);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void withoutMaxResultsAPageHoldsTheModelsMaximum() {
        scenarios(26);

        ListBillScenariosResponse first = bcm.listBillScenarios(r -> { });

        assertThat(first.items()).hasSize(25);
        assertThat(first.nextToken()).isNotNull();
        assertThat(bcm.listBillScenarios(r -> r.nextToken(first.nextToken())).items()).hasSize(1);
    }

    @Test
    void aFullLastPageHasNoToken() {
        scenarios(3);

        assertThat(bcm.listBillScenarios(r -> r.maxResults(3)).nextToken()).isNull();
    }

    @Test
    void deletingAnItemBetweenPagesSkipsNothing() {
        List<String> ids = scenarios(4);
        ListBillScenariosResponse first = bcm.listBillScenarios(r -> r.maxResults(2));

        bcm.deleteBillScenario(r -> r.identifier(ids.get(0)));
        ListBillScenariosResponse second = bcm.listBillScenarios(r -> r.maxResults(2).nextToken(first.nextToken()));

        assertThat(second.items()).extracting(s -> s.id()).containsExactly(ids.get(2), ids.get(3));
    }

    @Test
    void maxResultsFollowsTheModel() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.listBillScenarios(r -> r.maxResults(26))))
            .hasMessageContaining("at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.listBillScenarios(r -> r.maxResults(0))))
            .hasMessageContaining("Member must have value greater than or equal to 1");

        String w = bcm.createWorkloadEstimate(r -> r.name("w")).id();
        List<BatchCreateWorkloadEstimateUsageEntry> entries = new ArrayList<>();
        for (int batch = 0; batch < 13; batch++) {
            entries.clear();
            for (int i = 0; i < 25; i++) {
                entries.add(workloadEc2("k" + i, 1));
            }
            bcm.batchCreateWorkloadEstimateUsage(r -> r.workloadEstimateId(w).usage(entries));
        }
        assertThat(bcm.listWorkloadEstimateUsage(r -> r.workloadEstimateId(w)).items()).hasSize(300);
        assertThat(bcm.listWorkloadEstimateUsage(r -> r.workloadEstimateId(w).maxResults(300)).nextToken()).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class,
            () -> bcm.listWorkloadEstimateUsage(r -> r.workloadEstimateId(w).maxResults(301))))
            .hasMessageContaining("Member must have value less than or equal to 300");
    }

    @Test
    void aForgedTokenIsRejected() {
        scenarios(3);
        String token = bcm.listBillScenarios(r -> r.maxResults(1)).nextToken();
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);

        for (String bad : List.of("garbage", tampered, "x.y", "")) {
            if (bad.isEmpty()) {
                assertThat(bcm.listBillScenarios(r -> r.nextToken(bad)).items()).hasSize(3); // empty: the first page
                continue;
            }
            ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> bcm.listBillScenarios(r -> r.nextToken(bad)));
            assertThat(e).hasMessageStartingWith("ListBillScenarios: nextToken is not a token this service issued.");
            assertThat(e.fieldList()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("nextToken"));
        }
    }

    @Test
    void aTokenContinuesOnlyTheListItCameFrom() {
        scenarios(3);
        String scenarioToken = bcm.listBillScenarios(r -> r.maxResults(1)).nextToken();

        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.listWorkloadEstimates(r -> r.nextToken(scenarioToken))))
            .hasMessageStartingWith("ListWorkloadEstimates: nextToken was issued by ListBillScenarios;");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.listBillScenarios(r -> r.nextToken(scenarioToken)
            .filters(f -> f.name("NAME").values("s1"))))).hasMessageStartingWith("ListBillScenarios: nextToken was issued "
                + "for a request with other filters");
        assertThat(catchThrowableOfType(ValidationException.class, () -> bcm.in("210987654321", sim.region())
            .listBillScenarios(r -> r.nextToken(scenarioToken)))).hasMessageStartingWith("ListBillScenarios: nextToken was "
                + "issued for another list");
        try (Simulation other = Simulation.builder().startTime(Fixtures.NOW).seed(8).build()) {
            assertThat(catchThrowableOfType(ValidationException.class, () -> other.pricingCalculator()
                .listBillScenarios(r -> r.nextToken(scenarioToken)))).hasMessageStartingWith("ListBillScenarios: nextToken "
                    + "is not a token this service issued.");
        }
    }
}
