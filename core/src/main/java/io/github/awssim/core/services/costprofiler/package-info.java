/**
 * AWS Application Cost Profiler, simulated. API:
 * {@link io.github.awssim.core.services.costprofiler.CostProfilerSimulator} (the backend of all 6 operations and
 * the typed API, from {@code sim.costProfiler()}), and the values it takes and gives:
 * {@link io.github.awssim.core.services.costprofiler.ResourceCost},
 * {@link io.github.awssim.core.services.costprofiler.UsageImport},
 * {@link io.github.awssim.core.services.costprofiler.TenantUsage},
 * {@link io.github.awssim.core.services.costprofiler.CostProfilerReport},
 * {@link io.github.awssim.core.services.costprofiler.CostProfilerFault}. The package-private classes beside them
 * hold the state and the rules and are not API.
 */
package io.github.awssim.core.services.costprofiler;
