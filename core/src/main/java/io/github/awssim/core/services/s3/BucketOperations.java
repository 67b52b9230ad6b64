package io.github.awssim.core.services.s3;

import io.github.awssim.core.internal.model.JsonTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Owner;

/**
 * The bucket rules: names, creation with its LocationConstraint rules, deletion of empty buckets only,
 * listing, versioning, tags and policy.
 */
final class BucketOperations {
    private static final String US_EAST_1 = "us-east-1";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private final S3State state;

    BucketOperations(S3State state) {
        this.state = state;
    }

    /** Why S3 refuses a general purpose bucket name, or null when it accepts it. */
    static String invalidName(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            return "bucket names are 3 to 63 characters long";
        }
        if (!NAME.matcher(name).matches()) {
            return "bucket names use lowercase letters, digits, '.' and '-', and start and end with a letter or digit";
        }
        if (name.contains("..")) {
            return "bucket names have no two adjacent periods";
        }
        if (IP.matcher(name).matches()) {
            return "bucket names are not formatted as IP addresses";
        }
        for (String p : RESERVED_PREFIXES) {
            if (name.startsWith(p)) {
                return "the prefix '" + p + "' is reserved";
            }
        }
        for (String s : RESERVED_SUFFIXES) {
            if (name.endsWith(s)) {
                return "the suffix '" + s + "' is reserved";
            }
        }
        return null;
    }

    CreateBucketResponse create(S3State.Call c, CreateBucketRequest r) {
        String problem = invalidName(r.bucket());
        if (problem != null) {
            throw S3Errors.error("InvalidBucketName", S3Messages.invalidBucketName(r.bucket(), problem));
        }
        String constraint = r.createBucketConfiguration() == null ? null
            : r.createBucketConfiguration().locationConstraintAsString();
        String region = regionOf(c, constraint);
        AclOperations.NewBucket access = AclOperations.forNewBucket(c.operation(), c.accountId(), r);
        synchronized (state.namespace) {
            Bucket existing = state.buckets.get(r.bucket());
            if (existing != null) {
                if (!existing.ownerAccount.equals(c.accountId())) {
                    throw S3Errors.error("BucketAlreadyExists", S3Messages.bucketAlreadyExists(r.bucket()));
                }
                if (existing.region.equals(US_EAST_1) && region.equals(US_EAST_1)) {
                    // S3's error list: us-east-1 answers a re-create of your own bucket with 200 "and resets the
                    // bucket access control lists", to what this request asks (private when nothing). Only the ACL:
                    // ownership and public access block stay, so an ACLs-disabled bucket keeps the owner's alone.
                    existing.lock.lock();
                    try {
                        existing.acl = existing.aclsDisabled() ? Acls.privateAcl(existing.ownerId()) : access.acl();
                    } finally {
                        existing.lock.unlock();
                    }
                    return CreateBucketResponse.builder().location("/" + r.bucket()).build();
                }
                throw S3Errors.error("BucketAlreadyOwnedByYou", S3Messages.bucketAlreadyOwned(r.bucket(), existing.region));
            }
            // S3 keeps whole seconds, as of objects' LastModified: ListBuckets shows 2026-11-24T03:37:45.000Z
            Bucket b = new Bucket(r.bucket(), c.accountId(), region, c.now().truncatedTo(ChronoUnit.SECONDS));
            b.ownership = access.ownership();
            b.acl = access.acl();
            if (Boolean.TRUE.equals(r.objectLockEnabledForBucket())) {
                b.versioning = BucketVersioningStatus.ENABLED;
            }
            state.buckets.put(b.name, b);
        }
        return CreateBucketResponse.builder()
            .location(region.equals(US_EAST_1) ? "/" + r.bucket() : "http://" + r.bucket() + ".s3.amazonaws.com/")
            .build();
    }

    /**
     * The region a new bucket goes to: the LocationConstraint; none means us-east-1. A regional endpoint
     * (any region but us-east-1) accepts only its own region; us-east-1 accepts any, but not its own name.
     * An empty LocationConstraint is not an absent one: S3 refuses it (versity/versitygw#1644).
     */
    private static String regionOf(S3State.Call c, String constraint) {
        String endpoint = c.region();
        if (constraint == null) {
            if (!c.direct() && !endpoint.equals(US_EAST_1)) {
                throw S3Errors.error("IllegalLocationConstraintException",
                    S3Messages.unspecifiedLocationConstraint(endpoint));
            }
            return c.direct() ? endpoint : US_EAST_1;
        }
        if (constraint.isEmpty()) {
            throw S3Errors.error("InvalidLocationConstraint", S3Messages.emptyLocationConstraint());
        }
        if (constraint.equals(US_EAST_1)) {
            throw S3Errors.error("InvalidLocationConstraint", S3Messages.usEast1Constraint());
        }
        String region = constraint.equals("EU") ? "eu-west-1" : constraint;
        if (!Region.regions().contains(Region.of(region))) {
            throw S3Errors.error("InvalidLocationConstraint", S3Messages.unknownLocationConstraint(constraint));
        }
        if (!c.direct() && !endpoint.equals(US_EAST_1) && !region.equals(endpoint)) {
            throw S3Errors.error("IllegalLocationConstraintException",
                S3Messages.incompatibleLocationConstraint(constraint, endpoint));
        }
        return region;
    }

    void delete(S3State.Call c, String name) {
        List<Upload> abandoned;
        synchronized (state.namespace) {
            Bucket b = state.bucket(c, name);
            b.lock.lock();
            try {
                if (!b.keys.isEmpty()) {
                    long versions = b.keys.values().stream().mapToLong(List::size).sum();
                    throw S3Errors.error("BucketNotEmpty", S3Messages.bucketNotEmpty(name, b.keys.size(), versions));
                }
                b.deleted = true;
                state.buckets.remove(name, b);
                abandoned = new ArrayList<>(b.uploads.values());
                b.uploads.clear();
            } finally {
                b.lock.unlock();
            }
        }
        // Outside the bucket's lock: completing an upload takes the upload's monitor, then the bucket's lock.
        abandoned.forEach(MultipartOperations::release);
    }

    ListBucketsResponse list(S3State.Call c, ListBucketsRequest r) {
        Integer max = r.maxBuckets();
        if (max != null && (max < 1 || max > 10_000)) {
            throw S3Errors.error("InvalidArgument", S3Messages.badMaxBuckets(max));
        }
        String after = null;
        if (r.continuationToken() != null) {
            after = Listings.decodeToken(c.operation(), r.continuationToken());
        }
        List<Bucket> owned = new ArrayList<>();
        for (Bucket b : state.buckets.values()) {
            if (b.ownerAccount.equals(c.accountId()) && !b.deleted
                && (r.prefix() == null || b.name.startsWith(r.prefix()))
                && (r.bucketRegion() == null || b.region.equals(r.bucketRegion()))
                && (after == null || b.name.compareTo(after) > 0)) {
                owned.add(b);
            }
        }
        owned.sort(Comparator.comparing(b -> b.name));
        int limit = max != null ? max : 10_000;
        boolean truncated = owned.size() > limit;
        List<Bucket> page = truncated ? owned.subList(0, limit) : owned;
        ListBucketsResponse.Builder out = ListBucketsResponse.builder()
            .buckets(page.stream().map(b -> software.amazon.awssdk.services.s3.model.Bucket.builder().name(b.name)
                .creationDate(b.created).bucketRegion(b.region).build()).toList())
            .owner(owner(c.accountId()))
            .prefix(r.prefix());
        if (truncated) {
            out.continuationToken(Listings.encodeToken(page.get(page.size() - 1).name));
        }
        return out.build();
    }

    static String locationConstraint(Bucket b) {
        return b.region.equals(US_EAST_1) ? null : b.region;
    }

    void putVersioning(Bucket b, BucketVersioningStatus status, String statusText) {
        if (status == null || status == BucketVersioningStatus.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.error("MalformedXML", S3Messages.badVersioningStatus(statusText));
        }
        b.lock.lock();
        try {
            b.versioning = status;
        } finally {
            b.lock.unlock();
        }
    }

    static GetBucketVersioningResponse versioning(Bucket b) {
        return GetBucketVersioningResponse.builder().status(b.versioning).build();
    }

    static void putPolicy(String operation, Bucket b, String policy) {
        Object doc;
        try {
            doc = policy == null ? null : JsonTree.read(policy);
        } catch (RuntimeException e) {
            doc = null;
        }
        if (!(doc instanceof Map) || !((Map<?, ?>) doc).containsKey("Statement")) {
            throw S3Errors.error("MalformedPolicy", S3Messages.malformedPolicy(operation));
        }
        BucketPolicies.check(operation, b.name, (Map<?, ?>) doc);
        PublicAccess.checkPolicy(operation, b, policy);
        b.policy = policy;
    }

    /** The canonical user id S3 gives an account: 64 hex characters, stable for the account. */
    static Owner owner(String accountId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return Owner.builder().id(Checksums.hex(sha.digest(("awssim:" + accountId).getBytes(StandardCharsets.UTF_8))))
                .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
