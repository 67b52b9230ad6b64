package io.github.awssim.samples.metering;

import io.github.awssim.samples.metering.HourlyMeteringAgent.Report;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The metering agent's paper trail, as a seller would keep it: each hour's reports as a CSV usage file in
 * S3 ({@code usage/2026/06/01/10.csv}), written once: the upload is conditional ({@code If-None-Match: *}),
 * so a restarted agent cannot overwrite the file a previous run archived. Nothing here knows about awssim.
 */
public final class UsageArchive {
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("'usage/'yyyy/MM/dd/HH'.csv'")
        .withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;

    public UsageArchive(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3);
        this.bucket = Objects.requireNonNull(bucket);
    }

    /** The key of an hour's usage file. */
    public static String key(Instant hour) {
        return KEY.format(hour);
    }

    /**
     * Uploads one hour's reports; true when stored, false when that hour's file already exists (S3 answers
     * 412 PreconditionFailed to the conditional write, and the first file stays as it was).
     */
    public boolean archive(Instant hour, List<Report> reports) {
        StringBuilder csv = new StringBuilder("hour,dimension,quantity,status,record\n");
        for (Report r : reports) {
            csv.append(r.hour()).append(',').append(r.dimension()).append(',').append(r.quantity()).append(',')
                .append(r.status()).append(',').append(r.recordId() == null ? "" : r.recordId()).append('\n');
        }
        try {
            s3.putObject(p -> p.bucket(bucket).key(key(hour)).contentType("text/csv").ifNoneMatch("*"),
                RequestBody.fromString(csv.toString()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }

    /** The usage files archived so far, oldest first (S3 lists keys in order, and the keys sort by hour). */
    public List<String> files() {
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix("usage/")).contents().stream()
            .map(S3Object::key).toList();
    }

    /** One hour's usage file, as archived. */
    public String read(Instant hour) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key(hour))).asUtf8String();
    }
}
