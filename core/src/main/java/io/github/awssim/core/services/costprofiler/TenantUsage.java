package io.github.awssim.core.services.costprofiler;

import java.time.Instant;

/**
 * One row of an imported usage file: a tenant of an application used a resource during {@code [startTime,
 * endTime)}. Application Cost Profiler gives the tenant the share of the resource's hourly cost that this period
 * covers.
 *
 * @param applicationId the {@code ApplicationId} column
 * @param tenantId the {@code TenantId} column
 * @param tenantDescription the {@code TenantDesc} column, "" when the file has none
 * @param usageAccountId the {@code UsageAccountId} column, 12 digits
 * @param startTime the {@code StartTime} column (epoch seconds in the file)
 * @param endTime the {@code EndTime} column (epoch seconds in the file), after {@code startTime}
 * @param resourceId the {@code ResourceId} column
 */
public record TenantUsage(String applicationId, String tenantId, String tenantDescription, String usageAccountId,
                          Instant startTime, Instant endTime, String resourceId) {
}
