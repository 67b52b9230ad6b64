package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * One bucket: its keys in S3's order (UTF-8 binary, which is code-point order), each with its versions
 * newest first, and its multipart uploads. Readers never lock: a key's versions are an immutable list
 * swapped in whole, so a reader sees the state before or after a write, never part of one. Writers
 * stream their bytes without the lock and take it only to check their conditions and commit, so the last
 * committed write wins and a conditional write's check and commit are one step.
 */
final class Bucket {
    /** S3 lists keys in UTF-8 binary order: comparing code points gives exactly that. */
    static final Comparator<String> KEY_ORDER = Bucket::compareCodePoints;

    final String name;
    final String ownerAccount;
    final String region;
    final Instant created;
    /** The owner's canonical user id, computed once: every write carrying an ACL compares against it. */
    private final String ownerId;
    final ConcurrentSkipListMap<String, List<ObjectVersion>> keys = new ConcurrentSkipListMap<>(KEY_ORDER);
    final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    /** Completed uploads, so a retried CompleteMultipartUpload whose answer was lost gets it again. */
    final Map<String, Object> completed = new ConcurrentHashMap<>();
    final ReentrantLock lock = new ReentrantLock();
    volatile BucketVersioningStatus versioning;
    volatile Map<String, String> tags;
    volatile String policy;
    /** Default encryption and blocked encryption types (PutBucketEncryption); never null. */
    volatile software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration encryption =
        Encryptions.defaultConfiguration();
    /**
     * Object Ownership: BucketOwnerEnforced (ACLs disabled) unless CreateBucket or PutBucketOwnershipControls
     * said otherwise; null after DeleteBucketOwnershipControls, which leaves ACLs enabled. Changed under
     * {@link #lock}, with {@link #acl}, so an ACLs-disabled bucket never holds an ACL beyond its owner's.
     */
    volatile ObjectOwnership ownership = ObjectOwnership.BUCKET_OWNER_ENFORCED;
    /** The bucket's ACL as set; while ACLs are disabled S3 answers the owner's FULL_CONTROL instead. */
    volatile List<Grant> acl;
    /** Block Public Access: all four settings on for a new bucket; null after DeletePublicAccessBlock. */
    volatile PublicAccessBlockConfiguration publicAccessBlock = PublicAccess.ALL_BLOCKED;
    /** The CORS rules as PutBucketCors checked them; null when there are none. */
    volatile List<software.amazon.awssdk.services.s3.model.CORSRule> cors;
    /** The lifecycle configuration PutBucketLifecycleConfiguration accepted; null when there is none. */
    volatile LifecycleConfig lifecycle;
    volatile boolean deleted;

    Bucket(String name, String ownerAccount, String region, Instant created) {
        this.name = name;
        this.ownerAccount = ownerAccount;
        this.region = region;
        this.created = created;
        this.ownerId = BucketOperations.owner(ownerAccount).id();
        this.acl = Acls.privateAcl(ownerId);
    }

    /** The owner's canonical user id, as ListBuckets and every ACL show it. */
    String ownerId() {
        return ownerId;
    }

    /** Whether Object Ownership disables ACLs (BucketOwnerEnforced). */
    boolean aclsDisabled() {
        return ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED;
    }

    /** The key's current version (possibly a delete marker), or null. */
    ObjectVersion current(String key) {
        List<ObjectVersion> versions = keys.get(key);
        return versions == null || versions.isEmpty() ? null : versions.get(0);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The smallest string greater than every string starting with {@code prefix}: where a listing resumes
     * after rolling a common prefix up.
     */
    static String successor(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int cp = prefix.codePointBefore(end);
            int start = end - Character.charCount(cp);
            if (cp < Character.MAX_CODE_POINT) {
                int next = cp + 1;
                if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                    next = Character.MAX_SURROGATE + 1;
                }
                return prefix.substring(0, start) + new String(Character.toChars(next));
            }
            end = start;
        }
        return null;
    }

    @Override
    public String toString() {
        return "Bucket[" + name + ", " + region + "]";
    }
}
