package io.github.awssim.core.services.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Every user-facing message of the Metering simulator. Answers the service itself would give read like
 * AWS's own and name the operation, the field and what was wrong; messages about awssim's own
 * configuration start with {@code awssim:} and say how to fix it. Record indexes are 0-based, as in
 * {@code request.usageRecords().get(i)}.
 */
final class MeteringMessages {
    private MeteringMessages() {
    }

    // ---- window ------------------------------------------------------------------------------

    static String timestampTooOld(String operation, String field, Instant timestamp, Instant now, Duration window,
                                  boolean batch) {
        return field + " " + timestamp + " is " + span(Duration.between(timestamp, now)) + " before the simulation clock ("
            + now + "); " + operation + " accepts usage up to " + amount(window) + " in the past"
            + (batch ? ", and one record outside the window fails the whole batch." : ".");
    }

    static String timestampInFuture(String operation, String field, Instant timestamp, Instant now, Duration tolerance,
                                    boolean batch) {
        return field + " " + timestamp + " is " + span(Duration.between(now, timestamp)) + " after the simulation clock ("
            + now + "); " + operation + " accepts timestamps at most " + amount(tolerance) + " ahead of the clock"
            + (batch ? ", and one record outside the window fails the whole batch." : ".");
    }

    // ---- catalog -----------------------------------------------------------------------------

    static String unknownProduct(String operation, String productCode, Collection<String> known, String account,
                                 String region) {
        return operation + ": ProductCode '" + productCode + "' is not a product of this seller. Products registered in "
            + "account " + account + ", region " + region + ": " + sorted(known) + ". Fix the code, or register the "
            + "product: sim.metering().registerProduct(\"" + productCode + "\", \"<dimension>\").";
    }

    static String unknownDimension(String operation, String field, String dimension, String productCode,
                                   Collection<String> dimensions) {
        return operation + ": " + field + " '" + dimension + "' is not a usage dimension of product " + productCode
            + "; its dimensions are " + sorted(dimensions) + ".";
    }

    static String notEntitled(String operation, String account, String productCode, String identity) {
        return operation + ": customer account " + account + " has no active subscription to product " + productCode
            + " (caller " + identity + "). To simulate a subscribed buyer: sim.metering().subscribe(\"" + productCode
            + "\", \"<customerIdentifier>\", \"" + account + "\").";
    }

    static String unknownCustomerIdentifier(String field, String customerIdentifier) {
        return "BatchMeterUsage: " + field + " '" + customerIdentifier + "' does not exist: no customer with that "
            + "identifier ever subscribed to a product of this seller.";
    }

    static String customerNamedTwice(int index) {
        return "BatchMeterUsage: UsageRecords[" + index + "] sets both CustomerIdentifier and CustomerAWSAccountId; "
            + "a usage record names its customer with exactly one of them.";
    }

    static String customerMissing(int index) {
        return "BatchMeterUsage: UsageRecords[" + index + "] names no customer; set CustomerIdentifier or "
            + "CustomerAWSAccountId.";
    }

    // ---- allocations and tags ----------------------------------------------------------------

    static String allocationsSum(String operation, String prefix, String quantityField, long sum, int quantity) {
        return operation + ": the AllocatedUsageQuantity values of " + prefix + "UsageAllocations add up to " + sum
            + ", but " + prefix + quantityField + " is " + quantity
            + "; the allocations must add up to the usage quantity exactly.";
    }

    static String duplicateTagSet(String operation, String prefix, int first, int second, Object tags) {
        return operation + ": " + prefix + "UsageAllocations[" + first + "] and [" + second + "] have the same tag set "
            + tags + "; each usage allocation needs a unique set of tags (at most one allocation without tags).";
    }

    static String duplicateTagKey(String operation, String prefix, int allocation, String key) {
        return operation + ": " + prefix + "UsageAllocations[" + allocation + "].Tags uses the key '" + key
            + "' more than once; a tag set holds each key once.";
    }

    static String tooManyTags(String operation, String path, int count, int max) {
        return operation + ": " + path + " has " + count + " tags; a usage allocation takes at most " + max
            + " tags.";
    }

