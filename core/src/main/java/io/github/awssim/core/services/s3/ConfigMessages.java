package io.github.awssim.core.services.s3;

/**
 * The messages of the bucket configurations CORS and Lifecycle, kept apart from {@link S3Messages} under its rules:
 * S3's own sentence first, then the operation, the member and the value at fault, and the way out.
 */
final class ConfigMessages {
    private static final String MALFORMED =
        "The XML you provided was not well-formed or did not validate against our published schema (";

    private ConfigMessages() {
    }

    // ---- CORS ----------------------------------------------------------------------------------

    static String corsNoRules(String operation) {
        return MALFORMED + operation + ": a CORSConfiguration needs at least one CORSRule; to remove it, call "
            + "DeleteBucketCors.)";
    }

    static String corsTooManyRules(String operation, int rules) {
        return MALFORMED + operation + ": " + rules + " CORSRules; S3 takes at most " + Cors.MAX_RULES + ".)";
    }

    static String corsRuleIncomplete(String operation) {
        return MALFORMED + operation + ": every CORSRule needs at least one AllowedOrigin and one AllowedMethod.)";
    }

    static String corsIdTooLong(String operation, int length) {
        return "The ID of a CORSRule cannot be longer than 255 characters (" + operation + ": an ID of " + length
            + " characters.)";
    }

    static String corsWildcards(String operation, String element, String value) {
        return element + " \"" + value + "\" can not have more than one wildcard. (" + operation + ")";
    }

    static String corsMethod(String operation, String method) {
        return "Found unsupported HTTP method in CORS config. Unsupported method is " + method + " (" + operation
            + ": AllowedMethod takes GET, PUT, POST, DELETE or HEAD, in capitals.)";
    }

    static String corsHeader(String operation, String element, String value) {
        return element + " \"" + value + "\" contains invalid character. (" + operation + ": a header name has no spaces, "
            + "colons or separators.)";
    }

    static String noCors(String operation, String bucket) {
        return "The CORS configuration does not exist (" + operation + ": bucket '" + bucket + "' has none; PutBucketCors "
            + "sets one.)";
    }

    // ---- Lifecycle -----------------------------------------------------------------------------

    static String malformed(String operation, String detail) {
        return MALFORMED + operation + ": " + detail + ".)";
    }

    static String lifecycleTooManyRules(String operation, int rules) {
        return "The number of lifecycle rules must not exceed the allowed limit of " + LifecycleChecks.MAX_RULES
            + " rules. (" + operation + ": " + rules + " rules.)";
    }

    static String lifecycleMinimumSize(String operation, String value) {
        return "Invalid TransitionDefaultMinimumObjectSize found (" + operation + ": x-amz-transition-default-minimum-"
            + "object-size '" + value + "'; it takes all_storage_classes_128K or varies_by_storage_class.)";
    }

    static String lifecycleIdTooLong(String operation, int length) {
        return "ID length should not exceed allowed limit of 255 (" + operation + ": an ID of " + length + " characters.)";
    }

    static String lifecycleDuplicateId(String operation, String id) {
        return "Rule ID must be unique. Found same ID for more than one rule (" + operation + ": '" + id + "'.)";
    }

    static String lifecycleNoAction(String operation, String id) {
        return "At least one action needs to be specified in a rule (" + operation + ": rule '" + id + "' has no "
            + "Expiration, Transition, NoncurrentVersionExpiration, NoncurrentVersionTransition or "
            + "AbortIncompleteMultipartUpload.)";
    }

    static String lifecycleActionWithFilter(String operation, String action, boolean tags) {
        return action + " cannot be specified with " + (tags ? "Tags." : "Object Size.") + " (" + operation
            + ": give it a rule whose Filter is a Prefix only.)";
    }

    static String lifecyclePositive(String operation, String member, int value) {
        return member + " must be a positive integer (" + operation + ": " + value + ".)";
    }

    static String lifecycleMidnight(String operation, java.time.Instant date) {
        return "'Date' must be at midnight GMT (" + operation + ": " + date + "; use a date at 00:00:00Z.)";
    }

    static String lifecycleNegativeDays(String operation, String member) {
        return member + " must not be negative (" + operation + ")";
    }

    static String lifecycleThirtyDays(String operation, String member, String storageClass, int days) {
        return member + " must be greater than or equal to 30 for storageClass '" + storageClass + "' (" + operation
            + ": " + days + ".)";
    }

    static String lifecycleSameClass(String operation, String action, String storageClass) {
        return "'StorageClass' must be different for '" + action + "' actions in same 'Rule' (" + operation + ": "
            + storageClass + " twice.)";
    }

    static String lifecycleMixedDates(String operation, String id) {
        return "Found mixed 'Date' and 'Days' based Expiration and Transition actions in lifecycle rule (" + operation
            + ": rule '" + id + "'; use dates throughout or day counts throughout.)";
    }

    static String lifecycleSizeOrder(String operation, long greaterThan, long lessThan) {
        return "'ObjectSizeLessThan' has to be a value greater than 'ObjectSizeGreaterThan'. (" + operation + ": "
            + lessThan + " is not above " + greaterThan + ".)";
    }

    static String lifecycleDuplicateTag(String operation, String key) {
        return "Duplicate Tag Keys are not allowed. (" + operation + ": '" + key + "' twice in one Filter.)";
    }

    static String noLifecycle(String operation, String bucket) {
        return "The lifecycle configuration does not exist (" + operation + ": bucket '" + bucket + "' has none; "
            + "PutBucketLifecycleConfiguration sets one.)";
    }
}
