package io.github.awssim.core.services.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Receiving bytes and committing versions, shared by PutObject, CopyObject, UploadPart and
 * CompleteMultipartUpload: the body streams into a {@link BlobWriter} with no lock held; its length,
 * Content-MD5 and flexible checksum are checked; then, under the bucket's lock, the write's conditions are
 * checked against the key's current version and the new version is committed, releasing the blobs of
 * the versions it replaces.
 */
final class Storage {
    /** S3's limit for one PutObject, one part and one copy source: 5 GiB. */
    static final long MAX_SINGLE_UPLOAD = 5L * 1024 * 1024 * 1024;
    /** S3's limit on a key: 1024 bytes of UTF-8. */
    static final int MAX_KEY_BYTES = 1024;
    /** S3's limit on user metadata: 2 KB of keys and values. */
    static final int MAX_METADATA_BYTES = 2048;
    /** The storage classes whose objects are read only after a restore. */
    static final Set<String> ARCHIVED = Set.of(StorageClass.GLACIER.toString(), StorageClass.DEEP_ARCHIVE.toString());

    private final S3State state;

    Storage(S3State state) {
        this.state = state;
    }

    /**
     * What a body turned into: its blob (one reference, the caller's), size, MD5, the flexible checksum kept
     * ({@code algorithm}'s), and the checksum in the algorithm the request claimed (null when it named none).
     */
    record Received(Blob blob, long size, byte[] md5, ChecksumAlgorithm algorithm, byte[] checksum, byte[] claimedChecksum) {
    }

    /**
     * The flexible checksum a write carries: the algorithm it names ({@code x-amz-sdk-checksum-algorithm}),
     * the value it sends in a header ({@code x-amz-checksum-crc32}: checked here; a trailer is checked by the
     * wire decoder before the body ends), or neither.
     */
    record ChecksumClaim(ChecksumAlgorithm algorithm, String value) {
        static ChecksumClaim of(String operation, ChecksumAlgorithm named, Map<ChecksumAlgorithm, String> headers) {
            Map<ChecksumAlgorithm, String> sent = new LinkedHashMap<>();
            headers.forEach((a, v) -> {
                if (v != null) {
                    sent.put(a, v);
                }
            });
            if (sent.size() > 1) {
                throw S3Errors.error("InvalidRequest", S3Messages.severalChecksums(operation, sent.keySet()));
            }
            if (named == ChecksumAlgorithm.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.error("InvalidRequest", S3Messages.unknownChecksumAlgorithm(operation));
            }
            if (sent.isEmpty()) {
                return new ChecksumClaim(named, null);
            }
            Map.Entry<ChecksumAlgorithm, String> only = sent.entrySet().iterator().next();
            if (named != null && named != only.getKey()) {
                throw S3Errors.error("InvalidRequest", S3Messages.checksumAlgorithmMismatch(operation, named, only.getKey()));
            }
            return new ChecksumClaim(only.getKey(), only.getValue());
        }

        ChecksumAlgorithm algorithmOr(ChecksumAlgorithm fallback) {
            return algorithm != null ? algorithm : fallback;
        }
    }

