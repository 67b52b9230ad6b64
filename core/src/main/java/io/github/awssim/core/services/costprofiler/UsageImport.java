package io.github.awssim.core.services.costprofiler;

import java.time.Instant;
import java.util.List;

/**
 * One successful ImportApplicationUsage: the object it read and the rows it parsed, as they were when it ran
 * (overwriting the object later changes nothing here).
 *
 * @param importId the id ImportApplicationUsage answered
 * @param bucket the {@code sourceS3Location.bucket}
 * @param key the {@code sourceS3Location.key}
 * @param importedAt simulation time of the import
 * @param usage the file's rows, in file order
 */
public record UsageImport(String importId, String bucket, String key, Instant importedAt, List<TenantUsage> usage) {
    public UsageImport {
        usage = List.copyOf(usage);
    }
}
