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
}
