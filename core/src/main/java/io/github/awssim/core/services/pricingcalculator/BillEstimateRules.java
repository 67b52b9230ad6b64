package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateCommitmentSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateCostSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateInputCommitmentModificationSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateInputUsageModificationSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateLineItemSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioCommitmentModificationAction;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioStatus;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CostAmount;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CostDifference;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CurrencyCode;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateCommitmentsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateCommitmentsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputCommitmentModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputCommitmentModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputUsageModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputUsageModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateLineItemsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateLineItemsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimatesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimatesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.PurchaseAgreementType;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageAmount;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UsageQuantityResult;

/** Bill estimates: generation on the simulation clock, the result, its lists. Called with the partition's lock held. */
final class BillEstimateRules {
    static final PricingCalculatorResource TYPE = PricingCalculatorResource.BILL_ESTIMATE;
    /** Line items of modeled usage. */
    static final String USAGE_LINE_ITEM = "Usage";
    /** The service code commitment fees are summed under in the cost summary. */
    static final String RESERVED_INSTANCE_SERVICE = "AmazonEC2";
    static final String SAVINGS_PLANS_SERVICE = "ComputeSavingsPlans";

    private BillEstimateRules() {
    }

    static CreateBillEstimateResponse create(PricingCalculatorState st, Partition p, Call c, CreateBillEstimateRequest r) {
        Checks.requireBillingAccess(p, c);
        Map<String, String> tags = Checks.creationTags(p, c, r.tags());
        CreateBillEstimateResponse replay = p.replay(c, r.clientToken(), r, CreateBillEstimateResponse.class);
        if (replay != null) {
            return replay;
        }
        BillScenario s = BillScenarioRules.find(p, c, r.billScenarioId());
        BillScenarioStatus status = p.status(s, c.now());
        if (status == BillScenarioStatus.LOCKED) {
            BillScenarioRules.requireEditable(p, c, s);
        }
        if (status == BillScenarioStatus.STALE) {
            throw Errors.conflict(BillScenarioRules.TYPE.resourceType(), s.id,
                PricingCalculatorMessages.scenarioStale(c.operation(), s.id, s.intervalStart, s.intervalEnd));
        }
        requireUniqueName(p, c, r.name(), null);
        String failure = p.takeEstimateFailure();
        BillEstimate.Result result = failure != null ? BillEstimate.Result.failed(failure) : compute(st, p, s);
        List<UsageLine> input = s.usage.values().stream().map(l -> l.priced(st.prices)).toList();
        BillEstimate e = new BillEstimate(st.uuids.get(), p.nextSeq(), r.name(), s, input, c.now(),
            c.now().plus(p.billEstimateDelay), c.now().plus(p.ttl(TYPE)), result);
        e.tags.putAll(tags);
        p.estimates.put(e.id, e);
        CreateBillEstimateResponse response = Views.copy(Views.estimate(e, c.now()), CreateBillEstimateResponse.builder());
        p.remember(c, r.clientToken(), r, response, TYPE.resourceType(), e.id);
        return response;
    }

