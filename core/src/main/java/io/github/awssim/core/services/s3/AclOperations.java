package io.github.awssim.core.services.s3;

import java.util.List;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;

/**
 * S3 Object Ownership and ACLs: which ACL a write may carry, Get/PutBucketAcl, Get/PutObjectAcl and
 * Put/Get/DeleteBucketOwnershipControls. A bucket with ACLs disabled (BucketOwnerEnforced, every new bucket's
 * setting) accepts writes without an ACL or with {@code bucket-owner-full-control}, refuses to set any ACL
 * (400 AccessControlListNotSupported), and answers every ACL read with its owner's FULL_CONTROL; the ACLs it
 * held before are kept, and come back when ACLs are enabled again, as S3 restores them.
 */
final class AclOperations {
    private final S3State state;
    private final Storage storage;

    AclOperations(S3State state, Storage storage) {
        this.state = state;
        this.storage = storage;
    }

    // ---- ACLs carried by writes ----------------------------------------------------------------

    /**
     * The ACL a new object gets from its PutObject, CopyObject or CreateMultipartUpload: the one it asks for,
     * else private (a copy never keeps its source's ACL). With ACLs disabled only {@code bucket-owner-full-control}
     * (or grants equal to it) passes; a public ACL is refused under BlockPublicAcls.
     */
    static List<Grant> forObjectWrite(String operation, Bucket b, Acls.Headers h) {
        String ownerId = b.ownerId();
        List<Grant> requested = Acls.requested(operation, h, ownerId, false);
        if (b.aclsDisabled()) {
            boolean ownerOnly = h.canned() != null ? h.canned().equals(Acls.BUCKET_OWNER_FULL_CONTROL)
                : requested == null || Acls.ownerFullControlOnly(requested, ownerId);
            if (!ownerOnly) {
                throw S3Errors.error("AccessControlListNotSupported", AccessMessages.aclsDisabled(operation, b.name));
            }
            return Acls.privateAcl(ownerId);
        }
        PublicAccess.checkAcl(operation, b, requested);
        return requested != null ? requested : Acls.privateAcl(ownerId);
    }

    /** The Object Ownership and ACL CreateBucket gives a new bucket. */
    record NewBucket(ObjectOwnership ownership, List<Grant> acl) {
    }

