package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * Every user-facing message of the S3 simulator but those of Object Ownership, ACLs and Block Public Access,
 * which {@link AccessMessages} holds under the same rules. An answer S3 itself gives starts with S3's own sentence
 * ("The specified key does not exist.") and goes on to name the operation, the member and the value at
 * fault; messages about awssim's own configuration start with {@code awssim:} and say how to fix it.
 */
final class S3Messages {
    private S3Messages() {
    }

    // ---- buckets -----------------------------------------------------------------------------

    static String noSuchBucket(String operation, String bucket) {
        return "The specified bucket does not exist. (" + operation + ": Bucket '" + bucket + "'; create it first, "
            + "with s3.createBucket(b -> b.bucket(\"" + bucket + "\")) or sim.s3().createBucket(\"" + bucket + "\").)";
    }

    static String accessDenied(String operation, String bucket, String account) {
        return "Access Denied (" + operation + ": bucket '" + bucket + "' belongs to another account than the caller's, "
            + account + ".)";
    }

    static String unexpectedOwner(String operation, String bucket, String header, String expected) {
        return "Access Denied (" + operation + ": " + header + " is " + expected + ", but bucket '" + bucket
            + "' belongs to another account; send the bucket owner's account id, or no " + header + ".)";
    }

    static String wrongRegion(String operation, String bucket, String bucketRegion, String callRegion) {
        return "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all "
            + "future requests to this endpoint. (" + operation + ": bucket '" + bucket + "' is in " + bucketRegion
            + " but the client calls " + callRegion + "; build the client with .region(Region.of(\"" + bucketRegion
            + "\")), or with .crossRegionAccessEnabled(true).)";
    }

    static String invalidBucketName(String bucket, String problem) {
        return "The specified bucket is not valid. (CreateBucket: '" + bucket + "': " + problem + ".)";
    }

    static String bucketAlreadyExists(String bucket) {
        return "The requested bucket name is not available. The bucket namespace is shared by all users of the system. "
            + "Please select a different name and try again. (CreateBucket: '" + bucket + "' belongs to another account.)";
    }

    static String bucketAlreadyOwned(String bucket, String region) {
        return "Your previous request to create the named bucket succeeded and you already own it. (CreateBucket: '"
            + bucket + "' exists in " + region + "; only us-east-1 answers a re-create of your own bucket with success.)";
    }

    static String unspecifiedLocationConstraint(String endpoint) {
        return "The unspecified location constraint is incompatible for the region specific endpoint this request was "
            + "sent to. (CreateBucket from " + endpoint + ": set CreateBucketConfiguration.LocationConstraint to "
            + endpoint + ".)";
    }

    static String incompatibleLocationConstraint(String constraint, String endpoint) {
        return "The " + constraint + " location constraint is incompatible for the region specific endpoint this request "
            + "was sent to. (CreateBucket from " + endpoint + ": a regional endpoint creates buckets in its own region only.)";
    }

    static String usEast1Constraint() {
        return "The specified location-constraint is not valid. (CreateBucket: us-east-1 is the default; leave "
            + "LocationConstraint out to create a bucket there.)";
    }

    static String emptyLocationConstraint() {
        return "The specified location-constraint is not valid. (CreateBucket: LocationConstraint is empty; leave it out "
            + "for us-east-1, or name a region.)";
    }

    static String unknownLocationConstraint(String constraint) {
        return "The specified location-constraint is not valid. (CreateBucket: '" + constraint + "' is not a region.)";
    }

    static String bucketNotEmpty(String bucket, int keys, long versions) {
        return "The bucket you tried to delete is not empty. (DeleteBucket: '" + bucket + "' still holds " + keys
            + " key(s) with " + versions + " version(s) and delete marker(s); delete them all first.)";
    }

    static String badMaxBuckets(int max) {
        return "Argument max-buckets must be an integer between 1 and 10000. (ListBuckets: MaxBuckets " + max + ".)";
    }