    static String noTags(String operation, String path) {
        return operation + ": " + path + " is an empty list; leave Tags out for the allocation without tags.";
    }

    static String invalidTag(String operation, String path, Object value, String constraint) {
        return operation + ": " + path + (value == null ? " is missing" : " '" + value + "' is not a valid tag part")
            + ": " + constraint + ".";
    }

    // ---- MeterUsage's ledgers ----------------------------------------------------------------

    static String duplicateRequest(String productCode, String dimension, Instant hour, String identity,
                                   int recordedQuantity, String recordId, int quantity, boolean allocationsDiffer) {
        return "MeterUsage: usage of product " + productCode + ", dimension " + dimension + " for the hour starting "
            + hour + " was already recorded by " + identity + " with UsageQuantity " + recordedQuantity
            + " (MeteringRecordId " + recordId + "); this request sends UsageQuantity " + quantity
            + (allocationsDiffer ? " with other UsageAllocations" : "")
            + ". Usage is reported once per hour per dimension per instance, task or pod, and a recorded value "
            + "cannot change; report further usage from " + hour.plus(Duration.ofHours(1)) + " on.";
    }

    static String idempotencyConflict(String token, List<String> differences) {
        return "MeterUsage: ClientToken '" + token + "' was already used with different parameters ("
            + String.join("; ", differences) + "); a reused ClientToken requires the same value for every other "
            + "parameter. Send a new ClientToken for a new request.";
    }

    static String difference(String field, Object first, Object now) {
        return field + ": first " + first + ", now " + now;
    }

    // ---- caller ------------------------------------------------------------------------------

    static String dryRun() {
        return "Request would have succeeded, but DryRun flag is set (MeterUsage: nothing was recorded).";
    }

    static String unauthorized(String operation, String account, String identity) {
        return "You are not authorized to perform this operation: caller " + identity + " in account " + account
            + " may not call aws-marketplace:" + operation + ".";
    }

    static String accessDenied(String operation, String account, String identity) {
        return "User: arn:aws:sts::" + account + ":assumed-role/awssim-caller/" + identity
            + " is not authorized to perform: aws-marketplace:" + operation;
    }

    static String endpointRegion(String region, String launchRegion, String identity) {
        return "MeterUsage: called at the endpoint of region " + region + ", but caller " + identity
            + " runs in region " + launchRegion + "; meter usage at the Metering endpoint of the caller's own region.";
    }

    static String invalidRegion(String region, String launchRegion, String identity) {
        return "RegisterUsage: called in region " + region + ", but caller " + identity + " was launched in region "
            + launchRegion + "; RegisterUsage must be called in the region the task or pod was launched in.";
    }

    static String platformNotSupported(String identity, CallerIdentity.Platform platform) {
        return "RegisterUsage: caller " + identity + " runs on " + platform
            + "; RegisterUsage is supported only on Amazon ECS, Amazon EKS and AWS Fargate.";
    }

    static String disabledApi(String operation, String region) {
        return "The " + operation + " API is disabled in the Region " + region + ".";
    }

    static String invalidPublicKeyVersion(int version, int current) {
        return "RegisterUsage: PublicKeyVersion " + version + " is not a valid public key version; versions 1 to "
            + current + " exist (" + current + " is current).";
    }

    // ---- registration tokens -----------------------------------------------------------------

    static String invalidToken(String token, String account, String region) {
        return "ResolveCustomer: RegistrationToken '" + abbreviate(token) + "' is not a registration token of this "
            + "seller (account " + account + ", region " + region + "). awssim issues tokens with "
            + "sim.metering().issueRegistrationToken(productCode, customerIdentifier).";
    }

    static String tokenUsed(String token, Instant resolvedAt) {
        return "ResolveCustomer: RegistrationToken '" + abbreviate(token) + "' was already resolved at " + resolvedAt
            + "; a registration token resolves once.";
    }

