package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.Grant;

/** A multipart upload in progress: what CreateMultipartUpload said, and the parts uploaded so far. */
final class Upload {
    final String id;
    final String key;
    final Instant initiated;
    final ObjectVersion.ObjectMeta meta;
    final Map<String, String> tags;
    final ChecksumAlgorithm checksumAlgorithm;
    final ChecksumType checksumType;
    final String ownerAccount;
    /** What CreateMultipartUpload asked for; an SSE-C upload's parts must present its key. */
    final Encryptions.Encryption encryption;
    /** The ACL CreateMultipartUpload set for the object the upload completes into. */
    final List<Grant> acl;
    /** Parts by number; replacing one releases the old part's blob. Guarded by this upload's monitor. */
    final ConcurrentSkipListMap<Integer, UploadedPart> parts = new ConcurrentSkipListMap<>();
    /** Set once completed or aborted: later parts are refused, the blobs are released. */
    boolean finished;

    Upload(String id, String key, Instant initiated, ObjectVersion.ObjectMeta meta, Map<String, String> tags,
           ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType, String ownerAccount,
           Encryptions.Encryption encryption, List<Grant> acl) {
        this.id = id;
        this.key = key;
        this.initiated = initiated;
        this.meta = meta;
        this.tags = tags;
        this.checksumAlgorithm = checksumAlgorithm;
        this.checksumType = checksumType;
        this.ownerAccount = ownerAccount;
        this.encryption = encryption;
        this.acl = acl;
    }

    /**
     * One uploaded part.
     *
     * @param md5 the raw MD5, whose hex is the part's ETag
     * @param checksum the raw flexible checksum of the part's bytes, or null
     * @param checksumAlgorithm the algorithm of {@code checksum}
     */
    record UploadedPart(int number, Blob blob, long size, byte[] md5, byte[] checksum, ChecksumAlgorithm checksumAlgorithm,
                        Instant lastModified) {
        String eTag() {
            return "\"" + Checksums.hex(md5) + "\"";
        }
    }
}
