package io.github.awssim.core.services.s3;

import io.github.awssim.core.CallContext;
import io.github.awssim.core.internal.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketCorsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketCorsResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAclResponse;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.PutObjectAclRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAclResponse;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Amazon S3, simulated: the backend answering every {@code S3Client} and {@code S3AsyncClient} call of a
 * simulation (virtual-hosted or path-style, sync or async, with the SDK's default checksums), and the typed
 * API tests and other simulators use to seed and read its buckets and objects. Get it with {@code sim.s3()}.
 *
 * <pre>{@code
 * Simulation sim = Simulation.create();
 * sim.s3().createBucket("reports").putObject("reports", "usage/2026-01.csv", "hour,units\n10,3\n");
 * S3Client s3 = SimulatedClients.create(sim, S3Client.class);
 * String csv = s3.getObjectAsBytes(b -> b.bucket("reports").key("usage/2026-01.csv")).asUtf8String();
 * assertThat(sim.s3().objects("reports")).extracting(StoredObject::key).containsExactly("usage/2026-01.csv");
 * }</pre>
 *
 * <h2>What is simulated</h2>
 * Buckets: CreateBucket (name rules, LocationConstraint rules, re-creating your own bucket: 200 in us-east-1,
 * BucketAlreadyOwnedByYou elsewhere), DeleteBucket (BucketNotEmpty), HeadBucket, ListBuckets (prefix, region,
 * max-buckets and continuation), GetBucketLocation, Put/GetBucketVersioning, Put/Get/DeleteBucketTagging,
 * Put/Get/DeleteBucketPolicy. Objects: PutObject (Content-MD5 and flexible checksums checked, conditional
 * writes with If-None-Match: * and If-Match), GetObject and HeadObject (one Range, suffix ranges, 416,
 * partNumber, If-Match/If-None-Match/If-(Un)Modified-Since in S3's precedence, response-* overrides, stored
 * checksums with {@code checksumMode(ENABLED)}), DeleteObject (204 for a missing key, conditional deletes),
 * DeleteObjects (quiet mode), CopyObject (metadata and tagging directives, x-amz-copy-source-if-*), ListObjects
 * v1 and v2, ListObjectVersions, GetObjectAttributes, Put/Get/DeleteObjectTagging. Multipart:
 * CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload (EntityTooSmall, InvalidPart,
 * InvalidPartOrder, the {@code "md5-N"} ETag, COMPOSITE and FULL_OBJECT checksums), AbortMultipartUpload,
 * ListParts, ListMultipartUploads. Versioning: version ids, delete markers, reads and deletes by version id,
 * suspended buckets writing the {@code null} version. Access control, with S3's defaults since April 2023 (a
 * new bucket is BucketOwnerEnforced, ACLs disabled, with all four Block Public Access settings on):
 * CreateBucket's {@code x-amz-object-ownership} and ACL (InvalidBucketAclWithObjectOwnership),
 * Put/Get/DeleteBucketOwnershipControls (OwnershipControlsNotFoundError), Get/PutBucketAcl and
 * Get/PutObjectAcl (AccessControlListNotSupported while ACLs are disabled; canned ACLs, grant headers and
 * bodies stored while enabled), the ACL headers of PutObject, CopyObject and CreateMultipartUpload
 * (bucket-owner-full-control or none while ACLs are disabled), Put/Get/DeletePublicAccessBlock
 * (NoSuchPublicAccessBlockConfiguration; BlockPublicAcls and BlockPublicPolicy refuse public ACLs and bucket
 * policies with AccessDenied); {@link #objectOwnership(String)} reads a bucket's setting. CORS:
 * Put/Get/DeleteBucketCors (at most 100 rules, AllowedMethod GET/PUT/POST/DELETE/HEAD, one wildcard per
 * AllowedOrigin and AllowedHeader, NoSuchCORSConfiguration; the configuration only: no browser preflight is
 * answered). Lifecycle: Put/Get/DeleteBucketLifecycleConfiguration (up to 1,000 rules with S3's checks of IDs,
 * status, filters, actions, days and midnight dates; NoSuchLifecycleConfiguration) acted on by the simulation clock:
 * Expiration (deleting, or adding a delete marker when versioned), NoncurrentVersionExpiration (with
 * NewerNoncurrentVersions), ExpiredObjectDeleteMarker and AbortIncompleteMultipartUpload, due at the midnight UTC
 * after the object's age reaches the rule's days, with {@code x-amz-expiration} on PutObject, GetObject and
 * HeadObject; transitions are checked and stored only. Every other S3 operation answers an {@code awssim:} error
 * naming it; stub it by registering a backend that answers it (a Mockito spy of this simulator, say).
 *
 * <h2>Storage</h2>
 * Objects up to the {@link #spillThreshold(long) spill threshold} (1 MiB) are kept in the heap, larger ones in
 * temporary files under a directory {@code awssim-s3-*} in {@code java.io.tmpdir}, deleted when the simulation
 * closes (and at JVM exit). Bodies stream in and out; a completed multipart upload and a copy share the
 * bytes they came from. A reader sees one committed version from start to end, whatever is written meanwhile;
 * the last committed write wins.
 *
 * <h2>Accounts and regions</h2>
 * Bucket names are one namespace for the whole simulation. A client reaches only buckets of its account
 * (else AccessDenied) in its region (else 301 PermanentRedirect with {@code x-amz-bucket-region}, which the
 * SDK's {@code crossRegionAccessEnabled(true)} follows); a request's {@code expectedBucketOwner} (and a copy's
 * {@code expectedSourceBucketOwner}) naming another account is AccessDenied. The typed methods here reach every
 * bucket by name; they create buckets in the account and region of the simulation, or of the view {@link #in}
 * returns.
 *
 * <h2>Choices where AWS is silent</h2>
 * A retried CompleteMultipartUpload with the same parts answers the first completion again (the SDK retries
 * one whose answer was lost). A suffix Range on an empty object serves it (200, empty body). Continuation tokens
 * are opaque base64; one this simulator did not issue is InvalidArgument. Objects written without a checksum
 * store S3's default CRC64NVME. Signatures are never checked; presigned URLs expire on the simulation clock.
 * ListMultipartUploads resumes after its upload-id marker by position among the key's uploads; a marker naming
 * none of them resumes at the key's first. RestoreObject is not simulated, so GLACIER and DEEP_ARCHIVE objects
 * are never read or copied (InvalidObjectState). Every object is written by its bucket's owner (no other
 * account reaches a bucket), so BucketOwnerPreferred and ObjectWriter behave alike, bucket-owner-read and
 * bucket-owner-full-control amount to private, and IgnorePublicAcls and RestrictPublicBuckets change nothing
 * observable; a bucket without ownership controls has ACLs enabled; grant headers make the ACL exactly the grants
 * they name; email grantees are refused (UnresolvableGrantByEmailAddress). Lifecycle actions happen the moment
 * the simulation clock passes their due time (S3 runs them asynchronously, later), replayed in time order however far
 * the clock jumps; an object written after a rule's Date expires at the next midnight.
 *
 * <p>Thread-safe. All state lives in one shared object, so a Mockito spy of this simulator
 * ({@code Mockito.spy(sim.s3())}) shares it with the original.
 */
public class S3Simulator implements S3Client {
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final String SERVICE = "S3";

    private final Engine engine;
    private final S3State state;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;
    private final AclOperations acls;
    /** The account and region the typed API addresses; null: the simulation's. */
    private final String accountId;
    private final Region region;

    /** Created by the simulation (reflectively: the engine is not API); get it with {@code sim.s3()}. */
    S3Simulator(Engine engine) {
        this(engine, new S3State(engine), null, null);
    }

    private S3Simulator(Engine engine, S3State state, String accountId, Region region) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.state = state;
        Storage storage = new Storage(state);
        this.buckets = new BucketOperations(state);
        this.objects = new ObjectOperations(state, storage);
        this.multipart = new MultipartOperations(state, storage);
        this.acls = new AclOperations(state, storage);
        this.accountId = accountId;
        this.region = region;
    }

    /**
     * Runs an operation's rules for the call being dispatched (its account, region and time), or, outside an
     * S3 call, as a direct call of the typed API. Queued faults strike calls from clients only.
     */
    private <T> T run(String operation, Object request, Function<S3State.Call, T> rules) {
        Objects.requireNonNull(request, "request");
        CallContext context = engine.callContext();
        boolean direct = !SERVICE.equals(context.service());
        if (direct) {
            // A client call caught up in dispatch; a direct one shows time-driven writes (ACP reports) here.
            engine.catchUp();
        }
        S3State.Call c = new S3State.Call(operation, direct ? accountId() : context.accountId(),
            direct ? region().id() : context.region(), context.time(), direct, S3State.ExpectedOwners.of(request),
            !direct && context.accessKeyId() == null);
        if (!direct) {
            state.strikeFault(c);
        }
        if (c.anonymous()) {
            admitAnonymous(c, request);
        } else if (!direct) {
            admitSigned(c, request);
        }
        return rules.apply(c);
    }

    /** A signed call meets its bucket policy's explicit Denies; see {@link BucketAccess}. DeleteObjects: key by key. */
    private void admitSigned(S3State.Call c, Object request) {
        String bucketName = ((SdkRequest) request).getValueForField("Bucket", String.class).orElse(null);
        Bucket b = bucketName == null || c.operation().equals("CreateBucket") ? null : state.buckets.get(bucketName);
        if (b == null || b.deleted || b.policy == null || request instanceof DeleteObjectsRequest) {
            return;   // no bucket: the operation answers NoSuchBucket itself, in its own order of checks
        }
        SdkRequest r = (SdkRequest) request;
        String partition = BucketAccess.partition(c.region());
        BucketAccess.checkSigned(c.operation(), b, r.getValueForField("Key", String.class).orElse(null),
            r.getValueForField("VersionId", String.class).orElse(null), partition, c.accountId());
        ObjectOperations.CopySource source = copySource(c, request);
        Bucket from = source == null ? null : state.buckets.get(source.bucket());
        if (from != null && !from.deleted) {
            BucketAccess.checkSigned("GetObject", from, source.key(), source.versionId(), partition, c.accountId());
        }
    }

    private static ObjectOperations.CopySource copySource(S3State.Call c, Object request) {
        if (request instanceof CopyObjectRequest copy) {
            return ObjectOperations.CopySource.parse(c.operation(), copy.copySource(), copy.sourceBucket(), copy.sourceKey(),
                copy.sourceVersionId());
        }
        if (request instanceof UploadPartCopyRequest copy) {
            return ObjectOperations.CopySource.parse(c.operation(), copy.copySource(), copy.sourceBucket(), copy.sourceKey(),
                copy.sourceVersionId());
        }
        return null;
    }

    /** An unsigned call goes on only where the bucket (and a copy's source) is public; see {@link BucketAccess}. */
    private void admitAnonymous(S3State.Call c, Object request) {
        SdkRequest r = (SdkRequest) request;
        String bucketName = r.getValueForField("Bucket", String.class).orElse(null);
        if (bucketName == null || c.operation().equals("CreateBucket")) {
            throw BucketAccess.deniedWithoutBucket(c.operation());
        }
        Bucket b = state.bucket(c, bucketName);
        String partition = BucketAccess.partition(c.region());
        if (request instanceof DeleteObjectsRequest) {
            return;   // judged key by key, each a DeleteObject with its own AccessDenied entry
        }
        BucketAccess.checkAnonymous(c.operation(), b, r.getValueForField("Key", String.class).orElse(null),
            r.getValueForField("VersionId", String.class).orElse(null), partition);
        ObjectOperations.CopySource source = copySource(c, request);
        if (source != null) {
            BucketAccess.checkAnonymous("GetObject", state.sourceBucket(c, source.bucket()), source.key(), source.versionId(),
                partition);
        }
    }

    // ---- buckets -----------------------------------------------------------------------------

    @Override
    public CreateBucketResponse createBucket(CreateBucketRequest request) {
        return run("CreateBucket", request, c -> buckets.create(c, request));
    }

    @Override
    public DeleteBucketResponse deleteBucket(DeleteBucketRequest request) {
        return run("DeleteBucket", request, c -> {
            buckets.delete(c, request.bucket());
            return DeleteBucketResponse.builder().build();
        });
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        return run("HeadBucket", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            return HeadBucketResponse.builder().bucketRegion(b.region).accessPointAlias(false).build();
        });
    }

    @Override
    public ListBucketsResponse listBuckets(ListBucketsRequest request) {
        return run("ListBuckets", request, c -> buckets.list(c, request));
    }

    @Override
    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
        return run("GetBucketLocation", request, c -> GetBucketLocationResponse.builder()
            .locationConstraint(BucketOperations.locationConstraint(state.bucket(c, request.bucket()))).build());
    }

    @Override
    public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest request) {
        return run("PutBucketVersioning", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            var config = request.versioningConfiguration();
            buckets.putVersioning(b, config == null ? null : config.status(), config == null ? null : config.statusAsString());
            return PutBucketVersioningResponse.builder().build();
        });
    }

    @Override
    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
        return run("GetBucketVersioning", request, c -> BucketOperations.versioning(state.bucket(c, request.bucket())));
    }

    @Override
    public PutBucketTaggingResponse putBucketTagging(PutBucketTaggingRequest request) {
        return run("PutBucketTagging", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            b.tags = Tags.of(c.operation(), request.tagging() == null || !request.tagging().hasTagSet() ? List.of()
                : request.tagging().tagSet(), Tags.MAX_BUCKET_TAGS);
            return PutBucketTaggingResponse.builder().build();
        });
    }

    @Override
    public GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest request) {
        return run("GetBucketTagging", request, c -> {
            Map<String, String> tags = state.bucket(c, request.bucket()).tags;
            if (tags == null || tags.isEmpty()) {
                throw S3Errors.error("NoSuchTagSet", "The TagSet does not exist (GetBucketTagging: bucket '"
                    + request.bucket() + "' has no tags).");
            }
            return GetBucketTaggingResponse.builder().tagSet(Tags.toTagSet(tags)).build();
        });
    }

    @Override
    public DeleteBucketTaggingResponse deleteBucketTagging(DeleteBucketTaggingRequest request) {
        return run("DeleteBucketTagging", request, c -> {
            state.bucket(c, request.bucket()).tags = null;
            return DeleteBucketTaggingResponse.builder().build();
        });
    }

    @Override
    public PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest request) {
        return run("PutBucketPolicy", request, c -> {
            BucketOperations.putPolicy(c.operation(), state.bucket(c, request.bucket()), request.policy());
            return PutBucketPolicyResponse.builder().build();
        });
    }

    @Override
    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
        return run("GetBucketPolicy", request, c -> {
            String policy = state.bucket(c, request.bucket()).policy;
            if (policy == null) {
                throw S3Errors.error("NoSuchBucketPolicy", "The bucket policy does not exist (GetBucketPolicy: bucket '"
                    + request.bucket() + "').");
            }
            return GetBucketPolicyResponse.builder().policy(policy).build();
        });
    }

    /**
     * Whether the bucket's policy is public, by the rule BlockPublicPolicy applies. Only the policy counts (S3 reads
     * no ACL here), and a bucket without one answers NoSuchBucketPolicy, as S3 does.
     */
    @Override
    public GetBucketPolicyStatusResponse getBucketPolicyStatus(GetBucketPolicyStatusRequest request) {
        return run("GetBucketPolicyStatus", request, c -> {
            String policy = state.bucket(c, request.bucket()).policy;
            if (policy == null) {
                throw S3Errors.error("NoSuchBucketPolicy", "The bucket policy does not exist (GetBucketPolicyStatus: "
                    + "bucket '" + request.bucket() + "' has no policy to judge).");
            }
            return GetBucketPolicyStatusResponse.builder()
                .policyStatus(s -> s.isPublic(PublicAccess.isPublicPolicy(policy))).build();
        });
    }

    @Override
    public DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest request) {
        return run("DeleteBucketPolicy", request, c -> {
            state.bucket(c, request.bucket()).policy = null;
            return DeleteBucketPolicyResponse.builder().build();
        });
    }

    @Override
    public PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest request) {
        return run("PutBucketEncryption", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            b.encryption = Encryptions.checkedConfiguration(c.operation(), request.serverSideEncryptionConfiguration());
            return PutBucketEncryptionResponse.builder().build();
        });
    }

    @Override
    public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest request) {
        return run("GetBucketEncryption", request, c -> GetBucketEncryptionResponse.builder()
            .serverSideEncryptionConfiguration(state.bucket(c, request.bucket()).encryption).build());
    }

    /** Back to what a new bucket has (SSE-S3, SSE-C blocked): S3 says the default becomes SSE-S3 again. */
    @Override
    public DeleteBucketEncryptionResponse deleteBucketEncryption(DeleteBucketEncryptionRequest request) {
        return run("DeleteBucketEncryption", request, c -> {
            state.bucket(c, request.bucket()).encryption = Encryptions.defaultConfiguration();
            return DeleteBucketEncryptionResponse.builder().build();
        });
    }

    // ---- CORS --------------------------------------------------------------------------------

    @Override
    public PutBucketCorsResponse putBucketCors(PutBucketCorsRequest request) {
        return run("PutBucketCors", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            b.cors = Cors.checked(c.operation(), request.corsConfiguration());
            return PutBucketCorsResponse.builder().build();
        });
    }

    @Override
    public GetBucketCorsResponse getBucketCors(GetBucketCorsRequest request) {
        return run("GetBucketCors", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            List<CORSRule> rules = b.cors;
            if (rules == null) {
                throw S3Errors.error("NoSuchCORSConfiguration", ConfigMessages.noCors(c.operation(), b.name));
            }
            return GetBucketCorsResponse.builder().corsRules(rules).build();
        });
    }

    @Override
    public DeleteBucketCorsResponse deleteBucketCors(DeleteBucketCorsRequest request) {
        return run("DeleteBucketCors", request, c -> {
            state.bucket(c, request.bucket()).cors = null;
            return DeleteBucketCorsResponse.builder().build();
        });
    }

    // ---- Lifecycle ---------------------------------------------------------------------------

    /** Replaces the configuration; what it already makes due happens at the next call or typed read. */
    @Override
    public PutBucketLifecycleConfigurationResponse putBucketLifecycleConfiguration(
        PutBucketLifecycleConfigurationRequest request) {
        return run("PutBucketLifecycleConfiguration", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            LifecycleConfig config = LifecycleChecks.checked(c.operation(), request.lifecycleConfiguration(),
                request.transitionDefaultMinimumObjectSizeAsString(), c.now(), state::newRuleId);
            b.lifecycle = config;
            state.lifecycles.configured(c.now());
            return PutBucketLifecycleConfigurationResponse.builder()
                .transitionDefaultMinimumObjectSize(config.minimumObjectSize()).build();
        });
    }

    @Override
    public GetBucketLifecycleConfigurationResponse getBucketLifecycleConfiguration(
        GetBucketLifecycleConfigurationRequest request) {
        return run("GetBucketLifecycleConfiguration", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            LifecycleConfig config = b.lifecycle;
            if (config == null) {
                throw S3Errors.error("NoSuchLifecycleConfiguration", ConfigMessages.noLifecycle(c.operation(), b.name));
            }
            return GetBucketLifecycleConfigurationResponse.builder().rules(config.given())
                .transitionDefaultMinimumObjectSize(config.minimumObjectSize()).build();
        });
    }

    @Override
    public DeleteBucketLifecycleResponse deleteBucketLifecycle(DeleteBucketLifecycleRequest request) {
        return run("DeleteBucketLifecycle", request, c -> {
            state.bucket(c, request.bucket()).lifecycle = null;
            return DeleteBucketLifecycleResponse.builder().build();
        });
    }

    // ---- Object Ownership, ACLs, Block Public Access -----------------------------------------

    @Override
    public PutBucketOwnershipControlsResponse putBucketOwnershipControls(PutBucketOwnershipControlsRequest request) {
        return run("PutBucketOwnershipControls", request, c -> {
            acls.putOwnership(c, request.bucket(), request.ownershipControls());
            return PutBucketOwnershipControlsResponse.builder().build();
        });
    }

    @Override
    public GetBucketOwnershipControlsResponse getBucketOwnershipControls(GetBucketOwnershipControlsRequest request) {
        return run("GetBucketOwnershipControls", request, c -> acls.getOwnership(c, request.bucket()));
    }

    @Override
    public DeleteBucketOwnershipControlsResponse deleteBucketOwnershipControls(DeleteBucketOwnershipControlsRequest request) {
        return run("DeleteBucketOwnershipControls", request, c -> {
            acls.deleteOwnership(c, request.bucket());
            return DeleteBucketOwnershipControlsResponse.builder().build();
        });
    }

    @Override
    public GetBucketAclResponse getBucketAcl(GetBucketAclRequest request) {
        return run("GetBucketAcl", request, c -> acls.getBucketAcl(c, request.bucket()));
    }

    @Override
    public PutBucketAclResponse putBucketAcl(PutBucketAclRequest request) {
        return run("PutBucketAcl", request, c -> {
            acls.putBucketAcl(c, request.bucket(), new Acls.Headers(request.aclAsString(), request.grantFullControl(),
                request.grantRead(), request.grantReadACP(), request.grantWrite(), request.grantWriteACP()),
                request.accessControlPolicy());
            return PutBucketAclResponse.builder().build();
        });
    }

    @Override
    public GetObjectAclResponse getObjectAcl(GetObjectAclRequest request) {
        return run("GetObjectAcl", request, c -> acls.getObjectAcl(c, request.bucket(), request.key(), request.versionId()));
    }

    @Override
    public PutObjectAclResponse putObjectAcl(PutObjectAclRequest request) {
        return run("PutObjectAcl", request, c -> {
            acls.putObjectAcl(c, request.bucket(), request.key(), request.versionId(), new Acls.Headers(
                request.aclAsString(), request.grantFullControl(), request.grantRead(), request.grantReadACP(),
                request.grantWrite(), request.grantWriteACP()), request.accessControlPolicy());
            return PutObjectAclResponse.builder().build();
        });
    }

    @Override
    public PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest request) {
        return run("PutPublicAccessBlock", request, c -> {
            state.bucket(c, request.bucket()).publicAccessBlock =
                PublicAccess.stored(c.operation(), request.publicAccessBlockConfiguration());
            return PutPublicAccessBlockResponse.builder().build();
        });
    }

    /** A new bucket answers all four settings on; one whose configuration was deleted answers 404. */
    @Override
    public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
        return run("GetPublicAccessBlock", request, c -> {
            Bucket b = state.bucket(c, request.bucket());
            var config = b.publicAccessBlock;
            if (config == null) {
                throw S3Errors.error("NoSuchPublicAccessBlockConfiguration",
                    AccessMessages.noPublicAccessBlock(c.operation(), b.name));
            }
            return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(config).build();
        });
    }

    @Override
    public DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest request) {
        return run("DeletePublicAccessBlock", request, c -> {
            state.bucket(c, request.bucket()).publicAccessBlock = null;
            return DeletePublicAccessBlockResponse.builder().build();
        });
    }

    // ---- objects -----------------------------------------------------------------------------

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        Objects.requireNonNull(body, "requestBody");
        return run("PutObject", request, c -> objects.put(c, request, body));
    }

    @Override
    public <ReturnT> ReturnT getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, ReturnT> transformer) {
        Objects.requireNonNull(transformer, "responseTransformer");
        return run("GetObject", request, c -> objects.get(c, request, transformer));
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        return run("HeadObject", request, c -> objects.head(c, request));
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        return run("DeleteObject", request, c -> objects.delete(c, request));
    }

    @Override
    public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest request) {
        return run("DeleteObjects", request, c -> objects.deleteMany(c, request));
    }

    @Override
    public CopyObjectResponse copyObject(CopyObjectRequest request) {
        return run("CopyObject", request, c -> objects.copy(c, request));
    }

    @Override
    public ListObjectsResponse listObjects(ListObjectsRequest request) {
        return run("ListObjects", request, c -> Listings.listV1(c, state.bucket(c, request.bucket()), request));
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        return run("ListObjectsV2", request, c -> Listings.listV2(c, state.bucket(c, request.bucket()), request));
    }

    @Override
    public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest request) {
        return run("ListObjectVersions", request, c -> Listings.versions(c, state.bucket(c, request.bucket()), request));
    }

    @Override
    public GetObjectAttributesResponse getObjectAttributes(GetObjectAttributesRequest request) {
        return run("GetObjectAttributes", request, c -> objects.attributes(c, request));
    }

    @Override
    public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
        return run("PutObjectTagging", request, c -> PutObjectTaggingResponse.builder()
            .versionId(objects.putTags(c, request.bucket(), request.key(), request.versionId(),
                request.tagging() == null || !request.tagging().hasTagSet() ? List.of() : request.tagging().tagSet()))
            .build());
    }

    @Override
    public GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest request) {
        return run("GetObjectTagging", request, c -> {
            ObjectOperations.Tagged t = objects.tags(c, request.bucket(), request.key(), request.versionId());
            return GetObjectTaggingResponse.builder().tagSet(Tags.toTagSet(t.tags())).versionId(t.versionId()).build();
        });
    }

    @Override
    public DeleteObjectTaggingResponse deleteObjectTagging(DeleteObjectTaggingRequest request) {
        return run("DeleteObjectTagging", request, c -> DeleteObjectTaggingResponse.builder()
            .versionId(objects.putTags(c, request.bucket(), request.key(), request.versionId(), List.of())).build());
    }

    // ---- multipart ---------------------------------------------------------------------------

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        return run("CreateMultipartUpload", request, c -> multipart.create(c, request));
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        Objects.requireNonNull(body, "requestBody");
        return run("UploadPart", request, c -> multipart.uploadPart(c, request, body));
    }

    @Override
    public UploadPartCopyResponse uploadPartCopy(UploadPartCopyRequest request) {
        return run("UploadPartCopy", request, c -> multipart.uploadPartCopy(c, request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        return run("CompleteMultipartUpload", request, c -> multipart.complete(c, request));
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        return run("AbortMultipartUpload", request, c -> {
            multipart.abort(c, request.bucket(), request.key(), request.uploadId());
            return AbortMultipartUploadResponse.builder().build();
        });
    }

    @Override
    public ListPartsResponse listParts(ListPartsRequest request) {
        return run("ListParts", request, c -> multipart.listParts(c, request));
    }

    @Override
    public ListMultipartUploadsResponse listMultipartUploads(ListMultipartUploadsRequest request) {
        return run("ListMultipartUploads", request, c -> multipart.listUploads(c, request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Does nothing: the simulation owns this simulator and outlives any client. */
    @Override
    public void close() {
    }

    // ---- typed state API ---------------------------------------------------------------------

    /**
     * This simulator addressing another account and region: buckets it creates belong to that account and
     * region, and its operations called directly act as that account's. Shares all state with this one.
     *
     * @param accountId 12 digits
     */
    public S3Simulator in(String accountId, Region region) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException(S3Messages.badAccountId(accountId));
        }
        return new S3Simulator(engine, state, accountId, Objects.requireNonNull(region, "region"));
    }

    /** The account the typed methods address. */
    public String accountId() {
        return accountId != null ? accountId : engine.simulation().accountId();
    }

    /** The region the typed methods create buckets in. */
    public Region region() {
        return region != null ? region : engine.simulation().region();
    }

    /**
     * Creates a bucket in {@link #region()}, owned by {@link #accountId()}, with S3's rules (a name S3 refuses
     * throws its {@code InvalidBucketName}; re-creating your own us-east-1 bucket is a no-op).
     *
     * @return this simulator
     */
    public S3Simulator createBucket(String bucket) {
        createBucket(CreateBucketRequest.builder().bucket(bucket).build());
        return this;
    }

    /** Whether a bucket of this name exists (in any account and region). */
    public boolean bucketExists(String bucket) {
        engine.catchUp();
        Bucket b = bucket == null ? null : state.buckets.get(bucket);
        return b != null && !b.deleted;
    }

    /** The names of the buckets {@link #accountId()} owns, in every region, sorted. */
    public List<String> buckets() {
        engine.catchUp();
        return state.buckets.values().stream().filter(b -> !b.deleted && b.ownerAccount.equals(accountId()))
            .map(b -> b.name).sorted().toList();
    }

    /**
     * Switches a bucket's versioning: {@code ENABLED}, or {@code SUSPENDED} (a bucket once versioned never
     * goes back to unversioned, as in S3).
     *
     * @return this simulator
     */
    public S3Simulator versioning(String bucket, BucketVersioningStatus status) {
        putBucketVersioning(PutBucketVersioningRequest.builder().bucket(bucket)
            .versioningConfiguration(v -> v.status(status)).build());
        return this;
    }

    /**
     * A bucket's S3 Object Ownership: {@code BUCKET_OWNER_ENFORCED} (ACLs disabled) for a new bucket unless its
     * CreateBucket or a PutBucketOwnershipControls said otherwise; empty after DeleteBucketOwnershipControls,
     * which leaves ACLs enabled. Throws S3's {@code NoSuchBucketException} when there is no such bucket.
     */
    public Optional<ObjectOwnership> objectOwnership(String bucket) {
        return Optional.ofNullable(bucketOrThrow(bucket).ownership);
    }

    /** Stores {@code content} (as PutObject does, Content-Type {@code application/octet-stream}); returns what S3 stored. */
    public StoredObject putObject(String bucket, String key, byte[] content) {
        Objects.requireNonNull(content, "content");
        putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/octet-stream").build(),
            RequestBody.fromBytes(content));
        return object(bucket, key).orElseThrow();
    }

    /** Stores {@code text} as UTF-8 with Content-Type {@code text/plain; charset=UTF-8}; returns what S3 stored. */
    public StoredObject putObject(String bucket, String key, String text) {
        Objects.requireNonNull(text, "text");
        putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("text/plain; charset=UTF-8").build(),
            RequestBody.fromBytes(text.getBytes(StandardCharsets.UTF_8)));
        return object(bucket, key).orElseThrow();
    }

    /**
     * Stores {@code length} bytes read from {@code content}, streamed: a large object goes to the storage
     * directory, never whole into the heap. Returns what S3 stored.
     */
    public StoredObject putObject(String bucket, String key, InputStream content, long length) {
        Objects.requireNonNull(content, "content");
        putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromInputStream(content, length));
        return object(bucket, key).orElseThrow();
    }

    /** Stores the file at {@code path}, streamed; returns what S3 stored. */
    public StoredObject putObject(String bucket, String key, Path path) {
        putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(path));
        return object(bucket, key).orElseThrow();
    }

    /** The current version of an object; empty when the key does not exist or its current version is a delete marker. */
    public Optional<StoredObject> object(String bucket, String key) {
        Bucket b = bucketOrThrow(bucket);
        ObjectVersion v = b.current(key);
        return v == null || v.deleteMarker() ? Optional.empty() : Optional.of(StoredObject.of(b, v));
    }

    /** The objects of a bucket (current versions), in S3's key order. */
    public List<StoredObject> objects(String bucket) {
        return objects(bucket, "");
    }

    /** The objects of a bucket whose keys start with {@code prefix}, in S3's key order. */
    public List<StoredObject> objects(String bucket, String prefix) {
        Bucket b = bucketOrThrow(bucket);
        List<StoredObject> out = new ArrayList<>();
        for (Map.Entry<String, List<ObjectVersion>> e : b.keys.tailMap(prefix == null ? "" : prefix, true).entrySet()) {
            if (prefix != null && !e.getKey().startsWith(prefix)) {
                break;
            }
            ObjectVersion v = e.getValue().isEmpty() ? null : e.getValue().get(0);
            if (v != null && !v.deleteMarker()) {
                out.add(StoredObject.of(b, v));
            }
        }
        return out;
    }

    /** Every version of a key, delete markers included, newest first. */
    public List<StoredObject> versions(String bucket, String key) {
        Bucket b = bucketOrThrow(bucket);
        return b.keys.getOrDefault(key, List.of()).stream().map(v -> StoredObject.of(b, v)).toList();
    }

    /**
     * A stream of an object's current bytes, as of now: a write that lands while you read does not change
     * what you read. Close it. Throws S3's {@code NoSuchKeyException} when there is no such object.
     */
    public InputStream openObject(String bucket, String key) {
        return getObject(GetObjectRequest.builder().bucket(bucket).key(key).build(), ResponseTransformer.toInputStream());
    }

    /** An object's current bytes, read whole (for small objects; stream large ones with {@link #openObject}). */
    public byte[] objectBytes(String bucket, String key) {
        try (InputStream in = openObject(bucket, key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(S3Messages.readFailed(bucket, key, e), e);
        }
    }

    /** An object's current bytes as UTF-8 text. */
    public String objectText(String bucket, String key) {
        return new String(objectBytes(bucket, key), StandardCharsets.UTF_8);
    }

    /** The bucket the typed API reads, after time-driven writes due by now (ACP reports) have landed. */
    private Bucket bucketOrThrow(String bucket) {
        engine.catchUp();
        return state.bucket(new S3State.Call("awssim", accountId(), region().id(), engine.clock().instant(), true,
            S3State.ExpectedOwners.NONE, false), bucket);
    }

    // ---- knobs -------------------------------------------------------------------------------

    /**
     * Objects and parts larger than this many bytes go to temporary files rather than the heap. Default
     * 1 MiB; 0 sends every object to disk.
     *
     * @return this simulator
     */
    public S3Simulator spillThreshold(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(S3Messages.badThreshold(bytes));
        }
        state.spillThreshold = bytes;
        return this;
    }

    public long spillThreshold() {
        return state.spillThreshold;
    }

    /** The directory holding objects above the spill threshold; empty until the first one arrives. */
    public Optional<Path> storageDirectory() {
        return Optional.ofNullable(state.store.directory());
    }

    /**
     * The least size of every part but the last that CompleteMultipartUpload accepts (EntityTooSmall below).
     * S3's is 5 MiB, the default; lower it to test multipart code with small parts.
     *
     * @return this simulator
     */
    public S3Simulator minimumPartSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException(S3Messages.badMinimumPartSize(bytes));
        }
        state.minimumPartSize = bytes;
        return this;
    }

    /**
     * Makes the next {@code calls} calls (attempts: each SDK retry is one) from clients to any S3 operation
     * answer {@code fault} before any rule runs, changing nothing. Queued faults add up in order.
     *
     * <pre>{@code
     * sim.s3().failNext(2, S3Fault.SLOW_DOWN);
     * s3.putObject(...);              // succeeds on the SDK's 3rd attempt
     * }</pre>
     *
     * @return this simulator
     */
    public S3Simulator failNext(int calls, S3Fault fault) {
        return failNext(null, calls, fault);
    }

    /**
     * As {@link #failNext(int, S3Fault)}, for calls to one operation only, named as the SDK names it
     * ({@code "CopyObject"}); other operations pass untouched.
     *
     * @return this simulator
     */
    public S3Simulator failNext(String operation, int calls, S3Fault fault) {
        if (calls < 1) {
            throw new IllegalArgumentException(S3Messages.badCount(calls));
        }
        if (operation != null && S3Errors.ERRORS.model().flatMap(m -> m.operation(operation)).isEmpty()) {
            throw new IllegalArgumentException(S3Messages.unknownOperation(operation));
        }
        state.queueFaults(calls, Objects.requireNonNull(fault, "fault"), operation);
        return this;
    }

    /** Forgets faults queued and not yet struck. @return this simulator */
    public S3Simulator clearFaults() {
        state.clearFaults();
        return this;
    }

    @Override
    public String toString() {
        return "S3Simulator[account=" + accountId() + ", region=" + region().id() + ", " + state.store + "]";
    }
}
