package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One version of an object as the simulated S3 holds it: what {@code HeadObject} and the listings tell,
 * without the bytes (read those with {@link S3Simulator#openObject} or {@link S3Simulator#objectBytes}).
 * An immutable snapshot.
 *
 * @param versionId the version id, or null in a bucket that was never versioned ("null" for the version a
 *                  suspended bucket wrote)
 * @param deleteMarker whether this version is a delete marker (only {@link S3Simulator#versions} lists those)
 * @param eTag with its quotes, as S3 sends it: {@code "md5hex"}, or {@code "md5hex-N"} for a multipart object
 * @param checksumAlgorithm the algorithm of the stored flexible checksum (CRC32, CRC64NVME, ...), or null
 * @param checksum the stored checksum, base64 ({@code …-N} for a composite multipart checksum), or null
 * @param parts the number of parts of a multipart object, 0 otherwise
 */
public record StoredObject(String bucket, String key, String versionId, boolean deleteMarker, long size, String eTag,
                           Instant lastModified, String contentType, Map<String, String> metadata, Map<String, String> tags,
                           String storageClass, String checksumAlgorithm, String checksum, int parts) {

    /** True for GLACIER and DEEP_ARCHIVE objects, which S3 does not read or copy until a restore (not simulated). */
    public boolean needsRestore() {
        return Storage.ARCHIVED.contains(storageClass);
    }

    static StoredObject of(Bucket b, ObjectVersion v) {
        return new StoredObject(b.name, v.key(), Storage.shownVersionId(b, v), v.deleteMarker(), v.size(), v.eTag(),
            v.lastModified(), v.meta().contentType(), v.meta().userMetadata(), v.tags(),
            v.meta().storageClass() != null ? v.meta().storageClass() : v.deleteMarker() ? null : "STANDARD",
            v.checksum() == null ? null : v.checksum().algorithm().toString(),
            v.checksum() == null ? null : v.checksum().value(), v.parts().size());
    }
}
