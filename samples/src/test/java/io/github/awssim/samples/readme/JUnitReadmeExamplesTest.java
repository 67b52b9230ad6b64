package io.github.awssim.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.MeteringFault;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.junit.CustomizeSimulation;
import io.github.awssim.junit.InjectFault;
import io.github.awssim.junit.MeteringProduct;
import io.github.awssim.junit.S3Bucket;
import io.github.awssim.junit.S3ObjectSeed;
import io.github.awssim.junit.SimulatedAws;
import io.github.awssim.junit.SimulatedAwsExtension;
import io.github.awssim.junit.SimulationCustomizer;
import io.github.awssim.samples.metering.UsageArchive;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3Client;

/** The JUnit section's examples (the README draft quotes them verbatim), compiled and run. */
class JUnitReadmeExamplesTest {

    @Nested
    // --- README: junit builder ---
    class Programmatic {
        @RegisterExtension
        static final SimulatedAwsExtension AWS = SimulatedAwsExtension.builder()
                .startTime(Instant.parse("2026-06-01T09:05:00Z"))
                .region(Region.EU_WEST_1)
                .configure(b -> b.journalCapacity(1_000))
                .customize(sim -> sim.metering().failNext(1, MeteringFault.THROTTLING))
                .zeroCodeSwap(false)
                .build();

        @Test
        void theFirstAttemptIsThrottled(Simulation sim, MarketplaceMeteringAsyncClient metering) {
            metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(1)
                    .timestamp(sim.clock().instant())).join();

            assertThat(sim.journal().last().attemptCount()).isEqualTo(2);
            assertThat(sim.journal().last().region()).isEqualTo("eu-west-1");
        }
    }
    // --- README: end ---

    @Nested
    // --- README: junit class scope ---
    @SimulatedAws(scope = SimulatedAws.Scope.CLASS, zeroCodeSwap = false)
    class OneSimulationForTheClass {
        @BeforeAll
        static void startAtNine(Simulation sim) {
            sim.clock().set(Instant.parse("2026-06-01T09:00:00Z"));
        }

        @Test
        void everyTestOfTheClassSharesIt(Simulation sim) {
            assertThat(sim.clock().instant()).isAfterOrEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
        }
    }
    // --- README: end ---

    // --- README: junit customizer ---
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @CustomizeSimulation(ThrottleNext.Customizer.class)
    public @interface ThrottleNext {
        int value();

        final class Customizer implements SimulationCustomizer<ThrottleNext> {
            @Override
            public void customize(ThrottleNext annotation, Simulation simulation) {
                simulation.metering().failNext(annotation.value(), MeteringFault.THROTTLING);
            }
        }
    }

    @Nested
    @SimulatedAws(zeroCodeSwap = false)
    class Throttled {
        @Test
        @ThrottleNext(2)
        void theSdkRetriesTwice(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));

            assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
        }
    }
    // --- README: end ---

    @Nested
    // --- README: junit faults ---
    @SimulatedAws(seed = 42, startTime = "2026-06-01T10:15:00Z", zeroCodeSwap = false)
    @MeteringProduct(code = "prod-1", dimensions = {"Users", "Hosts"})
    @InjectFault(on = MeterUsageRequest.class, probability = 0.3, fail = ThrottlingException.class)
    class FlakyNetwork {
        @Test
        @InjectFault(on = MeterUsageRequest.class, times = 1, transport = TransportFault.RESPONSE_LOST_AFTER_COMMIT)
        void billsOnceAnyway(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(5)
                    .timestamp(sim.clock().instant()));

            assertThat(sim.metering().records()).hasSize(1);
            assertThat(sim.journal().last().attempts().get(0).outcome().label()).isIn("ThrottlingException",
                    "RESPONSE_LOST_AFTER_COMMIT");
        }
    }
    // --- README: end ---

    @Nested
    // --- README: junit s3 ---
    @SimulatedAws(zeroCodeSwap = false)
    @S3Bucket(value = "usage-archive", objects =
            @S3ObjectSeed(key = "usage/2026/06/01/09.csv", content = "hour,dimension,quantity,status,record\n"))
    class ArchiveAlreadyHasThisHour {
        @Test
        void keepsTheFirstFile(S3Client s3) {
            UsageArchive archive = new UsageArchive(s3, "usage-archive");

            assertThat(archive.archive(Instant.parse("2026-06-01T09:00:00Z"), List.of())).isFalse();   // 412
            assertThat(archive.files()).containsExactly("usage/2026/06/01/09.csv");
        }
    }
    // --- README: end ---
}
