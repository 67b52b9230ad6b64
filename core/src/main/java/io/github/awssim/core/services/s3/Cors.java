package io.github.awssim.core.services.s3;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.CORSConfiguration;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * PutBucketCors's rules. Only the configuration is simulated: awssim answers no browser preflight
 * ({@code OPTIONS}) and adds no {@code Access-Control-*} header, since no browser reaches it.
 */
final class Cors {
    /** "You can add up to 100 rules to the configuration" (S3 User Guide, Elements of a CORS configuration). */
    static final int MAX_RULES = 100;
    /** The only values the User Guide lists for AllowedMethod; S3 compares them case-sensitively. */
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
    /** An HTTP field name (RFC 9110 token), what AllowedHeader and ExposeHeader must be. */
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_ID = 255;

    private Cors() {
    }

    /** The rules of {@code config} as S3 checks them; returns them to store. */
    static List<CORSRule> checked(String operation, CORSConfiguration config) {
        List<CORSRule> rules = config == null || !config.hasCorsRules() ? List.of() : config.corsRules();
        if (rules.isEmpty()) {
            throw S3Errors.error("MalformedXML", ConfigMessages.corsNoRules(operation));
        }
        if (rules.size() > MAX_RULES) {
            throw S3Errors.error("MalformedXML", ConfigMessages.corsTooManyRules(operation, rules.size()));
        }
        for (CORSRule r : rules) {
            if (!r.hasAllowedOrigins() || r.allowedOrigins().isEmpty() || !r.hasAllowedMethods() || r.allowedMethods().isEmpty()) {
                throw S3Errors.error("MalformedXML", ConfigMessages.corsRuleIncomplete(operation));
            }
            if (r.id() != null && r.id().length() > MAX_ID) {
                throw S3Errors.error("InvalidArgument", ConfigMessages.corsIdTooLong(operation, r.id().length()));
            }
            for (String origin : r.allowedOrigins()) {
                if (wildcards(origin) > 1) {
                    throw S3Errors.error("InvalidRequest", ConfigMessages.corsWildcards(operation, "AllowedOrigin", origin));
                }
            }
            for (String method : r.allowedMethods()) {
                if (!METHODS.contains(method)) {
                    throw S3Errors.error("InvalidRequest", ConfigMessages.corsMethod(operation, method));
                }
            }
            checkHeaders(operation, "AllowedHeader", r.hasAllowedHeaders() ? r.allowedHeaders() : List.of(), true);
            checkHeaders(operation, "ExposeHeader", r.hasExposeHeaders() ? r.exposeHeaders() : List.of(), false);
        }
        return List.copyOf(rules);
    }

    private static void checkHeaders(String operation, String element, List<String> headers, boolean wildcard) {
        for (String h : headers) {
            if (h == null || !HEADER.matcher(h).matches()) {
                throw S3Errors.error("InvalidRequest", ConfigMessages.corsHeader(operation, element, h));
            }
            // "Each AllowedHeaders string in your configuration can contain at most one * wildcard character."
            if (wildcard && wildcards(h) > 1) {
                throw S3Errors.error("InvalidRequest", ConfigMessages.corsWildcards(operation, element, h));
            }
        }
    }

    private static long wildcards(String s) {
        return s == null ? 0 : s.chars().filter(ch -> ch == '*').count();
    }
}