    /**
     * Streams {@code body} in, checking what the request says of it, the claimed checksum with the claim's
     * algorithm. The checksum kept is {@code kept}'s, computed in the same pass when the claim names another:
     * S3 keeps a part in its upload's algorithm, whatever the part was sent with.
     */
    Received receive(String operation, RequestBody body, ChecksumClaim claim, ChecksumAlgorithm kept, String contentMd5) {
        Optional<Long> declared = body.optionalContentLength();
        if (declared.isPresent() && declared.get() > MAX_SINGLE_UPLOAD) {
            throw S3Errors.error("EntityTooLarge", S3Messages.entityTooLarge(operation, declared.get()));
        }
        byte[] expectedMd5 = null;
        if (contentMd5 != null) {
            try {
                expectedMd5 = Base64.getDecoder().decode(contentMd5.trim());
            } catch (IllegalArgumentException e) {
                expectedMd5 = new byte[0];
            }
            if (expectedMd5.length != 16) {
                throw S3Errors.error("InvalidDigest", S3Messages.invalidDigest(operation, contentMd5));
            }
        }
        Checksums.Running keptSum = Checksums.newChecksum(kept);
        Checksums.Running claimedSum = claim.algorithm() == null ? null
            : claim.algorithm() == kept ? keptSum : Checksums.newChecksum(claim.algorithm());
        BlobWriter writer = new BlobWriter(state.store, state.spillThreshold,
            claimedSum == null || claimedSum == keptSum ? List.of(keptSum) : List.of(keptSum, claimedSum));
        try {
            try (InputStream in = body.contentStreamProvider().newStream()) {
                writer.copyFrom(in);
            } catch (IOException e) {
                throw S3Errors.error("IncompleteBody", S3Messages.bodyFailed(operation, writer.size(), e));
            }
            if (declared.isPresent() && writer.size() < declared.get()) {
                throw S3Errors.error("IncompleteBody", S3Messages.incompleteBody(operation, writer.size(), declared.get()));
            }
            if (writer.size() > MAX_SINGLE_UPLOAD) {
                throw S3Errors.error("EntityTooLarge", S3Messages.entityTooLarge(operation, writer.size()));
            }
            byte[] md5 = writer.md5();
            if (expectedMd5 != null && !java.util.Arrays.equals(expectedMd5, md5)) {
                throw S3Errors.error("BadDigest", S3Messages.badMd5(operation, contentMd5, Base64.getEncoder().encodeToString(md5)));
            }
            byte[] claimed = claimedSum == null ? null : claimedSum.getChecksumBytes();
            if (claim.value() != null) {
                String computed = Checksums.base64(claimed);
                if (!computed.equals(claim.value())) {
                    throw S3Errors.error("BadDigest", S3Messages.badChecksum(operation, claim.algorithm(), claim.value(), computed));
                }
            }
            return new Received(writer.finish(), writer.size(), md5, kept, keptSum.getChecksumBytes(), claimed);
        } catch (IOException e) {
            throw S3Errors.error("InternalError", S3Messages.storageFailed(operation, e));
        } finally {
            writer.close();
        }
    }

    /** The conditions of a conditional write ({@code If-None-Match: *}, {@code If-Match: <etag>}), null when absent. */
    record WriteConditions(String ifMatch, String ifNoneMatch) {
        static final WriteConditions NONE = new WriteConditions(null, null);

