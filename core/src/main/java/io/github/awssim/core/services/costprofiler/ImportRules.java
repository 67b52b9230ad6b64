package io.github.awssim.core.services.costprofiler;

import io.github.awssim.core.services.s3.S3Simulator;
import io.github.awssim.core.services.s3.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.applicationcostprofiler.model.SourceS3Location;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * ImportApplicationUsage's reading of the source object, from the simulation's S3 and outside any lock of this
 * service. AWS "copies the object from your S3 bucket to an S3 bucket owned by Amazon for processing
 * asynchronously": awssim reads and parses it at once, so a later overwrite of the object changes nothing, and a
 * file that is not a usage file is refused by the call itself (AWS would drop it later, where no API shows it).
 */
final class ImportRules {
    /** The Regions SourceS3Location.region may name: those disabled by default, where it is required. */
    private static final Set<String> OPT_IN_REGIONS = Set.of("ap-east-1", "me-south-1", "eu-south-1", "af-south-1");

    private ImportRules() {
    }

    /** The source object's rows, as of now. */
    static List<TenantUsage> read(S3Simulator s3, SourceS3Location source) {
        String bucket = source.bucket();
        String key = source.key();
        if (!s3.bucketExists(bucket)) {
            throw Errors.invalid(CostProfilerMessages.noSuchSourceBucket(bucket));
        }
        if (!s3.buckets().contains(bucket)) {
            throw Errors.accessDenied(CostProfilerMessages.foreignSourceBucket(bucket, s3.accountId()));
        }
        String constraint = s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
        String bucketRegion = constraint == null || constraint.isEmpty() ? "us-east-1" : constraint;
        String given = source.regionAsString();
        if (given != null && !given.equals(bucketRegion)) {
            throw Errors.invalid(CostProfilerMessages.regionMismatch(bucket, bucketRegion, given));
        }
        if (given == null && OPT_IN_REGIONS.contains(bucketRegion)) {
            throw Errors.invalid(CostProfilerMessages.regionRequired(bucket, bucketRegion));
        }
        byte[] bytes;
        try {
            Optional<StoredObject> object = s3.object(bucket, key);
            if (object.isEmpty()) {
                throw Errors.invalid(CostProfilerMessages.noSuchSourceKey(bucket, key));
            }
            if (object.get().needsRestore()) {
                throw Errors.invalid(CostProfilerMessages.archivedSourceKey(bucket, key, object.get().storageClass()));
            }
            bytes = s3.objectBytes(bucket, key);
        } catch (NoSuchKeyException e) {
            // deleted between the look-up and the read
            throw Errors.invalid(CostProfilerMessages.noSuchSourceKey(bucket, key));
        }
        try {
            return UsageFile.parse(bytes);
        } catch (UsageFile.Malformed e) {
            throw Errors.invalid(CostProfilerMessages.malformedFile(bucket, key, e.getMessage()));
        }
    }
}