    static String tokenExpired(String token, Instant issuedAt, Duration ttl, Instant now) {
        return "ResolveCustomer: RegistrationToken '" + abbreviate(token) + "' expired at " + issuedAt.plus(ttl)
            + " (issued " + issuedAt + ", valid for " + amount(ttl) + "); the simulation clock reads " + now + ".";
    }

    // ---- injected faults ---------------------------------------------------------------------

    static String injectedFault(String operation, MeteringFault fault, int queued) {
        return "awssim: " + operation + " answered " + (fault == MeteringFault.THROTTLING
            ? "ThrottlingException" : "InternalServiceErrorException")
            + " because sim.metering().failNext(n, " + fault + ") queued it (" + queued + " more queued).";
    }

    // ---- awssim configuration errors ---------------------------------------------------------

    static String blankIdentity() {
        return "awssim: a CallerIdentity needs an id (the instance, task or pod id), e.g. "
            + "CallerIdentity.of(\"i-0123456789abcdef0\").";
    }

    static String badAccountId(String accountId) {
        return "awssim: account id '" + accountId + "' is not 12 digits; AWS account ids look like 123456789012.";
    }

    static String badProductCode(String productCode) {
        return "awssim: product code '" + productCode + "' is not one MeterUsage accepts: 1 to 255 characters of "
            + "letters, digits and -/=:_.@, e.g. \"prod-abc123\".";
    }

    static String badDimension(String productCode, String dimension) {
        return "awssim: dimension '" + dimension + "' of product " + productCode + " is not one MeterUsage accepts: "
            + "1 to 255 characters, e.g. \"Users\".";
    }

    static String badCustomerIdentifier(String customerIdentifier) {
        return "awssim: customer identifier '" + customerIdentifier + "' must be 1 to 255 characters, e.g. \"cust-1\".";
    }

    static String productNotRegistered(String call, String productCode, Collection<String> known) {
        return "awssim: " + call + " names product " + productCode + ", which is not registered here (registered: "
            + sorted(known) + "). Register it first: sim.metering().registerProduct(\"" + productCode
            + "\", \"<dimension>\").";
    }

    static String customerAccountConflict(String customerIdentifier, String account, String otherAccount) {
        return "awssim: customer " + customerIdentifier + " already belongs to account " + otherAccount
            + "; it cannot also be account " + account + ". Use another customer identifier for another account.";
    }

    static String notSubscribed(String call, String productCode, String customerIdentifier) {
        return "awssim: " + call + ": customer " + customerIdentifier + " never subscribed to product " + productCode
            + ". Subscribe it first: sim.metering().subscribe(\"" + productCode + "\", \"" + customerIdentifier
            + "\", \"111122223333\").";
    }

    static String notDisableable(MeteringOperation operation) {
        return "awssim: " + operation.operationName() + " cannot be disabled: AWS models no DisabledApiException for it. "
            + "disableApi applies to BatchMeterUsage, RegisterUsage and ResolveCustomer.";
    }

    static String badDuration(String what, Duration duration) {
        return "awssim: " + what + " must be positive, not " + duration + "; e.g. Duration.ofHours(6).";
    }

    /** {@code call}: how the user wrote it, e.g. {@code failNext(0, ...)}. */
    static String badCount(String call) {
        return "awssim: " + call + " needs a count of at least 1.";
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A compact span: {@code 7h}, {@code 6h 0m 1s}, {@code 45m}, {@code 250ms}. */
    static String span(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0 || (h > 0 && s > 0)) {
            b.append(b.length() > 0 ? " " : "").append(m).append('m');
        }
        if (s > 0) {
            b.append(b.length() > 0 ? " " : "").append(s).append('s');
        }
        return b.toString();
    }

    /** An amount of time in words: {@code 6 hours}, {@code 5 minutes}, {@code 90 seconds}. */
    static String amount(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return plural(d.toHours(), "hour");
        }
        if (d.toSeconds() % 60 == 0) {
            return plural(d.toMinutes(), "minute");
        }
        return plural(d.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String sorted(Collection<String> values) {
        return new TreeSet<>(values).toString();
    }

    private static String abbreviate(String token) {
        return token.length() <= 64 ? token : token.substring(0, 61) + "...";
    }
}
