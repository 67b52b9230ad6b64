package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.bcmpricingcalculator.model.AddSavingsPlanAction;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationEntry;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationError;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationErrorCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationAction;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioUsageModificationItem;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GroupSharingPreferenceEnum;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioCommitmentModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioCommitmentModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioUsageModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioUsageModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenariosRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenariosResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillScenarioResponse;

/** Bill scenarios and their usage and commitment modifications. Called with the partition's lock held. */
final class BillScenarioRules {
    static final PricingCalculatorResource TYPE = PricingCalculatorResource.BILL_SCENARIO;
    static final int PAGE_SIZE = 25;

    private BillScenarioRules() {
    }

    // ---- the scenario ------------------------------------------------------------------------

    static CreateBillScenarioResponse create(PricingCalculatorState st, Partition p, Call c, CreateBillScenarioRequest r) {
        Checks.requireBillingAccess(p, c);
        Map<String, String> tags = Checks.creationTags(p, c, r.tags());
        String preference = r.groupSharingPreference() != null ? r.groupSharingPreferenceAsString()
            : GroupSharingPreferenceEnum.OPEN.toString();
        Checks.requireGroupSharing(c, preference, r.costCategoryGroupSharingPreferenceArn());
        CreateBillScenarioResponse replay = p.replay(c, r.clientToken(), r, CreateBillScenarioResponse.class);
        if (replay != null) {
            return replay;
        }
        int max = p.quota(PricingCalculatorQuota.BILL_SCENARIOS);
        if (p.scenarios.size() >= max) {
            throw Errors.quota(PricingCalculatorQuota.BILL_SCENARIOS, TYPE.resourceType(), c.accountId(),
                PricingCalculatorMessages.tooManyResources(c.operation(), TYPE, max, PricingCalculatorQuota.BILL_SCENARIOS));
        }
        BillScenario s = new BillScenario(st.uuids.get(), p.nextSeq(), r.name(), c.now(),
            c.now().plus(p.ttl(TYPE)));
        s.groupSharingPreference = preference;
        s.costCategoryArn = r.costCategoryGroupSharingPreferenceArn();
        s.tags.putAll(tags);
        p.scenarios.put(s.id, s);
        CreateBillScenarioResponse response = Views.copy(Views.scenario(p, s, c.now()), CreateBillScenarioResponse.builder());
        p.remember(c, r.clientToken(), r, response, TYPE.resourceType(), s.id);
        return response;
    }

    static GetBillScenarioResponse get(Partition p, Call c, GetBillScenarioRequest r) {
        Checks.requireBillingAccess(p, c);
        return Views.scenario(p, find(p, c, r.identifier()), c.now());
    }

