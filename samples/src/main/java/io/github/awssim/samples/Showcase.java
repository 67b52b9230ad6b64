package io.github.awssim.samples;

import io.github.awssim.core.Attempt;
import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.samples.metering.HourlyMeteringAgent;
import io.github.awssim.samples.metering.HourlyMeteringAgent.Report;
import io.github.awssim.samples.metering.UsageArchive;
import io.github.awssim.sdk.SimulatedClients;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * README's first command: an hourly metering agent, written against the plain AWS SDK, run against
 * AWS Marketplace Metering and Amazon S3 (where it archives its usage files) simulated in-process; then a bill
 * estimate ({@link PricingCalculatorShowcase}) and cost per tenant ({@link CostProfilerShowcase}). No AWS account,
 * no network.
 */
public final class Showcase {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private Showcase() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-06-01T09:05:00Z")).seed(2026).build();
        out.println("awssim showcase: an hourly AWS Marketplace metering agent, no AWS account, no network");
        out.println("  " + sim);
        out.println();

        // The only awssim line: a real MarketplaceMeteringClient bound to the simulation (virtual retry backoff).
        MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
        Map<String, Integer> usage = new TreeMap<>(Map.of("Users", 12, "Hosts", 3));
        HourlyMeteringAgent agent = new HourlyMeteringAgent(metering, sim.clock(), "prod-showcase", hour -> usage);

        // Two more: a real S3Client, and the bucket the agent archives its hourly usage files in.
        S3Client s3 = SimulatedClients.create(sim, S3Client.class);
        sim.s3().createBucket("metering-archive");
        UsageArchive archive = new UsageArchive(s3, "metering-archive");

        out.println("1. Three hours of usage, reported at the top of each hour and archived as usage files in S3");
        List<Report> lastHour = List.of();
        for (int i = 0; i < 3; i++) {
            sim.clock().advance(Duration.ofHours(1));
            lastHour = agent.reportPreviousHour();
            print(out, lastHour);
            archive.archive(lastHour.get(0).hour(), lastHour);
        }

        out.println();
        out.println("2. The agent restarts and reports the last hour again: same ClientTokens, same record ids (replayed)");
        HourlyMeteringAgent restarted = new HourlyMeteringAgent(metering, sim.clock(), "prod-showcase", hour -> usage);
        List<Report> again = restarted.reportPreviousHour();
        print(out, again);
        out.println("   same record ids as the first report: "
            + again.stream().map(Report::recordId).toList().equals(lastHour.stream().map(Report::recordId).toList()));
        boolean rewritten = archive.archive(again.get(0).hour(), again);
        out.println("   its usage file was archived already: S3's conditional write answered 412, rewritten: " + rewritten);

        out.println();
        out.println("3. Another process reports that hour again with another quantity and the SDK's random token");
        Instant hour = sim.clock().instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        try {
            metering.meterUsage(r -> r.productCode("prod-showcase").usageDimension("Users").usageQuantity(99).timestamp(hour));
            out.println("   accepted (unexpected)");
        } catch (DuplicateRequestException e) {
            out.println("   DuplicateRequestException: " + e.awsErrorDetails().errorMessage());
        }

        out.println();
        out.println("4. Metering throttles the next two calls (a stub); the SDK retries on its own");
        sim.stubs().on(MeterUsageRequest.class).fail(ThrottlingException.builder().message("Rate exceeded").build()).times(2);
        sim.clock().advance(Duration.ofHours(1));
        Instant beforeRetries = sim.clock().instant();
        List<Report> reports = agent.reportPreviousHour();
        print(out, reports);
        archive.archive(reports.get(0).hour(), reports);
        for (Execution e : sim.journal().executions(MeterUsageRequest.class)) {
            MeterUsageRequest r = e.request(MeterUsageRequest.class);
            if (r.timestamp().equals(reports.get(0).hour())) {
                out.println("   " + r.usageDimension() + ": " + e.attemptCount() + " attempt(s): "
                    + e.attempts().stream().map(a -> a.outcome().label()).collect(Collectors.joining(", ")));
            }
        }
        out.println("   the SDK's backoff passed on the simulation clock instead of sleeping: "
            + Duration.between(beforeRetries, sim.clock().instant()).toMillis() + " ms of simulated time");

        out.println();
        out.println("5. The agent reads its archive back from S3");
        List<String> files = archive.files();
        out.println("   " + files.size() + " usage files: " + String.join(", ", files));
        out.print(indent(archive.read(reports.get(0).hour())));
        out.println("   stored in the simulated S3: " + sim.s3().object("metering-archive", files.get(files.size() - 1))
            .map(o -> o.size() + " bytes, " + o.contentType() + ", ETag " + o.eTag()).orElse("missing"));

        out.println();
        out.println("6. The journal: every call that reached the simulation, with its attempts");
        out.print(indent(sim.journal().table()));
        s3.close();

        out.println();
        out.println("7. A flaky network for six hours (seeded fault plan): 30% of attempts throttled, 20% of responses");
        out.println("   lost after the service committed. The agent retries an hour the SDK gave up on at the next hour.");
        sim.install(FaultPlan.of(
            FaultRule.on(MeterUsageRequest.class).withProbability(0.3).fail(ThrottlingException.class),
            FaultRule.on(MeterUsageRequest.class).withProbability(0.2).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT)));
        int before = sim.metering().records().size();
        int firstExecution = sim.journal().size();
        List<Instant> pending = new ArrayList<>();
        int gaveUp = 0;
        for (int h = 0; h < 6; h++) {
            sim.clock().advance(Duration.ofHours(1));
            pending.add(sim.clock().instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS));
            for (Instant due : List.copyOf(pending)) {
                try {
                    agent.reportHour(due);
                    pending.remove(due);
                } catch (SdkException e) {
                    gaveUp++;
                }
            }
        }
        List<Attempt> attempts = sim.journal().executions().subList(firstExecution, sim.journal().size()).stream()
            .flatMap(e -> e.attempts().stream()).collect(Collectors.toList());
        out.println("   attempts: " + attempts.size()
            + ", throttled: " + attempts.stream().filter(a -> a.outcome().label().equals("ThrottlingException")).count()
            + ", responses lost: " + attempts.stream().filter(a -> a.outcome() instanceof Outcome.TransportFault).count()
            + ", calls the SDK gave up on: " + gaveUp);
        out.println("   records billed: " + (sim.metering().records().size() - before) + " for 6 hours x 2 dimensions"
            + " (exactly once each: the ClientTokens made every retry a replay)");
        sim.install(FaultPlan.none());

        out.println();
        PricingCalculatorShowcase.run(out);
        out.println();
        CostProfilerShowcase.run(out);
        sim.close();
    }

    private static void print(PrintStream out, List<Report> reports) {
        for (Report r : reports) {
            out.printf("   %s  %-6s %3d  %-9s %s%n", HH_MM.format(r.hour()), r.dimension(), r.quantity(), r.status(),
                r.recordId() != null ? "record " + r.recordId() : r.detail());
        }
    }

    private static String indent(String table) {
        return ("   " + table.replace("\n", "\n   ")).stripTrailing() + "\n";
    }
}
