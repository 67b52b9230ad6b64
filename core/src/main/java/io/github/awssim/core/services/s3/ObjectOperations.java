package io.github.awssim.core.services.s3;

import io.github.awssim.core.services.s3.Conditions.Preconditions;
import io.github.awssim.core.services.s3.Conditions.Range;
import io.github.awssim.core.services.s3.ObjectVersion.Checksum;
import io.github.awssim.core.services.s3.ObjectVersion.ObjectMeta;
import io.github.awssim.core.services.s3.Storage.ChecksumClaim;
import io.github.awssim.core.services.s3.Storage.Received;
import io.github.awssim.core.services.s3.Storage.WriteConditions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** The object rules: put, get, head, delete (one or many), copy, tags and attributes. */
final class ObjectOperations {
    /** The Content-Type S3 stores for an object sent without one. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    private final S3State state;
    private final Storage storage;

    ObjectOperations(S3State state, Storage storage) {
        this.state = state;
        this.storage = storage;
    }

    // ---- PutObject ---------------------------------------------------------------------------

    PutObjectResponse put(S3State.Call c, PutObjectRequest r, RequestBody body) {
        Bucket b = state.bucket(c, r.bucket());
        Storage.requireKey(c.operation(), r.key());
        Map<String, String> metadata = Storage.userMetadata(c.operation(), r.hasMetadata() ? r.metadata() : Map.of());
        WriteConditions conditions = WriteConditions.of(c.operation(), r.ifMatch(), r.ifNoneMatch());
        Map<String, String> tags = Tags.ofHeader(c.operation(), r.tagging());
        String storageClass = storageClass(c.operation(), r.storageClassAsString());
        List<Grant> acl = AclOperations.forObjectWrite(c.operation(), b, new Acls.Headers(r.aclAsString(),
            r.grantFullControl(), r.grantRead(), r.grantReadACP(), null, r.grantWriteACP()));
        ChecksumClaim claim = ChecksumClaim.of(c.operation(), r.checksumAlgorithm(), checksumHeaders(r.checksumCRC32(),
            r.checksumCRC32C(), r.checksumCRC64NVME(), r.checksumSHA1(), r.checksumSHA256()));
        ObjectMeta meta = new ObjectMeta(orDefault(r.contentType()), r.contentEncoding(), r.contentDisposition(),
            r.contentLanguage(), r.cacheControl(), r.expires(), r.websiteRedirectLocation(), metadata, storageClass);
        Encryptions.Encryption encryption = Encryptions.forWrite(c.operation(), b, r.serverSideEncryptionAsString(),
            r.ssekmsKeyId(), r.bucketKeyEnabled(), new Encryptions.CustomerKey(r.sseCustomerAlgorithm(), r.sseCustomerKey(),
                r.sseCustomerKeyMD5()));
        // S3 keeps the checksum the request names, else computes its default, CRC64NVME.
        Received in = storage.receive(c.operation(), body, claim, claim.algorithmOr(ChecksumAlgorithm.CRC64_NVME),
            r.contentMD5());
        Checksum checksum = new Checksum(in.algorithm(), Checksums.base64(in.checksum()), ChecksumType.FULL_OBJECT);
        Instant now = c.now().truncatedTo(ChronoUnit.SECONDS);
        String eTag = "\"" + Checksums.hex(in.md5()) + "\"";
        ObjectVersion v = storage.commit(c, b, r.key(), draft(r.key(), in.blob(), in.size(), eTag, now, meta, tags,
            checksum, List.of(), c.accountId(), encryption, acl), conditions);
        LifecycleConfig lifecycle = b.lifecycle;
        PutObjectResponse.Builder out = PutObjectResponse.builder().eTag(eTag).versionId(Storage.writtenVersionId(b, v))
            .checksumType(ChecksumType.FULL_OBJECT).expiration(lifecycle == null ? null : lifecycle.expirationHeader(v));
        Encryptions.echo(encryption, out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
            out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
        setChecksum(out, checksum);
        return out.build();
    }

    static Storage.Draft draft(String key, Blob blob, long size, String eTag, Instant lastModified, ObjectMeta meta,
                               Map<String, String> tags, Checksum checksum, List<ObjectVersion.Part> parts, String owner,
                               Encryptions.Encryption encryption, List<Grant> acl) {
        return new Storage.Draft() {
            @Override
            public ObjectVersion withVersionId(String versionId) {
                return new ObjectVersion(key, versionId, false, blob, size, eTag, lastModified, meta, ObjectVersion.ordered(tags),
                    checksum, parts, owner, encryption, acl);
            }

            @Override
            public void discard() {
                blob.release();
            }
        };
    }

    // ---- GetObject / HeadObject --------------------------------------------------------------

    <T> T get(S3State.Call c, GetObjectRequest r, ResponseTransformer<GetObjectResponse, T> transformer) {
        Bucket b = state.bucket(c, r.bucket());
        Storage.requireKey(c.operation(), r.key());
        Preconditions p = new Preconditions(r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(), r.ifUnmodifiedSince());
        while (true) {
            ObjectVersion v = Storage.find(c, b, r.key(), r.versionId());
            Encryptions.checkRead(c.operation(), "object '" + r.key() + "'", v.encryption(), new Encryptions.CustomerKey(
                r.sseCustomerAlgorithm(), r.sseCustomerKey(), r.sseCustomerKeyMD5()));
            Conditions.check(c.operation(), v, p, c.now(), false);
            Storage.requireReadable(c.operation(), b, v);
            Span span = span(c.operation(), v, r.range(), r.partNumber());
            if (!v.blob().retain()) {
                continue; // replaced and released while we looked: read the key again
            }
            InputStream stream;
            try {
                stream = v.blob().openRetained(span.first(), span.first() + span.length());
            } catch (IOException e) {
                throw S3Errors.error("InternalError", S3Messages.storageFailed(c.operation(), e));
            }
            GetObjectResponse.Builder out = GetObjectResponse.builder();
            ObjectMeta shown = overridden(v.meta(), r.responseContentType(), r.responseContentEncoding(),
                r.responseContentDisposition(), r.responseContentLanguage(), r.responseCacheControl(), r.responseExpires());
            describe(out, b, v, shown, span, r.checksumMode() == ChecksumMode.ENABLED);
            out.expiration(expiration(b, v));
            try {
                T result = transformer.transform(out.build(), AbortableInputStream.create(stream));
                if (!transformer.needsConnectionLeftOpen()) {
                    stream.close();
                }
                return result;
            } catch (Exception e) {
                closeQuietly(stream);
                throw Storage.transformerFailed(c.operation(), e);
            }
        }
    }

    HeadObjectResponse head(S3State.Call c, HeadObjectRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        Storage.requireKey(c.operation(), r.key());
        ObjectVersion v = Storage.find(c, b, r.key(), r.versionId());
        Encryptions.checkRead(c.operation(), "object '" + r.key() + "'", v.encryption(), new Encryptions.CustomerKey(
            r.sseCustomerAlgorithm(), r.sseCustomerKey(), r.sseCustomerKeyMD5()));
        Conditions.check(c.operation(), v, new Preconditions(r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(),
            r.ifUnmodifiedSince()), c.now(), false);
        Span span = span(c.operation(), v, r.range(), r.partNumber());
        ObjectMeta shown = overridden(v.meta(), r.responseContentType(), r.responseContentEncoding(),
            r.responseContentDisposition(), r.responseContentLanguage(), r.responseCacheControl(), r.responseExpires());
        HeadObjectResponse.Builder out = HeadObjectResponse.builder();
        out.acceptRanges("bytes").lastModified(v.lastModified()).contentLength(span.length()).eTag(v.eTag())
            .contentType(shown.contentType()).contentEncoding(shown.contentEncoding())
            .contentDisposition(shown.contentDisposition()).contentLanguage(shown.contentLanguage())
            .cacheControl(shown.cacheControl()).expires(shown.expires())
            .websiteRedirectLocation(shown.websiteRedirectLocation()).metadata(shown.userMetadata())
            .versionId(Storage.shownVersionId(b, v)).storageClass(shown.storageClass())
            .partsCount(span.partsCount()).contentRange(span.contentRange()).expiration(expiration(b, v))
            .tagCount(v.tags().isEmpty() ? null : v.tags().size());   // S3 answers x-amz-tagging-count to HEAD too
        Encryptions.echo(v.encryption(), out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
            out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
        Checksum sum = r.checksumMode() == ChecksumMode.ENABLED ? shownChecksum(v, span) : null;
        if (sum != null) {
            setChecksum(out, sum);
            out.checksumType(sum.type());
        }
        return out.build();
    }

    /**
     * {@code x-amz-expiration} when {@code v} is its key's current version and a lifecycle rule will expire it: S3
     * answers it to PUT, GET and HEAD; a noncurrent version read by id gets none (no Expiration applies to it).
     */
    private static String expiration(Bucket b, ObjectVersion v) {
        LifecycleConfig lifecycle = b.lifecycle;
        return lifecycle == null || b.current(v.key()) != v ? null : lifecycle.expirationHeader(v);
    }

