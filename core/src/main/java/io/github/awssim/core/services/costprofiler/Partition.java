package io.github.awssim.core.services.costprofiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application Cost Profiler in one account and region: report definitions, imports, resource costs, generated
 * reports and knobs. Not thread-safe by itself: {@link CostProfilerSimulator} holds this partition's lock around
 * every rule and typed-API access, and never talks to S3 while holding it.
 */
final class Partition {
    /** AWS: "The maximum number of reports is one" (ListReportDefinitions documentation). */
    static final int DEFAULT_REPORT_DEFINITION_QUOTA = 1;

    final String accountId;
    final String region;
    final Map<String, Definition> definitions = new LinkedHashMap<>();
    final List<UsageImport> imports = new ArrayList<>();
    final Map<String, ResourceCost> costs = new LinkedHashMap<>();
    final List<CostProfilerReport> reports = new ArrayList<>();
    int quota = DEFAULT_REPORT_DEFINITION_QUOTA;
    private final ArrayDeque<CostProfilerFault> faults = new ArrayDeque<>();
    private long sequence;

    Partition(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    long nextSeq() {
        return ++sequence;
    }

    void failNext(int calls, CostProfilerFault fault) {
        for (int i = 0; i < calls; i++) {
            faults.add(fault);
        }
    }

    /** Throws the next queued fault, if any (every operation declares both kinds). */
    void strikeFault(String operation) {
        CostProfilerFault fault = faults.poll();
        if (fault == null) {
            return;
        }
        String message = CostProfilerMessages.injectedFault(operation, fault, faults.size());
        throw fault == CostProfilerFault.THROTTLING ? Errors.throttling(message) : Errors.internal(message);
    }
}