    /**
     * The estimated bill: each usage line's amounts summed and multiplied by its rate, aggregated per (usage
     * account, service code, usage type, operation, Availability Zone); added commitments' fees; removed
     * commitments' fees taken out of the historical bill. Every missing price makes the estimate fail with a
     * message naming them all.
     */
    static BillEstimate.Result compute(PricingCalculatorState st, Partition p, BillScenario s) {
        List<String> missing = new ArrayList<>();
        Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<List<String>, Rate> rates = new LinkedHashMap<>();
        for (UsageLine l : s.usage.values()) {
            Optional<Prices.Versioned> rate = st.prices.get(l.rateKey());
            if (rate.isEmpty()) {
                missing.add(PricingCalculatorMessages.missingUsageRate(l.rateKey(), l.id()));
                continue;
            }
            BigDecimal quantity = BigDecimal.ZERO;
            for (UsageAmount a : l.amounts()) {
                quantity = quantity.add(BigDecimal.valueOf(a.amount()));
            }
            List<String> key = java.util.Arrays.asList(l.usageAccountId(), l.serviceCode(), l.usageType(), l.operation(),
                l.availabilityZone());
            BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(quantity);
            sum[1] = sum[1].add(quantity.multiply(rate.get().rate().pricePerUnit()));
            rates.put(key, rate.get().rate());
        }

        Map<String, BigDecimal[]> services = new LinkedHashMap<>(); // service → {historical, estimated}
        List<BillEstimateLineItemSummary> lineItems = new ArrayList<>();
        for (Map.Entry<List<String>, BigDecimal[]> e : sums.entrySet()) {
            List<String> k = e.getKey();
            Rate rate = rates.get(k);
            lineItems.add(BillEstimateLineItemSummary.builder()
                .id(st.uuids.get()).lineItemType(USAGE_LINE_ITEM).payerAccountId(p.accountId)
                .usageAccountId(k.get(0)).serviceCode(k.get(1)).usageType(k.get(2)).operation(k.get(3))
                .availabilityZone(k.get(4)).location(rate.location())
                .estimatedUsageQuantity(quantity(e.getValue()[0], rate.unit()))
                .estimatedCost(usd(e.getValue()[1]))
                .historicalUsageQuantity(quantity(BigDecimal.ZERO, rate.unit()))
                .historicalCost(usd(BigDecimal.ZERO))
                .build());
            add(services, k.get(1), BigDecimal.ZERO, e.getValue()[1]);
        }

        Duration month = Duration.between(s.intervalStart, s.intervalEnd);
        BigDecimal hours = BigDecimal.valueOf(month.toHours());
        List<BillEstimateCommitmentSummary> commitments = new ArrayList<>();
        for (CommitmentLine cl : s.commitments.values()) {
            BillScenarioCommitmentModificationAction a = cl.action();
            if (a.addReservedInstanceAction() != null) {
                String offering = a.addReservedInstanceAction().reservedInstancesOfferingId();
                Optional<Prices.CommitmentPrice> price = st.prices.commitment(offering);
                if (price.isEmpty()) {
                    missing.add(PricingCalculatorMessages.missingOfferingPrice(offering, cl.id()));
                    continue;
                }
                BigDecimal count = BigDecimal.valueOf(a.addReservedInstanceAction().instanceCount());
                BigDecimal upfront = price.get().upfrontPayment().multiply(count);
                BigDecimal monthly = price.get().monthlyPayment().multiply(count);
                commitments.add(commitment(st, cl, PurchaseAgreementType.RESERVED_INSTANCE, offering, upfront, monthly));
                add(services, RESERVED_INSTANCE_SERVICE, BigDecimal.ZERO, upfront.add(monthly));
            } else if (a.addSavingsPlanAction() != null) {
                BigDecimal monthly = BigDecimal.valueOf(a.addSavingsPlanAction().commitment()).multiply(hours);
                commitments.add(commitment(st, cl, PurchaseAgreementType.SAVINGS_PLANS,
                    a.addSavingsPlanAction().savingsPlanOfferingId(), BigDecimal.ZERO, monthly));
                add(services, SAVINGS_PLANS_SERVICE, BigDecimal.ZERO, monthly);
            } else {
                boolean ri = a.negateReservedInstanceAction() != null;
                String id = ri ? a.negateReservedInstanceAction().reservedInstancesId()
                    : a.negateSavingsPlanAction().savingsPlanId();
                Optional<Prices.CommitmentPrice> price = st.prices.commitment(id);
                if (price.isEmpty()) {
                    missing.add(PricingCalculatorMessages.missingExistingCommitmentPrice(ri, id, cl.id()));
                    continue;
                }
                // An existing commitment was on the historical bill; the estimated bill no longer has it.
                add(services, ri ? RESERVED_INSTANCE_SERVICE : SAVINGS_PLANS_SERVICE, price.get().monthlyPayment(),
                    BigDecimal.ZERO);
            }
        }
        if (!missing.isEmpty()) {
            return BillEstimate.Result.failed(PricingCalculatorMessages.estimateMissingPrices(missing));
        }
        BigDecimal historical = BigDecimal.ZERO;
        BigDecimal estimated = BigDecimal.ZERO;
        Map<String, CostDifference> perService = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal[]> e : services.entrySet()) {
            historical = historical.add(e.getValue()[0]);
            estimated = estimated.add(e.getValue()[1]);
            perService.put(e.getKey(), difference(e.getValue()[0], e.getValue()[1]));
        }
        BillEstimateCostSummary summary = BillEstimateCostSummary.builder()
            .totalCostDifference(difference(historical, estimated)).serviceCostDifferences(perService).build();
        return new BillEstimate.Result(null, lineItems, commitments, summary);
    }

    private static BillEstimateCommitmentSummary commitment(PricingCalculatorState st, CommitmentLine cl,
                                                            PurchaseAgreementType type, String offering,
                                                            BigDecimal upfront, BigDecimal monthly) {
        return BillEstimateCommitmentSummary.builder().id(st.uuids.get()).purchaseAgreementType(type).offeringId(offering)
            .usageAccountId(cl.usageAccountId()).upfrontPayment(usd(upfront)).monthlyPayment(usd(monthly)).build();
    }

    private static void add(Map<String, BigDecimal[]> services, String service, BigDecimal historical,
                            BigDecimal estimated) {
        BigDecimal[] sum = services.computeIfAbsent(service, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sum[0] = sum[0].add(historical);
        sum[1] = sum[1].add(estimated);
    }

    private static CostDifference difference(BigDecimal historical, BigDecimal estimated) {
        return CostDifference.builder().historicalCost(usd(historical)).estimatedCost(usd(estimated)).build();
    }

    static CostAmount usd(BigDecimal amount) {
        return CostAmount.builder().amount(amount.doubleValue()).currency(CurrencyCode.USD).build();
    }

    private static UsageQuantityResult quantity(BigDecimal amount, String unit) {
        return UsageQuantityResult.builder().amount(amount.doubleValue()).unit(unit).build();
    }

    static GetBillEstimateResponse get(Partition p, Call c, GetBillEstimateRequest r) {
        Checks.requireBillingAccess(p, c);
        return Views.estimate(find(p, c, r.identifier()), c.now());
    }

    static UpdateBillEstimateResponse update(Partition p, Call c, UpdateBillEstimateRequest r) {
        Checks.requireBillingAccess(p, c);
        BillEstimate e = find(p, c, r.identifier());
        if (r.name() != null) {
            requireUniqueName(p, c, r.name(), e.id);
        }
        Checks.requireFuture(c, r.expiresAt());
        if (r.name() != null) {
            e.name = r.name();
        }
        if (r.expiresAt() != null) {
            e.expiresAt = r.expiresAt();
        }
        return Views.copy(Views.estimate(e, c.now()), UpdateBillEstimateResponse.builder());
    }

    static DeleteBillEstimateResponse delete(Partition p, Call c, DeleteBillEstimateRequest r) {
        Checks.requireBillingAccess(p, c);
        BillEstimate e = p.estimates.get(r.identifier());
        if (e != null) {
            if (e.status(c.now()) == BillEstimateStatus.IN_PROGRESS) {
                throw Errors.conflict(TYPE.resourceType(), e.id,
                    PricingCalculatorMessages.estimateInProgress(c.operation(), e.id, e.completesAt));
            }
            p.estimates.remove(e.id);
        }
        return DeleteBillEstimateResponse.builder().build();
    }

    static ListBillEstimatesResponse list(PricingCalculatorState st, Partition p, Call c, ListBillEstimatesRequest r) {
        Checks.requireBillingAccess(p, c);
        List<Filters.Filter> filters = r.filters().stream()
            .map(f -> new Filters.Filter(f.nameAsString(), f.values(), f.matchOptionAsString())).toList();
        List<BillEstimateSummary> matching = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (BillEstimate e : p.estimates.values()) {
            Map<String, String> attributes = Map.of("STATUS", e.status(c.now()).toString(), "NAME", e.name);
            if (Filters.matches(filters, attributes) && Filters.within(r.createdAtFilter(), e.createdAt)
                && Filters.within(r.expiresAtFilter(), e.expiresAt)) {
                matching.add(Views.copy(Views.estimate(e, c.now()), BillEstimateSummary.builder()));
                seqs.add(e.seq);
            }
        }
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, "",
            r.filters() + "|" + r.createdAtFilter() + "|" + r.expiresAtFilter(), r.nextToken(), r.maxResults(), seqs);
        return ListBillEstimatesResponse.builder().items(page.items().stream().map(matching::get).toList())
            .nextToken(page.nextToken()).build();
    }

    static ListBillEstimateLineItemsResponse listLineItems(PricingCalculatorState st, Partition p, Call c,
                                                           ListBillEstimateLineItemsRequest r) {
        Checks.requireBillingAccess(p, c);
        BillEstimate e = requireComplete(p, c, r.billEstimateId());
        List<Filters.Filter> filters = r.filters().stream()
            .map(f -> new Filters.Filter(f.nameAsString(), f.values(), f.matchOptionAsString())).toList();
        List<BillEstimateLineItemSummary> matching = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<BillEstimateLineItemSummary> all = e.result.lineItems();
        for (int i = 0; i < all.size(); i++) {
            BillEstimateLineItemSummary li = all.get(i);
            Map<String, String> a = new LinkedHashMap<>();
            a.put("USAGE_ACCOUNT_ID", li.usageAccountId());
            a.put("SERVICE_CODE", li.serviceCode());
            a.put("USAGE_TYPE", li.usageType());
            a.put("OPERATION", li.operation());
            a.put("LOCATION", li.location());
            a.put("LINE_ITEM_TYPE", li.lineItemType());
            if (Filters.matches(filters, a)) {
                matching.add(li);
                seqs.add((long) i + 1);
            }
        }
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, e.id, String.valueOf(r.filters()), r.nextToken(),
            r.maxResults(), seqs);
        return ListBillEstimateLineItemsResponse.builder().items(page.items().stream().map(matching::get).toList())
            .nextToken(page.nextToken()).build();
    }

    static ListBillEstimateCommitmentsResponse listCommitments(PricingCalculatorState st, Partition p, Call c,
                                                               ListBillEstimateCommitmentsRequest r) {
        Checks.requireBillingAccess(p, c);
        BillEstimate e = requireComplete(p, c, r.billEstimateId());
        List<BillEstimateCommitmentSummary> all = e.result.commitments();
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            seqs.add((long) i + 1);
        }
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, e.id, "", r.nextToken(), r.maxResults(), seqs);
        return ListBillEstimateCommitmentsResponse.builder().items(page.items().stream().map(all::get).toList())
            .nextToken(page.nextToken()).build();
    }

    static ListBillEstimateInputUsageModificationsResponse listInputUsage(
        PricingCalculatorState st, Partition p, Call c, ListBillEstimateInputUsageModificationsRequest r) {
        Checks.requireBillingAccess(p, c);
        BillEstimate e = find(p, c, r.billEstimateId());
        List<Filters.Filter> filters = BillScenarioRules.usageFilters(r.filters());
        List<UsageLine> matching = e.inputUsage.stream()
            .filter(l -> Filters.matches(filters, BillScenarioRules.usageAttributes(l))).toList();
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, e.id, String.valueOf(r.filters()), r.nextToken(),
            r.maxResults(), matching.stream().map(UsageLine::seq).toList());
        return ListBillEstimateInputUsageModificationsResponse.builder()
            .items(page.items().stream().map(i -> Views.copy(matching.get(i).toItem(),
                BillEstimateInputUsageModificationSummary.builder())).toList())
            .nextToken(page.nextToken()).build();
    }

    static ListBillEstimateInputCommitmentModificationsResponse listInputCommitments(
        PricingCalculatorState st, Partition p, Call c, ListBillEstimateInputCommitmentModificationsRequest r) {
        Checks.requireBillingAccess(p, c);
        BillEstimate e = find(p, c, r.billEstimateId());
        List<CommitmentLine> lines = e.inputCommitments;
        Pages.Page<Integer> page = BillScenarioRules.page(st, c, e.id, "", r.nextToken(), r.maxResults(),
            lines.stream().map(CommitmentLine::seq).toList());
        return ListBillEstimateInputCommitmentModificationsResponse.builder()
            .items(page.items().stream().map(i -> Views.copy(lines.get(i).toItem(),
                BillEstimateInputCommitmentModificationSummary.builder())).toList())
            .nextToken(page.nextToken()).build();
    }

    static BillEstimate find(Partition p, Call c, String id) {
        BillEstimate e = p.estimates.get(id);
        if (e == null) {
            throw Errors.notFound(TYPE, id, PricingCalculatorMessages.notFound(c.operation(), TYPE, id));
        }
        return e;
    }

    /** Line items and commitments exist once the estimate is COMPLETE; before, and after a failure, they are unavailable. */
    private static BillEstimate requireComplete(Partition p, Call c, String id) {
        BillEstimate e = find(p, c, id);
        BillEstimateStatus status = e.status(c.now());
        if (status != BillEstimateStatus.COMPLETE) {
            throw Errors.dataUnavailable(PricingCalculatorMessages.estimateNotComplete(c.operation(), e.id, status,
                e.completesAt));
        }
        return e;
    }

    /** "Names must be unique for an account" (CreateBillEstimate's name). */
    private static void requireUniqueName(Partition p, Call c, String name, String self) {
        for (BillEstimate other : p.estimates.values()) {
            if (other.name.equals(name) && !Objects.equals(other.id, self)) {
                throw Errors.conflict(TYPE.resourceType(), other.id,
                    PricingCalculatorMessages.estimateNameTaken(c.operation(), name, other.id));
            }
        }
    }
}
