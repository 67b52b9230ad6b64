package io.github.awssim.core.services.s3;

import io.github.awssim.core.internal.model.JsonTree;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * What a bucket's policy and ACLs let a caller do, as S3 decides it before an operation runs.
 *
 * <p><b>Unsigned callers</b> (no access key: the SDK's {@code AnonymousCredentialsProvider}, {@code curl} against the
 * loopback server) get in only where the bucket is public: its policy allows everyone the action on the resource, or
 * an ACL grants AllUsers the permission; an explicit Deny for everyone wins. Block Public Access decides which
 * grants count: RestrictPublicBuckets drops a public policy's grants, IgnorePublicAcls (and ACLs disabled by
 * BucketOwnerEnforced) every ACL grant. Anything else is 403 AccessDenied.
 *
 * <p><b>Signed callers</b> act as their account's root, which owns the bucket (a client reaches only its own
 * account's buckets): nothing needs allowing, but an explicit Deny naming everyone, the account or its root denies
 * them too, as S3 applies it, except GetBucketPolicy, PutBucketPolicy and DeleteBucketPolicy, which S3 keeps open
 * to the owner's root so that no policy locks it out.
 *
 * <p>Choices where awssim is narrower than S3: policy statements with a {@code Condition} are not weighed (an
 * Allow with one grants nothing, a Deny with one denies nothing); bucket configuration operations are the owner's
 * alone, whatever a policy says. DeleteObjects is judged key by key (S3's per-key AccessDenied errors).
 */
final class BucketAccess {
    private static final String ANY = "*";

    /** Operations on one object, and the action a policy must allow. */
    private static final Map<String, String> OBJECT_ACTIONS = Map.ofEntries(
        Map.entry("GetObject", "s3:GetObject"), Map.entry("HeadObject", "s3:GetObject"),
        Map.entry("GetObjectAttributes", "s3:GetObjectAttributes"),
        Map.entry("PutObject", "s3:PutObject"), Map.entry("CopyObject", "s3:PutObject"),
        Map.entry("CreateMultipartUpload", "s3:PutObject"), Map.entry("UploadPart", "s3:PutObject"),
        Map.entry("UploadPartCopy", "s3:PutObject"), Map.entry("CompleteMultipartUpload", "s3:PutObject"),
        Map.entry("AbortMultipartUpload", "s3:AbortMultipartUpload"), Map.entry("ListParts", "s3:ListMultipartUploadParts"),
        Map.entry("DeleteObject", "s3:DeleteObject"),
        Map.entry("GetObjectTagging", "s3:GetObjectTagging"), Map.entry("PutObjectTagging", "s3:PutObjectTagging"),
        Map.entry("DeleteObjectTagging", "s3:DeleteObjectTagging"),
        Map.entry("GetObjectAcl", "s3:GetObjectAcl"), Map.entry("PutObjectAcl", "s3:PutObjectAcl"));

    /** Operations on the bucket an anonymous caller may be granted. */
    private static final Map<String, String> BUCKET_ACTIONS = Map.of(
        "ListObjects", "s3:ListBucket", "ListObjectsV2", "s3:ListBucket", "HeadBucket", "s3:ListBucket",
        "ListObjectVersions", "s3:ListBucketVersions", "ListMultipartUploads", "s3:ListBucketMultipartUploads",
        "GetBucketLocation", "s3:GetBucketLocation", "GetBucketAcl", "s3:GetBucketAcl", "PutBucketAcl", "s3:PutBucketAcl");

    /** Bucket ACL permission an operation needs; the rest are object operations, judged on the object's ACL. */
    private static final Set<String> NEED_BUCKET_WRITE = Set.of("PutObject", "CopyObject", "CreateMultipartUpload",
        "UploadPart", "UploadPartCopy", "CompleteMultipartUpload", "AbortMultipartUpload", "DeleteObject", "DeleteObjects");
    private static final Set<String> NEED_BUCKET_READ = Set.of("ListObjects", "ListObjectsV2", "HeadBucket",
        "ListObjectVersions", "ListMultipartUploads", "ListParts");

    private BucketAccess() {
    }

    /**
     * Throws AccessDenied unless an anonymous caller may run {@code operation} on {@code key} of {@code b} (key
     * null for a bucket operation; {@code versionId} the version an object operation names, or null).
     */
    static void checkAnonymous(String operation, Bucket b, String key, String versionId, String partition) {
        String action = actionOf(operation, versionId);
        if (action == null) {
            throw denied(AccessMessages.anonymousOwnerOnly(operation, b.name));
        }
        String resource = resourceOf(partition, b, operation, key);
        String policy = b.policy;
        Verdict byPolicy = policy == null ? Verdict.NONE : evaluate(policy, action, resource);
        if (byPolicy == Verdict.DENY) {
            throw denied(AccessMessages.anonymousDeniedByPolicy(operation, action, resource));
        }
        boolean restrict = b.publicAccessBlock != null && Boolean.TRUE.equals(b.publicAccessBlock.restrictPublicBuckets());
        boolean ignoreAcls = b.aclsDisabled()
            || (b.publicAccessBlock != null && Boolean.TRUE.equals(b.publicAccessBlock.ignorePublicAcls()));
        if (!(byPolicy == Verdict.ALLOW && !restrict) && !(!ignoreAcls && aclAllows(operation, b, key, versionId))) {
            throw denied(AccessMessages.anonymousNotPublic(operation, action, resource, byPolicy == Verdict.ALLOW && restrict,
                ignoreAcls));
        }
        if (READS.contains(operation) && !exists(b, key, versionId)
            && !allowed(b, "s3:ListBucket", "arn:" + partition + ":s3:::" + b.name, "ListObjects", restrict, ignoreAcls)) {
            throw denied(AccessMessages.anonymousNoListBucket(operation, key));
        }
    }

    /** Reads that answer 404 for a missing key only to callers that may list the bucket. */
    private static final Set<String> READS = Set.of("GetObject", "HeadObject", "GetObjectAttributes");

    private static boolean exists(Bucket b, String key, String versionId) {
        ObjectVersion v = version(b, key, versionId);
        return v != null && !v.deleteMarker();
    }

    private static boolean allowed(Bucket b, String action, String resource, String operation, boolean restrict,
                                   boolean ignoreAcls) {
        Verdict v = b.policy == null ? Verdict.NONE : evaluate(b.policy, action, resource);
        return v != Verdict.DENY && ((v == Verdict.ALLOW && !restrict) || (!ignoreAcls && aclAllows(operation, b, null, null)));
    }

    /** The ARN an operation acts on: the bucket's, or its object's. */
    private static String resourceOf(String partition, Bucket b, String operation, String key) {
        return "arn:" + partition + ":s3:::" + b.name + (key == null || BUCKET_ACTIONS.containsKey(operation) ? "" : "/" + key);
    }

    /** Operations S3 keeps open to the owner's root whatever the policy denies. */
    private static final Set<String> POLICY_MANAGEMENT = Set.of("GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy");

    /**
     * Throws AccessDenied when {@code b}'s policy explicitly denies {@code operation} on {@code key} (null: the
     * bucket) to a signed caller of {@code accountId}; see the class comment.
     */
    static void checkSigned(String operation, Bucket b, String key, String versionId, String partition, String accountId) {
        String policy = b.policy;
        if (policy == null || POLICY_MANAGEMENT.contains(operation)) {
            return;
        }
        String action = signedActionOf(operation, versionId);
        String resource = resourceOf(partition, b, operation, key);
        if (deniedTo(policy, action, resource, accountId, partition)) {
            throw denied(AccessMessages.signedDeniedByPolicy(operation, action, resource));
        }
    }

    /** One key of a DeleteObjects, judged as a DeleteObject of its own; throws AccessDenied for its entry. */
    static void checkKey(S3State.Call c, Bucket b, String key, String versionId, String accountId) {
        if (c.direct()) {
            return;
        }
        String partition = partition(c.region());
        if (c.anonymous()) {
            checkAnonymous("DeleteObject", b, key, versionId, partition);
        } else {
            checkSigned("DeleteObject", b, key, versionId, partition, accountId);
        }
    }

    /** The action S3 authorizes an operation as, for any caller: the anonymous table, else "s3:" + operation. */
    private static String signedActionOf(String operation, String versionId) {
        String action = actionOf(operation, versionId);
        return action != null ? action : SIGNED_ACTIONS.getOrDefault(operation, "s3:" + operation);
    }

    /** Operations whose IAM action is not "s3:" + their name. */
    private static final Map<String, String> SIGNED_ACTIONS = Map.ofEntries(
        Map.entry("ListBuckets", "s3:ListAllMyBuckets"),
        Map.entry("GetBucketCors", "s3:GetBucketCORS"), Map.entry("PutBucketCors", "s3:PutBucketCORS"),
        Map.entry("DeleteBucketCors", "s3:PutBucketCORS"),
        Map.entry("GetBucketEncryption", "s3:GetEncryptionConfiguration"),
        Map.entry("PutBucketEncryption", "s3:PutEncryptionConfiguration"),
        Map.entry("DeleteBucketEncryption", "s3:PutEncryptionConfiguration"),
        Map.entry("GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
        Map.entry("PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
        Map.entry("DeleteBucketLifecycle", "s3:PutLifecycleConfiguration"),
        Map.entry("DeleteBucketOwnershipControls", "s3:PutBucketOwnershipControls"),
        Map.entry("GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
        Map.entry("PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
        Map.entry("DeletePublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
        Map.entry("DeleteBucketTagging", "s3:PutBucketTagging"));

    /** Whether an unconditioned Deny statement names the account's root (everyone, the account id, or its root ARN). */
    private static boolean deniedTo(String policy, String action, String resource, String accountId, String partition) {
        Object doc = JsonTree.read(policy);
        Object statements = doc instanceof Map<?, ?> m ? m.get("Statement") : null;
        for (Object s : statements instanceof List<?> l ? l : List.of(statements == null ? Map.of() : statements)) {
            if (s instanceof Map<?, ?> st && "Deny".equals(st.get("Effect")) && !st.containsKey("Condition")
                && namesRoot(st, accountId, partition) && matches(st, "Action", "NotAction", action, true)
                && matches(st, "Resource", "NotResource", resource, false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesRoot(Map<?, ?> st, String accountId, String partition) {
        List<String> root = List.of(ANY, accountId, "arn:" + partition + ":iam::" + accountId + ":root");
        if (st.containsKey("NotPrincipal")) {
            return !(st.get("NotPrincipal") instanceof Map<?, ?> m && values(m.get("AWS")).stream().anyMatch(root::contains));
        }
        Object p = st.get("Principal");
        if (ANY.equals(p)) {
            return true;
        }
        return p instanceof Map<?, ?> m && values(m.get("AWS")).stream().anyMatch(root::contains);
    }

    /** ListBuckets and CreateBucket: never anonymous. */
    static RuntimeException deniedWithoutBucket(String operation) {
        return S3Errors.error("AccessDenied", AccessMessages.anonymousOwnerOnly(operation, null));
    }

    private static String actionOf(String operation, String versionId) {
        String action = OBJECT_ACTIONS.getOrDefault(operation, BUCKET_ACTIONS.get(operation));
        if (operation.equals("DeleteObjects")) {
            return "s3:DeleteObject";
        }
        if (action != null && versionId != null && (action.equals("s3:GetObject") || action.equals("s3:DeleteObject")
            || action.equals("s3:GetObjectAcl") || action.equals("s3:GetObjectTagging"))) {
            return action + "Version";   // s3:GetObjectVersion, s3:DeleteObjectVersion, ...
        }
        return action;
    }

    private static boolean aclAllows(String operation, Bucket b, String key, String versionId) {
        if (NEED_BUCKET_WRITE.contains(operation)) {
            return grants(b.acl, Permission.WRITE);
        }
        if (NEED_BUCKET_READ.contains(operation)) {
            return grants(b.acl, Permission.READ);
        }
        if (operation.equals("GetBucketAcl")) {
            return grants(b.acl, Permission.READ_ACP);
        }
        if (operation.equals("PutBucketAcl")) {
            return grants(b.acl, Permission.WRITE_ACP);
        }
        if (key == null) {
            return false;
        }
        ObjectVersion v = version(b, key, versionId);
        if (v == null || v.acl() == null) {
            return false;
        }
        return switch (operation) {
            case "GetObject", "HeadObject", "GetObjectAttributes", "GetObjectTagging" -> grants(v.acl(), Permission.READ);
            case "GetObjectAcl" -> grants(v.acl(), Permission.READ_ACP);
            case "PutObjectAcl" -> grants(v.acl(), Permission.WRITE_ACP);
            default -> false;
        };
    }

    private static ObjectVersion version(Bucket b, String key, String versionId) {
        List<ObjectVersion> versions = b.keys.get(key);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        if (versionId == null) {
            return versions.get(0);
        }
        return versions.stream().filter(v -> versionId.equals(v.versionId())).findFirst().orElse(null);
    }

    /** Whether the ACL grants AllUsers {@code needed} (or FULL_CONTROL). AuthenticatedUsers does not take anonymous callers. */
    private static boolean grants(List<Grant> acl, Permission needed) {
        return acl != null && acl.stream().anyMatch(g -> g.grantee() != null && g.grantee().type() == Type.GROUP
            && Acls.ALL_USERS.equals(g.grantee().uri())
            && (g.permission() == needed || g.permission() == Permission.FULL_CONTROL));
    }

    private enum Verdict { ALLOW, DENY, NONE }

    /** An explicit Deny for everyone wins over any Allow; statements with a Condition are not weighed. */
    private static Verdict evaluate(String policy, String action, String resource) {
        Object doc = JsonTree.read(policy);
        Object statements = doc instanceof Map<?, ?> m ? m.get("Statement") : null;
        Verdict verdict = Verdict.NONE;
        for (Object s : statements instanceof List<?> l ? l : List.of(statements == null ? Map.of() : statements)) {
            if (!(s instanceof Map<?, ?> st) || st.containsKey("Condition") || !forEveryone(st)
                || !matches(st, "Action", "NotAction", action, true) || !matches(st, "Resource", "NotResource", resource, false)) {
                continue;
            }
            if ("Deny".equals(st.get("Effect"))) {
                return Verdict.DENY;
            }
            if ("Allow".equals(st.get("Effect"))) {
                verdict = Verdict.ALLOW;
            }
        }
        return verdict;
    }

    /** Principal "*" or {"AWS": "*"} names everyone; a NotPrincipal names everyone but ARNs and ids, never anonymous. */
    private static boolean forEveryone(Map<?, ?> st) {
        if (st.containsKey("NotPrincipal")) {
            return true;
        }
        Object p = st.get("Principal");
        if (ANY.equals(p)) {
            return true;
        }
        if (p instanceof Map<?, ?> m) {
            return values(m.get("AWS")).contains(ANY);
        }
        return false;
    }

    private static boolean matches(Map<?, ?> st, String field, String notField, String value, boolean ignoreCase) {
        if (st.containsKey(field)) {
            return values(st.get(field)).stream().anyMatch(g -> glob(g, value, ignoreCase));
        }
        if (st.containsKey(notField)) {
            return values(st.get(notField)).stream().noneMatch(g -> glob(g, value, ignoreCase));
        }
        return false;
    }

    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL)
            .matcher(value).matches();
    }

    private static List<String> values(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    private static RuntimeException denied(String message) {
        return S3Errors.error("AccessDenied", message);
    }

    /** The partition of a region's ARNs. */
    static String partition(String region) {
        String r = region == null ? "" : region.toLowerCase(Locale.ROOT);
        return r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
