package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every user-facing message of the Pricing Calculator simulator. Answers the service itself would give name the
 * operation and the field and say what was wrong; messages about awssim's own configuration (a price the test did
 * not set, a queued fault, misuse of the typed API) start with {@code awssim:} and say how to fix it. Entry
 * indexes are 0-based, as in {@code request.usageModifications().get(i)}.
 */
final class PricingCalculatorMessages {
    private static final String SIM = "sim.pricingCalculator()";

    private PricingCalculatorMessages() {
    }

    // ---- resources ---------------------------------------------------------------------------

    static String notFound(String operation, PricingCalculatorResource type, String id) {
        return operation + ": " + words(type) + " " + id + " does not exist in this account (or has expired).";
    }

    static String scenarioLocked(String operation, String scenarioId, String estimateId, Instant completesAt) {
        return operation + ": bill scenario " + scenarioId + " is LOCKED while bill estimate " + estimateId
            + " is generated from it (until " + completesAt + "); retry once the estimate is COMPLETE or FAILED.";
    }

    static String scenarioStale(String operation, String scenarioId, Instant start, Instant end) {
        return operation + ": bill scenario " + scenarioId + " is STALE: its bill interval [" + start + ", " + end
            + ") is no longer the last complete bill month. Create a new bill scenario to estimate against the "
            + "latest bill.";
    }

    static String estimateInProgress(String operation, String estimateId, Instant completesAt) {
        return operation + ": bill estimate " + estimateId + " is IN_PROGRESS until " + completesAt
            + "; it can be deleted once it is COMPLETE or FAILED.";
    }

    static String estimateNotComplete(String operation, String estimateId, Object status, Instant completesAt) {
        return operation + ": the results of bill estimate " + estimateId + " are unavailable: it is " + status
            + ("IN_PROGRESS".equals(String.valueOf(status)) ? " until " + completesAt + "." : ", so it has none.");
    }

    static String estimateNameTaken(String operation, String name, String otherId) {
        return operation + ": name '" + name + "' is already used by bill estimate " + otherId
            + "; bill estimate names must be unique for an account.";
    }

    static String tooManyResources(String operation, PricingCalculatorResource type, int max, PricingCalculatorQuota quota) {
        return operation + ": this account already has " + max + " " + words(type) + (max == 1 ? "" : "s")
            + ", the quota. awssim: change it "
            + "with " + SIM + ".quota(PricingCalculatorQuota." + quota + ", n).";
    }

    static String tooManyLines(String operation, PricingCalculatorResource type, String id, int current, int adding,
                               int max, PricingCalculatorQuota quota) {
        return operation + ": " + words(type) + " " + id + " has " + current + " usage lines; adding " + adding
            + " would exceed the quota of " + max + " usage lines. Nothing was created. awssim: change it with " + SIM
            + ".quota(PricingCalculatorQuota." + quota + ", n).";
    }

    // ---- batch entries -----------------------------------------------------------------------

    static String keyTwice(String operation, String field, String key) {
        return operation + ": " + field + " '" + key + "' is used by an earlier entry of this request; each entry "
            + "needs its own key.";
    }

    static String idTwice(String operation, String field, String id) {
        return operation + ": " + field + " " + id + " appears earlier in this request; name each id once.";
    }

    static String noSuchLine(String operation, String field, String id, String what, PricingCalculatorResource parent,
                             String parentId) {
        return operation + ": " + field + " " + id + " is not a " + what + " of " + words(parent) + " " + parentId + ".";
    }

    static String notInFamily(String operation, String field, String account, String own, Collection<String> linked) {
        return operation + ": " + field + " " + account + " is not in the consolidated billing family of account "
            + own + (linked.isEmpty() ? "" : " (linked accounts: " + linked + ")")
            + ". awssim: link it with " + SIM + ".linkAccounts(\"" + account + "\").";
    }

    static String injectedEntryFailure(String operation) {
        return "awssim: " + operation + " failed this entry with INTERNAL_SERVER_ERROR because " + SIM
            + ".failNextEntries(n) queued it; retry the entry.";
    }

    static String notAnHour(String field, Instant hour) {
        return field + " " + hour + " is not the start of an hour; usage amounts start on whole hours, e.g. "
            + hour.truncatedTo(java.time.temporal.ChronoUnit.HOURS) + ".";
    }

    static String outsideInterval(String field, Instant hour, Instant start, Instant end) {
        return field + " " + hour + " is outside the bill scenario's bill interval [" + start + ", " + end
            + "): usage is modeled on the last complete bill month.";
    }

