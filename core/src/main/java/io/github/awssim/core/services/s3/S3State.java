package io.github.awssim.core.services.s3;

import io.github.awssim.core.internal.Engine;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;

/**
 * All mutable state of one simulation's S3: the buckets (one namespace for every account and region, as in
 * an AWS partition), the storage of large objects, the queued faults and the knobs. An
 * {@link S3Simulator}, its views and any Mockito spy of it share one instance.
 */
final class S3State {
    static final long DEFAULT_SPILL_THRESHOLD = 1024 * 1024;
    static final long DEFAULT_MINIMUM_PART_SIZE = 5L * 1024 * 1024;

    final Engine engine;
    final BlobStore store = new BlobStore();
    final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Creating and deleting buckets: the namespace changes one bucket at a time. */
    final Object namespace = new Object();
    private final Deque<QueuedFault> faults = new ArrayDeque<>();
    volatile long spillThreshold = DEFAULT_SPILL_THRESHOLD;
    volatile long minimumPartSize = DEFAULT_MINIMUM_PART_SIZE;

    /** Lifecycle actions on the simulation clock, run by the engine's catch-up. */
    final Lifecycles lifecycles = new Lifecycles(this);

    S3State(Engine engine) {
        this.engine = engine;
        engine.closeWith(store);
        engine.addCatchUp(lifecycles::catchUp);
    }

    /** One call as the rules see it: which operation, who, where, when; direct calls come from the typed API. */
    /** @param anonymous an unsigned call from a client: only what a public bucket allows (see {@link BucketAccess}) */
    record Call(String operation, String accountId, String region, Instant now, boolean direct, ExpectedOwners expected,
                boolean anonymous) {
    }

    /**
     * The accounts a request says must own the buckets it names ({@code x-amz-expected-bucket-owner}, and
     * {@code x-amz-source-expected-bucket-owner} for a copy's source); null when it says nothing. Read by
     * member name, so every bucket-scoped operation carrying the header is checked without a line of its own.
     */
    record ExpectedOwners(String bucket, String sourceBucket) {
        static final ExpectedOwners NONE = new ExpectedOwners(null, null);

        static ExpectedOwners of(Object request) {
            if (!(request instanceof SdkRequest r)) {
                return NONE;
            }
            return new ExpectedOwners(r.getValueForField("ExpectedBucketOwner", String.class).orElse(null),
                r.getValueForField("ExpectedSourceBucketOwner", String.class).orElse(null));
        }
    }

    // ---- buckets -----------------------------------------------------------------------------

    /**
     * The bucket a call names, as S3 finds it: NoSuchBucket when there is none; AccessDenied when the
     * request's {@code x-amz-expected-bucket-owner} is not the bucket's owner; for calls through a client,
     * AccessDenied when another account owns it and PermanentRedirect (301, with {@code x-amz-bucket-region})
     * when the client calls another region than the bucket's. The typed API reaches every bucket.
     */
    Bucket bucket(Call c, String name) {
        return reach(c, name, "x-amz-expected-bucket-owner", c.expected().bucket());
    }

    /** The source bucket of a copy: as {@link #bucket}, checked against the source's expected owner. */
    Bucket sourceBucket(Call c, String name) {
        return reach(c, name, "x-amz-source-expected-bucket-owner", c.expected().sourceBucket());
    }

    /**
     * The expected owner is checked for the typed API too: the request itself states it, whereas the
     * caller's account is known only for calls through a client.
     */
    private Bucket reach(Call c, String name, String expectedOwnerHeader, String expectedOwner) {
        Bucket b = name == null ? null : buckets.get(name);
        if (b == null || b.deleted) {
            throw S3Errors.error("NoSuchBucket", S3Messages.noSuchBucket(c.operation(), name));
        }
        if (expectedOwner != null && !expectedOwner.equals(b.ownerAccount)) {
            throw S3Errors.error("AccessDenied", S3Messages.unexpectedOwner(c.operation(), name, expectedOwnerHeader,
                expectedOwner));
        }
        if (c.direct()) {
            return b;
        }
        if (!c.anonymous() && !b.ownerAccount.equals(c.accountId())) {   // an anonymous call was judged on entry
            throw S3Errors.error("AccessDenied", S3Messages.accessDenied(c.operation(), name, c.accountId()));
        }
        if (!b.region.equals(c.region()) && !c.operation().equals("GetBucketLocation")) {
            throw S3Errors.error("PermanentRedirect", S3Messages.wrongRegion(c.operation(), name, b.region, c.region()),
                Map.of("x-amz-bucket-region", b.region));
        }
        return b;
    }

    // ---- ids ---------------------------------------------------------------------------------

    /** A version id like S3's: 32 URL-safe characters from the simulation's seeded randomness. */
    String newVersionId() {
        return randomToken(2).substring(0, 32);
    }

    /** The ID S3 gives a lifecycle rule sent without one: base64 of a UUID's text, the shape S3's have. */
    String newRuleId() {
        return Base64.getEncoder().encodeToString(engine.newUuid().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An upload id like S3's: a long URL-safe token. */
    String newUploadId() {
        return randomToken(4);
    }

    private String randomToken(int uuids) {
        ByteBuffer bytes = ByteBuffer.allocate(16 * uuids);
        for (int i = 0; i < uuids; i++) {
            UUID u = UUID.fromString(engine.newUuid());
            bytes.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()).replace('-', '.');
    }

    // ---- faults ------------------------------------------------------------------------------

    private record QueuedFault(S3Fault fault, String operation) {
    }

    void queueFaults(int calls, S3Fault fault, String operation) {
        synchronized (faults) {
            for (int i = 0; i < calls; i++) {
                faults.addLast(new QueuedFault(fault, operation));
            }
        }
    }

    void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** Throws the first queued fault meant for this operation (any operation when queued without one). */
    void strikeFault(Call c) {
        QueuedFault hit = null;
        synchronized (faults) {
            for (QueuedFault f : faults) {
                if (f.operation() == null || f.operation().equals(c.operation())) {
                    hit = f;
                    break;
                }
            }
            if (hit != null) {
                faults.remove(hit);
            }
        }
        if (hit != null) {
            throw hit.fault().exception(c.operation());
        }
    }

    /** Operations whose answer can carry an error inside an HTTP 200 (their output has an XML body). */
    static final List<String> ERROR_IN_200_OPERATIONS = List.of("CopyObject", "UploadPartCopy", "CompleteMultipartUpload");
}
