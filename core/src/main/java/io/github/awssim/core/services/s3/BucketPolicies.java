package io.github.awssim.core.services.s3;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks PutBucketPolicy makes of each statement before it stores a policy, each a 400 MalformedPolicy with S3's
 * message: an Effect of Allow or Deny ("Invalid effect: …"), a principal S3 can resolve ("Invalid principal in
 * policy"), S3 actions only ("Policy has invalid action") and resources of this bucket only ("Policy has invalid
 * resource"). awssim knows no IAM users or roles, so a well-formed user or role ARN is taken as existing, and an
 * {@code s3:} action is not looked up in S3's list of actions.
 */
final class BucketPolicies {
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    // An account's users, roles and sessions, and the CloudFront origin access identities older S3 origins still name
    // ("arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2…").
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::(\\d{12}|cloudfront):.+");
    private static final Pattern CANONICAL_USER = Pattern.compile("[0-9a-fA-F]{64}");

    private BucketPolicies() {
    }

    /** Checks every statement of {@code doc}, a parsed policy with a Statement, for bucket {@code bucket}. */
    static void check(String operation, String bucket, Map<?, ?> doc) {
        Object statements = doc.get("Statement");
        for (Object s : statements instanceof List<?> l ? l : List.of(statements)) {
            if (!(s instanceof Map<?, ?> st)) {
                throw malformed(operation, "Policies must be valid JSON", "a Statement must be a JSON object");
            }
            checkStatement(operation, bucket, st);
        }
    }

    private static void checkStatement(String operation, String bucket, Map<?, ?> st) {
        Object effect = st.get("Effect");
        if (effect == null) {
            throw malformed(operation, "Missing required field Effect", "every statement says Allow or Deny");
        }
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw malformed(operation, "Invalid effect: " + effect, "Effect is Allow or Deny");
        }
        Object principal = st.containsKey("Principal") ? st.get("Principal") : st.get("NotPrincipal");
        if (principal == null) {
            throw malformed(operation, "Missing required field Principal", "a bucket policy statement names its "
                + "Principal or NotPrincipal");
        }
        if (!validPrincipal(principal)) {
            throw malformed(operation, "Invalid principal in policy", "principal " + principal + " is not \"*\", an "
                + "account id, an IAM or STS ARN of a 12-digit account, a service or a 64-hex canonical user id");
        }
        for (Object action : values(st.containsKey("Action") ? st.get("Action") : st.get("NotAction"))) {
            if (!(action instanceof String a) || !(a.equals("*") || a.regionMatches(true, 0, "s3:", 0, 3))) {
                throw malformed(operation, "Policy has invalid action", "action " + action + " is not an s3: action");
            }
        }
        for (Object resource : values(st.containsKey("Resource") ? st.get("Resource") : st.get("NotResource"))) {
            if (!(resource instanceof String r) || !ofBucket(r, bucket)) {
                throw malformed(operation, "Policy has invalid resource", "resource " + resource + " is not bucket '"
                    + bucket + "' or its objects (arn:aws:s3:::" + bucket + ", arn:aws:s3:::" + bucket + "/*)");
            }
        }
    }

    private static boolean validPrincipal(Object principal) {
        if ("*".equals(principal)) {
            return true;
        }
        if (!(principal instanceof Map<?, ?> m) || m.isEmpty()) {
            return false;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!PRINCIPAL_TYPES.contains(e.getKey())) {
                return false;
            }
            List<?> ids = values(e.getValue());
            if (ids.isEmpty()) {
                return false;
            }
            for (Object id : ids) {
                if (!(id instanceof String s) || !validId(String.valueOf(e.getKey()), s)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean validId(String type, String id) {
        return switch (type) {
            case "AWS" -> id.equals("*") || ACCOUNT.matcher(id).matches() || IAM_ARN.matcher(id).matches();
            case "CanonicalUser" -> CANONICAL_USER.matcher(id).matches();
            default -> !id.isBlank();
        };
    }

    /** Whether a resource pattern names this bucket or objects in it: S3 refuses one about any other bucket. */
    private static boolean ofBucket(String resource, String bucket) {
        if (resource.equals("*")) {
            return true;
        }
        int colon = resource.indexOf(":s3:::");
        if (!resource.startsWith("arn:aws") || colon < 0) {
            return false;
        }
        String path = resource.substring(colon + ":s3:::".length());
        Pattern glob = Pattern.compile(toRegex(path));
        return path.startsWith(bucket + "/") || glob.matcher(bucket).matches() || glob.matcher(bucket + "/key").matches();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*') {
                regex.append(".*");
            } else if (ch == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return regex.toString();
    }

    private static List<?> values(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? l : List.of(value);
    }

    private static RuntimeException malformed(String operation, String s3Message, String why) {
        return S3Errors.error("MalformedPolicy", s3Message + " (" + operation + ": " + why + ".)");
    }
}
