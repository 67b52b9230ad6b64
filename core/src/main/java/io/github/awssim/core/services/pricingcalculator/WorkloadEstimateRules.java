package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteWorkloadEstimateUsageError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimatesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimatesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateRateType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateUpdateUsageErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateUsageItem;

/** Workload estimates and their usage. Called with the partition's lock held. */
final class WorkloadEstimateRules {
    static final PricingCalculatorResource TYPE = PricingCalculatorResource.WORKLOAD_ESTIMATE;
    /** ListWorkloadEstimateUsage takes up to 300 items a page (the model's limit), the other lists 25. */
    static final int USAGE_PAGE_SIZE = 300;

    private WorkloadEstimateRules() {
    }

    static CreateWorkloadEstimateResponse create(PricingCalculatorState st, Partition p, Call c,
                                                 CreateWorkloadEstimateRequest r) {
        Map<String, String> tags = Checks.creationTags(p, c, r.tags());
        String rateType = r.rateType() != null ? r.rateTypeAsString() : WorkloadEstimateRateType.BEFORE_DISCOUNTS.toString();
        Checks.requireAllowedRate(p, c, rateType);
        CreateWorkloadEstimateResponse replay = p.replay(c, r.clientToken(), r, CreateWorkloadEstimateResponse.class);
        if (replay != null) {
            return replay;
        }
        int max = p.quota(PricingCalculatorQuota.WORKLOAD_ESTIMATES);
        if (p.workloads.size() >= max) {
            throw Errors.quota(PricingCalculatorQuota.WORKLOAD_ESTIMATES, TYPE.resourceType(), c.accountId(),
                PricingCalculatorMessages.tooManyResources(c.operation(), TYPE, max, PricingCalculatorQuota.WORKLOAD_ESTIMATES));
        }
        WorkloadEstimate w = new WorkloadEstimate(st.uuids.get(), p.nextSeq(), r.name(), rateType, c.now(),
            c.now().plus(p.ttl(TYPE)));
        w.tags.putAll(tags);
        p.workloads.put(w.id, w);
        CreateWorkloadEstimateResponse response = Views.copy(Views.workload(w, st.prices, c.now()),
            CreateWorkloadEstimateResponse.builder());
        p.remember(c, r.clientToken(), r, response, TYPE.resourceType(), w.id);
        return response;
    }

    static GetWorkloadEstimateResponse get(PricingCalculatorState st, Partition p, Call c, GetWorkloadEstimateRequest r) {
        return Views.workload(find(p, c, r.identifier()), st.prices, c.now());
    }

    static UpdateWorkloadEstimateResponse update(PricingCalculatorState st, Partition p, Call c,
                                                 UpdateWorkloadEstimateRequest r) {
        WorkloadEstimate w = find(p, c, r.identifier());
        Checks.requireFuture(c, r.expiresAt());
        if (r.name() != null) {
            w.name = r.name();
        }
        if (r.expiresAt() != null) {
            w.expiresAt = r.expiresAt();
        }
        return Views.copy(Views.workload(w, st.prices, c.now()), UpdateWorkloadEstimateResponse.builder());
    }

    static DeleteWorkloadEstimateResponse delete(Partition p, Call c, DeleteWorkloadEstimateRequest r) {
        p.workloads.remove(r.identifier());
        return DeleteWorkloadEstimateResponse.builder().build();
    }

