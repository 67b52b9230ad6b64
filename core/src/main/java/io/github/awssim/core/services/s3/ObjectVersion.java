package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.Grant;

/**
 * One immutable version of a key: an object or a delete marker. Changing a version's tags makes a new
 * record in its place; its bytes ({@link Blob}) never change.
 *
 * @param versionId {@value #NULL_VERSION} for the version an unversioned or suspended bucket writes
 * @param blob null for a delete marker
 * @param eTag with its quotes, as S3 sends it
 * @param checksum the stored flexible checksum, or null
 * @param parts the parts of a multipart object, empty otherwise
 * @param encryption how S3 says it encrypted the object; null for a delete marker
 * @param acl the object's ACL as set (its owner's FULL_CONTROL unless a write or PutObjectAcl said otherwise);
 *            null for a delete marker
 */
record ObjectVersion(String key, String versionId, boolean deleteMarker, Blob blob, long size, String eTag,
                     Instant lastModified, ObjectMeta meta, Map<String, String> tags, Checksum checksum, List<Part> parts,
                     String ownerAccount, Encryptions.Encryption encryption, List<Grant> acl) {
    static final String NULL_VERSION = "null";

    /** An immutable copy that keeps the order the entries came in (tags list in the order they were set). */
    static Map<String, String> ordered(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    ObjectVersion withTags(Map<String, String> newTags) {
        return new ObjectVersion(key, versionId, deleteMarker, blob, size, eTag, lastModified, meta, ObjectVersion.ordered(newTags),
            checksum, parts, ownerAccount, encryption, acl);
    }

    ObjectVersion withAcl(List<Grant> newAcl) {
        return new ObjectVersion(key, versionId, deleteMarker, blob, size, eTag, lastModified, meta, tags, checksum, parts,
            ownerAccount, encryption, List.copyOf(newAcl));
    }

    /** The system and user metadata S3 keeps with an object and answers in headers. */
    record ObjectMeta(String contentType, String contentEncoding, String contentDisposition, String contentLanguage,
                      String cacheControl, Instant expires, String websiteRedirectLocation, Map<String, String> userMetadata,
                      String storageClass) {
        static final ObjectMeta NONE = new ObjectMeta(null, null, null, null, null, null, null, Map.of(), null);
    }

    /** A stored flexible checksum: its algorithm, its base64 value ({@code …-N} when composite) and its type. */
    record Checksum(ChecksumAlgorithm algorithm, String value, ChecksumType type) {
    }

    /** A part of a multipart object: where it lies in the object and what it was uploaded with. */
    record Part(int number, long offset, long size, String eTag, String checksum) {
    }
}
