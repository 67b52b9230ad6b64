package io.github.awssim.core.services.costprofiler;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one AWS resource costs per hour on the simulated bill, the cost Application Cost Profiler splits between
 * tenants. AWS reads these costs from your Cost and Usage Report; awssim has no bill, so a test declares them with
 * {@link CostProfilerSimulator#resourceCost(ResourceCost)}. The resource is billed {@code hourlyCost} for every
 * UTC hour that overlaps {@code [activeFrom, activeUntil)} (both unbounded when null).
 *
 * <pre>{@code
 * sim.costProfiler().resourceCost(ResourceCost.of("i-0abc1234", "AmazonEC2", "BoxUsage:c5.large", "RunInstances",
 *         new BigDecimal("0.085")).activeFrom(Instant.parse("2026-06-01T00:00:00Z")));
 * }</pre>
 *
 * @param resourceId the id usage files name in their {@code ResourceId} column (an instance id, an ARN, ...)
 * @param productCode the report's {@code ProductCode}, e.g. {@code AmazonEC2}
 * @param usageType the report's {@code UsageType}, e.g. {@code BoxUsage:c5.large}
 * @param operation the report's {@code Operation}, e.g. {@code RunInstances}
 * @param hourlyCost USD per hour, not negative
 * @param activeFrom the first instant the resource exists, or null for always
 * @param activeUntil the instant it stops existing (exclusive), or null for never
 */
public record ResourceCost(String resourceId, String productCode, String usageType, String operation,
                           BigDecimal hourlyCost, Instant activeFrom, Instant activeUntil) {

    public ResourceCost {
        requireText("resourceId", resourceId);
        requireText("productCode", productCode);
        requireText("usageType", usageType);
        requireText("operation", operation);
        if (hourlyCost == null || hourlyCost.signum() < 0) {
            throw new IllegalArgumentException(CostProfilerMessages.badHourlyCost(resourceId, hourlyCost));
        }
        if (activeFrom != null && activeUntil != null && !activeFrom.isBefore(activeUntil)) {
            throw new IllegalArgumentException(CostProfilerMessages.badLifetime(resourceId, activeFrom, activeUntil));
        }
    }

    /** A resource billed {@code hourlyCost} USD every hour, with no start or end. */
    public static ResourceCost of(String resourceId, String productCode, String usageType, String operation,
                                  BigDecimal hourlyCost) {
        return new ResourceCost(resourceId, productCode, usageType, operation, hourlyCost, null, null);
    }

    /** This resource, existing (and billed) from {@code from} on. */
    public ResourceCost activeFrom(Instant from) {
        return new ResourceCost(resourceId, productCode, usageType, operation, hourlyCost, from, activeUntil);
    }

    /** This resource, gone (and no longer billed) from {@code until} on. */
    public ResourceCost activeUntil(Instant until) {
        return new ResourceCost(resourceId, productCode, usageType, operation, hourlyCost, activeFrom, until);
    }

    /** Whether the resource exists at some moment of {@code [start, end)}. */
    boolean activeDuring(Instant start, Instant end) {
        return (activeFrom == null || activeFrom.isBefore(end)) && (activeUntil == null || activeUntil.isAfter(start));
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(CostProfilerMessages.blankResourceField(what, value));
        }
    }
}
