package io.github.awssim.sdk.pricingcalculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.pricingcalculator.AccountType;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorResource;
import io.github.awssim.core.services.pricingcalculator.Rate;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.AccessDeniedException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioUsageModificationItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListUsageFilter;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListUsageFilterName;
import software.amazon.awssdk.services.bcmpricingcalculator.model.MatchOption;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;

/** Edges of the Pricing Calculator seen through a real client: its global endpoint, times, non-finite numbers, nulls. */
class PricingCalculatorEdgesTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final String OFFERING = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    @Test
    void everyRegionReachesTheOneStateTheTypedApiReads() {
        try (Simulation sim = Simulation.builder().startTime(NOW).region(Region.EU_WEST_1).build();
             BcmPricingCalculatorClient euClient = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
             BcmPricingCalculatorClient usClient = BcmPricingCalculatorClient.builder()
                 .httpClient(SimulatedHttpClient.create(sim)).region(Region.US_WEST_2)
                 .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                 .build()) {
            String id = euClient.createBillScenario(r -> r.name("from-eu")).id();

            assertThat(usClient.getBillScenario(r -> r.identifier(id)).name()).isEqualTo("from-eu");
            assertThat(sim.pricingCalculator().billScenarios()).extracting(BillScenarioSummary::id).containsExactly(id);
            assertThat(sim.pricingCalculator().region()).isEqualTo(Region.US_EAST_1);
            assertThat(sim.pricingCalculator().in(sim.accountId(), Region.AP_SOUTHEAST_2).billScenarios()).hasSize(1);

            sim.pricingCalculator().accountType(AccountType.MEMBER);
            assertThat(catchThrowableOfType(AccessDeniedException.class,
                () -> euClient.createBillScenario(r -> r.name("member")))).isNotNull();
        }
    }

    @Test
    void aTimeTheServiceReturnedFindsItsResourceOnALiveSubMillisecondClock() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            sim.clock().advance(Duration.ofNanos(1_234_567));
            CreateBillScenarioResponse created = client.createBillScenario(r -> r.name("s"));

            assertThat(created.createdAt()).isEqualTo(NOW.plusMillis(1));
            assertThat(client.listBillScenarios(r -> r.createdAtFilter(f -> f.afterTimestamp(created.createdAt())
                .beforeTimestamp(created.createdAt()))).items()).extracting(BillScenarioSummary::id).containsExactly(created.id());
            assertThat(client.listBillScenarios(r -> r.expiresAtFilter(f -> f.afterTimestamp(created.expiresAt())
                .beforeTimestamp(created.expiresAt()))).items()).hasSize(1);
            assertThat(sim.pricingCalculator().billScenarios().get(0).createdAt()).isEqualTo(created.createdAt());
        }
    }

    @Test
    void nonFiniteCommitmentsAreValidationErrors() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            String scenario = client.createBillScenario(r -> r.name("s")).id();
            for (double commitment : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> client.batchCreateBillScenarioCommitmentModification(r -> r.billScenarioId(scenario)
                        .commitmentModifications(m -> m.key("k").usageAccountId(sim.accountId()).commitmentAction(a -> a
                            .addSavingsPlanAction(sp -> sp.savingsPlanOfferingId(OFFERING).commitment(commitment))))));

                assertThat(e.awsErrorDetails().errorMessage()).as("commitment %s", commitment)
                    .contains("commitmentModifications.1.member.commitmentAction.addSavingsPlanAction.commitment")
                    .contains(commitment == Double.POSITIVE_INFINITY ? "less than or equal to" : "greater than or equal to");
            }

        }
    }

    @Test
    void aNullTagValueOnTheWireIsAValidationError() throws Exception {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            String arn = sim.pricingCalculator().arn(PricingCalculatorResource.BILL_SCENARIO,
                client.createBillScenario(r -> r.name("s")).id());
            // the Java SDK drops a null map value before the wire; other clients may send it
            byte[] body = ("{\"arn\":\"" + arn + "\",\"tags\":{\"team\":null}}").getBytes(StandardCharsets.UTF_8);
            SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("https")
                .host("bcm-pricing-calculator.us-east-1.api.aws").encodedPath("/")
                .putHeader("X-Amz-Target", "AWSBCMPricingCalculator.TagResource")
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body)).build();

            HttpExecuteResponse answer = SimulatedHttpClient.create(sim).prepareRequest(HttpExecuteRequest.builder()
                .request(request).contentStreamProvider(request.contentStreamProvider().orElseThrow()).build()).call();

            assertThat(answer.httpResponse().statusCode()).isEqualTo(400);
            assertThat(new String(answer.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .contains("ValidationException")
                .contains("Value null at 'tags.team' failed to satisfy constraint: Member must not be null");
            assertThat(client.listTagsForResource(r -> r.arn(arn)).tags()).isEmpty();
        }
    }

    @Test
    void tagKeysAndValuesAreTrimmedAsTheModelSays() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            String id = client.createBillScenario(r -> r.name("s").tags(Map.of(" team ", " core "))).id();
            String arn = sim.pricingCalculator().arn(PricingCalculatorResource.BILL_SCENARIO, id);

            client.tagResource(r -> r.arn(arn).tags(Map.of("env ", " prod")));

            assertThat(client.listTagsForResource(r -> r.arn(arn)).tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "core", "env", "prod"));
            assertThat(catchThrowableOfType(ValidationException.class,
                () -> client.tagResource(r -> r.arn(arn).tags(Map.of(" aws:x", "v")))).awsErrorDetails().errorMessage())
                .contains("aws:x");
            assertThat(catchThrowableOfType(ValidationException.class,
                () -> client.tagResource(r -> r.arn(arn).tags(Map.of("   ", "v")))).awsErrorDetails().errorMessage())
                .contains("is empty once trimmed");
            client.untagResource(r -> r.arn(arn).tagKeys(" env"));
            assertThat(client.listTagsForResource(r -> r.arn(arn)).tags()).containsOnlyKeys("team");
        }
    }

    @Test
    void aRateSetAfterAUsageLineShowsOnItInEveryViewAndFilter() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            String scenario = client.createBillScenario(r -> r.name("s")).id();
            client.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(
                PricingCalculatorSyncClientTest.ec2("web", "t3.micro", 10)));
            sim.pricingCalculator().rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"))
                .withUnit("Hrs").withLocation("US East (N. Virginia)"));
            ListUsageFilter here = ListUsageFilter.builder().name(ListUsageFilterName.LOCATION).values("US East (N. Virginia)")
                .matchOption(MatchOption.EQUALS).build();

            List<BillScenarioUsageModificationItem> lines = client.listBillScenarioUsageModifications(r -> r
                .billScenarioId(scenario).filters(here)).items();
            assertThat(lines).singleElement().satisfies(l -> {
                assertThat(l.location()).isEqualTo("US East (N. Virginia)");
                assertThat(l.quantities()).allSatisfy(q -> assertThat(q.unit()).isEqualTo("Hrs"));
            });
            String estimate = client.createBillEstimate(r -> r.billScenarioId(scenario).name("e")).id();
            assertThat(client.listBillEstimateInputUsageModifications(r -> r.billEstimateId(estimate).filters(here)).items())
                .singleElement().satisfies(l -> assertThat(l.location()).isEqualTo("US East (N. Virginia)"));
        }
    }

    @Test
    void onlyTheArnTheServiceIssuedNamesAResource() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             BcmPricingCalculatorClient client = SimulatedClients.create(sim, BcmPricingCalculatorClient.class)) {
            String id = client.createBillScenario(r -> r.name("s").tags(Map.of("team", "cost"))).id();
            String issued = sim.pricingCalculator().arn(PricingCalculatorResource.BILL_SCENARIO, id);
            assertThat(issued).isEqualTo("arn:aws:bcm-pricing-calculator::" + sim.accountId() + ":bill-scenario/" + id);
            assertThat(client.listTagsForResource(r -> r.arn(issued)).tags()).containsEntry("team", "cost");

            // The model's ARN pattern admits a region and any aws* partition, but neither spells this resource's ARN.
            for (String other : List.of(issued.replace("calculator::", "calculator:us-east-1:"),
                issued.replace("arn:aws:", "arn:aws-cn:"))) {
                ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> client.tagResource(r -> r.arn(other).tags(Map.of("team", "other"))));
                assertThat(e).as(other).isNotNull();
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.resourceId()).isEqualTo(id);
                assertThat(e.awsErrorDetails().errorMessage()).contains("the service's ARNs name no region");
            }
            // README: untagging keys the resource lacks, an aws: one included, succeeds and changes nothing
            client.untagResource(r -> r.arn(issued).tagKeys("absent", "aws:createdBy"));
            assertThat(client.listTagsForResource(r -> r.arn(issued)).tags()).containsExactly(Map.entry("team", "cost"));
        }
    }
}
