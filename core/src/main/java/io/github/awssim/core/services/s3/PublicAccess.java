package io.github.awssim.core.services.s3;

import io.github.awssim.core.internal.model.JsonTree;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * S3 Block Public Access on a bucket: its configuration (all four settings on for every new bucket, as S3
 * creates buckets since April 2023), and the two effects awssim can observe with one account's clients:
 * BlockPublicAcls refuses a public ACL, BlockPublicPolicy a public bucket policy (403 AccessDenied both).
 * IgnorePublicAcls and RestrictPublicBuckets only change what other accounts and anonymous callers may
 * do, and nobody else reaches a bucket here; they are stored and answered.
 */
final class PublicAccess {
    static final PublicAccessBlockConfiguration ALL_BLOCKED = PublicAccessBlockConfiguration.builder()
        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();

    /**
     * Condition keys that make a statement for everyone non-public when fixed to a value, from S3's "meaning of
     * public": a source IP range, or a fixed source ARN, VPC, VPC endpoint, owner or account, KMS key id or user id.
     */
    private static final List<String> LIMITING_KEYS = List.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
        "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "s3:x-amz-server-side-encryption-aws-kms-key-id",
        "aws:userid");

    private PublicAccess() {
    }

    /** What PutPublicAccessBlock stores: a setting it leaves out is off. */
    static PublicAccessBlockConfiguration stored(String operation, PublicAccessBlockConfiguration requested) {
        if (requested == null) {
            throw S3Errors.error("MalformedXML", AccessMessages.missingPublicAccessBlock(operation));
        }
        return PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(Boolean.TRUE.equals(requested.blockPublicAcls()))
            .ignorePublicAcls(Boolean.TRUE.equals(requested.ignorePublicAcls()))
            .blockPublicPolicy(Boolean.TRUE.equals(requested.blockPublicPolicy()))
            .restrictPublicBuckets(Boolean.TRUE.equals(requested.restrictPublicBuckets())).build();
    }

    static boolean blocksPublicAcls(Bucket b) {
        PublicAccessBlockConfiguration p = b.publicAccessBlock;
        return p != null && Boolean.TRUE.equals(p.blockPublicAcls());
    }

    /** BlockPublicAcls: a public ACL a request sets is 403 AccessDenied. */
    static void checkAcl(String operation, Bucket b, List<software.amazon.awssdk.services.s3.model.Grant> grants) {
        if (blocksPublicAcls(b) && Acls.isPublic(grants)) {
            throw S3Errors.error("AccessDenied", AccessMessages.publicAclBlocked(operation, b.name));
        }
    }

    /** BlockPublicPolicy: a public bucket policy is 403 AccessDenied. Call with a policy already parsed as valid. */
    static void checkPolicy(String operation, Bucket b, String policy) {
        PublicAccessBlockConfiguration p = b.publicAccessBlock;
        if (p != null && Boolean.TRUE.equals(p.blockPublicPolicy()) && isPublicPolicy(policy)) {
            throw S3Errors.error("AccessDenied", AccessMessages.publicPolicyBlocked(operation, b.name));
        }
    }

    /**
     * Whether S3 would call a policy public: some Allow statement names every principal ({@code "*"}, or
     * {@code {"AWS": "*"}}, or any NotPrincipal) and no condition fixes one of {@link #LIMITING_KEYS}.
     */
    static boolean isPublicPolicy(String policy) {
        Object doc = JsonTree.read(policy);
        Object statements = doc instanceof Map<?, ?> m ? m.get("Statement") : null;
        for (Object s : statements instanceof List<?> l ? l : List.of(statements == null ? Map.of() : statements)) {
            if (s instanceof Map<?, ?> st && "Allow".equals(st.get("Effect"))
                && (st.containsKey("NotPrincipal") || everyone(st.get("Principal"))) && !limited(st.get("Condition"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean everyone(Object principal) {
        if ("*".equals(principal)) {
            return true;
        }
        if (principal instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(PublicAccess::everyone);
        }
        return principal instanceof List<?> l && l.stream().anyMatch(PublicAccess::everyone);
    }

    private static boolean limited(Object condition) {
        if (!(condition instanceof Map<?, ?> operators)) {
            return false;
        }
        for (Object keys : operators.values()) {
            if (keys instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
                    if (LIMITING_KEYS.contains(key) && fixed(e.getValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A fixed value: no wildcard in it (a list of values is fixed when each is). */
    private static boolean fixed(Object value) {
        if (value instanceof List<?> l) {
            return !l.isEmpty() && l.stream().allMatch(PublicAccess::fixed);
        }
        return value != null && !String.valueOf(value).contains("*");
    }
}