    static UpdateBillScenarioResponse update(Partition p, Call c, UpdateBillScenarioRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.identifier());
        requireEditable(p, c, s);
        Checks.requireFuture(c, r.expiresAt());
        String preference = r.groupSharingPreference() != null ? r.groupSharingPreferenceAsString() : s.groupSharingPreference;
        String arn = r.costCategoryGroupSharingPreferenceArn() != null ? r.costCategoryGroupSharingPreferenceArn()
            : r.groupSharingPreference() == GroupSharingPreferenceEnum.OPEN ? null : s.costCategoryArn;
        Checks.requireGroupSharing(c, preference, arn);
        if (r.name() != null) {
            s.name = r.name();
        }
        if (r.expiresAt() != null) {
            s.expiresAt = r.expiresAt();
        }
        s.groupSharingPreference = preference;
        s.costCategoryArn = arn;
        return Views.copy(Views.scenario(p, s, c.now()), UpdateBillScenarioResponse.builder());
    }

    static DeleteBillScenarioResponse delete(Partition p, Call c, DeleteBillScenarioRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = p.scenarios.get(r.identifier());
        if (s != null) {
            requireEditable(p, c, s);
            p.scenarios.remove(s.id);
        }
        return DeleteBillScenarioResponse.builder().build();
    }

    static ListBillScenariosResponse list(PricingCalculatorState st, Partition p, Call c, ListBillScenariosRequest r) {
        Checks.requireBillingAccess(p, c);
        List<Filters.Filter> filters = r.filters().stream()
            .map(f -> new Filters.Filter(f.nameAsString(), f.values(), f.matchOptionAsString())).toList();
        List<BillScenarioSummary> matching = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (BillScenario s : p.scenarios.values()) {
            GetBillScenarioResponse view = Views.scenario(p, s, c.now());
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("STATUS", view.statusAsString());
            attributes.put("NAME", s.name);
            attributes.put("GROUP_SHARING_PREFERENCE", s.groupSharingPreference);
            attributes.put("COST_CATEGORY_ARN", s.costCategoryArn);
            if (Filters.matches(filters, attributes) && Filters.within(r.createdAtFilter(), s.createdAt)
                && Filters.within(r.expiresAtFilter(), s.expiresAt)) {
                matching.add(Views.copy(view, BillScenarioSummary.builder()));
                seqs.add(s.seq);
            }
        }
        Pages.Page<Integer> page = page(st, c, "", r.filters() + "|" + r.createdAtFilter() + "|" + r.expiresAtFilter(),
            r.nextToken(), r.maxResults(), seqs);
        return ListBillScenariosResponse.builder().items(page.items().stream().map(matching::get).toList())
            .nextToken(page.nextToken()).build();
    }

    // ---- usage modifications -----------------------------------------------------------------

    static BatchCreateBillScenarioUsageModificationResponse createUsage(PricingCalculatorState st, Partition p, Call c,
                                                                        BatchCreateBillScenarioUsageModificationRequest r) {
        Checks.requireBillingAccess(p, c);
        BatchCreateBillScenarioUsageModificationResponse replay =
            p.replay(c, r.clientToken(), r, BatchCreateBillScenarioUsageModificationResponse.class);
        if (replay != null) {
            return replay;
        }
        BillScenario s = find(p, c, r.billScenarioId());
        requireEditable(p, c, s);
        List<BatchCreateBillScenarioUsageModificationEntry> entries = r.usageModifications();
        List<BatchCreateBillScenarioUsageModificationError> errors = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            BatchCreateBillScenarioUsageModificationEntry e = entries.get(i);
            String prefix = "usageModifications[" + i + "].";
            BatchCreateBillScenarioUsageModificationErrorCode code = null;
            String message = null;
            if (!keys.add(e.key())) {
                code = BatchCreateBillScenarioUsageModificationErrorCode.CONFLICT;
                message = PricingCalculatorMessages.keyTwice(c.operation(), prefix + "key", e.key());
            } else if (p.takeEntryFailure()) {
                code = BatchCreateBillScenarioUsageModificationErrorCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (!p.inFamily(e.usageAccountId())) {
                code = BatchCreateBillScenarioUsageModificationErrorCode.BAD_REQUEST;
                message = PricingCalculatorMessages.notInFamily(c.operation(), prefix + "usageAccountId",
                    e.usageAccountId(), p.accountId, p.linkedAccounts);
            } else {
                message = Checks.amountsProblem(s, prefix, e.amounts());
                if (message == null) {
                    message = Checks.historicalProblem(prefix, e.historicalUsage());
                }
                if (message != null) {
                    code = BatchCreateBillScenarioUsageModificationErrorCode.BAD_REQUEST;
                    message = c.operation() + ": " + message;
                }
            }
            if (code != null) {
                errors.add(BatchCreateBillScenarioUsageModificationError.builder().key(e.key()).errorCode(code)
                    .errorMessage(message).build());
            } else {
                accepted.add(i);
            }
        }
        int max = p.quota(PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO);
        if (s.usage.size() + accepted.size() > max) {
            throw Errors.quota(PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO, TYPE.resourceType(), s.id,
                PricingCalculatorMessages.tooManyLines(c.operation(), TYPE, s.id, s.usage.size(), accepted.size(), max,
                    PricingCalculatorQuota.USAGE_LINES_PER_BILL_SCENARIO));
        }
        List<BatchCreateBillScenarioUsageModificationItem> items = new ArrayList<>();
        for (int i : accepted) {
            BatchCreateBillScenarioUsageModificationEntry e = entries.get(i);
            Rate rate = st.prices.get(new Rate.RateKey(e.serviceCode(), e.usageType(), e.operation()))
                .map(Prices.Versioned::rate).orElse(null);
            UsageLine line = new UsageLine(st.uuids.get(), p.nextSeq(), e.serviceCode(), e.usageType(), e.operation(),
                e.availabilityZone(), e.group(), e.usageAccountId(), e.amounts(), e.historicalUsage(),
                rate != null ? rate.unit() : null, rate != null ? rate.location() : null);
            s.usage.put(line.id(), line);
            items.add(Views.copy(line.toItem(), BatchCreateBillScenarioUsageModificationItem.builder().key(e.key())));
        }
        BatchCreateBillScenarioUsageModificationResponse response = BatchCreateBillScenarioUsageModificationResponse
            .builder().items(items).errors(errors).build();
        p.remember(c, r.clientToken(), r, response, TYPE.resourceType(), s.id);
        return response;
    }

    static BatchUpdateBillScenarioUsageModificationResponse updateUsage(PricingCalculatorState st, Partition p, Call c,
                                                                        BatchUpdateBillScenarioUsageModificationRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.billScenarioId());
        requireEditable(p, c, s);
        List<BatchUpdateBillScenarioUsageModificationError> errors = new ArrayList<>();
        List<BillScenarioUsageModificationItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<BatchUpdateBillScenarioUsageModificationEntry> entries = r.usageModifications();
        for (int i = 0; i < entries.size(); i++) {
            BatchUpdateBillScenarioUsageModificationEntry e = entries.get(i);
            String prefix = "usageModifications[" + i + "].";
            UsageLine line = s.usage.get(e.id());
            BatchUpdateBillScenarioUsageModificationErrorCode code = null;
            String message = null;
            if (!ids.add(e.id())) {
                code = BatchUpdateBillScenarioUsageModificationErrorCode.BAD_REQUEST;
                message = PricingCalculatorMessages.idTwice(c.operation(), prefix + "id", e.id());
            } else if (p.takeEntryFailure()) {
                code = BatchUpdateBillScenarioUsageModificationErrorCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (line == null) {
                code = BatchUpdateBillScenarioUsageModificationErrorCode.NOT_FOUND;
                message = PricingCalculatorMessages.noSuchLine(c.operation(), prefix + "id", e.id(), "usage line", TYPE, s.id);
            } else if (e.hasAmounts() && (message = Checks.amountsProblem(s, prefix, e.amounts())) != null) {
                code = BatchUpdateBillScenarioUsageModificationErrorCode.BAD_REQUEST;
                message = c.operation() + ": " + message;
            }
            if (code != null) {
                errors.add(BatchUpdateBillScenarioUsageModificationError.builder().id(e.id()).errorCode(code)
                    .errorMessage(message).build());
                continue;
            }
            Rate rate = st.prices.get(line.rateKey()).map(Prices.Versioned::rate).orElse(null);
            UsageLine updated = line.with(e.group() != null ? e.group() : line.group(),
                e.hasAmounts() ? e.amounts() : line.amounts(), rate != null ? rate.unit() : line.unit(),
                rate != null ? rate.location() : line.location());
            s.usage.put(updated.id(), updated);
            items.add(updated.toItem());
        }
        return BatchUpdateBillScenarioUsageModificationResponse.builder().items(items).errors(errors).build();
    }

    static BatchDeleteBillScenarioUsageModificationResponse deleteUsage(Partition p, Call c,
                                                                        BatchDeleteBillScenarioUsageModificationRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.billScenarioId());
        requireEditable(p, c, s);
        List<BatchDeleteBillScenarioUsageModificationError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.ids().size(); i++) {
            String id = r.ids().get(i);
            if (!ids.add(id)) {
                errors.add(BatchDeleteBillScenarioUsageModificationError.builder().id(id)
                    .errorCode(BatchDeleteBillScenarioUsageModificationErrorCode.BAD_REQUEST)
                    .errorMessage(PricingCalculatorMessages.idTwice(c.operation(), "ids[" + i + "]", id)).build());
            } else if (p.takeEntryFailure()) {
                errors.add(BatchDeleteBillScenarioUsageModificationError.builder().id(id)
                    .errorCode(BatchDeleteBillScenarioUsageModificationErrorCode.INTERNAL_SERVER_ERROR)
                    .errorMessage(PricingCalculatorMessages.injectedEntryFailure(c.operation())).build());
            } else {
                s.usage.remove(id); // an unknown id is already deleted: the model has no NOT_FOUND here
            }
        }
        return BatchDeleteBillScenarioUsageModificationResponse.builder().errors(errors).build();
    }

    static ListBillScenarioUsageModificationsResponse listUsage(PricingCalculatorState st, Partition p, Call c,
                                                                ListBillScenarioUsageModificationsRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.billScenarioId());
        List<Filters.Filter> filters = usageFilters(r.filters());
        List<UsageLine> matching = s.usage.values().stream().map(l -> l.priced(st.prices))
            .filter(l -> Filters.matches(filters, usageAttributes(l))).toList();
        Pages.Page<Integer> page = page(st, c, s.id, String.valueOf(r.filters()), r.nextToken(), r.maxResults(),
            matching.stream().map(UsageLine::seq).toList());
        return ListBillScenarioUsageModificationsResponse.builder()
            .items(page.items().stream().map(i -> matching.get(i).toItem()).toList()).nextToken(page.nextToken()).build();
    }

    static List<Filters.Filter> usageFilters(
        List<software.amazon.awssdk.services.bcmpricingcalculator.model.ListUsageFilter> filters) {
        return filters.stream().map(f -> new Filters.Filter(f.nameAsString(), f.values(), f.matchOptionAsString())).toList();
    }

    /** The attributes usage filters read, by filter name. */
    static Map<String, String> usageAttributes(UsageLine l) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("USAGE_ACCOUNT_ID", l.usageAccountId());
        a.put("SERVICE_CODE", l.serviceCode());
        a.put("USAGE_TYPE", l.usageType());
        a.put("OPERATION", l.operation());
        a.put("LOCATION", l.location());
        a.put("USAGE_GROUP", l.group());
        if (l.historicalUsage() != null) {
            a.put("HISTORICAL_USAGE_ACCOUNT_ID", l.historicalUsage().usageAccountId());
            a.put("HISTORICAL_SERVICE_CODE", l.historicalUsage().serviceCode());
            a.put("HISTORICAL_USAGE_TYPE", l.historicalUsage().usageType());
            a.put("HISTORICAL_OPERATION", l.historicalUsage().operation());
            a.put("HISTORICAL_LOCATION", l.historicalUsage().location());
        }
        return a;
    }

    // ---- commitment modifications ------------------------------------------------------------

    static BatchCreateBillScenarioCommitmentModificationResponse createCommitments(
        PricingCalculatorState st, Partition p, Call c, BatchCreateBillScenarioCommitmentModificationRequest r) {
        Checks.requireBillingAccess(p, c);
        List<BatchCreateBillScenarioCommitmentModificationEntry> entries = r.commitmentModifications();
        for (int i = 0; i < entries.size(); i++) {
            requireCompleteAction(c, "commitmentModifications." + (i + 1) + ".member.commitmentAction",
                entries.get(i).commitmentAction());
        }
        BatchCreateBillScenarioCommitmentModificationResponse replay =
            p.replay(c, r.clientToken(), r, BatchCreateBillScenarioCommitmentModificationResponse.class);
        if (replay != null) {
            return replay;
        }
        BillScenario s = find(p, c, r.billScenarioId());
        requireEditable(p, c, s);
        List<BatchCreateBillScenarioCommitmentModificationError> errors = new ArrayList<>();
        List<BatchCreateBillScenarioCommitmentModificationItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            BatchCreateBillScenarioCommitmentModificationEntry e = entries.get(i);
            String prefix = "commitmentModifications[" + i + "].";
            BatchCreateBillScenarioCommitmentModificationErrorCode code = null;
            String message = null;
            if (!keys.add(e.key())) {
                code = BatchCreateBillScenarioCommitmentModificationErrorCode.CONFLICT;
                message = PricingCalculatorMessages.keyTwice(c.operation(), prefix + "key", e.key());
            } else if (p.takeEntryFailure()) {
                code = BatchCreateBillScenarioCommitmentModificationErrorCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (!p.inFamily(e.usageAccountId())) {
                code = BatchCreateBillScenarioCommitmentModificationErrorCode.INVALID_ACCOUNT;
                message = PricingCalculatorMessages.notInFamily(c.operation(), prefix + "usageAccountId",
                    e.usageAccountId(), p.accountId, p.linkedAccounts);
            }
            if (code != null) {
                errors.add(BatchCreateBillScenarioCommitmentModificationError.builder().key(e.key()).errorCode(code)
                    .errorMessage(message).build());
                continue;
            }
            CommitmentLine line = new CommitmentLine(st.uuids.get(), p.nextSeq(), e.group(), e.usageAccountId(),
                e.commitmentAction());
            s.commitments.put(line.id(), line);
            items.add(Views.copy(line.toItem(), BatchCreateBillScenarioCommitmentModificationItem.builder().key(e.key())));
        }
        BatchCreateBillScenarioCommitmentModificationResponse response =
            BatchCreateBillScenarioCommitmentModificationResponse.builder().items(items).errors(errors).build();
        p.remember(c, r.clientToken(), r, response, TYPE.resourceType(), s.id);
        return response;
    }

    /** The action's own members: the model leaves them optional, but no action means anything without them. */
    private static void requireCompleteAction(Call c, String field, BillScenarioCommitmentModificationAction a) {
        String missing = null;
        if (a.addReservedInstanceAction() != null) {
            if (a.addReservedInstanceAction().reservedInstancesOfferingId() == null) {
                missing = "addReservedInstanceAction.reservedInstancesOfferingId";
            } else if (a.addReservedInstanceAction().instanceCount() == null) {
                missing = "addReservedInstanceAction.instanceCount";
            }
        } else if (a.addSavingsPlanAction() != null) {
            AddSavingsPlanAction sp = a.addSavingsPlanAction();
            if (sp.savingsPlanOfferingId() == null) {
                missing = "addSavingsPlanAction.savingsPlanOfferingId";
            } else if (sp.commitment() == null) {
                missing = "addSavingsPlanAction.commitment";
            } else if (BigDecimal.valueOf(sp.commitment()).stripTrailingZeros().scale() > 5) {
                throw Errors.invalid(field + ".addSavingsPlanAction.commitment",
                    PricingCalculatorMessages.tooManyDecimals(c.operation(), field + ".addSavingsPlanAction.commitment",
                        sp.commitment()));
            }
        } else if (a.negateReservedInstanceAction() != null) {
            if (a.negateReservedInstanceAction().reservedInstancesId() == null) {
                missing = "negateReservedInstanceAction.reservedInstancesId";
            }
        } else if (a.negateSavingsPlanAction() != null && a.negateSavingsPlanAction().savingsPlanId() == null) {
            missing = "negateSavingsPlanAction.savingsPlanId";
        }
        if (missing != null) {
            throw Errors.invalid(field + "." + missing,
                PricingCalculatorMessages.actionMemberMissing(c.operation(), field + "." + missing));
        }
    }

    static BatchUpdateBillScenarioCommitmentModificationResponse updateCommitments(
        Partition p, Call c, BatchUpdateBillScenarioCommitmentModificationRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.billScenarioId());
        requireEditable(p, c, s);
        List<BatchUpdateBillScenarioCommitmentModificationError> errors = new ArrayList<>();
        List<BillScenarioCommitmentModificationItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<BatchUpdateBillScenarioCommitmentModificationEntry> entries = r.commitmentModifications();
        for (int i = 0; i < entries.size(); i++) {
            BatchUpdateBillScenarioCommitmentModificationEntry e = entries.get(i);
            String prefix = "commitmentModifications[" + i + "].";
            CommitmentLine line = s.commitments.get(e.id());
            BatchUpdateBillScenarioCommitmentModificationErrorCode code = null;
            String message = null;
            if (!ids.add(e.id())) {
                code = BatchUpdateBillScenarioCommitmentModificationErrorCode.BAD_REQUEST;
                message = PricingCalculatorMessages.idTwice(c.operation(), prefix + "id", e.id());
            } else if (p.takeEntryFailure()) {
                code = BatchUpdateBillScenarioCommitmentModificationErrorCode.INTERNAL_SERVER_ERROR;
                message = PricingCalculatorMessages.injectedEntryFailure(c.operation());
            } else if (line == null) {
                code = BatchUpdateBillScenarioCommitmentModificationErrorCode.NOT_FOUND;
                message = PricingCalculatorMessages.noSuchLine(c.operation(), prefix + "id", e.id(),
                    "commitment modification", TYPE, s.id);
            }
            if (code != null) {
                errors.add(BatchUpdateBillScenarioCommitmentModificationError.builder().id(e.id()).errorCode(code)
                    .errorMessage(message).build());
                continue;
            }
            CommitmentLine updated = e.group() != null ? line.withGroup(e.group()) : line;
            s.commitments.put(updated.id(), updated);
            items.add(updated.toItem());
        }
        return BatchUpdateBillScenarioCommitmentModificationResponse.builder().items(items).errors(errors).build();
    }

    static BatchDeleteBillScenarioCommitmentModificationResponse deleteCommitments(
        Partition p, Call c, BatchDeleteBillScenarioCommitmentModificationRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.billScenarioId());
        requireEditable(p, c, s);
        List<BatchDeleteBillScenarioCommitmentModificationError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.ids().size(); i++) {
            String id = r.ids().get(i);
            if (!ids.add(id)) {
                errors.add(BatchDeleteBillScenarioCommitmentModificationError.builder().id(id)
                    .errorCode(BatchDeleteBillScenarioCommitmentModificationErrorCode.BAD_REQUEST)
                    .errorMessage(PricingCalculatorMessages.idTwice(c.operation(), "ids[" + i + "]", id)).build());
            } else if (p.takeEntryFailure()) {
                errors.add(BatchDeleteBillScenarioCommitmentModificationError.builder().id(id)
                    .errorCode(BatchDeleteBillScenarioCommitmentModificationErrorCode.INTERNAL_SERVER_ERROR)
                    .errorMessage(PricingCalculatorMessages.injectedEntryFailure(c.operation())).build());
            } else {
                s.commitments.remove(id);
            }
        }
        return BatchDeleteBillScenarioCommitmentModificationResponse.builder().errors(errors).build();
    }

    static ListBillScenarioCommitmentModificationsResponse listCommitments(
        PricingCalculatorState st, Partition p, Call c, ListBillScenarioCommitmentModificationsRequest r) {
        Checks.requireBillingAccess(p, c);
        BillScenario s = find(p, c, r.billScenarioId());
        List<CommitmentLine> lines = List.copyOf(s.commitments.values());
        Pages.Page<Integer> page = page(st, c, s.id, "", r.nextToken(), r.maxResults(),
            lines.stream().map(CommitmentLine::seq).toList());
        return ListBillScenarioCommitmentModificationsResponse.builder()
            .items(page.items().stream().map(i -> lines.get(i).toItem()).toList()).nextToken(page.nextToken()).build();
    }

    // ---- shared ------------------------------------------------------------------------------

    static BillScenario find(Partition p, Call c, String id) {
        BillScenario s = p.scenarios.get(id);
        if (s == null) {
            throw Errors.notFound(TYPE, id, PricingCalculatorMessages.notFound(c.operation(), TYPE, id));
        }
        return s;
    }

    /** Edits wait while an estimate is generated from the scenario: it is LOCKED. */
    static void requireEditable(Partition p, Call c, BillScenario s) {
        if (p.status(s, c.now()) == BillScenarioStatus.LOCKED) {
            BillEstimate e = p.generating(s, c.now());
            throw Errors.conflict(TYPE.resourceType(), s.id,
                PricingCalculatorMessages.scenarioLocked(c.operation(), s.id, e.id, e.completesAt));
        }
    }

    /** A page over positions 0..n-1 of a list whose items carry {@code seqs} (ascending). */
    static Pages.Page<Integer> page(PricingCalculatorState st, Call c, String scope, String filters, String nextToken,
                                    Integer maxResults, List<Long> seqs) {
        return page(st, c, scope, filters, nextToken, maxResults, PAGE_SIZE, seqs);
    }

    static Pages.Page<Integer> page(PricingCalculatorState st, Call c, String scope, String filters, String nextToken,
                                    Integer maxResults, int defaultMax, List<Long> seqs) {
        List<Integer> positions = new ArrayList<>(seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            positions.add(i);
        }
        return st.pages.page(c, scope, filters, nextToken, maxResults, defaultMax, positions, seqs::get);
    }
}
