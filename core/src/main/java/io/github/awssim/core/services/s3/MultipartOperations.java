package io.github.awssim.core.services.s3;

import io.github.awssim.core.services.s3.Conditions.Preconditions;
import io.github.awssim.core.services.s3.ObjectOperations.CopySource;
import io.github.awssim.core.services.s3.ObjectVersion.Checksum;
import io.github.awssim.core.services.s3.ObjectVersion.ObjectMeta;
import io.github.awssim.core.services.s3.Storage.ChecksumClaim;
import io.github.awssim.core.services.s3.Storage.Received;
import io.github.awssim.core.services.s3.Storage.WriteConditions;
import io.github.awssim.core.services.s3.Upload.UploadedPart;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.Initiator;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The multipart rules: uploads with their checksum algorithm and type, parts (uploaded or copied, part
 * numbers 1 to 10,000, a re-upload replacing a part), completion (ascending parts that exist with the ETags
 * given, every part but the last at least the minimum part size, the ETag {@code md5(md5s)-N}, a COMPOSITE
 * or FULL_OBJECT checksum), abort and the listings. Completing concatenates the parts' storage without
 * copying a byte.
 */
final class MultipartOperations {
    private static final int MAX_PART_NUMBER = 10_000;
    /** How many completed uploads a bucket remembers for retried completions. */
    private static final int REMEMBERED_COMPLETIONS = 1_000;

    private final S3State state;
    private final Storage storage;

    MultipartOperations(S3State state, Storage storage) {
        this.state = state;
        this.storage = storage;
    }