    static String badVersioningStatus(String status) {
        return "The XML you provided was not well-formed or did not validate against our published schema. "
            + "(PutBucketVersioning: Status '" + status + "' is neither Enabled nor Suspended; a versioned bucket "
            + "cannot become unversioned again.)";
    }

    static String malformedPolicy(String operation) {
        return "Policies must be valid JSON and the first byte must be '{'. (" + operation + ": the policy must be a JSON "
            + "object with a Statement.)";
    }

    // ---- keys and versions -------------------------------------------------------------------

    static String noSuchKey(String operation, String bucket, String key) {
        return "The specified key does not exist. (" + operation + ": no object '" + key + "' in bucket '" + bucket + "'.)";
    }

    static String deletedKey(String operation, String bucket, String key) {
        return "The specified key does not exist. (" + operation + ": the current version of '" + key + "' in bucket '"
            + bucket + "' is a delete marker.)";
    }

    // ---- server-side encryption ----------------------------------------------------------------

    static String encryptionRules(String operation, int rules) {
        return "The XML you provided was not well-formed or did not validate against our published schema ("
            + operation + ": ServerSideEncryptionConfiguration needs exactly one Rule, not " + rules + ").";
    }

    static String unknownSseAlgorithm(String operation, String member, String value) {
        return "The encryption method specified is not supported (" + operation + ": " + member + " '" + value
            + "'; use AES256, aws:kms or aws:kms:dsse).";
    }

    static String kmsKeyWithoutKms(String operation, String member) {
        return "Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms ("
            + operation + ": " + member + " names a KMS key, so ServerSideEncryption must be aws:kms or aws:kms:dsse).";
    }

    static String customerKeyWithSse(String operation) {
        return "Server Side Encryption with Customer provided key is incompatible with the encryption method specified ("
            + operation + ": send SSECustomerAlgorithm/SSECustomerKey/SSECustomerKeyMD5 or ServerSideEncryption, not both).";
    }

    static String customerKeysBlocked(String operation, String bucket) {
        return "Access Denied (" + operation + ": bucket '" + bucket + "' blocks SSE-C writes, as S3 does for every bucket"
            + " created since April 2026; allow them with PutBucketEncryption and BlockedEncryptionTypes NONE).";
    }

    static String customerKeyPart(String operation, String what) {
        return "Requests specifying Server Side Encryption with Customer provided keys must provide " + what + " ("
            + operation + ": SSECustomerAlgorithm, SSECustomerKey and SSECustomerKeyMD5 go together).";
    }

    static String customerKeyAlgorithm(String operation, String algorithm) {
        return "The Encryption request you specified is not valid. Supported value: AES256. (" + operation
            + ": SSECustomerAlgorithm '" + algorithm + "'.)";
    }

    static String customerKeyInvalid(String operation) {
        return "The secret key was invalid for the specified algorithm. (" + operation
            + ": SSECustomerKey must be the base64 of 32 bytes.)";
    }

    static String customerKeyMd5Mismatch(String operation) {
        return "The calculated MD5 hash of the key did not match the hash that was provided. (" + operation
            + ": SSECustomerKeyMD5 must be the base64 MD5 of the key's 32 bytes.)";
    }

    static String customerKeyNeeded(String operation, String what) {
        return "The object was stored using a form of Server Side Encryption. The correct parameters must be provided"
            + " to retrieve the object. (" + operation + ": " + what + " was written with SSE-C; send its"
            + " SSECustomerAlgorithm, SSECustomerKey and SSECustomerKeyMD5.)";
    }

    static String otherCustomerKey(String operation, String what) {
        return "Access Denied (" + operation + ": the SSE-C key sent is not the one " + what + " was written with.)";
    }

    static String customerKeyNotApplicable(String operation, String what) {
        return "The encryption parameters are not applicable to this object. (" + operation + ": " + what
            + " was not written with SSE-C; send no SSECustomer* members.)";
    }

    static String partNeedsCustomerKey(String operation, String uploadId) {
        return "The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate"
            + " encryption parameters. (" + operation + ": upload " + uploadId + " was created with SSE-C; send its key.)";
    }