    /**
     * The bytes a GET or HEAD serves: the whole object, a part of a multipart object ({@code partNumber}), or
     * a {@code Range}; never both ({@code InvalidRequest}).
     */
    record Span(long first, long length, String contentRange, Integer partsCount, boolean whole, ObjectVersion.Part part) {
    }

    /**
     * The checksum a read answers with {@code checksumMode(ENABLED)}: that part's when it reads one part of a
     * COMPOSITE upload (whose checksum is built from its parts'), the object's when it reads the whole object (a
     * FULL_OBJECT upload of one part included), else none.
     */
    private static Checksum shownChecksum(ObjectVersion v, Span span) {
        if (v.checksum() == null) {
            return null;
        }
        if (span.part() != null && span.part().checksum() != null && v.checksum().type() == ChecksumType.COMPOSITE) {
            return new Checksum(v.checksum().algorithm(), span.part().checksum(), ChecksumType.COMPOSITE);
        }
        return span.whole() ? v.checksum() : null;
    }

    private static Span span(String operation, ObjectVersion v, String rangeHeader, Integer partNumber) {
        if (partNumber != null) {
            if (rangeHeader != null) {
                throw S3Errors.error("InvalidRequest", S3Messages.rangeAndPartNumber(operation));
            }
            if (partNumber < 1 || partNumber > 10_000) {
                throw S3Errors.error("InvalidArgument", S3Messages.badPartNumber(operation, partNumber));
            }
            if (v.parts().isEmpty()) {
                if (partNumber != 1) {
                    throw S3Errors.error("InvalidPartNumber", S3Messages.partNotSatisfiable(operation, partNumber, 1));
                }
                return new Span(0, v.size(), v.size() == 0 ? null : "bytes 0-" + (v.size() - 1) + "/" + v.size(), null, true,
                    null);
            }
            if (partNumber > v.parts().size()) {
                throw S3Errors.error("InvalidPartNumber", S3Messages.partNotSatisfiable(operation, partNumber, v.parts().size()));
            }
            ObjectVersion.Part p = v.parts().get(partNumber - 1);
            Range range = new Range(p.offset(), p.offset() + p.size() - 1, v.size());
            return new Span(p.offset(), p.size(), p.size() == 0 ? null : range.contentRange(), v.parts().size(),
                v.parts().size() == 1, p);
        }
        Range range = Conditions.range(operation, rangeHeader, v.size());
        if (range == null) {
            return new Span(0, v.size(), null, null, true, null);
        }
        return new Span(range.first(), range.length(), range.contentRange(), null, range.length() == v.size(), null);
    }

