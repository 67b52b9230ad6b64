package io.github.awssim.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** README's first command runs this main; CI runs it here so the showcase never rots. */
class ShowcaseTest {
    @Test
    void theShowcaseShowsMeteringReplayDuplicateRetriedThrottlingAndTheUsageArchive() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Showcase.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("09:00  Hosts    3  METERED   record ", "11:00  Users   12  METERED   record ");
        assertThat(out).contains("same record ids as the first report: true");
        assertThat(out).contains("DuplicateRequestException: MeterUsage: usage of product prod-showcase, dimension Users");
        assertThat(out).contains("Hosts: 3 attempt(s): ThrottlingException, ThrottlingException, MeterUsageResponse");
        assertThat(out).containsPattern("backoff passed on the simulation clock instead of sleeping: [1-9][0-9]* ms");
        assertThat(out).contains("MarketplaceMetering.MeterUsage  3         MeterUsageResponse");
        assertThat(out).containsPattern("responses lost: [1-9][0-9]*");
        assertThat(out).contains("records billed: 12 for 6 hours x 2 dimensions");
        assertThat(out).contains("a bill estimate with the BCM Pricing Calculator", "estimated bill $42.19");
        assertThat(out).contains("cost per tenant with AWS Application Cost Profiler", "total         $3.672");
        // The usage files: archived once per hour, a rewrite refused, read back.
        assertThat(out).contains("its usage file was archived already: S3's conditional write answered 412, rewritten: false");
        assertThat(out).contains("4 usage files: usage/2026/06/01/09.csv, usage/2026/06/01/10.csv, usage/2026/06/01/11.csv, "
            + "usage/2026/06/01/12.csv");
        assertThat(out).contains("hour,dimension,quantity,status,record", "2026-06-01T12:00:00Z,Hosts,3,METERED,");
        assertThat(out).containsPattern("stored in the simulated S3: [0-9]+ bytes, text/csv, ETag \"[0-9a-f]{32}\"");
        assertThat(out).contains("S3.PutObject", "PreconditionFailed", "S3.ListObjectsV2", "S3.GetObject");
        assertThat(out).doesNotContain("unexpected");
    }

    /** Everything but the SDK's own backoff jitter (ThreadLocalRandom inside the SDK) replays from the seed. */
    @Test
    void theSameSeedPrintsTheSameRun() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Showcase.run(new PrintStream(first, true, StandardCharsets.UTF_8));
        Showcase.run(new PrintStream(second, true, StandardCharsets.UTF_8));
        String jitter = "sleeping: [0-9]+ ms";
        assertThat(second.toString(StandardCharsets.UTF_8).replaceAll(jitter, "sleeping: N ms"))
            .isEqualTo(first.toString(StandardCharsets.UTF_8).replaceAll(jitter, "sleeping: N ms"));
    }
}