    /**
     * CreateBucket's access rules: {@code x-amz-object-ownership} defaults to BucketOwnerEnforced, which takes no
     * ACL but the owner's FULL_CONTROL (InvalidBucketAclWithObjectOwnership); a new bucket blocks public ACLs, so
     * one asking for a public ACL is AccessDenied.
     */
    static NewBucket forNewBucket(String operation, String ownerAccount, CreateBucketRequest r) {
        ObjectOwnership ownership = ObjectOwnership.BUCKET_OWNER_ENFORCED;
        if (r.objectOwnershipAsString() != null) {
            ownership = r.objectOwnership();
            if (ownership == ObjectOwnership.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.error("InvalidArgument", AccessMessages.badOwnershipHeader(operation,
                    r.objectOwnershipAsString()));
            }
        }
        String ownerId = BucketOperations.owner(ownerAccount).id();
        List<Grant> requested = Acls.requested(operation, new Acls.Headers(r.aclAsString(), r.grantFullControl(),
            r.grantRead(), r.grantReadACP(), r.grantWrite(), r.grantWriteACP()), ownerId, true);
        if (requested == null) {
            return new NewBucket(ownership, Acls.privateAcl(ownerId));
        }
        if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && !Acls.ownerFullControlOnly(requested, ownerId)) {
            throw S3Errors.error("InvalidBucketAclWithObjectOwnership",
                AccessMessages.aclWithEnforcedOwnership(operation, r.bucket()));
        }
        if (Acls.isPublic(requested)) {
            throw S3Errors.error("AccessDenied", AccessMessages.publicAclOnNewBucket(operation, r.bucket()));
        }
        return new NewBucket(ownership, requested);
    }

    // ---- Get/PutBucketAcl, Get/PutObjectAcl ----------------------------------------------------

    GetBucketAclResponse getBucketAcl(S3State.Call c, String bucket) {
        Bucket b = state.bucket(c, bucket);
        return GetBucketAclResponse.builder().owner(BucketOperations.owner(b.ownerAccount)).grants(shown(b, b.acl)).build();
    }

    void putBucketAcl(S3State.Call c, String bucket, Acls.Headers h, AccessControlPolicy body) {
        Bucket b = state.bucket(c, bucket);
        b.lock.lock();
        try {
            requireAclsEnabled(c.operation(), b);
            List<Grant> acl = aclToSet(c.operation(), b, h, body, true);
            PublicAccess.checkAcl(c.operation(), b, acl);
            b.acl = acl;
        } finally {
            b.lock.unlock();
        }
    }

    GetObjectAclResponse getObjectAcl(S3State.Call c, String bucket, String key, String versionId) {
        Bucket b = state.bucket(c, bucket);
        Storage.requireKey(c.operation(), key);
        ObjectVersion v = Storage.find(c, b, key, versionId);
        return GetObjectAclResponse.builder().owner(BucketOperations.owner(b.ownerAccount)).grants(shown(b, v.acl())).build();
    }

    void putObjectAcl(S3State.Call c, String bucket, String key, String versionId, Acls.Headers h, AccessControlPolicy body) {
        Bucket b = state.bucket(c, bucket);
        Storage.requireKey(c.operation(), key);
        requireAclsEnabled(c.operation(), b);
        ObjectVersion v = Storage.find(c, b, key, versionId);
        List<Grant> acl = aclToSet(c.operation(), b, h, body, false);
        PublicAccess.checkAcl(c.operation(), b, acl);
        storage.replace(b, key, v, v.withAcl(acl));
    }

    /** What a read shows: the owner's FULL_CONTROL while ACLs are disabled, else the ACL as set. */
    private static List<Grant> shown(Bucket b, List<Grant> acl) {
        return b.aclsDisabled() || acl == null ? Acls.privateAcl(b.ownerId()) : acl;
    }

    private static void requireAclsEnabled(String operation, Bucket b) {
        if (b.aclsDisabled()) {
            throw S3Errors.error("AccessControlListNotSupported", AccessMessages.aclsDisabled(operation, b.name));
        }
    }

    /** The ACL of a PutBucketAcl or PutObjectAcl: from its headers or its body, exactly one of them. */
    private static List<Grant> aclToSet(String operation, Bucket b, Acls.Headers h, AccessControlPolicy body, boolean bucket) {
        if (body != null && !h.isEmpty()) {
            throw S3Errors.error("UnexpectedContent", AccessMessages.bodyAndHeaders(operation));
        }
        if (body != null) {
            return Acls.fromBody(operation, body);
        }
        if (h.isEmpty()) {
            throw S3Errors.error("MissingSecurityHeader", AccessMessages.missingAcl(operation));
        }
        return Acls.requested(operation, h, b.ownerId(), bucket);
    }

    // ---- Put/Get/DeleteBucketOwnershipControls -------------------------------------------------

    /**
     * Sets Object Ownership. BucketOwnerEnforced needs the bucket's ACL to be its owner's FULL_CONTROL only
     * (InvalidBucketAclWithObjectOwnership otherwise); object ACLs do not matter, since they stop counting.
     */
    void putOwnership(S3State.Call c, String bucket, OwnershipControls controls) {
        Bucket b = state.bucket(c, bucket);
        List<OwnershipControlsRule> rules = controls == null || !controls.hasRules() ? List.of() : controls.rules();
        ObjectOwnership ownership = rules.size() == 1 ? rules.get(0).objectOwnership() : null;
        if (ownership == null || ownership == ObjectOwnership.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.error("MalformedXML", AccessMessages.malformedOwnershipControls(c.operation()));
        }
        b.lock.lock();
        try {
            if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && !Acls.ownerFullControlOnly(b.acl, b.ownerId())) {
                throw S3Errors.error("InvalidBucketAclWithObjectOwnership",
                    AccessMessages.aclWithEnforcedOwnership(c.operation(), b.name));
            }
            b.ownership = ownership;
        } finally {
            b.lock.unlock();
        }
    }

    GetBucketOwnershipControlsResponse getOwnership(S3State.Call c, String bucket) {
        Bucket b = state.bucket(c, bucket);
        ObjectOwnership ownership = b.ownership;
        if (ownership == null) {
            throw S3Errors.error("OwnershipControlsNotFoundError", AccessMessages.noOwnershipControls(c.operation(), b.name));
        }
        return GetBucketOwnershipControlsResponse.builder()
            .ownershipControls(o -> o.rules(OwnershipControlsRule.builder().objectOwnership(ownership).build())).build();
    }

    void deleteOwnership(S3State.Call c, String bucket) {
        Bucket b = state.bucket(c, bucket);
        b.lock.lock();
        try {
            b.ownership = null;
        } finally {
            b.lock.unlock();
        }
    }
}
