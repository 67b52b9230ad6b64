package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.metering.CallerIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A foreign SDK against the loopback server: {@code conformance/js/conformance.mjs} drives the AWS SDK for
 * JavaScript v3 (its own marshallers, default CRC32 checksums, path-style URLs with a trailing slash, error
 * parsers) through S3, Marketplace Metering and Application Cost Profiler scenarios and checks every answer;
 * this test then reads what those calls left in the simulation, through awssim's typed API.
 *
 * <p>It needs Node.js and the script's npm packages ({@code npm ci --prefix conformance/js}, which
 * {@code .ci/run} does). Without them it is skipped, unless {@value #REQUIRED} is set, as CI sets it: there a
 * missing package fails the build rather than silently skipping the check.
 */
class JavaScriptSdkConformanceTest {
    static final String REQUIRED = "AWSSIM_REQUIRE_FOREIGN_CLIENTS";
    private static final Path SCRIPT_DIR = Path.of("").toAbsolutePath().getParent().resolve("conformance/js");

    @Test
    void theJavaScriptSdkV3GetsFaithfulAnswersAndLeavesStateTheJavaApiReads() throws Exception {
        String missing = missingPrerequisite();
        if (missing != null) {
            if (System.getenv(REQUIRED) != null) {
                Assertions.fail("awssim: " + REQUIRED + " is set but " + missing);
            }
            Assumptions.abort("skipped: " + missing);
        }
        try (Simulation sim = Simulation.create(); SimulationServer server = SimulationServer.start(sim)) {
            // RegisterUsage runs on container platforms, for subscribed buyers; ResolveCustomer needs an issued token
            sim.metering().callerIdentity("AKIDJAVASCRIPT", CallerIdentity.builder().id("js-task")
                .platform(CallerIdentity.Platform.ECS).build());
            String token = sim.metering().issueRegistrationToken("prod-container", "cust-js");
            ProcessBuilder run = new ProcessBuilder("node", "--no-warnings", "conformance.mjs", server.endpoint().toString())
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true);
            run.environment().put("AWSSIM_REGISTRATION_TOKEN", token);
            Process node = run.start();
            byte[] out = node.getInputStream().readAllBytes();
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
            String report = new String(out, StandardCharsets.UTF_8);

            assertThat(node.exitValue()).as("conformance.mjs reported:%n%s", report).isZero();
            assertThat(report).contains("all checks passed").doesNotContain("FAIL");

            HeadObjectResponse written = sim.s3().headObject(h -> h.bucket("js-conformance").key("docs/ünï cødé+key.txt"));
            assertThat(written.metadata()).containsEntry("owner", "js");
            assertThat(written.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(sim.s3().getObject(g -> g.bucket("js-conformance").key("multi"), ResponseTransformer.toBytes())
                .asByteArray()).hasSize(5 * 1024 * 1024 + "the end".length());
            assertThat(sim.metering().records()).extracting(r -> r.productCode()).containsOnly("prod-js").hasSize(3);
            assertThat(sim.journal().executions()).filteredOn(e -> e.operation().equals("ResolveCustomer"))
                .extracting(e -> e.outcome().label())
                .containsExactly("ResolveCustomerResponse", "ExpiredTokenException", "InvalidTokenException");
            assertThat(sim.costProfiler().getReportDefinition(r -> r.reportId("jsReport")).reportDescription())
                .isEqualTo("from JavaScript");
            assertThat(sim.costProfiler().imports()).singleElement().satisfies(i -> {
                assertThat(i.key()).isEqualTo("usage.csv");
                assertThat(i.usage()).hasSize(1);
            });
            assertThat(sim.s3().getObjectAsBytes(g -> g.bucket("js-conformance").key("streamed")).asUtf8String())
                .isEqualTo("first chunk, second chunk, last");
            assertThat(sim.s3().getBucketLocation(b -> b.bucket("js-eu-bucket")).locationConstraintAsString())
                .isEqualTo("eu-west-1");
            assertThat(sim.s3().objectText("js-conformance", "presigned")).isEqualTo("via a presigned PUT");
            assertThat(sim.s3().object("js-conformance", "lib-storage")).hasValueSatisfying(o ->
                assertThat(o.size()).isEqualTo(12L * 1024 * 1024));
            assertThat(sim.s3().bucketExists("js-short-lived")).isFalse();
            List<Execution> calls = sim.journal().executions();
            assertThat(calls).extracting(Execution::operation).contains("CreateBucket", "PutObject", "UploadPart",
                "CompleteMultipartUpload", "DeleteObjects", "ListObjectVersions", "MeterUsage", "BatchMeterUsage",
                "PutReportDefinition", "ImportApplicationUsage");
            assertThat(calls).filteredOn(e -> !e.region().equals(Region.US_EAST_1.id()))
                .as("the calls signed for another region").extracting(e -> e.operation() + " " + e.region())
                .containsExactly("CreateBucket eu-west-1", "GetBucketLocation eu-west-1");
        }
    }

    /** What is missing to run the script, or null. */
    private static String missingPrerequisite() {
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@aws-sdk/client-s3"))) {
            return "the AWS SDK for JavaScript is not installed in " + SCRIPT_DIR + " (run: npm ci --prefix conformance/js)";
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "node --version failed";
        } catch (IOException e) {
            return "Node.js is not on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for Node.js";
        }
    }
}
