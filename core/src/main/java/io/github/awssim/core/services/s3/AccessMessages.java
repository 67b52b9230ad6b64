package io.github.awssim.core.services.s3;

import java.util.List;

/**
 * The messages of Object Ownership, ACLs and Block Public Access, kept apart from {@link S3Messages} (same
 * rules: S3's own sentence first, then the operation, the member and the value at fault, and the way out).
 */
final class AccessMessages {
    private AccessMessages() {
    }

    // ---- ACL values ----------------------------------------------------------------------------

    static String cannedAndGrants(String operation) {
        return "Specifying both Canned ACLs and Header Grants is not allowed (" + operation + ": send x-amz-acl or "
            + "x-amz-grant-* headers, not both.)";
    }

    static String bodyAndHeaders(String operation) {
        return "This request does not support content (" + operation + ": send the ACL either as an "
            + "AccessControlPolicy body or as x-amz-acl / x-amz-grant-* headers, not both.)";
    }

    static String missingAcl(String operation) {
        return "Your request was missing a required header (" + operation + ": send x-amz-acl, x-amz-grant-* headers "
            + "or an AccessControlPolicy body.)";
    }

    static String badCannedAcl(String operation, String canned, boolean bucket) {
        return "Invalid canned ACL (" + operation + ": '" + canned + "' is not a canned ACL of "
            + (bucket ? "buckets: private, public-read, public-read-write, authenticated-read, aws-exec-read, "
                + "log-delivery-write.)"
                : "objects: private, public-read, public-read-write, authenticated-read, aws-exec-read, "
                + "bucket-owner-read, bucket-owner-full-control.)");
    }

    static String badGrantHeader(String operation, String header, String value) {
        return "Argument format not recognized (" + operation + ": " + header + " '" + value + "' must be a comma-separated "
            + "list of id=\"…\", uri=\"…\" or emailAddress=\"…\".)";
    }

    static String malformedAcl(String operation) {
        return "The XML you provided was not well-formed or did not validate against our published schema (" + operation
            + ": every Grant needs a Grantee with its xsi:type and a Permission of FULL_CONTROL, WRITE, WRITE_ACP, READ "
            + "or READ_ACP.)";
    }

    static String badCanonicalId(String operation, String id) {
        return "Invalid id (" + operation + ": grantee id '" + id + "' is not a canonical user id, 64 hex characters; "
            + "an account's is the Owner ID ListBuckets answers.)";
    }

    static String badGroupUri(String operation, String uri, List<String> groups) {
        return "Invalid group uri (" + operation + ": '" + uri + "' is none of S3's groups " + groups + ".)";
    }

    static String unresolvableEmail(String operation, String email) {
        return "The email address you provided does not match any account on record. (" + operation + ": grantee '"
            + email + "'; awssim resolves no email addresses: grant to the account's canonical id instead.)";
    }

    // ---- Object Ownership ----------------------------------------------------------------------

    static String aclsDisabled(String operation, String bucket) {
        return "The bucket does not allow ACLs (" + operation + ": bucket '" + bucket + "' has Object Ownership "
            + "BucketOwnerEnforced, S3's default since April 2023; send no ACL or bucket-owner-full-control, or enable "
            + "ACLs with PutBucketOwnershipControls (BucketOwnerPreferred or ObjectWriter).)";
    }

    static String aclWithEnforcedOwnership(String operation, String bucket) {
        return "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting (" + operation + ": bucket '"
            + bucket + "'; its ACL must give FULL_CONTROL to its owner only: reset it with acl(BucketCannedACL.PRIVATE), "
            + "or create the bucket with objectOwnership(BUCKET_OWNER_PREFERRED or OBJECT_WRITER).)";
    }

    static String badOwnershipHeader(String operation, String value) {
        return "Invalid x-amz-object-ownership header: " + value + " (" + operation + ": one of BucketOwnerEnforced, "
            + "BucketOwnerPreferred, ObjectWriter.)";
    }

    static String malformedOwnershipControls(String operation) {
        return "The XML you provided was not well-formed or did not validate against our published schema (" + operation
            + ": OwnershipControls takes exactly one Rule, whose ObjectOwnership is BucketOwnerEnforced, "
            + "BucketOwnerPreferred or ObjectWriter.)";
    }

    static String noOwnershipControls(String operation, String bucket) {
        return "The bucket ownership controls were not found (" + operation + ": bucket '" + bucket + "' has none since "
            + "DeleteBucketOwnershipControls; ACLs are enabled, as for ObjectWriter.)";
    }

    // ---- Block Public Access -------------------------------------------------------------------

    static String publicAclBlocked(String operation, String bucket) {
        return "Access Denied (" + operation + ": the ACL is public, and bucket '" + bucket + "' has BlockPublicAcls on, "
            + "as every new bucket has; call DeletePublicAccessBlock or PutPublicAccessBlock first.)";
    }

    static String publicAclOnNewBucket(String operation, String bucket) {
        return "Access Denied (" + operation + ": bucket '" + bucket + "' would be created with a public ACL while new "
            + "buckets block public ACLs; create it without the ACL, call DeletePublicAccessBlock, then PutBucketAcl.)";
    }

    static String publicPolicyBlocked(String operation, String bucket) {
        return "Access Denied (" + operation + ": the policy grants public access, and bucket '" + bucket + "' has "
            + "BlockPublicPolicy on, as every new bucket has; call DeletePublicAccessBlock or PutPublicAccessBlock first, "
            + "or name fixed principals.)";
    }

    static String noPublicAccessBlock(String operation, String bucket) {
        return "The public access block configuration was not found (" + operation + ": bucket '" + bucket
            + "' has none since DeletePublicAccessBlock.)";
    }

    static String missingPublicAccessBlock(String operation) {
        return "The XML you provided was not well-formed or did not validate against our published schema (" + operation
            + ": PublicAccessBlockConfiguration is required.)";
    }

    static String anonymousOwnerOnly(String operation, String bucket) {
        return "Access Denied (" + operation + ": an anonymous request" + (bucket == null ? "" : " to bucket '" + bucket + "'")
            + "; only the owner's signed requests may do this. Sign the request: give the client credentials.)";
    }

    static String anonymousDeniedByPolicy(String operation, String action, String resource) {
        return "Access Denied (" + operation + ": an anonymous request; the bucket policy denies everyone " + action
            + " on " + resource + ".)";
    }

    static String anonymousNotPublic(String operation, String action, String resource, boolean restricted, boolean aclsIgnored) {
        return "Access Denied (" + operation + ": an anonymous request, and nothing makes " + action + " on " + resource
            + " public: " + (restricted ? "the bucket policy allows it, but RestrictPublicBuckets is on; "
                : "no bucket policy statement without a Condition allows it to Principal \"*\"; ")
            + (aclsIgnored ? "ACLs do not count (IgnorePublicAcls is on, or Object Ownership is BucketOwnerEnforced)."
                : "no ACL grants it to AllUsers.") + " Sign the request, or make the bucket public.)";
    }

    static String anonymousNoListBucket(String operation, String key) {
        return "Access Denied (" + operation + ": an anonymous request for key '" + key + "', which does not exist; S3 answers "
            + "404 only to a caller that may also s3:ListBucket the bucket.)";
    }

    static String signedDeniedByPolicy(String operation, String action, String resource) {
        return "Access Denied (" + operation + ": the bucket policy explicitly denies " + action + " on " + resource
            + " to everyone, this account included; the owner may still GetBucketPolicy, PutBucketPolicy and "
            + "DeleteBucketPolicy to change it.)";
    }
}
