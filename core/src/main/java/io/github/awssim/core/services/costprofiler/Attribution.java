package io.github.awssim.core.services.costprofiler;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits resource costs between tenants for one report period, hour by hour, the way the Application Cost Profiler
 * user guide describes: each hour a resource is billed, a tenant gets the share of the hour its usage rows cover
 * (several rows of one tenant add up); when the shares add up to more than the whole hour, all are scaled down by
 * {@code ScaleFactor} = 1 / total; what no tenant covers goes to the tenant {@code unattributed}.
 */
final class Attribution {
    static final String UNATTRIBUTED = "unattributed";
    private static final long SECONDS_PER_HOUR = 3600;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;
    /** The report's precision: costs and percentages are written with at most this many decimals. */
    private static final int DECIMALS = 10;

    /** A tenant of an application, as a usage row names it. */
    record Tenant(String applicationId, String tenantId, String description, String usageAccountId) {
        static final Comparator<Tenant> ORDER = Comparator.comparing(Tenant::applicationId).thenComparing(Tenant::tenantId)
            .thenComparing(Tenant::description).thenComparing(Tenant::usageAccountId);
    }

    /** One report line: a tenant's (or unattributed) part of one resource's cost in one hour. */
    record Line(String usageAccountId, Instant hour, Tenant tenant, ResourceCost resource, BigDecimal scaleFactor,
                BigDecimal percent, BigDecimal cost) {
    }

    /** The lines of a period, or the resources with usage but no cost (then no line is trustworthy). */
    record Result(List<Line> lines, Set<String> unpriced) {
    }

    private Attribution() {
    }

    static Result of(String accountId, Instant start, Instant end, Map<String, ResourceCost> costs,
                     List<UsageImport> imports) {
        Map<String, Map<Instant, Map<Tenant, Long>>> seconds = new TreeMap<>();
        Set<String> unpriced = new TreeSet<>();
        for (UsageImport im : imports) {
            for (TenantUsage u : im.usage()) {
                Instant from = later(u.startTime(), start);
                Instant to = earlier(u.endTime(), end);
                if (!from.isBefore(to)) {
                    continue;
                }
                if (!costs.containsKey(u.resourceId())) {
                    unpriced.add(u.resourceId());
                    continue;
                }
                Tenant t = new Tenant(u.applicationId(), u.tenantId(), u.tenantDescription(), u.usageAccountId());
                Map<Instant, Map<Tenant, Long>> byHour = seconds.computeIfAbsent(u.resourceId(), k -> new TreeMap<>());
                for (Instant h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
                    long covered = Duration.between(later(from, h), earlier(to, h.plus(Duration.ofHours(1)))).getSeconds();
                    if (covered > 0) {
                        byHour.computeIfAbsent(h, k -> new TreeMap<>(Tenant.ORDER)).merge(t, covered, Long::sum);
                    }
                }
            }
        }
        if (!unpriced.isEmpty()) {
            return new Result(List.of(), unpriced);
        }
        List<Line> lines = new ArrayList<>();
        List<ResourceCost> resources = new ArrayList<>(costs.values());
        resources.sort(Comparator.comparing(ResourceCost::resourceId));
        for (Instant h = start; h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
            for (ResourceCost rc : resources) {
                if (rc.activeDuring(h, h.plus(Duration.ofHours(1)))) {
                    hour(accountId, h, rc, seconds.getOrDefault(rc.resourceId(), Map.of()).getOrDefault(h, Map.of()), lines);
                }
            }
        }
        return new Result(lines, Set.of());
    }

    /**
     * One resource-hour's lines. Shares are counted in whole seconds, so an hour covered exactly is wholly
     * attributed; costs and percentages are rounded to the report's 10 decimals, and the rounding remainder goes
     * to the largest line, so each hour's lines add up to its cost and to 100%.
     */
    private static void hour(String accountId, Instant h, ResourceCost rc, Map<Tenant, Long> tenants, List<Line> out) {
        long covered = tenants.values().stream().mapToLong(Long::longValue).sum();
        long denominator = Math.max(covered, SECONDS_PER_HOUR);   // over-covered: shares scale down by hour / covered
        BigDecimal scale = covered > SECONDS_PER_HOUR
            ? BigDecimal.valueOf(SECONDS_PER_HOUR).divide(BigDecimal.valueOf(covered), MC) : BigDecimal.ONE;
        List<Tenant> who = new ArrayList<>(tenants.keySet());
        List<Long> seconds = new ArrayList<>(tenants.values());
        if (covered < SECONDS_PER_HOUR) {
            who.add(new Tenant("", UNATTRIBUTED, "", accountId));
            seconds.add(SECONDS_PER_HOUR - covered);
        }
        List<BigDecimal> percents = apportion(HUNDRED, seconds, denominator);
        List<BigDecimal> costs = apportion(rc.hourlyCost(), seconds, denominator);
        for (int i = 0; i < who.size(); i++) {
            Tenant t = who.get(i);
            BigDecimal lineScale = i < tenants.size() ? scale : BigDecimal.ONE;
            out.add(new Line(t.usageAccountId(), h, t, rc, lineScale, percents.get(i), costs.get(i)));
        }
    }

    /**
     * {@code whole} split in proportion to {@code parts} (which add up to {@code denominator}), at 10 decimals,
     * summing to it exactly.
     */
    private static List<BigDecimal> apportion(BigDecimal whole, List<Long> parts, long denominator) {
        BigDecimal target = whole.setScale(DECIMALS, RoundingMode.HALF_EVEN);
        List<BigDecimal> out = new ArrayList<>(parts.size());
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal v = whole.multiply(BigDecimal.valueOf(parts.get(i)))
                .divide(BigDecimal.valueOf(denominator), DECIMALS, RoundingMode.HALF_EVEN);
            out.add(v);
            sum = sum.add(v);
            if (parts.get(i) > parts.get(largest)) {
                largest = i;
            }
        }
        if (!out.isEmpty()) {
            out.set(largest, out.get(largest).add(target.subtract(sum)));
        }
        return out;
    }

    /** A number as the report writes it: at most 10 decimals, no trailing zeros, never in exponent form. */
    static String format(BigDecimal v) {
        BigDecimal r = v.setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.signum() == 0 ? "0" : r.toPlainString();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
