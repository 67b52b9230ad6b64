package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The zero-code swap, in a JVM of its own (see the {@code zero-code-swap} surefire execution) started with
 * exactly the properties README documents: clients built the ordinary way, with no awssim code at all,
 * reach the installed simulation.
 */
class ZeroCodeSwapForkedTest {

    /** Application code: nothing here knows about awssim. */
    static String meterOnce(String dimension) {
        try (MarketplaceMeteringClient metering = MarketplaceMeteringClient.create()) {
            return metering.meterUsage(r -> r.productCode("prod-1").usageDimension(dimension).usageQuantity(1)
                .timestamp(Instant.now())).meteringRecordId();
        }
    }

    @Test
    void clientsBuiltTheOrdinaryWayReachTheInstalledSimulation() {
        assertThat(System.getProperty(GlobalSimulation.SYNC_PROPERTY))
            .as("this test runs in the forked JVM with the SPI properties").isEqualTo(SimulatedHttpService.class.getName());

        try (Simulation sim = Simulation.create(); GlobalSimulation.Installation ignored = GlobalSimulation.install(sim)) {
            String sync = meterOnce("Users");
            String async;
            try (MarketplaceMeteringAsyncClient client = MarketplaceMeteringAsyncClient.create()) {
                async = client.meterUsage(r -> r.productCode("prod-1").usageDimension("Hosts").usageQuantity(2)
                    .timestamp(Instant.now())).join().meteringRecordId();
            }

            assertThat(sync).isNotBlank();
            assertThat(async).isNotBlank().isNotEqualTo(sync);
            assertThat(sim.journal().executions()).extracting(Execution::operation).containsExactly("MeterUsage", "MeterUsage");
            assertThat(sim.journal().executions().get(0).accountId()).isEqualTo(sim.accountId());
        }
    }

    @Test
    void installationsNestAndFallBackToTheProcessDefault() {
        Simulation outer = Simulation.create();
        Simulation inner = Simulation.create();
        try (GlobalSimulation.Installation a = GlobalSimulation.install(outer)) {
            try (GlobalSimulation.Installation b = GlobalSimulation.install(inner)) {
                meterOnce("A");
            }
            meterOnce("B");
        }
        meterOnce("C");

        assertThat(inner.journal().size()).isEqualTo(1);
        assertThat(outer.journal().size()).isEqualTo(1);
        assertThat(GlobalSimulation.processDefault().journal().requests(
            software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest.class))
            .extracting(r -> r.usageDimension()).contains("C");
    }

    /**
     * Application code that uploads with the Transfer Manager's default client, again with no awssim code. (Only
     * an upload: a multipart-enabled download of a single-part object can hit SDK 2.40.2's EmittingSubscription
     * race, aws/aws-sdk-java-v2#7351, which S3TransferManagerTest works around.)
     */
    @Test
    void theTransferManagersOwnDefaultClientReachesTheInstalledSimulation(@TempDir Path dir) throws Exception {
        Path upload = Files.write(dir.resolve("usage.csv"), "tenant,hours\nacme,3\n".getBytes(StandardCharsets.UTF_8));
        try (Simulation sim = Simulation.create(); GlobalSimulation.Installation ignored = GlobalSimulation.install(sim)) {
            sim.s3().createBucket("reports");
            try (S3TransferManager tm = S3TransferManager.create()) {
                tm.uploadFile(u -> u.source(upload).putObjectRequest(p -> p.bucket("reports").key("usage.csv")))
                    .completionFuture().join();
            }

            assertThat(sim.s3().objectText("reports", "usage.csv")).isEqualTo(Files.readString(upload));
            assertThat(sim.journal().executions()).extracting(Execution::operation).containsExactly("PutObject");
        }
    }

    @Test
    void servicesAwssimDoesNotSimulateSayHowToSimulateThem() {
        try (Simulation sim = Simulation.create(); GlobalSimulation.Installation ignored = GlobalSimulation.install(sim);
             DynamoDbClient ddb = DynamoDbClient.create()) {
            assertThatThrownBy(() -> ddb.listTables())
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("awssim: DynamoDb is not simulated"));
        }
    }
}