    /**
     * The headers a GET or HEAD answers: the stored ones, each replaced by its {@code response-*} parameter when
     * the request sends one (how a presigned link makes a browser save a file under another name, say).
     */
    private static ObjectMeta overridden(ObjectMeta stored, String contentType, String contentEncoding,
                                         String contentDisposition, String contentLanguage, String cacheControl,
                                         Instant expires) {
        return new ObjectMeta(orStored(contentType, stored.contentType()), orStored(contentEncoding, stored.contentEncoding()),
            orStored(contentDisposition, stored.contentDisposition()), orStored(contentLanguage, stored.contentLanguage()),
            orStored(cacheControl, stored.cacheControl()), orStored(expires, stored.expires()),
            stored.websiteRedirectLocation(), stored.userMetadata(), stored.storageClass());
    }

    private static <T> T orStored(T override, T stored) {
        return override != null ? override : stored;
    }

    private static void describe(GetObjectResponse.Builder out, Bucket b, ObjectVersion v, ObjectMeta shown, Span span,
                                 boolean checksums) {
        out.acceptRanges("bytes").lastModified(v.lastModified()).contentLength(span.length()).eTag(v.eTag())
            .contentType(shown.contentType()).contentEncoding(shown.contentEncoding())
            .contentDisposition(shown.contentDisposition()).contentLanguage(shown.contentLanguage())
            .cacheControl(shown.cacheControl()).expires(shown.expires())
            .websiteRedirectLocation(shown.websiteRedirectLocation()).metadata(shown.userMetadata())
            .versionId(Storage.shownVersionId(b, v)).storageClass(shown.storageClass())
            .partsCount(span.partsCount()).contentRange(span.contentRange())
            .tagCount(v.tags().isEmpty() ? null : v.tags().size());
        Encryptions.echo(v.encryption(), out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
            out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
        Checksum sum = checksums ? shownChecksum(v, span) : null;
        if (sum != null) {
            setChecksum(out, sum);
            out.checksumType(sum.type());
        }
    }

    // ---- DeleteObject / DeleteObjects --------------------------------------------------------

    DeleteObjectResponse delete(S3State.Call c, DeleteObjectRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        Storage.requireKey(c.operation(), r.key());
        Deleted d = deleteOne(c, b, r.key(), r.versionId(), r.ifMatch(), r.ifMatchLastModifiedTime(), r.ifMatchSize());
        return DeleteObjectResponse.builder().deleteMarker(d.deleteMarker() ? Boolean.TRUE : null).versionId(d.versionId()).build();
    }

    /** What a delete did: whether it made or removed a delete marker, and the version id it answers. */
    record Deleted(boolean deleteMarker, String versionId) {
    }

    private Deleted deleteOne(S3State.Call c, Bucket b, String key, String versionId, String ifMatch,
                              Instant ifMatchLastModified, Long ifMatchSize) {
        b.lock.lock();
        try {
            List<ObjectVersion> history = b.keys.getOrDefault(key, List.of());
            if (versionId != null) {
                Storage.checkVersionId(c.operation(), "VersionId", versionId);
                for (ObjectVersion v : history) {
                    if (v.versionId().equals(versionId)) {
                        List<ObjectVersion> next = new ArrayList<>(history);
                        next.remove(v);
                        put(b, key, next);
                        Storage.release(List.of(v));
                        return new Deleted(v.deleteMarker(), versionId);
                    }
                }
                return new Deleted(false, versionId);
            }
            ObjectVersion current = history.isEmpty() ? null : history.get(0);
            if (ifMatch != null || ifMatchLastModified != null || ifMatchSize != null) {
                if (current == null || current.deleteMarker()) {
                    throw S3Errors.error("NoSuchKey", S3Messages.ifMatchOnMissingKey(c.operation(), b.name, key));
                }
                String failed = ifMatch != null && !Conditions.matches(ifMatch, current.eTag()) ? "If-Match"
                    : ifMatchLastModified != null
                        && !current.lastModified().equals(ifMatchLastModified.truncatedTo(ChronoUnit.SECONDS))
                        ? "x-amz-if-match-last-modified-time"
                    : ifMatchSize != null && current.size() != ifMatchSize ? "x-amz-if-match-size" : null;
                if (failed != null) {
                    throw S3Errors.preconditionFailed(S3Messages.deleteConditionFailed(c.operation(), key), failed);
                }
            }
            BucketVersioningStatus versioning = b.versioning;
            if (versioning == null) {
                b.keys.remove(key);
                Storage.release(history);
                return new Deleted(false, null);
            }
            String markerId = versioning == BucketVersioningStatus.ENABLED ? state.newVersionId() : ObjectVersion.NULL_VERSION;
            ObjectVersion marker = new ObjectVersion(key, markerId, true, null, 0, null, c.now().truncatedTo(ChronoUnit.SECONDS),
                ObjectMeta.NONE, Map.of(), null, List.of(), c.accountId(), null, null);
            List<ObjectVersion> next = new ArrayList<>();
            next.add(marker);
            List<ObjectVersion> dropped = new ArrayList<>();
            for (ObjectVersion v : history) {
                if (versioning == BucketVersioningStatus.SUSPENDED && v.versionId().equals(ObjectVersion.NULL_VERSION)) {
                    dropped.add(v);
                } else {
                    next.add(v);
                }
            }
            put(b, key, next);
            Storage.release(dropped);
            return new Deleted(true, markerId);
        } finally {
            b.lock.unlock();
        }
    }

    private static void put(Bucket b, String key, List<ObjectVersion> history) {
        if (history.isEmpty()) {
            b.keys.remove(key);
        } else {
            b.keys.put(key, List.copyOf(history));
        }
    }

    DeleteObjectsResponse deleteMany(S3State.Call c, DeleteObjectsRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        List<ObjectIdentifier> objects = r.delete() == null || !r.delete().hasObjects() ? List.of() : r.delete().objects();
        if (objects.isEmpty() || objects.size() > 1000) {
            throw S3Errors.error("MalformedXML", S3Messages.deleteObjectsCount(objects.size()));
        }
        boolean quiet = r.delete() != null && Boolean.TRUE.equals(r.delete().quiet());
        List<DeletedObject> deleted = new ArrayList<>();
        List<S3Error> errors = new ArrayList<>();
        for (ObjectIdentifier o : objects) {
            try {
                Storage.requireKey(c.operation(), o.key());
                BucketAccess.checkKey(c, b, o.key(), o.versionId(), c.accountId());
                if (o.versionId() != null && !o.versionId().isEmpty() && !Storage.isVersionId(o.versionId())) {
                    // what S3 answers in a DeleteResult for an id it could not have issued
                    throw S3Errors.error("NoSuchVersion", S3Messages.noSuchVersion(c.operation(), b.name, o.key(), o.versionId()));
                }
                Deleted d = deleteOne(c, b, o.key(), o.versionId(), o.eTag(), o.lastModifiedTime(), o.size());
                if (!quiet) {
                    DeletedObject.Builder entry = DeletedObject.builder().key(o.key()).versionId(o.versionId());
                    if (d.deleteMarker()) {
                        entry.deleteMarker(true).deleteMarkerVersionId(d.versionId());
                    }
                    deleted.add(entry.build());
                }
            } catch (AwsServiceException e) {
                errors.add(S3Error.builder().key(o.key()).versionId(o.versionId())
                    .code(e.awsErrorDetails().errorCode()).message(e.awsErrorDetails().errorMessage()).build());
            }
        }
        DeleteObjectsResponse.Builder out = DeleteObjectsResponse.builder();
        if (!deleted.isEmpty()) {
            out.deleted(deleted);
        }
        if (!errors.isEmpty()) {
            out.errors(errors);
        }
        return out.build();
    }

    // ---- CopyObject --------------------------------------------------------------------------

    /** A parsed {@code x-amz-copy-source}: {@code bucket/key[?versionId=…]}, URL-encoded. */
    record CopySource(String bucket, String key, String versionId) {
        static CopySource parse(String operation, String header, String bucket, String key, String versionId) {
            if (header == null) {
                if (bucket == null || key == null) {
                    throw S3Errors.error("InvalidArgument", S3Messages.noCopySource(operation));
                }
                return new CopySource(bucket, key, versionId);
            }
            String h = header.startsWith("/") ? header.substring(1) : header;
            String version = null;
            int q = h.indexOf('?');
            if (q >= 0) {
                for (String param : h.substring(q + 1).split("&")) {
                    if (param.startsWith("versionId=")) {
                        version = SdkHttpUtils.urlDecode(param.substring("versionId=".length()));
                    }
                }
                h = h.substring(0, q);
            }
            int slash = h.indexOf('/');
            // S3 says which half is missing (versity/versitygw#1388, #1389, #1390)
            if (h.isEmpty() || slash == 0) {
                throw S3Errors.error("InvalidArgument", S3Messages.copySourceWithoutBucket(operation, header));
            }
            if (slash < 0 || slash == h.length() - 1) {
                throw S3Errors.error("InvalidArgument", S3Messages.copySourceWithoutKey(operation, header));
            }
            return new CopySource(SdkHttpUtils.urlDecode(h.substring(0, slash)), decodePath(h.substring(slash + 1)), version);
        }

        /** Percent-decoding that keeps '+' (the SDK encodes keys as paths, with %20 for a space). */
        private static String decodePath(String s) {
            return SdkHttpUtils.urlDecode(s.replace("+", "%2B"));
        }
    }

    CopyObjectResponse copy(S3State.Call c, CopyObjectRequest r) {
        CopySource src = CopySource.parse(c.operation(), r.copySource(), r.sourceBucket(), r.sourceKey(), r.sourceVersionId());
        Bucket destination = state.bucket(c, r.destinationBucket());
        Storage.requireKey(c.operation(), r.destinationKey());
        Bucket source = state.sourceBucket(c, src.bucket());
        WriteConditions conditions = WriteConditions.of(c.operation(), r.ifMatch(), r.ifNoneMatch());
        Preconditions p = new Preconditions(r.copySourceIfMatch(), r.copySourceIfNoneMatch(), r.copySourceIfModifiedSince(),
            r.copySourceIfUnmodifiedSince());
        boolean replaceMetadata = r.metadataDirective() == MetadataDirective.REPLACE;
        String storageClass = storageClass(c.operation(), r.storageClassAsString());
        // Everything the request says is checked before the source's bytes are retained: a refusal holds no reference.
        ObjectMeta replacedMeta = replaceMetadata ? new ObjectMeta(orDefault(r.contentType()), r.contentEncoding(),
            r.contentDisposition(), r.contentLanguage(), r.cacheControl(), r.expires(), r.websiteRedirectLocation(),
            Storage.userMetadata(c.operation(), r.hasMetadata() ? r.metadata() : Map.of()), storageClass) : null;
        Map<String, String> replacedTags = r.taggingDirective() == TaggingDirective.REPLACE
            ? Tags.ofHeader(c.operation(), r.tagging()) : null;
        // a copy is a new write: it is encrypted as its request or the destination bucket says, not as its source
        Encryptions.Encryption encryption = Encryptions.forWrite(c.operation(), destination, r.serverSideEncryptionAsString(),
            r.ssekmsKeyId(), r.bucketKeyEnabled(), new Encryptions.CustomerKey(r.sseCustomerAlgorithm(), r.sseCustomerKey(),
                r.sseCustomerKeyMD5()));
        // a copy gets the ACL its request asks for, else private: S3 never copies the source's ACL
        List<Grant> acl = AclOperations.forObjectWrite(c.operation(), destination, new Acls.Headers(r.aclAsString(),
            r.grantFullControl(), r.grantRead(), r.grantReadACP(), null, r.grantWriteACP()));
        Encryptions.CustomerKey sourceKey = new Encryptions.CustomerKey(r.copySourceSSECustomerAlgorithm(),
            r.copySourceSSECustomerKey(), r.copySourceSSECustomerKeyMD5());
        while (true) {
            ObjectVersion sv = Storage.find(c, source, src.key(), src.versionId(), "CopySource versionId");
            Encryptions.checkRead(c.operation(), "copy source '" + src.key() + "'", sv.encryption(), sourceKey);
            Conditions.check(c.operation(), sv, p, c.now(), true);
            Storage.requireReadable(c.operation(), source, sv);
            if (sv.size() > Storage.MAX_SINGLE_UPLOAD) {
                throw S3Errors.error("InvalidRequest", S3Messages.copySourceTooLarge(c.operation(), sv.size()));
            }
            boolean sameObject = source == destination && src.key().equals(r.destinationKey())
                && (src.versionId() == null || sv == destination.current(src.key()));
            if (sameObject && !changesSomething(r, replaceMetadata, storageClass, sv)) {
                throw S3Errors.error("InvalidRequest", S3Messages.copyOntoItself(c.operation(), src.bucket(), src.key()));
            }
            if (!sv.blob().retain()) {
                continue;
            }
            ObjectMeta meta = replaceMetadata ? replacedMeta : copiedMeta(sv.meta(), r.websiteRedirectLocation(), storageClass);
            Map<String, String> tags = replacedTags != null ? replacedTags : sv.tags();
            Checksum checksum;
            String eTag;
            try {
                ChecksumAlgorithm algorithm = r.checksumAlgorithm() != null ? r.checksumAlgorithm()
                    : sv.checksum() != null ? sv.checksum().algorithm() : ChecksumAlgorithm.CRC64_NVME;
                boolean reuse = sv.parts().isEmpty() && sv.checksum() != null && sv.checksum().algorithm() == algorithm
                    && sv.checksum().type() == ChecksumType.FULL_OBJECT;
                if (reuse) {
                    checksum = sv.checksum();
                    eTag = sv.eTag();
                } else {
                    // A copy is one object: a multipart source's parts and composite checksum do not carry over.
                    Digest d = digest(c.operation(), sv.blob(), algorithm);
                    checksum = new Checksum(algorithm, d.checksum(), ChecksumType.FULL_OBJECT);
                    eTag = "\"" + d.md5() + "\"";
                }
            } catch (RuntimeException e) {
                sv.blob().release();
                throw e;
            }
            Instant now = c.now().truncatedTo(ChronoUnit.SECONDS);
            ObjectVersion v = storage.commit(c, destination, r.destinationKey(), draft(r.destinationKey(), sv.blob(), sv.size(),
                eTag, now, meta, tags, checksum, List.of(), c.accountId(), encryption, acl), conditions);
            CopyObjectResult.Builder result = CopyObjectResult.builder().eTag(eTag).lastModified(now);
            setChecksum(result, checksum);
            result.checksumType(checksum.type());
            CopyObjectResponse.Builder out = CopyObjectResponse.builder().copyObjectResult(result.build())
                .versionId(Storage.writtenVersionId(destination, v))
                .copySourceVersionId(source.versioning == null ? null : sv.versionId());
            Encryptions.echo(encryption, out::serverSideEncryption, out::ssekmsKeyId, out::bucketKeyEnabled,
                out::sseCustomerAlgorithm, out::sseCustomerKeyMD5);
            return out.build();
        }
    }

    /**
     * What a COPY directive keeps of the source's metadata: all but what S3 never copies, the storage class
     * (STANDARD unless the request names one) and the website redirect (only the one the request sends).
     */
    private static ObjectMeta copiedMeta(ObjectMeta source, String websiteRedirectLocation, String storageClass) {
        return new ObjectMeta(source.contentType(), source.contentEncoding(), source.contentDisposition(),
            source.contentLanguage(), source.cacheControl(), source.expires(), websiteRedirectLocation,
            source.userMetadata(), storageClass);
    }

    /**
     * Whether a copy onto the source itself changes anything, which S3 requires. The storage class counts as
     * changed when the one the copy gets (STANDARD unless named) differs from the source's.
     */
    private static boolean changesSomething(CopyObjectRequest r, boolean replaceMetadata, String storageClass,
                                            ObjectVersion source) {
        return replaceMetadata || !Objects.equals(storageClass, source.meta().storageClass())
            || r.websiteRedirectLocation() != null || r.serverSideEncryption() != null || r.sseCustomerAlgorithm() != null
            || r.checksumAlgorithm() != null;
    }

    record Digest(String md5, String checksum) {
    }

    /** Reads a blob to compute its MD5 (hex) and a flexible checksum (base64). */
    static Digest digest(String operation, Blob blob, ChecksumAlgorithm algorithm) {
        try (InputStream in = blob.open(0, blob.length())) {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            Checksums.Running sum = Checksums.newChecksum(algorithm);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md5.update(buffer, 0, n);
                sum.update(buffer, 0, n);
            }
            return new Digest(Checksums.hex(md5.digest()), Checksums.base64(sum.getChecksumBytes()));
        } catch (IOException e) {
            throw S3Errors.error("InternalError", S3Messages.storageFailed(operation, e));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- tagging -----------------------------------------------------------------------------

    String putTags(S3State.Call c, String bucket, String key, String versionId, List<software.amazon.awssdk.services.s3.model.Tag> tagSet) {
        Bucket b = state.bucket(c, bucket);
        Map<String, String> tags = Tags.of(c.operation(), tagSet, Tags.MAX_OBJECT_TAGS);
        ObjectVersion v = Storage.find(c, b, key, versionId);
        storage.replace(b, key, v, v.withTags(tags));
        return Storage.shownVersionId(b, v);
    }

    record Tagged(Map<String, String> tags, String versionId) {
    }

    Tagged tags(S3State.Call c, String bucket, String key, String versionId) {
        Bucket b = state.bucket(c, bucket);
        ObjectVersion v = Storage.find(c, b, key, versionId);
        return new Tagged(v.tags(), Storage.shownVersionId(b, v));
    }

    // ---- GetObjectAttributes -----------------------------------------------------------------

    GetObjectAttributesResponse attributes(S3State.Call c, GetObjectAttributesRequest r) {
        Bucket b = state.bucket(c, r.bucket());
        if (!r.hasObjectAttributes() || r.objectAttributes().isEmpty()) {
            throw S3Errors.error("InvalidArgument", S3Messages.noObjectAttributes(c.operation()));
        }
        ObjectVersion v = Storage.find(c, b, r.key(), r.versionId());
        Encryptions.checkRead(c.operation(), "object '" + r.key() + "'", v.encryption(), new Encryptions.CustomerKey(
            r.sseCustomerAlgorithm(), r.sseCustomerKey(), r.sseCustomerKeyMD5()));
        List<ObjectAttributes> wanted = r.objectAttributes();
        GetObjectAttributesResponse.Builder out = GetObjectAttributesResponse.builder().lastModified(v.lastModified())
            .versionId(Storage.shownVersionId(b, v));
        if (wanted.contains(ObjectAttributes.E_TAG)) {
            out.eTag(Conditions.unquote(v.eTag()));
        }
        if (wanted.contains(ObjectAttributes.CHECKSUM) && v.checksum() != null) {
            software.amazon.awssdk.services.s3.model.Checksum.Builder sum = software.amazon.awssdk.services.s3.model.Checksum.builder();
            // S3 shows a composite checksum here without the "-N" part count GET, HEAD and Complete append
            String value = v.checksum().value();
            int dash = v.checksum().type() == ChecksumType.COMPOSITE ? value.lastIndexOf('-') : -1;
            setPartChecksum(sum, v.checksum().algorithm(), dash > 0 ? value.substring(0, dash) : value);
            sum.checksumType(v.checksum().type());
            out.checksum(sum.build());
        }
        if (wanted.contains(ObjectAttributes.OBJECT_PARTS) && !v.parts().isEmpty()) {
            int max = r.maxParts() != null ? Math.max(0, Math.min(r.maxParts(), 1000)) : 1000;
            int marker = r.partNumberMarker() != null ? r.partNumberMarker() : 0;
            List<ObjectPart> parts = new ArrayList<>();
            boolean truncated = false;
            for (ObjectVersion.Part p : v.parts()) {
                if (p.number() <= marker) {
                    continue;
                }
                if (parts.size() == max) {
                    truncated = true;
                    break;
                }
                ObjectPart.Builder part = ObjectPart.builder().partNumber(p.number()).size(p.size());
                if (p.checksum() != null && v.checksum() != null) {
                    setPartChecksum(part, v.checksum().algorithm(), p.checksum());
                }
                parts.add(part.build());
            }
            out.objectParts(GetObjectAttributesParts.builder().totalPartsCount(v.parts().size()).partNumberMarker(marker)
                .nextPartNumberMarker(parts.isEmpty() ? marker : parts.get(parts.size() - 1).partNumber())
                .maxParts(max).isTruncated(truncated).parts(parts).build());
        }
        if (wanted.contains(ObjectAttributes.STORAGE_CLASS)) {
            out.storageClass(v.meta().storageClass() != null ? v.meta().storageClass() : StorageClass.STANDARD.toString());
        }
        if (wanted.contains(ObjectAttributes.OBJECT_SIZE)) {
            out.objectSize(v.size());
        }
        return out.build();
    }

    // ---- shared ------------------------------------------------------------------------------

    static Map<ChecksumAlgorithm, String> checksumHeaders(String crc32, String crc32c, String crc64, String sha1, String sha256) {
        Map<ChecksumAlgorithm, String> m = new LinkedHashMap<>();
        m.put(ChecksumAlgorithm.CRC32, crc32);
        m.put(ChecksumAlgorithm.CRC32_C, crc32c);
        m.put(ChecksumAlgorithm.CRC64_NVME, crc64);
        m.put(ChecksumAlgorithm.SHA1, sha1);
        m.put(ChecksumAlgorithm.SHA256, sha256);
        return m;
    }

    /** A storage class S3 knows, or null for STANDARD (which S3 does not answer in headers). */
    static String storageClass(String operation, String value) {
        if (value == null || value.equals(StorageClass.STANDARD.toString())) {
            return null;
        }
        if (StorageClass.fromValue(value) == StorageClass.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.error("InvalidStorageClass", S3Messages.invalidStorageClass(operation, value));
        }
        return value;
    }

    private static String orDefault(String contentType) {
        return contentType != null ? contentType : DEFAULT_CONTENT_TYPE;
    }

    /** Sets the one checksum member of {@code builder} that {@code checksum}'s algorithm names. */
    static void setChecksum(Object builder, Checksum checksum) {
        if (checksum == null) {
            return;
        }
        setPartChecksum(builder, checksum.algorithm(), checksum.value());
    }

    static void setPartChecksum(Object builder, ChecksumAlgorithm algorithm, String value) {
        String setter;
        switch (algorithm) {
            case CRC32:
                setter = "checksumCRC32";
                break;
            case CRC32_C:
                setter = "checksumCRC32C";
                break;
            case CRC64_NVME:
                setter = "checksumCRC64NVME";
                break;
            case SHA1:
                setter = "checksumSHA1";
                break;
            case SHA256:
                setter = "checksumSHA256";
                break;
            default:
                return;
        }
        // Every SDK builder with checksums names them alike; one setter by name spares a switch per type. The
        // method is looked up on the builder's public interface: the implementation class is not public.
        for (Class<?> type : builder.getClass().getInterfaces()) {
            try {
                type.getMethod(setter, String.class).invoke(builder, value);
                return;
            } catch (NoSuchMethodException e) {
                // try the next interface
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("awssim: cannot call " + setter + " on " + type.getName(), e);
            }
        }
        throw new IllegalStateException("awssim: " + builder.getClass().getName() + " has no " + setter);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The body was never handed over; closing only releases its blob.
        }
    }
}