        static WriteConditions of(String operation, String ifMatch, String ifNoneMatch) {
            if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
                throw S3Errors.error("NotImplemented", S3Messages.ifNoneMatchOnlyStar(operation, ifNoneMatch));
            }
            return ifMatch == null && ifNoneMatch == null ? NONE : new WriteConditions(ifMatch, ifNoneMatch);
        }
    }

    /** A version about to be committed, before it has a version id. */
    interface Draft {
        ObjectVersion withVersionId(String versionId);

        /** Gives back the draft's blob reference when it is not committed. */
        void discard();
    }

    /**
     * Commits a new version of {@code key}, as the bucket's versioning says: unversioned, it replaces every
     * version; enabled, it goes on top with a new id; suspended, it replaces the {@code null} version and goes
     * on top. The write's conditions are checked against the current version at the moment of commit.
     */
    ObjectVersion commit(S3State.Call c, Bucket b, String key, Draft draft, WriteConditions conditions) {
        b.lock.lock();
        boolean committed = false;
        try {
            if (b.deleted) {
                throw S3Errors.error("NoSuchBucket", S3Messages.noSuchBucket(c.operation(), b.name));
            }
            List<ObjectVersion> history = b.keys.getOrDefault(key, List.of());
            ObjectVersion current = history.isEmpty() ? null : history.get(0);
            boolean exists = current != null && !current.deleteMarker();
            if (conditions.ifNoneMatch() != null && exists) {
                throw S3Errors.preconditionFailed(S3Messages.keyExists(c.operation(), b.name, key, current.eTag()),
                    "If-None-Match");
            }
            if (conditions.ifMatch() != null) {
                if (!exists) {
                    throw S3Errors.error("NoSuchKey", S3Messages.ifMatchOnMissingKey(c.operation(), b.name, key));
                }
                if (!Conditions.matches(conditions.ifMatch(), current.eTag())) {
                    throw S3Errors.preconditionFailed(S3Messages.ifMatchFailed(c.operation(), key,
                        conditions.ifMatch(), current.eTag()), "If-Match");
                }
            }
            BucketVersioningStatus versioning = b.versioning;
            ObjectVersion v = draft.withVersionId(versioning == BucketVersioningStatus.ENABLED
                ? state.newVersionId() : ObjectVersion.NULL_VERSION);
            List<ObjectVersion> next = new ArrayList<>(history.size() + 1);
            next.add(v);
            List<ObjectVersion> dropped = new ArrayList<>();
            for (ObjectVersion old : history) {
                if (versioning == null || (versioning == BucketVersioningStatus.SUSPENDED
                    && old.versionId().equals(ObjectVersion.NULL_VERSION))) {
                    dropped.add(old);
                } else {
                    next.add(old);
                }
            }
            b.keys.put(key, List.copyOf(next));
            committed = true;
            release(dropped);
            return v;
        } finally {
            b.lock.unlock();
            if (!committed) {
                draft.discard();
            }
        }
    }

    /** Replaces one version of a key in place (new tags), under the bucket's lock. */
    void replace(Bucket b, String key, ObjectVersion old, ObjectVersion updated) {
        b.lock.lock();
        try {
            List<ObjectVersion> history = b.keys.get(key);
            if (history == null) {
                return;
            }
            List<ObjectVersion> next = new ArrayList<>(history);
            int i = next.indexOf(old);
            if (i >= 0) {
                next.set(i, updated);
                b.keys.put(key, List.copyOf(next));
            }
        } finally {
            b.lock.unlock();
        }
    }

    static void release(List<ObjectVersion> versions) {
        for (ObjectVersion v : versions) {
            if (v.blob() != null) {
                v.blob().release();
            }
        }
    }

    /** The ids awssim issues (S3's shape: 32 URL-safe characters), and the null version's. */
    private static final java.util.regex.Pattern VERSION_ID = java.util.regex.Pattern.compile("null|[A-Za-z0-9._-]{32}");

    /**
     * Refuses a version id S3 could not have issued, as S3 does (400 InvalidArgument) before it looks for the
     * version; a well-formed id of no version is the caller's NoSuchVersion (or, for a delete, nothing to do).
     */
    static void checkVersionId(String operation, String member, String versionId) {
        if (versionId.isEmpty()) {
            throw S3Errors.error("InvalidArgument", S3Messages.emptyVersionId(operation));
        }
        if (!isVersionId(versionId)) {
            throw S3Errors.error("InvalidArgument", S3Messages.invalidVersionId(operation, member, versionId));
        }
    }

    static boolean isVersionId(String versionId) {
        return VERSION_ID.matcher(versionId).matches();
    }

    /**
     * The version a read names: the current one, or {@code versionId}'s. A current delete marker is
     * NoSuchKey with {@code x-amz-delete-marker: true}; an unknown version NoSuchVersion; a version that is a
     * delete marker 405 MethodNotAllowed.
     */
    static ObjectVersion find(S3State.Call c, Bucket b, String key, String versionId) {
        return find(c, b, key, versionId, "VersionId");
    }

    /** {@link #find(S3State.Call, Bucket, String, String)}, naming the request member that gave the version id. */
    static ObjectVersion find(S3State.Call c, Bucket b, String key, String versionId, String member) {
        List<ObjectVersion> history = b.keys.getOrDefault(key, List.of());
        if (versionId == null) {
            ObjectVersion v = history.isEmpty() ? null : history.get(0);
            if (v == null) {
                throw S3Errors.error("NoSuchKey", S3Messages.noSuchKey(c.operation(), b.name, key));
            }
            if (v.deleteMarker()) {
                throw S3Errors.error("NoSuchKey", S3Messages.deletedKey(c.operation(), b.name, key),
                    markerHeaders(b, v));
            }
            return v;
        }
        checkVersionId(c.operation(), member, versionId);
        for (ObjectVersion v : history) {
            if (v.versionId().equals(versionId)) {
                if (v.deleteMarker()) {
                    throw S3Errors.error("MethodNotAllowed", S3Messages.versionIsDeleteMarker(c.operation(), key, versionId),
                        markerHeaders(b, v));
                }
                return v;
            }
        }
        throw S3Errors.error("NoSuchVersion", S3Messages.noSuchVersion(c.operation(), b.name, key, versionId));
    }

    private static Map<String, String> markerHeaders(Bucket b, ObjectVersion marker) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amz-delete-marker", "true");
        if (b.versioning != null) {
            h.put("x-amz-version-id", marker.versionId());
        }
        h.put("Last-Modified", software.amazon.awssdk.utils.DateUtils.formatRfc822Date(marker.lastModified()));
        return h;
    }

    /** The version id a response shows: none for a bucket that was never versioned. */
    static String shownVersionId(Bucket b, ObjectVersion v) {
        return b.versioning == null ? null : v.versionId();
    }

    /**
     * The version id a write (PutObject, CopyObject, CompleteMultipartUpload) answers: none for the null version a
     * versioning-suspended bucket writes, as S3's "versioning suspended" PutObject answers no x-amz-version-id;
     * reads of that version do answer {@code null}.
     */
    static String writtenVersionId(Bucket b, ObjectVersion v) {
        return ObjectVersion.NULL_VERSION.equals(v.versionId()) ? null : shownVersionId(b, v);
    }

    static void requireKey(String operation, String key) {
        if (key == null || key.isEmpty()) {
            throw S3Errors.error("InvalidArgument", S3Messages.emptyKey(operation));
        }
        if (Tags.utf8Length(key) > MAX_KEY_BYTES) {
            throw S3Errors.error("KeyTooLongError", S3Messages.keyTooLong(operation, Tags.utf8Length(key)));
        }
    }

    /**
     * User metadata as S3 stores it: keys in lowercase, as S3 keeps them (a read answers {@code mykey} for
     * {@code MyKey}), at most 2 KB of keys and values. Keys equal but for case are one HTTP header on the
     * wire, so the later one wins here too.
     */
    static Map<String, String> userMetadata(String operation, Map<String, String> sent) {
        Map<String, String> lowercase = new LinkedHashMap<>();
        sent.forEach((key, value) -> lowercase.put(key.toLowerCase(Locale.ROOT), value));
        requireMetadataSize(operation, lowercase);
        return ObjectVersion.ordered(lowercase);
    }

    /**
     * S3 serves and copies no GLACIER or DEEP_ARCHIVE object until RestoreObject brings a copy back, and
     * awssim does not simulate restores: such an object's bytes are never read (HEAD still describes it).
     */
    static void requireReadable(String operation, Bucket b, ObjectVersion v) {
        String storageClass = v.meta().storageClass();
        if (storageClass != null && ARCHIVED.contains(storageClass)) {
            throw S3Errors.error("InvalidObjectState", S3Messages.archived(operation, b.name, v.key(), storageClass));
        }
    }

    private static void requireMetadataSize(String operation, Map<String, String> metadata) {
        int total = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            total += Tags.utf8Length(e.getKey()) + Tags.utf8Length(Objects.toString(e.getValue(), ""));
        }
        if (total > MAX_METADATA_BYTES) {
            throw S3Errors.error("MetadataTooLarge", S3Messages.metadataTooLarge(operation, total));
        }
    }

    /** Rethrows an S3 error as it is; anything else a transformer threw becomes a client-side failure. */
    static RuntimeException transformerFailed(String operation, Exception e) {
        if (e instanceof AwsServiceException || e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        return software.amazon.awssdk.core.exception.SdkClientException.create(
            "awssim: the ResponseTransformer of " + operation + " failed: " + e, e);
    }
}