    static String partCustomerKeyMismatch(String operation, String uploadId) {
        return "The provided encryption parameters did not match the ones used originally. (" + operation + ": upload "
            + uploadId + " was created with another SSE-C key.)";
    }

    static String invalidVersionId(String operation, String member, String versionId) {
        return "Invalid version id specified (" + operation + ": " + member + " '" + versionId + "' is not a version id;"
            + " they are 'null' or 32 characters, as S3 returns them in x-amz-version-id).";
    }

    static String noSuchVersion(String operation, String bucket, String key, String versionId) {
        return "The specified version does not exist. (" + operation + ": '" + key + "' in bucket '" + bucket
            + "' has no version '" + versionId + "'.)";
    }

    static String versionIsDeleteMarker(String operation, String key, String versionId) {
        return "The specified method is not allowed against this resource. (" + operation + ": version '" + versionId
            + "' of '" + key + "' is a delete marker.)";
    }

    static String badTaggingHeader(String operation, String header) {
        return "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag "
            + "name duplicates. (" + operation + ": Tagging '" + header + "' has an empty or a repeated tag name.)";
    }

    static String emptyVersionId(String operation) {
        return "Version id cannot be the empty string (" + operation + ": VersionId).";
    }

    static String emptyKey(String operation) {
        return "A key must be at least one character long (" + operation + ": Key).";
    }

    static String keyTooLong(String operation, int bytes) {
        return "Your key is too long. (" + operation + ": the Key is " + bytes + " bytes of UTF-8; at most 1024.)";
    }

    static String metadataTooLarge(String operation, int bytes) {
        return "Your metadata headers exceed the maximum allowed metadata size. (" + operation + ": " + bytes
            + " bytes of x-amz-meta- names and values; at most 2048.)";
    }

    static String invalidStorageClass(String operation, String value) {
        return "The storage class you specified is not valid. (" + operation + ": StorageClass '" + value + "'.)";
    }

    static String archived(String operation, String bucket, String key, String storageClass) {
        return "The operation is not valid for the object's storage class (" + operation + ": '" + bucket + "/" + key
            + "' is " + storageClass + ", which S3 serves only after a RestoreObject, and awssim does not simulate "
            + "restores; store the object in another storage class to read or copy it.)";
    }

    // ---- conditions and ranges ---------------------------------------------------------------

    static String preconditionFailed(String operation, String condition, String value, String eTag, Instant modified) {
        return "At least one of the pre-conditions you specified did not hold. (" + operation + ": " + condition + " '"
            + value + "'; the object's ETag is " + eTag + ", last modified " + modified + ".)";
    }

    static String keyExists(String operation, String bucket, String key, String eTag) {
        return "At least one of the pre-conditions you specified did not hold. (" + operation + ": If-None-Match: * but '"
            + key + "' already exists in bucket '" + bucket + "' with ETag " + eTag + ".)";
    }

    static String ifMatchOnMissingKey(String operation, String bucket, String key) {
        return "The specified key does not exist. (" + operation + ": If-Match names a version of '" + key
            + "', which bucket '" + bucket + "' does not hold.)";
    }

    static String ifMatchFailed(String operation, String key, String ifMatch, String eTag) {
        return "At least one of the pre-conditions you specified did not hold. (" + operation + ": If-Match " + ifMatch
            + " but '" + key + "' has ETag " + eTag + "; another writer got there first.)";
    }

    static String ifNoneMatchOnlyStar(String operation, String value) {
        return "A header you provided implies functionality that is not implemented. (" + operation
            + ": If-None-Match '" + value + "'; a conditional write takes only If-None-Match: *.)";
    }

    static String deleteConditionFailed(String operation, String key) {
        return "At least one of the pre-conditions you specified did not hold. (" + operation + ": the If-Match conditions "
            + "do not hold for the current version of '" + key + "'.)";
    }

    static String invalidRange(String operation, String header, long size) {
        return "The requested range is not satisfiable (" + operation + ": Range '" + header + "' starts at or past the end "
            + "of the " + size + "-byte object).";
    }

