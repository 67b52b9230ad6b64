package io.github.awssim.core.services.pricingcalculator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioStatus;

/**
 * Pricing Calculator in one account and region: its resources, preferences, knobs and ClientToken memory. Not
 * thread-safe by itself: {@link PricingCalculatorSimulator} holds this partition's lock around every rule and
 * every typed-API access, so a rule's checks and its commit are one step.
 */
final class Partition {
    /** How many ClientTokens a partition remembers (most recent first), so long runs stay bounded. */
    static final int CLIENT_TOKENS_REMEMBERED = 10_000;

    /** What a ClientToken's first use left: the request (to tell a replay from a conflict) and its answer. */
    private record TokenUse(SdkPojo request, Object response, String resourceType, String resourceId) {
    }

    final String accountId;
    final String region;

    // resources, in creation order
    final Map<String, BillScenario> scenarios = new LinkedHashMap<>();
    final Map<String, BillEstimate> estimates = new LinkedHashMap<>();
    final Map<String, WorkloadEstimate> workloads = new LinkedHashMap<>();

    // preferences: null until set
    List<String> managementRateTypes;
    List<String> memberRateTypes;
    List<String> standaloneRateTypes;

    // knobs
    AccountType accountType = AccountType.STANDALONE;
    final Set<String> linkedAccounts = new LinkedHashSet<>();
    Duration billEstimateDelay = PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY;
    Duration workloadEstimateDelay = PricingCalculatorSimulator.DEFAULT_WORKLOAD_ESTIMATE_DELAY;
    private final Map<PricingCalculatorResource, Duration> ttls = new EnumMap<>(PricingCalculatorResource.class);
    private final Map<PricingCalculatorQuota, Integer> quotas = new EnumMap<>(PricingCalculatorQuota.class);
    private final ArrayDeque<PricingCalculatorFault> faults = new ArrayDeque<>();
    private final ArrayDeque<String> estimateFailures = new ArrayDeque<>();
    private int entryFailures;

    private final Map<String, TokenUse> clientTokens = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenUse> eldest) {
            return size() > CLIENT_TOKENS_REMEMBERED;
        }
    };
    private long sequence;

    Partition(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    long nextSeq() {
        return ++sequence;
    }

    // ---- time --------------------------------------------------------------------------------

    /** Forgets every resource whose {@code expiresAt} has passed: from then on Get answers not found, List omits it. */
    void sweep(Instant now) {
        scenarios.values().removeIf(s -> !now.isBefore(s.expiresAt));
        estimates.values().removeIf(e -> !now.isBefore(e.expiresAt));
        workloads.values().removeIf(w -> !now.isBefore(w.expiresAt));
    }

    /** LOCKED while one of its estimates is generated, STALE once a newer bill has completed, else READY. */
    BillScenarioStatus status(BillScenario s, Instant now) {
        for (BillEstimate e : estimates.values()) {
            if (e.billScenarioId.equals(s.id) && now.isBefore(e.completesAt)) {
                return BillScenarioStatus.LOCKED;
            }
        }
        return now.isBefore(s.staleAt()) ? BillScenarioStatus.READY : BillScenarioStatus.STALE;
    }

    /** The estimate currently generated from {@code s}, or null. */
    BillEstimate generating(BillScenario s, Instant now) {
        for (BillEstimate e : estimates.values()) {
            if (e.billScenarioId.equals(s.id) && now.isBefore(e.completesAt)) {
                return e;
            }
        }
        return null;
    }

    Duration ttl(PricingCalculatorResource resource) {
        return ttls.getOrDefault(resource, PricingCalculatorSimulator.DEFAULT_TTL);
    }

    void ttl(PricingCalculatorResource resource, Duration ttl) {
        ttls.put(resource, ttl);
    }

    int quota(PricingCalculatorQuota quota) {
        return quotas.getOrDefault(quota, quota.defaultLimit());
    }

    void quota(PricingCalculatorQuota quota, int limit) {
        quotas.put(quota, limit);
    }

    // ---- faults ------------------------------------------------------------------------------

    void failNext(int calls, PricingCalculatorFault fault) {
        for (int i = 0; i < calls; i++) {
            faults.add(fault);
        }
    }

    /** Throws the next queued fault when this operation declares it; a fault it does not declare waits. */
    void strikeFault(Call c, Predicate<PricingCalculatorFault> declared) {
        PricingCalculatorFault fault = faults.peek();
        if (fault == null || !declared.test(fault)) {
            return;
        }
        faults.poll();
        String message = PricingCalculatorMessages.injectedFault(c.operation(), fault, faults.size());
        switch (fault) {
            case THROTTLING:
                throw Errors.throttling(message);
            case INTERNAL_ERROR:
                throw Errors.internal(message);
            default:
                throw Errors.dataUnavailable(message);
        }
    }

    void failNextBillEstimates(int count, String failureMessage) {
        for (int i = 0; i < count; i++) {
            estimateFailures.add(failureMessage);
        }
    }

    /** The failure the next bill estimate was told to end with, or null. */
    String takeEstimateFailure() {
        return estimateFailures.poll();
    }

    void failNextEntries(int count) {
        entryFailures += count;
    }

    /** Whether the next batch entry answers INTERNAL_SERVER_ERROR (and uses up one queued failure). */
    boolean takeEntryFailure() {
        if (entryFailures == 0) {
            return false;
        }
        entryFailures--;
        return true;
    }

    // ---- ClientToken -------------------------------------------------------------------------

    /**
     * The answer of the first call with this token, when {@code request} repeats it; null when the token is new
     * (or absent). A token reused with other parameters answers {@code ConflictException}.
     */
    <T> T replay(Call c, String token, SdkPojo request, Class<T> responseType) {
        if (token == null) {
            return null;
        }
        TokenUse use = clientTokens.get(c.operation() + "\n" + token);
        if (use == null) {
            return null;
        }
        List<String> differences = differences(use.request(), request);
        if (!differences.isEmpty()) {
            throw Errors.conflict(use.resourceType(), use.resourceId(),
                PricingCalculatorMessages.tokenReused(c.operation(), token, differences));
        }
        return responseType.cast(use.response());
    }

    void remember(Call c, String token, SdkPojo request, Object response, String resourceType, String resourceId) {
        if (token != null) {
            clientTokens.put(c.operation() + "\n" + token, new TokenUse(request, response, resourceType, resourceId));
        }
    }

    /** The members (other than clientToken) whose values differ. */
    private static List<String> differences(SdkPojo first, SdkPojo now) {
        List<String> out = new ArrayList<>();
        for (SdkField<?> f : first.sdkFields()) {
            if (f.memberName().equals("clientToken")) {
                continue;
            }
            if (!Objects.equals(f.getValueOrDefault(first), f.getValueOrDefault(now))) {
                out.add(f.memberName());
            }
        }
        return out;
    }

    // ---- accounts ----------------------------------------------------------------------------

    /** The consolidated billing family: this account and the accounts linked to it. */
    boolean inFamily(String account) {
        return accountId.equals(account) || linkedAccounts.contains(account);
    }

    /** The preference list that governs this account's workload estimates, or null when not set. */
    List<String> allowedRateTypes() {
        switch (accountType) {
            case MANAGEMENT:
                return managementRateTypes;
            case MEMBER:
                return memberRateTypes;
            default:
                return standaloneRateTypes;
        }
    }
}