    static String hourTwice(String field, Instant hour) {
        return field + " " + hour + " repeats an hour of an earlier amount of this usage line.";
    }

    static String notFinite(String field, Double amount) {
        return field + " " + amount + " is not a finite number.";
    }

    static String negativeAmount(String field, double amount) {
        return field + " " + amount + " is negative; usage amounts are zero or more.";
    }

    static String badHistoricalInterval(String field, Instant start, Instant end) {
        return field + " [" + start + ", " + end + ") is not an interval: it needs a start before its end.";
    }

    static String tooManyDecimals(String operation, String field, double commitment) {
        return operation + ": " + field + " " + BigDecimal.valueOf(commitment).toPlainString()
            + " has more than five digits after the decimal point.";
    }

    static String actionMemberMissing(String operation, String field) {
        return operation + ": " + field + " is missing; the commitment action needs it.";
    }

    // ---- estimates and prices ----------------------------------------------------------------

    static String missingUsageRate(Rate.RateKey key, String lineId) {
        return "no rate for " + key + " (usage line " + lineId + "); set one with " + SIM + ".rate(\"" + key.serviceCode()
            + "\", \"" + key.usageType() + "\", \"" + key.operation() + "\", new BigDecimal(\"0.01\"))";
    }

    static String missingOfferingPrice(String offeringId, String lineId) {
        return "no price for Reserved Instance offering " + offeringId + " (commitment modification " + lineId
            + "); set one with " + SIM + ".commitmentPrice(\"" + offeringId + "\", upfrontPerInstance, monthlyPerInstance)";
    }

    static String missingExistingCommitmentPrice(boolean reservedInstance, String id, String lineId) {
        return "no price for the existing " + (reservedInstance ? "Reserved Instance " : "Savings Plan ") + id
            + " that commitment modification " + lineId + " removes; set one with " + SIM + ".commitmentPrice(\"" + id
            + "\", upfrontPayment, monthlyPayment)";
    }

    static String estimateMissingPrices(List<String> missing) {
        return "awssim: the bill estimate cannot be priced: " + String.join("; ", missing) + ".";
    }

    static String workloadMissingRates(Set<Rate.RateKey> keys) {
        return "awssim: no rate for " + render(keys) + "; set one with " + SIM
            + ".rate(serviceCode, usageType, operation, pricePerUnit), then change the usage to re-price.";
    }

    static String workloadRatesChanged(Set<Rate.RateKey> keys, Instant pricedAt) {
        return "The rates of " + render(keys) + " changed after the estimate was priced at " + pricedAt
            + "; update its usage to re-price it.";
    }

    private static String render(Set<Rate.RateKey> keys) {
        return keys.stream().map(Rate.RateKey::toString).collect(Collectors.joining(", "));
    }

    // ---- accounts, preferences, tags ---------------------------------------------------------

    static String memberAccount(String operation, String account) {
        return "User: arn:aws:iam::" + account + ":root is not authorized to perform: bcm-pricing-calculator:" + operation
            + ": bill scenarios and bill estimates are only available to management accounts and standalone accounts, "
            + "and " + account + " is a member account. awssim: " + SIM + ".accountType(AccountType.STANDALONE).";
    }

    static String preferencesFromMember(String operation, String account) {
        return operation + ": account " + account + " is a member account; rate preferences are set by the "
            + "management account or a standalone account.";
    }

    static String noPreferences(String operation) {
        return operation + ": the request sets none of managementAccountRateTypeSelections, "
            + "memberAccountRateTypeSelections and standaloneAccountRateTypeSelections.";
    }

    static String rateTypeTwice(String operation, String field, List<String> values) {
        return operation + ": " + field + " " + values + " names a rate type more than once.";
    }

    static String disallowedRate(String operation, String rateType, AccountType accountType, List<String> allowed) {
        return operation + ": rateType " + rateType + " is not among the rate types the " + accountType.name()
            .toLowerCase(java.util.Locale.ROOT) + " account preferences allow " + allowed
            + "; change the preferences with UpdatePreferences or use an allowed rate type.";
    }

    static String emptyTagKey(String operation, String key) {
        return operation + ": tag key '" + key + "' is empty once trimmed; tag keys and values are trimmed of leading and "
            + "trailing whitespace.";
    }

    static String reservedTagKey(String operation, String key) {
        return operation + ": tag key '" + key + "' uses the prefix aws:, which is reserved for AWS use.";
    }

    static String tooManyTags(String operation, int count, int max) {
        return operation + ": tags has " + count + " tags; a resource takes at most " + max + " user tags.";
    }