    static String rangeAndPartNumber(String operation) {
        return "Cannot specify both Range header and partNumber query parameter (" + operation + ").";
    }

    static String badPartNumber(String operation, Integer partNumber) {
        return "Part number must be an integer between 1 and 10000, inclusive (" + operation + ": PartNumber "
            + partNumber + ").";
    }

    static String partNotSatisfiable(String operation, int partNumber, int parts) {
        return "The requested partnumber is not satisfiable (" + operation + ": PartNumber " + partNumber
            + "; the object has " + parts + " part(s)).";
    }

    // ---- bodies and checksums ----------------------------------------------------------------

    static String entityTooLarge(String operation, long size) {
        return "Your proposed upload exceeds the maximum allowed object size. (" + operation + ": " + size
            + " bytes; one request carries at most 5 GiB, use a multipart upload beyond.)";
    }

    static String incompleteBody(String operation, long received, long declared) {
        return "You did not provide the number of bytes specified by the Content-Length HTTP header. (" + operation
            + ": " + received + " of " + declared + " bytes arrived.)";
    }

    static String bodyFailed(String operation, long received, Exception e) {
        return "You did not provide the number of bytes specified by the Content-Length HTTP header. (" + operation
            + ": reading the body failed after " + received + " bytes: " + e + ")";
    }

    static String invalidDigest(String operation, String contentMd5) {
        return "The Content-MD5 you specified was invalid. (" + operation + ": '" + contentMd5
            + "' is not the base64 of 16 bytes.)";
    }

    static String badMd5(String operation, String sent, String computed) {
        return "The Content-MD5 you specified did not match what we received. (" + operation + ": sent " + sent
            + ", the body's is " + computed + ".)";
    }

    static String badChecksum(String operation, ChecksumAlgorithm algorithm, String sent, String computed) {
        return "The " + algorithm + " you specified did not match the calculated checksum. (" + operation + ": sent "
            + sent + ", calculated " + computed + ".)";
    }

    static String severalChecksums(String operation, Collection<ChecksumAlgorithm> algorithms) {
        return "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed. (" + operation
            + ": " + algorithms + ".)";
    }

    static String unknownChecksumAlgorithm(String operation) {
        return "Value for x-amz-sdk-checksum-algorithm header is invalid. (" + operation
            + ": S3 takes CRC32, CRC32C, CRC64NVME, SHA1 or SHA256.)";
    }

    static String checksumAlgorithmMismatch(String operation, ChecksumAlgorithm named, ChecksumAlgorithm sent) {
        return "Value for x-amz-sdk-checksum-algorithm header is invalid. (" + operation + ": it names " + named
            + " but the request carries a " + sent + " checksum.)";
    }

    static String storageFailed(String operation, Exception e) {
        return "We encountered an internal error. Please try again. (awssim: " + operation
            + " could not read or write the simulation's storage: " + e + ")";
    }

    // ---- copies ------------------------------------------------------------------------------

    static String noCopySource(String operation) {
        return "Copy Source must mention the source bucket and key: sourcebucket/sourcekey (" + operation
            + ": set CopySource, or SourceBucket and SourceKey).";
    }

    static String copySourceWithoutBucket(String operation, String header) {
        return "Invalid copy source bucket name (" + operation + ": x-amz-copy-source '" + header
            + "' names no bucket; send sourcebucket/sourcekey).";
    }

    static String copySourceWithoutKey(String operation, String header) {
        return "Invalid copy source object key (" + operation + ": x-amz-copy-source '" + header
            + "' names no key; send sourcebucket/sourcekey).";
    }

    static String copyOntoItself(String operation, String bucket, String key) {
        return "This copy request is illegal because it is trying to copy an object to itself without changing the "
            + "object's metadata, storage class, website redirect location or encryption attributes. (" + operation
            + ": " + bucket + "/" + key + "; to rewrite its metadata, use MetadataDirective REPLACE.)";
    }

