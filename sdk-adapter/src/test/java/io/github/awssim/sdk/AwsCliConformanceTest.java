package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI against the loopback server: {@code conformance/awscli/conformance.sh} runs the CLI's S3 commands
 * (its own transfer manager: multipart uploads, ranged parallel downloads, sync, presign), {@code s3api} errors,
 * Marketplace Metering and Application Cost Profiler, and checks every answer; this test then reads the journal.
 *
 * <p>The CLI is {@code $AWS_CLI}, else Debian's {@code /usr/bin/aws} (the AWS CLI v2, which {@code .ci/run}
 * installs), else {@code aws} on the PATH; the script passes with the CLI v1 too. Without any, the test is
 * skipped unless {@value JavaScriptSdkConformanceTest#REQUIRED} is set, as CI sets it.
 */
class AwsCliConformanceTest {
    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("conformance/awscli/conformance.sh");

    @Test
    void theAwsCliGetsFaithfulAnswers() throws Exception {
        String cli = cli();
        if (cli == null) {
            String missing = "no AWS CLI: set AWS_CLI, or install Debian's awscli";
            if (System.getenv(JavaScriptSdkConformanceTest.REQUIRED) != null) {
                Assertions.fail("awssim: " + JavaScriptSdkConformanceTest.REQUIRED + " is set but " + missing);
            }
            Assumptions.abort("skipped: " + missing);
        }
        try (Simulation sim = Simulation.create(); SimulationServer server = SimulationServer.start(sim)) {
            ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString(), server.endpoint().toString())
                .redirectErrorStream(true);
            run.environment().put("AWS_CLI", cli);
            Process script = run.start();
            byte[] out = script.getInputStream().readAllBytes();
            assertThat(script.waitFor(300, TimeUnit.SECONDS)).as("the script finished").isTrue();
            String report = new String(out, StandardCharsets.UTF_8);

            assertThat(script.exitValue()).as("conformance.sh reported:%n%s", report).isZero();
            assertThat(report).contains("all checks passed").doesNotContain("FAIL");
            assertThat(sim.journal().executions()).extracting(Execution::operation).contains("CreateMultipartUpload",
                "UploadPart", "CompleteMultipartUpload", "GetObject", "ListObjectsV2", "DeleteObject", "DeleteBucket",
                "MeterUsage", "PutReportDefinition", "PutBucketPolicy");
            assertThat(sim.metering().records()).extracting(r -> r.productCode()).containsOnly("prod-cli").hasSize(3);
            assertThat(sim.costProfiler().imports()).singleElement().satisfies(i -> assertThat(i.usage()).hasSize(1));
        }
    }

    private static String cli() {
        String chosen = System.getenv("AWS_CLI");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            return "/usr/bin/aws";
        }
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? "aws" : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
