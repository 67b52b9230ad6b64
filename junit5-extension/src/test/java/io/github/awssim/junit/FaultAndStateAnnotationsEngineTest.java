package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.core.services.metering.MeteringRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * awssim's own fault and state annotations, through the JUnit engine. The fixtures use injected clients only
 * (zeroCodeSwap = false): this suite runs concurrently and must not write the JVM's system properties.
 */
class FaultAndStateAnnotationsEngineTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @Fixture
    @SimulatedAws(seed = 42, startTime = "2026-06-01T10:15:00Z", zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, times = 2, fail = ThrottlingException.class)
    static class ThrottledTwice {
        @Test
        @InjectFault(on = MeterUsageRequest.class, onAttempts = 3, transport = TransportFault.RESPONSE_LOST_AFTER_COMMIT)
        void meter(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));
            seen.put("labels", sim.journal().last().attempts().stream().map(a -> a.outcome().label())
                .collect(Collectors.toList()));
            seen.put("plan", sim.faultPlan().describe());
            seen.put("records", sim.metering().records().size());
        }
    }

    @Test
    void classAndMethodFaultRulesComposeInOrder() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(ThrottledTwice.class))).isEmpty();

        assertThat(seen.get("labels")).isEqualTo(List.of("ThrottlingException", "ThrottlingException",
            "RESPONSE_LOST_AFTER_COMMIT", "MeterUsageResponse"));
        assertThat(seen.get("plan")).isEqualTo("rule 1: the first 2 of MeterUsage: fail ThrottlingException\n"
            + "rule 2: attempts [3] of MeterUsage: RESPONSE_LOST_AFTER_COMMIT");
        assertThat(seen.get("records")).isEqualTo(1);
    }

    /** A shared seeder. */
    static final class OneProduct implements Consumer<Simulation> {
        @Override
        public void accept(Simulation sim) {
            sim.metering().registerProduct("seeded", "Seats").subscribe("seeded", "c-1", sim.accountId());
        }
    }

    @Fixture
    @SimulatedAws(startTime = "2026-06-01T10:15:00Z", zeroCodeSwap = false)
    @SeedState(OneProduct.class)
    @MeteringProduct(code = "prod-1", dimensions = {"Users", "Hosts"})
    static class Seeded {
        @Test
        void strictWorld(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(2)
                .timestamp(sim.clock().instant()));
            metering.meterUsage(r -> r.productCode("seeded").usageDimension("Seats").usageQuantity(3)
                .timestamp(sim.clock().instant()));
            try {
                metering.meterUsage(r -> r.productCode("other").usageDimension("Users").usageQuantity(1)
                    .timestamp(sim.clock().instant()));
            } catch (InvalidProductCodeException e) {
                seen.put("strict", true);
            }
            seen.put("seededRecords", sim.metering().records().stream().map(MeteringRecord::productCode)
                .collect(Collectors.toList()));
        }
    }

    @Test
    void stateAnnotationsSeedTheSimulationBeforeTheTest() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(Seeded.class))).isEmpty();

        assertThat(seen.get("seededRecords")).isEqualTo(List.of("prod-1", "seeded"));
        assertThat(seen.get("strict")).isEqualTo(true);
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, times = 1, probability = 0.5, fail = ThrottlingException.class)
    static class TwoTriggers {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class)
    static class NoEffect {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, fail = software.amazon.awssdk.services.s3.model.NoSuchKeyException.class)
    static class ForeignException {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, probability = 1.5, fail = ThrottlingException.class)
    static class ProbabilityAboveOne {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, delayMillis = -5)
    static class NegativeDelay {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, onAttempts = 0, fail = ThrottlingException.class)
    static class AttemptZero {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @InjectFault(on = MeterUsageRequest.class, rateLimit = -3)
    static class NegativeRateLimit {
        @Test
        void test() {
        }
    }

    @Test
    void aRefusedValueNamesItsAttribute() {
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(ProbabilityAboveOne.class))))
            .startsWith("ExtensionConfigurationException: awssim: @InjectFault(")
            .contains("@InjectFault(probability = 1.5) is refused: FaultRule withProbability(1.5): use a value in (0, 1]");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(NegativeDelay.class))))
            .contains("@InjectFault(delayMillis = -5) is refused: Latency.fixed(latency) cannot be negative");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(AttemptZero.class))))
            .contains("@InjectFault(onAttempts = [0]) is refused: FaultRule onAttempts[0]: name attempts counted from 1");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(NegativeRateLimit.class))))
            .contains("@InjectFault(rateLimit = -3) is refused: rateLimit(-3): allow at least 1 attempt per second");
    }

    @Test
    void misuseNamesTheAnnotationAndTheFix() {
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(TwoTriggers.class))))
            .contains("ExtensionConfigurationException")
            .contains("@InjectFault takes one trigger but sets times and probability");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(NoEffect.class))))
            .contains("@InjectFault needs exactly one effect (fail, one transport, delayMillis or rateLimit) but sets none");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(ForeignException.class))))
            .contains("not an exception of this service");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @S3Bucket(value = "usage-archive", objects = {
        @S3ObjectSeed(key = "usage/09.csv", content = "hour,quantity\n09,3\n"),
        @S3ObjectSeed(key = "fixtures/usage.csv", resource = "fixtures/usage.csv")})
    static class WithBuckets {
        @Test
        @S3Bucket(value = "history", versioned = true, objects = {
            @S3ObjectSeed(key = "k", content = "first"), @S3ObjectSeed(key = "k", content = "")})
        void seeded(S3Client s3) {
            seen.put("buckets", s3.listBuckets().buckets().stream().map(b -> b.name()).sorted().collect(Collectors.toList()));
            seen.put("usage", s3.getObjectAsBytes(r -> r.bucket("usage-archive").key("usage/09.csv")).asUtf8String());
            seen.put("resource", s3.getObjectAsBytes(r -> r.bucket("usage-archive").key("fixtures/usage.csv")).asUtf8String());
            seen.put("versioning", s3.getBucketVersioning(r -> r.bucket("history")).status());
            seen.put("versions", s3.listObjectVersions(r -> r.bucket("history")).versions().size());
            seen.put("latest", s3.headObject(r -> r.bucket("history").key("k")).contentLength());
        }
    }

    @Test
    void s3BucketsAndTheirObjectsAreThereBeforeTheTest() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(WithBuckets.class))).isEmpty();

        assertThat(seen.get("buckets")).isEqualTo(List.of("history", "usage-archive"));
        assertThat(seen.get("usage")).isEqualTo("hour,quantity\n09,3\n");
        assertThat(seen.get("resource")).isEqualTo("ApplicationId,TenantId\napp-1,tenant-a\n");
        assertThat(seen.get("versioning")).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(seen.get("versions")).isEqualTo(2);
        assertThat(seen.get("latest")).isEqualTo(0L);
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @S3Bucket(value = "both", objects = @S3ObjectSeed(key = "k", content = "x", resource = "fixtures/usage.csv"))
    static class ContentAndResource {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @S3Bucket(value = "missing", objects = @S3ObjectSeed(key = "k", resource = "no/such.csv"))
    static class MissingResource {
        @Test
        void test() {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    @S3Bucket("Bad_Name")
    static class BadBucketName {
        @Test
        void test() {
        }
    }

    @Test
    void s3BucketMisuseNamesTheObjectOrS3sRule() {
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(ContentAndResource.class))))
            .contains("ExtensionConfigurationException")
            .contains("@S3ObjectSeed(key = \"k\") in bucket 'both' needs exactly one of content and resource");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(MissingResource.class))))
            .contains("@S3ObjectSeed(key = \"k\") in bucket 'missing': no classpath resource 'no/such.csv'");
        assertThat(EngineRun.describe(EngineRun.onlyFailure(EngineRun.sequential().run(BadBucketName.class))))
            .contains("ExtensionConfigurationException").contains("The specified bucket is not valid.");
    }
}