    static String copySourceTooLarge(String operation, long size) {
        return "The specified copy source is larger than the maximum allowable size for a copy source: 5368709120 ("
            + operation + ": " + size + " bytes; copy larger objects part by part with UploadPartCopy).";
    }

    static String copyRangeOutside(String operation, String header, long size) {
        return "Range specified is not valid for source object of size: " + size + " (" + operation
            + ": x-amz-copy-source-range '" + header + "' reaches past its end).";
    }

    static String badCopyRange(String operation, String header) {
        return "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the "
            + "zero-based offsets of the first and last bytes to copy (" + operation + ": '" + header + "').";
    }

    // ---- multipart ---------------------------------------------------------------------------

    static String noSuchUpload(String operation, String uploadId, String key) {
        return "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted "
            + "or completed. (" + operation + ": UploadId '" + uploadId + "' for key '" + key + "'.)";
    }

    static String noPartsToComplete(String operation) {
        return "The XML you provided was not well-formed or did not validate against our published schema. ("
            + operation + ": the MultipartUpload lists no parts.)";
    }

    static String partOrder(String operation, int previous, Integer partNumber) {
        return "The list of parts was not in ascending order. The parts list must be specified in order by part number. ("
            + operation + ": part " + partNumber + " follows part " + previous + ".)";
    }

    static String missingPart(String operation, int partNumber, Collection<Integer> uploaded) {
        return "One or more of the specified parts could not be found. The part may not have been uploaded, or the "
            + "specified entity tag may not match the part's entity tag. (" + operation + ": part " + partNumber
            + " was not uploaded; uploaded parts: " + uploaded + ".)";
    }

    static String partEtagMismatch(String operation, int partNumber, String sent, String actual) {
        return "One or more of the specified parts could not be found. The part may not have been uploaded, or the "
            + "specified entity tag may not match the part's entity tag. (" + operation + ": part " + partNumber
            + " has ETag " + actual + ", the request says " + sent + ".)";
    }

    static String partChecksumDiffers(String operation, int partNumber, ChecksumAlgorithm algorithm, String sent,
                                      String actual) {
        return "One or more of the specified parts could not be found. The part may not have been uploaded, or the "
            + "specified entity tag may not match the part's entity tag. (" + operation + ": part " + partNumber
            + " has " + algorithm + " " + actual + ", the request says " + sent + ".)";
    }

    static String partChecksumMissing(String operation, ChecksumAlgorithm algorithm, int partNumber) {
        return "The upload was created using a " + lower(algorithm) + " checksum. The complete request must include the "
            + "checksum for each part. It was missing for part " + partNumber + " in the request. (" + operation + ")";
    }

    static String partChecksumOfAnotherAlgorithm(String operation, int partNumber, ChecksumAlgorithm listed,
                                                 ChecksumAlgorithm expected) {
        return "The Content-MD5 or checksum value that you specified did not match what the server received. ("
            + operation + ": part " + partNumber + " lists a " + listed + " checksum, but the upload was created with "
            + expected + "; list each part's Checksum" + expected + ", as UploadPart answered it.)";
    }

    /** {@code actual} is null for a part sent without a checksum, which S3 names "null". */
    static String partChecksumMismatch(String operation, ChecksumAlgorithm expected, ChecksumAlgorithm actual) {
        return "Checksum Type mismatch occurred, expected checksum Type: " + lower(expected) + ", actual checksum Type: "
            + (actual == null ? "null" : lower(actual)) + " (" + operation + ": the upload was created with " + expected
            + "; send each part with checksumAlgorithm(" + expected + ") or its checksum" + expected + ".)";
    }

    static String completedPartNumberBelowOne(String operation, int partNumber) {
        return "PartNumber must be >= 1 (" + operation + ": the MultipartUpload lists part " + partNumber + ").";
    }

    static String entityTooSmall(String operation, int partNumber, long size, long minimum) {
        return "Your proposed upload is smaller than the minimum allowed object size. (" + operation + ": part "
            + partNumber + " is " + size + " bytes; every part but the last must be at least " + minimum + " bytes.)";
    }