    static String tagQuota(String operation, String arn, int current, int after, int max) {
        return operation + ": " + arn + " has " + current + " tags and would have " + after
            + "; a resource takes at most " + max + " user tags.";
    }

    static String notOurArn(String operation, String arn, String account) {
        return operation + ": arn '" + arn + "' is not the ARN of a Pricing Calculator bill scenario, bill estimate or "
            + "workload estimate, e.g. arn:aws:bcm-pricing-calculator::" + account + ":bill-scenario/<id>.";
    }

    static String arnNotFound(String operation, String arn, PricingCalculatorResource type, String account) {
        return operation + ": " + arn + " names no " + words(type) + " of account " + account
            + " (it does not exist, has expired, or belongs to another account; the service's ARNs name no region: "
            + "arn:<partition>:bcm-pricing-calculator::<account>:<type>/<id>).";
    }

    static String costCategoryMissing(String operation, String preference) {
        return operation + ": groupSharingPreference " + preference + " needs costCategoryGroupSharingPreferenceArn, "
            + "the cost category that defines the groups.";
    }

    static String costCategoryUnused(String operation, String preference) {
        return operation + ": costCategoryGroupSharingPreferenceArn applies to groupSharingPreference PRIORITIZED or "
            + "RESTRICTED, not " + preference + ".";
    }

    static String expiresInPast(String operation, Instant expiresAt, Instant now) {
        return operation + ": expiresAt " + expiresAt + " is not in the future (the simulation clock reads " + now + ").";
    }

    // ---- ClientToken and page tokens ---------------------------------------------------------

    static String tokenReused(String operation, String token, List<String> differences) {
        return operation + ": clientToken '" + token + "' was already used with different parameters (" + differences
            + " differ); a reused clientToken requires the same request. Send a new clientToken for a new request.";
    }

    static String tokenNotOurs(String operation) {
        return operation + ": nextToken is not a token this service issued.";
    }

    static String tokenOfOtherOperation(String operation, String other) {
        return operation + ": nextToken was issued by " + other + "; pass it back to the operation that returned it.";
    }

    static String tokenOfOtherList(String operation) {
        return operation + ": nextToken was issued for another list (another parent, account or region).";
    }

    static String tokenOfOtherFilters(String operation) {
        return operation + ": nextToken was issued for a request with other filters; keep the filters while paging.";
    }

    // ---- faults and awssim misuse ------------------------------------------------------------

    static String injectedFault(String operation, PricingCalculatorFault fault, int queued) {
        String exception = fault == PricingCalculatorFault.THROTTLING ? "ThrottlingException"
            : fault == PricingCalculatorFault.INTERNAL_ERROR ? "InternalServerException" : "DataUnavailableException";
        return "awssim: " + operation + " answered " + exception + " because " + SIM + ".failNext(n, "
            + "PricingCalculatorFault." + fault + ") queued it (" + queued + " more queued).";
    }

    static String undeclaredError(String operation, String exception, Collection<String> declared) {
        return "awssim: bug: " + operation + " was about to answer " + exception + ", which its model does not declare "
            + "(it declares " + declared.stream().sorted().toList() + "). Please report it.";
    }

    static String negativeRate(String serviceCode, String usageType, String operation, BigDecimal price) {
        return "awssim: the rate of " + serviceCode + " / " + usageType + " / " + operation + " is " + price
            + "; a price per unit is zero or more, e.g. new BigDecimal(\"0.0104\").";
    }

    static String badAccountId(String accountId) {
        return "awssim: account id '" + accountId + "' is not 12 digits; AWS account ids look like 123456789012.";
    }

    static String badCommitmentId(String id) {
        return "awssim: commitment id '" + id + "' is not a lowercase UUID, as the model's Uuid shape requires, e.g. "
            + "\"4b1a4e0d-5c3e-4b1f-9f5a-0c1d2e3f4a5b\".";
    }

    static String badPayment(String what, BigDecimal amount) {
        return "awssim: " + what + " is " + amount + "; a payment is zero or more, e.g. BigDecimal.ZERO.";
    }

    static String badDuration(String what, Duration d) {
        return "awssim: " + what + " must not be " + (d == null ? "null" : d.isNegative() ? "negative" : "zero") + " ("
            + d + "); e.g. Duration.ofMinutes(20).";
    }

    static String badQuota(PricingCalculatorQuota quota, int limit) {
        return "awssim: quota " + quota + " must be zero or more, not " + limit + ".";
    }

    static String badCount(int count) {
        return "awssim: a count of " + count + " queues nothing; give 1 or more.";
    }

    private static String words(PricingCalculatorResource type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