    CreateMultipartUploadResponse create(S3State.Call c, CreateMultipartUploadRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        Storage.requireKey(c.operation(), r.key());
        Map<String, String> metadata = Storage.userMetadata(c.operation(), r.hasMetadata() ? r.metadata() : Map.of());
        Map<String, String> tags = Tags.ofHeader(c.operation(), r.tagging());
        String storageClass = ObjectOperations.storageClass(c.operation(), r.storageClassAsString());
        ChecksumAlgorithm algorithm = r.checksumAlgorithm();
        if (algorithm == ChecksumAlgorithm.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.error("InvalidRequest", S3Messages.unknownChecksumAlgorithm(c.operation()));
        }
        ChecksumType type = r.checksumType();
        if (type == ChecksumType.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.error("InvalidRequest", S3Messages.unknownChecksumType(c.operation(), r.checksumTypeAsString()));
        }
        if (type != null && algorithm == null) {
            throw S3Errors.error("InvalidRequest", S3Messages.checksumTypeWithoutAlgorithm(c.operation()));
        }
        if (type == ChecksumType.FULL_OBJECT && algorithm != null && !Checksums.isCrc(algorithm)) {
            throw S3Errors.error("InvalidRequest", S3Messages.fullObjectNeedsCrc(c.operation(), algorithm));
        }
        if (type == ChecksumType.COMPOSITE && algorithm == ChecksumAlgorithm.CRC64_NVME) {
            throw S3Errors.error("InvalidRequest", S3Messages.crc64IsFullObjectOnly(c.operation()));
        }
        ObjectMeta meta = new ObjectMeta(r.contentType() != null ? r.contentType() : ObjectOperations.DEFAULT_CONTENT_TYPE,
            r.contentEncoding(), r.contentDisposition(), r.contentLanguage(), r.cacheControl(), r.expires(),
            r.websiteRedirectLocation(), metadata, storageClass);
        Encryptions.Encryption encryption = Encryptions.forWrite(c.operation(), b, r.serverSideEncryptionAsString(),
            r.ssekmsKeyId(), r.bucketKeyEnabled(), new Encryptions.CustomerKey(r.sseCustomerAlgorithm(), r.sseCustomerKey(),
                r.sseCustomerKeyMD5()));
        List<Grant> acl = AclOperations.forObjectWrite(c.operation(), b, new Acls.Headers(r.aclAsString(),
            r.grantFullControl(), r.grantRead(), r.grantReadACP(), null, r.grantWriteACP()));
        Upload u = new Upload(state.newUploadId(), r.key(), c.now(), meta, tags, algorithm,
            algorithm == null ? null : type != null ? type
                : algorithm == ChecksumAlgorithm.CRC64_NVME ? ChecksumType.FULL_OBJECT : ChecksumType.COMPOSITE,
            c.accountId(), encryption, acl);
        b.uploads.put(u.id, u);
        CreateMultipartUploadResponse.Builder out = CreateMultipartUploadResponse.builder().bucket(b.name).key(r.key())
            .uploadId(u.id).checksumAlgorithm(algorithm).checksumType(u.checksumType);
        Encryptions.echo(encryption, out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
            out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
        return out.build();
    }

    /** The algorithm a part's checksum is computed with: the upload's, else S3's default CRC64NVME. */
    private static ChecksumAlgorithm partAlgorithm(Upload u) {
        return u.checksumAlgorithm != null ? u.checksumAlgorithm : ChecksumAlgorithm.CRC64_NVME;
    }

    private static ChecksumType objectChecksumType(Upload u) {
        return u.checksumType != null ? u.checksumType : ChecksumType.FULL_OBJECT;
    }

    private Upload upload(S3State.Call c, Bucket b, String key, String uploadId) {
        Upload u = uploadId == null ? null : b.uploads.get(uploadId);
        if (u == null || !u.key.equals(key)) {
            throw S3Errors.error("NoSuchUpload", S3Messages.noSuchUpload(c.operation(), uploadId, key));
        }
        return u;
    }

    private static void requirePartNumber(String operation, Integer partNumber) {
        if (partNumber == null || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
            throw S3Errors.error("InvalidArgument", S3Messages.badPartNumber(operation, partNumber));
        }
    }

    UploadPartResponse uploadPart(S3State.Call c, UploadPartRequest r, RequestBody body) {
        Bucket b = state.bucket(c, r.bucket());
        requirePartNumber(c.operation(), r.partNumber());
        Upload u = upload(c, b, r.key(), r.uploadId());
        Encryptions.checkPart(c.operation(), u.id, u.encryption, new Encryptions.CustomerKey(r.sseCustomerAlgorithm(),
            r.sseCustomerKey(), r.sseCustomerKeyMD5()));
        ChecksumClaim claim = ChecksumClaim.of(c.operation(), r.checksumAlgorithm(), ObjectOperations.checksumHeaders(
            r.checksumCRC32(), r.checksumCRC32C(), r.checksumCRC64NVME(), r.checksumSHA1(), r.checksumSHA256()));
        requirePartChecksum(c.operation(), u, claim.algorithm());
        Received in = storage.receive(c.operation(), body, claim, partAlgorithm(u), r.contentMD5());
        UploadedPart part = new UploadedPart(r.partNumber(), in.blob(), in.size(), in.md5(), in.checksum(), partAlgorithm(u),
            c.now().truncatedTo(ChronoUnit.SECONDS));
        addPart(c, u, part);
        UploadPartResponse.Builder out = UploadPartResponse.builder().eTag(part.eTag());
        echoChecksum(out, u, claim, in);
        Encryptions.echo(u.encryption, out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
            out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
        return out.build();
    }

    /**
     * A part of an upload created with an algorithm must not come with another's checksum, and a part of a
     * COMPOSITE upload must come with one: S3 answers a SHA256 upload's part sent without any "expected
     * checksum Type: sha256, actual checksum Type: null" (floci-io/floci#3093, row 22). A FULL_OBJECT upload's
     * part sent without one is still taken, its CRC computed here: no measurement of S3 says otherwise.
     */
    private static void requirePartChecksum(String operation, Upload u, ChecksumAlgorithm sent) {
        if (u.checksumAlgorithm == null || sent == u.checksumAlgorithm) {
            return;
        }
        if (sent != null || u.checksumType == ChecksumType.COMPOSITE) {
            throw S3Errors.error("InvalidRequest", S3Messages.partChecksumMismatch(operation, u.checksumAlgorithm, sent));
        }
    }

    /**
     * A part's answer carries the checksum in the algorithm the client sent, which the client may list when
     * it completes the upload; a part sent without one answers the upload's algorithm, if it has one.
     */
    private static void echoChecksum(UploadPartResponse.Builder out, Upload u, ChecksumClaim claim, Received in) {
        if (claim.algorithm() != null) {
            ObjectOperations.setPartChecksum(out, claim.algorithm(), Checksums.base64(in.claimedChecksum()));
        } else if (u.checksumAlgorithm != null) {
            ObjectOperations.setPartChecksum(out, in.algorithm(), Checksums.base64(in.checksum()));
        }
    }

    private static void addPart(S3State.Call c, Upload u, UploadedPart part) {
        UploadedPart old;
        synchronized (u) {
            if (u.finished) {
                part.blob().release();
                throw S3Errors.error("NoSuchUpload", S3Messages.noSuchUpload(c.operation(), u.id, u.key));
            }
            old = u.parts.put(part.number(), part);
        }
        if (old != null) {
            old.blob().release();
        }
    }

    UploadPartCopyResponse uploadPartCopy(S3State.Call c, UploadPartCopyRequest r) {
        CopySource src = CopySource.parse(c.operation(), r.copySource(), r.sourceBucket(), r.sourceKey(), r.sourceVersionId());
        Bucket b = state.bucket(c, r.destinationBucket());
        requirePartNumber(c.operation(), r.partNumber());
        Upload u = upload(c, b, r.destinationKey(), r.uploadId());
        Encryptions.checkPart(c.operation(), u.id, u.encryption, new Encryptions.CustomerKey(r.sseCustomerAlgorithm(),
            r.sseCustomerKey(), r.sseCustomerKeyMD5()));
        Encryptions.CustomerKey sourceKey = new Encryptions.CustomerKey(r.copySourceSSECustomerAlgorithm(),
            r.copySourceSSECustomerKey(), r.copySourceSSECustomerKeyMD5());
        Bucket source = state.sourceBucket(c, src.bucket());
        Preconditions p = new Preconditions(r.copySourceIfMatch(), r.copySourceIfNoneMatch(), r.copySourceIfModifiedSince(),
            r.copySourceIfUnmodifiedSince());
        while (true) {
            ObjectVersion sv = Storage.find(c, source, src.key(), src.versionId(), "CopySource versionId");
            Encryptions.checkRead(c.operation(), "copy source '" + src.key() + "'", sv.encryption(), sourceKey);
            Conditions.check(c.operation(), sv, p, c.now(), true);
            Storage.requireReadable(c.operation(), source, sv);
            long first = 0;
            long length = sv.size();
            if (r.copySourceRange() != null) {
                long[] range = copyRange(c.operation(), r.copySourceRange(), sv.size());
                first = range[0];
                length = range[1] - range[0] + 1;
            }
            if (length > Storage.MAX_SINGLE_UPLOAD) {
                throw S3Errors.error("InvalidRequest", S3Messages.copySourceTooLarge(c.operation(), length));
            }
            if (!sv.blob().retain()) {
                continue;
            }
            Blob slice = new Blob.Slice(sv.blob(), first, length);
            byte[] md5;
            byte[] checksum;
            try (InputStream in = slice.open(0, length)) {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("MD5");
                Checksums.Running sum = Checksums.newChecksum(partAlgorithm(u));
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    digest.update(buffer, 0, n);
                    sum.update(buffer, 0, n);
                }
                md5 = digest.digest();
                checksum = sum.getChecksumBytes();
            } catch (IOException e) {
                slice.release();
                throw S3Errors.error("InternalError", S3Messages.storageFailed(c.operation(), e));
            } catch (java.security.NoSuchAlgorithmException e) {
                slice.release();
                throw new IllegalStateException(e);
            }
            Instant now = c.now().truncatedTo(ChronoUnit.SECONDS);
            UploadedPart part = new UploadedPart(r.partNumber(), slice, length, md5, checksum, partAlgorithm(u), now);
            addPart(c, u, part);
            CopyPartResult.Builder result = CopyPartResult.builder().eTag(part.eTag()).lastModified(now);
            if (u.checksumAlgorithm != null) {
                ObjectOperations.setPartChecksum(result, part.checksumAlgorithm(), Checksums.base64(checksum));
            }
            UploadPartCopyResponse.Builder out = UploadPartCopyResponse.builder().copyPartResult(result.build())
                .copySourceVersionId(source.versioning == null ? null : sv.versionId());
            Encryptions.echo(u.encryption, out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
                out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
            return out.build();
        }
    }

    /** {@code bytes=first-last}, both present and inside the source: S3 takes nothing else for a part copy. */
    private static long[] copyRange(String operation, String header, long size) {
        String h = header.trim();
        if (h.startsWith("bytes=")) {
            String[] ab = h.substring("bytes=".length()).split("-", -1);
            if (ab.length == 2) {
                try {
                    long first = Long.parseLong(ab[0].trim());
                    long last = Long.parseLong(ab[1].trim());
                    if (first >= 0 && last >= first) {
                        if (last >= size) {   // S3 answers this with 400 InvalidArgument, not GET's 416 InvalidRange
                            throw S3Errors.error("InvalidArgument", S3Messages.copyRangeOutside(operation, header, size));
                        }
                        return new long[] {first, last};
                    }
                } catch (NumberFormatException e) {
                    // fall through to the format error
                }
            }
        }
        throw S3Errors.error("InvalidArgument", S3Messages.badCopyRange(operation, header));
    }

    /** A completed upload, kept so the same completion retried gets the same answer. */
    private record Completion(List<Integer> partNumbers, List<String> eTags, CompleteMultipartUploadResponse response) {
    }

    CompleteMultipartUploadResponse complete(S3State.Call c, CompleteMultipartUploadRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        List<CompletedPart> requested = r.multipartUpload() == null || !r.multipartUpload().hasParts() ? List.of()
            : r.multipartUpload().parts();
        Upload u = b.uploads.get(r.uploadId() == null ? "" : r.uploadId());
        if (u == null || !u.key.equals(r.key())) {
            Object done = r.uploadId() == null ? null : b.completed.get(r.uploadId());
            if (done instanceof Completion && sameParts((Completion) done, requested)) {
                return ((Completion) done).response();
            }
            throw S3Errors.error("NoSuchUpload", S3Messages.noSuchUpload(c.operation(), r.uploadId(), r.key()));
        }
        if (requested.isEmpty()) {
            throw S3Errors.error("MalformedXML", S3Messages.noPartsToComplete(c.operation()));
        }
        WriteConditions conditions = WriteConditions.of(c.operation(), r.ifMatch(), r.ifNoneMatch());
        List<UploadedPart> used = new ArrayList<>();
        synchronized (u) {
            if (u.finished) {
                throw S3Errors.error("NoSuchUpload", S3Messages.noSuchUpload(c.operation(), u.id, u.key));
            }
            int previous = 0;
            for (CompletedPart cp : requested) {
                if (cp.partNumber() != null && cp.partNumber() < 1) {
                    // S3 refuses a part number below 1 as an argument, not as out of order (versity/versitygw#1072)
                    throw S3Errors.error("InvalidArgument", S3Messages.completedPartNumberBelowOne(c.operation(),
                        cp.partNumber()));
                }
                if (cp.partNumber() == null || cp.partNumber() <= previous) {
                    throw S3Errors.error("InvalidPartOrder", S3Messages.partOrder(c.operation(), previous, cp.partNumber()));
                }
                previous = cp.partNumber();
                UploadedPart part = u.parts.get(cp.partNumber());
                if (part == null) {
                    throw S3Errors.error("InvalidPart", S3Messages.missingPart(c.operation(), cp.partNumber(), u.parts.keySet()));
                }
                if (cp.eTag() == null || !Conditions.unquote(cp.eTag()).equals(Conditions.unquote(part.eTag()))) {
                    throw S3Errors.error("InvalidPart", S3Messages.partEtagMismatch(c.operation(), cp.partNumber(), cp.eTag(),
                        part.eTag()));
                }
                String claimed = claimedChecksum(cp, part.checksumAlgorithm());
                String actual = Checksums.base64(part.checksum());
                if (claimed != null && !claimed.equals(actual)) {
                    throw S3Errors.error("InvalidPart", S3Messages.partChecksumDiffers(c.operation(), cp.partNumber(),
                        part.checksumAlgorithm(), claimed, actual));
                }
                if (claimed == null && u.checksumAlgorithm != null && u.checksumType == ChecksumType.COMPOSITE) {
                    throw missingPartChecksum(c.operation(), u, cp);
                }
                used.add(part);
            }
            for (int i = 0; i < used.size() - 1; i++) {
                if (used.get(i).size() < state.minimumPartSize) {
                    throw S3Errors.error("EntityTooSmall", S3Messages.entityTooSmall(c.operation(), used.get(i).number(),
                        used.get(i).size(), state.minimumPartSize));
                }
            }
            long total = used.stream().mapToLong(UploadedPart::size).sum();
            if (r.mpuObjectSize() != null && r.mpuObjectSize() != total) {
                throw S3Errors.error("InvalidRequest", S3Messages.objectSizeMismatch(c.operation(), r.mpuObjectSize(), total));
            }
            Checksum checksum = objectChecksum(c, u, used, r);
            String eTag = "\"" + Checksums.multipartEtag(used.stream().map(UploadedPart::md5).toList()) + "\"";
            List<Blob> blobs = new ArrayList<>();
            for (UploadedPart part : used) {
                if (!part.blob().retain()) {
                    blobs.forEach(Blob::release);
                    throw new IllegalStateException("awssim: part " + part.number() + " of upload " + u.id + " was released early");
                }
                blobs.add(part.blob());
            }
            List<ObjectVersion.Part> parts = new ArrayList<>();
            long offset = 0;
            for (UploadedPart part : used) {
                parts.add(new ObjectVersion.Part(part.number(), offset, part.size(), part.eTag(),
                    Checksums.base64(part.checksum())));
                offset += part.size();
            }
            Instant now = c.now().truncatedTo(ChronoUnit.SECONDS);
            ObjectVersion v = storage.commit(c, b, u.key, ObjectOperations.draft(u.key, new Blob.Concat(blobs), total, eTag,
                now, u.meta, u.tags, checksum, List.copyOf(parts), u.ownerAccount, u.encryption, u.acl), conditions);
            u.finished = true;
            b.uploads.remove(u.id, u);
            release(u);
            CompleteMultipartUploadResponse.Builder out = CompleteMultipartUploadResponse.builder()
                .location("https://" + b.name + ".s3." + b.region + ".amazonaws.com/"
                    + software.amazon.awssdk.utils.http.SdkHttpUtils.urlEncodeIgnoreSlashes(u.key))
                .bucket(b.name).key(u.key).eTag(eTag).versionId(Storage.writtenVersionId(b, v)).checksumType(checksum.type());
            ObjectOperations.setChecksum(out, checksum);
            Encryptions.echo(u.encryption, out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled);
            CompleteMultipartUploadResponse response = out.build();
            remember(b, u.id, requested, response);
            return response;
        }
    }

    /**
     * The object's checksum: for COMPOSITE, the checksum of the parts' checksums with {@code -N}; for
     * FULL_OBJECT, the CRC of the whole object, combined from the parts' CRCs. A value the request sends
     * must equal it ({@code BadDigest}); a composite may be sent with or without its {@code -N}.
     */
    private static Checksum objectChecksum(S3State.Call c, Upload u, List<UploadedPart> used, CompleteMultipartUploadRequest r) {
        ChecksumAlgorithm algorithm = partAlgorithm(u);
        String claimed = ObjectOperations.checksumHeaders(r.checksumCRC32(), r.checksumCRC32C(), r.checksumCRC64NVME(),
            r.checksumSHA1(), r.checksumSHA256()).get(algorithm);
        if (objectChecksumType(u) == ChecksumType.COMPOSITE) {
            String value = Checksums.composite(algorithm, used.stream().map(UploadedPart::checksum).toList());
            if (claimed != null && !claimed.equals(value) && !claimed.equals(value.substring(0, value.lastIndexOf('-')))) {
                throw S3Errors.error("BadDigest", S3Messages.badChecksum(c.operation(), algorithm, claimed, value));
            }
            return new Checksum(algorithm, value, ChecksumType.COMPOSITE);
        }
        byte[] crc = used.get(0).checksum();
        for (int i = 1; i < used.size(); i++) {
            crc = Checksums.combine(algorithm, crc, used.get(i).checksum(), used.get(i).size());
        }
        String value = Checksums.base64(crc);
        if (claimed != null && !claimed.equals(value)) {
            throw S3Errors.error("BadDigest", S3Messages.badChecksum(c.operation(), algorithm, claimed, value));
        }
        return new Checksum(algorithm, value, ChecksumType.FULL_OBJECT);
    }

    /**
     * A COMPOSITE upload's part listed without its checksum in the upload's algorithm: {@code BadDigest} when
     * the part lists another algorithm's, else {@code InvalidRequest}, as S3 answers both (floci-io/floci#3093).
     */
    private static AwsServiceException missingPartChecksum(String operation, Upload u, CompletedPart cp) {
        for (Map.Entry<ChecksumAlgorithm, String> listed : ObjectOperations.checksumHeaders(cp.checksumCRC32(),
            cp.checksumCRC32C(), cp.checksumCRC64NVME(), cp.checksumSHA1(), cp.checksumSHA256()).entrySet()) {
            if (listed.getValue() != null) {
                return S3Errors.error("BadDigest", S3Messages.partChecksumOfAnotherAlgorithm(operation, cp.partNumber(),
                    listed.getKey(), u.checksumAlgorithm));
            }
        }
        return S3Errors.error("InvalidRequest", S3Messages.partChecksumMissing(operation, u.checksumAlgorithm,
            cp.partNumber()));
    }

    private static String claimedChecksum(CompletedPart cp, ChecksumAlgorithm algorithm) {
        return ObjectOperations.checksumHeaders(cp.checksumCRC32(), cp.checksumCRC32C(), cp.checksumCRC64NVME(),
            cp.checksumSHA1(), cp.checksumSHA256()).get(algorithm);
    }

    private static boolean sameParts(Completion done, List<CompletedPart> requested) {
        return done.partNumbers().equals(requested.stream().map(CompletedPart::partNumber).toList())
            && done.eTags().equals(requested.stream().map(p -> Conditions.unquote(p.eTag())).toList());
    }

    private static void remember(Bucket b, String uploadId, List<CompletedPart> requested, CompleteMultipartUploadResponse response) {
        synchronized (b.completed) {
            if (b.completed.size() >= REMEMBERED_COMPLETIONS) {
                b.completed.clear();
            }
            b.completed.put(uploadId, new Completion(requested.stream().map(CompletedPart::partNumber).toList(),
                requested.stream().map(p -> Conditions.unquote(p.eTag())).toList(), response));
        }
    }

    void abort(S3State.Call c, String bucket, String key, String uploadId) {
        Bucket b = state.bucket(c, bucket);
        Upload u = upload(c, b, key, uploadId);
        synchronized (u) {
            if (u.finished) {
                throw S3Errors.error("NoSuchUpload", S3Messages.noSuchUpload(c.operation(), uploadId, key));
            }
            u.finished = true;
            b.uploads.remove(u.id, u);
            release(u);
        }
    }

    /** Gives back the upload's references to its parts (a completed object keeps its own). */
    static void release(Upload u) {
        synchronized (u) {
            u.finished = true;
            u.parts.values().forEach(p -> p.blob().release());
            u.parts.clear();
        }
    }

    ListPartsResponse listParts(S3State.Call c, ListPartsRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        Upload u = upload(c, b, r.key(), r.uploadId());
        if (r.maxParts() != null && r.maxParts() < 0) {
            throw S3Errors.error("InvalidArgument", S3Messages.badMaxParts(c.operation(), "max-parts", r.maxParts()));
        }
        if (r.partNumberMarker() != null && r.partNumberMarker() < 0) {
            // S3 refuses it rather than list from the first part (versity/versitygw#1383)
            throw S3Errors.error("InvalidArgument", S3Messages.badMaxParts(c.operation(), "part-number-marker",
                r.partNumberMarker()));
        }
        int max = r.maxParts() == null ? 1000 : Math.min(r.maxParts(), 1000);
        int marker = r.partNumberMarker() == null ? 0 : r.partNumberMarker();
        List<Part> parts = new ArrayList<>();
        boolean truncated = false;
        for (UploadedPart p : u.parts.tailMap(marker, false).values()) {
            if (parts.size() == max) {
                truncated = max > 0;
                break;
            }
            Part.Builder part = Part.builder().partNumber(p.number()).lastModified(p.lastModified()).eTag(p.eTag()).size(p.size());
            if (u.checksumAlgorithm != null) {
                ObjectOperations.setPartChecksum(part, p.checksumAlgorithm(), Checksums.base64(p.checksum()));
            }
            parts.add(part.build());
        }
        Owner owner = BucketOperations.owner(u.ownerAccount);
        ListPartsResponse.Builder out = ListPartsResponse.builder().bucket(b.name).key(u.key).uploadId(u.id)
            .partNumberMarker(marker).maxParts(max).isTruncated(truncated).parts(parts)
            .initiator(Initiator.builder().id(owner.id()).build()).owner(owner)
            .storageClass(u.meta.storageClass() != null ? u.meta.storageClass() : StorageClass.STANDARD.toString())
            .checksumAlgorithm(u.checksumAlgorithm).checksumType(u.checksumType);
        out.nextPartNumberMarker(parts.isEmpty() ? marker : parts.get(parts.size() - 1).partNumber());
        return out.build();
    }

    ListMultipartUploadsResponse listUploads(S3State.Call c, ListMultipartUploadsRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        boolean url = Listings.urlEncoding(c.operation(), r.encodingTypeAsString());
        if (r.maxUploads() != null && r.maxUploads() < 0) {
            throw S3Errors.error("InvalidArgument", S3Messages.badMaxParts(c.operation(), "max-uploads", r.maxUploads()));
        }
        int max = r.maxUploads() == null ? 1000 : Math.min(r.maxUploads(), 1000);
        String prefix = r.prefix() == null ? "" : r.prefix();
        String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
        List<Upload> all = new ArrayList<>(b.uploads.values());
        all.sort(Comparator.<Upload, String>comparing(u -> u.key, Bucket.KEY_ORDER)
            .thenComparing(u -> u.initiated).thenComparing(u -> u.id));
        String keyMarker = r.keyMarker() == null || r.keyMarker().isEmpty() ? null : r.keyMarker();
        String uploadIdMarker = r.uploadIdMarker() == null || r.uploadIdMarker().isEmpty() ? null : r.uploadIdMarker();
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastId = null;
        boolean truncated = false;
        for (Upload u : all.subList(resumeAt(all, keyMarker, uploadIdMarker, prefix, delimiter), all.size())) {
            if (!u.key.startsWith(prefix)) {
                continue;
            }
            String rolled = delimiter == null ? null : Listings.rollUp(u.key, prefix, delimiter);
            if (rolled != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(rolled)) {
                continue;
            }
            if (uploads.size() + prefixes.size() == max) {
                truncated = max > 0;
                break;
            }
            if (rolled != null) {
                prefixes.add(rolled);
                lastKey = rolled;
                lastId = null;
                continue;
            }
            Owner owner = BucketOperations.owner(u.ownerAccount);
            uploads.add(MultipartUpload.builder().key(url ? Listings.encode(u.key) : u.key).uploadId(u.id).initiated(u.initiated)
                .storageClass(u.meta.storageClass() != null ? u.meta.storageClass() : StorageClass.STANDARD.toString())
                .owner(owner).initiator(Initiator.builder().id(owner.id()).build())
                .checksumAlgorithm(u.checksumAlgorithm).checksumType(u.checksumType).build());
            lastKey = u.key;
            lastId = u.id;
        }
        ListMultipartUploadsResponse.Builder out = ListMultipartUploadsResponse.builder().bucket(b.name)
            .keyMarker(Listings.maybeEncode(url, r.keyMarker() == null ? "" : r.keyMarker()))
            // an upload-id marker without a key marker is ignored, so not answered either (versity/versitygw#2150)
            .uploadIdMarker(keyMarker == null || uploadIdMarker == null ? "" : uploadIdMarker)
            .maxUploads(max).isTruncated(truncated).uploads(uploads)
            .prefix(Listings.maybeEncode(url, r.prefix())).delimiter(Listings.maybeEncode(url, r.delimiter()))
            .commonPrefixes(prefixes.stream().map(p -> CommonPrefix.builder().prefix(Listings.maybeEncode(url, p)).build()).toList());
        if (url) {
            out.encodingType(EncodingType.URL);
        }
        if (truncated) {
            out.nextKeyMarker(Listings.maybeEncode(url, lastKey)).nextUploadIdMarker(lastId);
        }
        return out.build();
    }

    /**
     * Where a page resumes in {@code sorted} (by key, then initiation), so that paging loses and repeats
     * nothing: past every key of the key marker when it is a common prefix (the page before ended on it);
     * else right after the upload-id marker among the key marker's uploads, positionally, since those are
     * listed by initiation and not by id; else past the key marker's uploads. An upload-id marker that is not
     * one of the key's uploads (completed or aborted since) resumes at the key's first upload: a page may
     * then repeat uploads, but never skips one.
     */
    private static int resumeAt(List<Upload> sorted, String keyMarker, String uploadIdMarker, String prefix,
                                String delimiter) {
        if (keyMarker == null) {
            return 0;
        }
        boolean rolledUp = Listings.isCommonPrefix(keyMarker, prefix, delimiter);
        int at = 0;
        while (at < sorted.size() && before(sorted.get(at).key, keyMarker, rolledUp)) {
            at++;
        }
        if (rolledUp) {
            return at;
        }
        int keyEnd = at;
        while (keyEnd < sorted.size() && sorted.get(keyEnd).key.equals(keyMarker)) {
            if (sorted.get(keyEnd).id.equals(uploadIdMarker)) {
                return keyEnd + 1;
            }
            keyEnd++;
        }
        return uploadIdMarker == null ? keyEnd : at;
    }

    /** Whether {@code key} sorts before where a page after {@code keyMarker} starts (the common prefix's keys included). */
    private static boolean before(String key, String keyMarker, boolean rolledUp) {
        return Bucket.KEY_ORDER.compare(key, keyMarker) < 0 || (rolledUp && key.startsWith(keyMarker));
    }

    static Map<Integer, Long> sizes(Upload u) {
        Map<Integer, Long> m = new LinkedHashMap<>();
        u.parts.forEach((n, p) -> m.put(n, p.size()));
        return m;
    }
}
