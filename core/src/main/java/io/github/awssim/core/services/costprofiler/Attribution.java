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
    private static final BigDecimal HOUR_SECONDS = BigDecimal.valueOf(3600);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

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

    private static void hour(String accountId, Instant h, ResourceCost rc, Map<Tenant, Long> tenants, List<Line> out) {
        BigDecimal total = BigDecimal.ZERO;
        for (long s : tenants.values()) {
            total = total.add(share(s));
        }
        BigDecimal scale = total.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE.divide(total, MC) : BigDecimal.ONE;
        for (Map.Entry<Tenant, Long> e : tenants.entrySet()) {
            BigDecimal part = share(e.getValue()).multiply(scale, MC);
            out.add(new Line(e.getKey().usageAccountId(), h, e.getKey(), rc, scale, part.multiply(HUNDRED, MC),
                rc.hourlyCost().multiply(part, MC)));
        }
        if (total.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal rest = BigDecimal.ONE.subtract(total);
            out.add(new Line(accountId, h, new Tenant("", UNATTRIBUTED, "", accountId), rc, BigDecimal.ONE,
                rest.multiply(HUNDRED, MC), rc.hourlyCost().multiply(rest, MC)));
        }
    }

    private static BigDecimal share(long seconds) {
        return BigDecimal.valueOf(seconds).divide(HOUR_SECONDS, MC);
    }

    /** A number as the report writes it: at most 10 decimals, no trailing zeros, never in exponent form. */
    static String format(BigDecimal v) {
        BigDecimal r = v.setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.signum() == 0 ? "0" : r.toPlainString();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
