package io.github.awssim.core.services.costprofiler;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.applicationcostprofiler.model.DeleteReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.DeleteReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.Format;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportDefinition;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportFrequency;
import software.amazon.awssdk.services.applicationcostprofiler.model.S3Location;
import software.amazon.awssdk.services.applicationcostprofiler.model.UpdateReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.UpdateReportDefinitionResponse;

/**
 * The report definition operations, run under the partition's lock once the request has passed the model's
 * constraints and the destination bucket has been checked (outside the lock: S3 is another service).
 */
final class DefinitionRules {
    /** ListReportDefinitions' page size when maxResults is absent: the model's maximum. */
    static final int DEFAULT_PAGE_SIZE = 100;

    private DefinitionRules() {
    }

    /** A new definition needs an unused id, then room under the quota (checked again when it is stored). */
    static Void checkNew(Partition p, Call c, String reportId) {
        if (p.definitions.containsKey(reportId)) {
            throw Errors.invalid(CostProfilerMessages.reportExists(c.operation(), reportId));
        }
        if (p.definitions.size() >= p.quota) {
            throw Errors.quota(CostProfilerMessages.quotaReached(c.operation(), p.quota));
        }
        return null;
    }

    static PutReportDefinitionResponse put(CostProfilerState state, Partition p, Call c, PutReportDefinitionRequest r) {
        checkNew(p, c, r.reportId());
        Definition d = new Definition(r.reportId(), p.nextSeq(), c.now());
        apply(d, r.reportDescription(), r.reportFrequency(), r.format(), r.destinationS3Location());
        p.definitions.put(d.reportId, d);
        state.definitionsChanged();
        return PutReportDefinitionResponse.builder().reportId(d.reportId).build();
    }

    static GetReportDefinitionResponse get(Partition p, Call c, GetReportDefinitionRequest r) {
        Definition d = find(p, c, r.reportId());
        return GetReportDefinitionResponse.builder().reportId(d.reportId).reportDescription(d.description)
            .reportFrequency(d.frequency).format(d.format).destinationS3Location(s -> s.bucket(d.bucket).prefix(d.prefix))
            .createdAt(d.createdAt).lastUpdated(d.lastUpdated).build();
    }

    /** A full replace: every field but the id and {@code createdAt}; {@code lastUpdated} moves to now. */
    static UpdateReportDefinitionResponse update(CostProfilerState state, Partition p, Call c,
                                                 UpdateReportDefinitionRequest r) {
        Definition d = find(p, c, r.reportId());
        apply(d, r.reportDescription(), r.reportFrequency(), r.format(), r.destinationS3Location());
        d.lastUpdated = c.now();
        // Every boundary up to now was settled under the old definition before this call ran (the engine catches
        // up first); the new one schedules from now, so a MONTHLY turned DAILY does not backfill the month's days.
        d.scheduledUntil = c.now();
        state.definitionsChanged();
        return UpdateReportDefinitionResponse.builder().reportId(d.reportId).build();
    }

    static DeleteReportDefinitionResponse delete(CostProfilerState state, Partition p, Call c,
                                                 DeleteReportDefinitionRequest r) {
        Definition d = find(p, c, r.reportId());
        p.definitions.remove(d.reportId);
        state.definitionsChanged();
        return DeleteReportDefinitionResponse.builder().reportId(d.reportId).build();
    }

    static ListReportDefinitionsResponse list(CostProfilerState state, Partition p, Call c, ListReportDefinitionsRequest r) {
        long after = r.nextToken() == null ? Long.MIN_VALUE : state.pages.position(c, r.nextToken());
        int max = r.maxResults() != null ? r.maxResults() : DEFAULT_PAGE_SIZE;
        List<ReportDefinition> page = new ArrayList<>();
        long last = 0;
        boolean more = false;
        for (Definition d : p.definitions.values()) {
            if (d.seq <= after) {
                continue;
            }
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(d.view());
            last = d.seq;
        }
        return ListReportDefinitionsResponse.builder().reportDefinitions(page)
            .nextToken(more ? state.pages.token(c, last) : null).build();
    }

    private static Definition find(Partition p, Call c, String reportId) {
        Definition d = p.definitions.get(reportId);
        if (d == null) {
            throw Errors.invalid(CostProfilerMessages.noSuchReport(c.operation(), reportId));
        }
        return d;
    }

    private static void apply(Definition d, String description, ReportFrequency frequency, Format format,
                              S3Location destination) {
        d.description = description;
        d.frequency = frequency;
        d.format = format;
        d.bucket = destination.bucket();
        d.prefix = destination.prefix();
    }
}