    static ListWorkloadEstimatesResponse list(PricingCalculatorState st, Partition p, Call c, ListWorkloadEstimatesRequest r) {
        List<Filters.Filter> filters = r.filters().stream()
            .map(f -> new Filters.Filter(f.nameAsString(), f.values(), f.matchOptionAsString())).toList();
        List<WorkloadEstimateSummary> matching = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (WorkloadEstimate w : p.workloads.values()) {
            GetWorkloadEstimateResponse view = Views.workload(w, st.prices, c.now());
            Map<String, String> attributes = Map.of("STATUS", view.statusAsString(), "NAME", w.name);
            if (Filters.matches(filters, attributes) && Filters.within(r.createdAtFilter(), w.createdAt)
                && Filters.within(r.expiresAtFilter(), w.expiresAt)) {
                matching.add(Views.copy(view, WorkloadEstimateSummary.builder()));
                seqs.add(w.seq);
            }
        }
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, "",
            r.filters() + "|" + r.createdAtFilter() + "|" + r.expiresAtFilter(), r.nextToken(), r.maxResults(), seqs);
        return ListWorkloadEstimatesResponse.builder().items(page.items().stream().map(matching::get).toList())
            .nextToken(page.nextToken()).build();
    }

    // ---- usage -------------------------------------------------------------------------------

    static BatchCreateWorkloadEstimateUsageResponse createUsage(PricingCalculatorState st, Partition p, Call c,
                                                                BatchCreateWorkloadEstimateUsageRequest r) {
        BatchCreateWorkloadEstimateUsageResponse replay =
            p.replay(c, r.clientToken(), r, BatchCreateWorkloadEstimateUsageResponse.class);
        if (replay != null) {
            return replay;
        }
        WorkloadEstimate w = find(p, c, r.workloadEstimateId());
        List<BatchCreateWorkloadEstimateUsageEntry> entries = r.usage();
        List<BatchCreateWorkloadEstimateUsageError> errors = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            BatchCreateWorkloadEstimateUsageEntry e = entries.get(i);
            String prefix = "usage[" + i + "].";
            BatchCreateWorkloadEstimateUsageCode code = null;
            String message = null;
            if (!keys.add(e.key())) {
                code = BatchCreateWorkloadEstimateUsageCode.CONFLICT;
                message = PricingCalculatorMessages.keyTwice(c.operation(), prefix + "key", e.key());
            } else if (p.takeEntryFailure()) {
                code = BatchCreateWorkloadEstimateUsageCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (!p.inFamily(e.usageAccountId())) {
                // as for bill scenario usage: an estimate prices usage of this account's billing family only
                code = BatchCreateWorkloadEstimateUsageCode.BAD_REQUEST;
                message = PricingCalculatorMessages.notInFamily(c.operation(), prefix + "usageAccountId",
                    e.usageAccountId(), p.accountId, p.linkedAccounts);
            } else {
                message = Checks.amountProblem(prefix + "amount", e.amount());
                if (message == null) {
                    message = Checks.historicalProblem(prefix, e.historicalUsage());
                }
                if (message != null) {
                    code = BatchCreateWorkloadEstimateUsageCode.BAD_REQUEST;
                    message = c.operation() + ": " + message;
                }
            }
            if (code != null) {
                errors.add(BatchCreateWorkloadEstimateUsageError.builder().key(e.key()).errorCode(code)
                    .errorMessage(message).build());
            } else {
                accepted.add(i);
            }
        }
        int max = p.quota(PricingCalculatorQuota.USAGE_LINES_PER_WORKLOAD_ESTIMATE);
        if (w.usage.size() + accepted.size() > max) {
            throw Errors.quota(PricingCalculatorQuota.USAGE_LINES_PER_WORKLOAD_ESTIMATE, TYPE.resourceType(), w.id,
                PricingCalculatorMessages.tooManyLines(c.operation(), TYPE, w.id, w.usage.size(), accepted.size(), max,
                    PricingCalculatorQuota.USAGE_LINES_PER_WORKLOAD_ESTIMATE));
        }
        List<String> created = new ArrayList<>();
        for (int i : accepted) {
            BatchCreateWorkloadEstimateUsageEntry e = entries.get(i);
            WorkloadLine line = new WorkloadLine(st.uuids.get(), p.nextSeq(), e.serviceCode(), e.usageType(), e.operation(),
                e.usageAccountId(), e.group(), e.amount(), e.historicalUsage(), null);
            w.usage.put(line.id(), line);
            created.add(line.id());
        }
        if (!accepted.isEmpty()) {
            reprice(st, p, c, w);
        }
        List<BatchCreateWorkloadEstimateUsageItem> items = new ArrayList<>();
        for (int n = 0; n < accepted.size(); n++) {
            WorkloadEstimateUsageItem view = Views.workloadLine(w, w.usage.get(created.get(n)), st.prices, c.now());
            items.add(Views.copy(view, BatchCreateWorkloadEstimateUsageItem.builder().key(entries.get(accepted.get(n)).key())));
        }
        BatchCreateWorkloadEstimateUsageResponse response = BatchCreateWorkloadEstimateUsageResponse.builder()
            .items(items).errors(errors).build();
        p.remember(c, r.clientToken(), r, response, TYPE.resourceType(), w.id);
        return response;
    }

    static BatchUpdateWorkloadEstimateUsageResponse updateUsage(PricingCalculatorState st, Partition p, Call c,
                                                                BatchUpdateWorkloadEstimateUsageRequest r) {
        WorkloadEstimate w = find(p, c, r.workloadEstimateId());
        List<BatchUpdateWorkloadEstimateUsageError> errors = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<BatchUpdateWorkloadEstimateUsageEntry> entries = r.usage();
        for (int i = 0; i < entries.size(); i++) {
            BatchUpdateWorkloadEstimateUsageEntry e = entries.get(i);
            String prefix = "usage[" + i + "].";
            WorkloadLine line = w.usage.get(e.id());
            WorkloadEstimateUpdateUsageErrorCode code = null;
            String message = null;
            if (!ids.add(e.id())) {
                code = WorkloadEstimateUpdateUsageErrorCode.BAD_REQUEST;
                message = PricingCalculatorMessages.idTwice(c.operation(), prefix + "id", e.id());
            } else if (p.takeEntryFailure()) {
                code = WorkloadEstimateUpdateUsageErrorCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (line == null) {
                code = WorkloadEstimateUpdateUsageErrorCode.NOT_FOUND;
                message = PricingCalculatorMessages.noSuchLine(c.operation(), prefix + "id", e.id(), "usage line", TYPE, w.id);
            } else if (e.amount() != null && (message = Checks.amountProblem(prefix + "amount", e.amount())) != null) {
                code = WorkloadEstimateUpdateUsageErrorCode.BAD_REQUEST;
                message = c.operation() + ": " + message;
            }
            if (code != null) {
                errors.add(BatchUpdateWorkloadEstimateUsageError.builder().id(e.id()).errorCode(code)
                    .errorMessage(message).build());
                continue;
            }
            w.usage.put(line.id(), line.with(e.group() != null ? e.group() : line.group(),
                e.amount() != null ? e.amount() : line.amount()));
            updated.add(line.id());
        }
        if (!updated.isEmpty()) {
            reprice(st, p, c, w);
        }
        List<WorkloadEstimateUsageItem> items = updated.stream()
            .map(id -> Views.workloadLine(w, w.usage.get(id), st.prices, c.now())).toList();
        return BatchUpdateWorkloadEstimateUsageResponse.builder().items(items).errors(errors).build();
    }

    static BatchDeleteWorkloadEstimateUsageResponse deleteUsage(PricingCalculatorState st, Partition p, Call c,
                                                                BatchDeleteWorkloadEstimateUsageRequest r) {
        WorkloadEstimate w = find(p, c, r.workloadEstimateId());
        List<BatchDeleteWorkloadEstimateUsageError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean changed = false;
        for (int i = 0; i < r.ids().size(); i++) {
            String id = r.ids().get(i);
            WorkloadEstimateUpdateUsageErrorCode code = null;
            String message = null;
            if (!ids.add(id)) {
                code = WorkloadEstimateUpdateUsageErrorCode.BAD_REQUEST;
                message = PricingCalculatorMessages.idTwice(c.operation(), "ids[" + i + "]", id);
            } else if (p.takeEntryFailure()) {
                code = WorkloadEstimateUpdateUsageErrorCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (w.usage.remove(id) == null) {
                code = WorkloadEstimateUpdateUsageErrorCode.NOT_FOUND;
                message = PricingCalculatorMessages.noSuchLine(c.operation(), "ids[" + i + "]", id, "usage line", TYPE, w.id);
            } else {
                changed = true;
            }
            if (code != null) {
                errors.add(BatchDeleteWorkloadEstimateUsageError.builder().id(id).errorCode(code).errorMessage(message)
                    .build());
            }
        }
        if (changed) {
            reprice(st, p, c, w);
        }
        return BatchDeleteWorkloadEstimateUsageResponse.builder().errors(errors).build();
    }

    static ListWorkloadEstimateUsageResponse listUsage(PricingCalculatorState st, Partition p, Call c,
                                                       ListWorkloadEstimateUsageRequest r) {
        WorkloadEstimate w = find(p, c, r.workloadEstimateId());
        List<Filters.Filter> filters = BillScenarioRules.usageFilters(r.filters());
        List<WorkloadEstimateUsageItem> matching = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (WorkloadLine l : w.usage.values()) {
            WorkloadEstimateUsageItem item = Views.workloadLine(w, l, st.prices, c.now());
            Map<String, String> a = new LinkedHashMap<>();
            a.put("USAGE_ACCOUNT_ID", l.usageAccountId());
            a.put("SERVICE_CODE", l.serviceCode());
            a.put("USAGE_TYPE", l.usageType());
            a.put("OPERATION", l.operation());
            a.put("LOCATION", item.location());
            a.put("USAGE_GROUP", l.group());
            if (l.historicalUsage() != null) {
                a.put("HISTORICAL_USAGE_ACCOUNT_ID", l.historicalUsage().usageAccountId());
                a.put("HISTORICAL_SERVICE_CODE", l.historicalUsage().serviceCode());
                a.put("HISTORICAL_USAGE_TYPE", l.historicalUsage().usageType());
                a.put("HISTORICAL_OPERATION", l.historicalUsage().operation());
                a.put("HISTORICAL_LOCATION", l.historicalUsage().location());
            }
            if (Filters.matches(filters, a)) {
                matching.add(item);
                seqs.add(l.seq());
            }
        }
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, w.id, String.valueOf(r.filters()), r.nextToken(),
            r.maxResults(), USAGE_PAGE_SIZE, seqs);
        return ListWorkloadEstimateUsageResponse.builder().items(page.items().stream().map(matching::get).toList())
            .nextToken(page.nextToken()).build();
    }

    /** Prices every line at the rates of now; the estimate shows UPDATING for the configured delay. */
    static void reprice(PricingCalculatorState st, Partition p, Call c, WorkloadEstimate w) {
        for (WorkloadLine l : List.copyOf(w.usage.values())) {
            Optional<Prices.Versioned> rate = st.prices.get(l.rateKey());
            WorkloadLine.Pricing pricing = rate
                .map(v -> new WorkloadLine.Pricing(v.version(),
                    BigDecimal.valueOf(l.amount()).multiply(v.rate().pricePerUnit()), v.rate().unit(), v.rate().location()))
                .orElse(new WorkloadLine.Pricing(WorkloadLine.Pricing.NO_RATE, null, null, null));
            w.usage.put(l.id(), l.priced(pricing));
        }
        w.pricedAt = c.now();
        w.readyAt = c.now().plus(p.workloadEstimateDelay);
    }

    static WorkloadEstimate find(Partition p, Call c, String id) {
        WorkloadEstimate w = p.workloads.get(id);
        if (w == null) {
            throw Errors.notFound(TYPE, id, PricingCalculatorMessages.notFound(c.operation(), TYPE, id));
        }
        return w;
    }
}