    static String objectSizeMismatch(String operation, long declared, long actual) {
        return "The provided 'x-amz-mp-object-size' header value " + declared + " does not match what was computed: "
            + actual + " (" + operation + ").";
    }

    static String unknownChecksumType(String operation, String type) {
        return "Value for x-amz-checksum-type header is invalid. (" + operation + ": '" + type
            + "'; S3 takes COMPOSITE or FULL_OBJECT.)";
    }

    static String checksumTypeWithoutAlgorithm(String operation) {
        return "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header. (" + operation
            + ": set ChecksumAlgorithm too.)";
    }

    static String fullObjectNeedsCrc(String operation, ChecksumAlgorithm algorithm) {
        return "The FULL_OBJECT checksum type cannot be used with the " + lower(algorithm) + " checksum algorithm. (" + operation
            + ": full-object checksums are CRC32, CRC32C or CRC64NVME.)";
    }

    static String crc64IsFullObjectOnly(String operation) {
        return "The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm. (" + operation + ")";
    }

    /** How S3 names an algorithm inside these multipart messages: in lower case ("sha256", "crc32c"). */
    private static String lower(ChecksumAlgorithm algorithm) {
        return algorithm.toString().toLowerCase(Locale.ROOT);
    }

    // ---- listings ----------------------------------------------------------------------------

    static String badContinuationToken(String operation, String token) {
        return "The continuation token provided is incorrect (" + operation + ": '" + token
            + "' was not issued by this bucket listing; pass NextContinuationToken as it came).";
    }

    static String badEncodingType(String operation, String encodingType) {
        return "Invalid Encoding Method specified in Request (" + operation + ": EncodingType '" + encodingType
            + "'; S3 takes only 'url').";
    }

    static String badMaxKeys(String operation, int maxKeys) {
        return "Argument maxKeys must be an integer between 0 and 2147483647 (" + operation + ": MaxKeys " + maxKeys + ").";
    }

    static String negativeMaxKeys(String operation, int maxKeys) {
        return "max-keys cannot be negative (" + operation + ": MaxKeys " + maxKeys + ").";
    }

    static String badMaxParts(String operation, String argument, int value) {
        return "Argument " + argument + " must be an integer between 0 and 2147483647 (" + operation + ": " + value + ").";
    }

    static String versionMarkerWithoutKeyMarker(String operation) {
        return "A version-id marker cannot be specified without a key marker. (" + operation + ")";
    }

    static String deleteObjectsCount(int count) {
        return "The XML you provided was not well-formed or did not validate against our published schema. "
            + "(DeleteObjects: " + count + " objects; a request deletes 1 to 1000.)";
    }

    static String noObjectAttributes(String operation) {
        return "Invalid attribute name specified. (" + operation + ": ObjectAttributes lists none; ask for ETag, Checksum, "
            + "ObjectParts, StorageClass or ObjectSize.)";
    }

    // ---- typed API ---------------------------------------------------------------------------

    static String badThreshold(long bytes) {
        return "awssim: the spill threshold must be between 0 and " + Integer.MAX_VALUE + " bytes, not " + bytes
            + "; objects above it are kept in temporary files instead of the heap.";
    }

    static String badMinimumPartSize(long bytes) {
        return "awssim: the minimum part size must be positive, not " + bytes + " (S3's is 5 MiB: "
            + S3State.DEFAULT_MINIMUM_PART_SIZE + ").";
    }

    static String badCount(int calls) {
        return "awssim: failNext(" + calls + ", ...) needs at least one call to fail.";
    }

    static String badAccountId(String accountId) {
        return "awssim: account id '" + accountId + "' is not 12 digits; AWS account ids look like 123456789012.";
    }

    static String unknownOperation(String operation) {
        return "awssim: S3 has no operation '" + operation + "'; name it as the SDK does, e.g. \"CopyObject\".";
    }

    static String readFailed(String bucket, String key, Exception e) {
        return "awssim: could not read s3://" + bucket + "/" + key + " from the simulation's storage: " + e;
    }
}
