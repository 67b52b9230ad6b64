package io.github.awssim.sdk.internal.wire;

import java.util.Map;

/**
 * The root element of each S3 answer whose payload is the output's members rather than one structure
 * member. The service model does not carry these names (botocore and the SDK's generated code leave them
 * out: the SDK reads the root's children whatever the root is called); they come from the Amazon S3 API
 * Reference's response syntax, so clients other than the Java SDK (the AWS CLI, boto3 through server
 * mode) read the same documents S3 sends. An operation missing here answers with root
 * {@code <Operation>Result}.
 */
public final class XmlRootNames {
    private static final Map<String, String> S3 = Map.ofEntries(
        Map.entry("CompleteMultipartUpload", "CompleteMultipartUploadResult"),
        Map.entry("CreateMultipartUpload", "InitiateMultipartUploadResult"),
        Map.entry("CreateSession", "CreateSessionResult"),
        Map.entry("DeleteObjects", "DeleteResult"),
        Map.entry("GetBucketAccelerateConfiguration", "AccelerateConfiguration"),
        Map.entry("GetBucketAcl", "AccessControlPolicy"),
        Map.entry("GetBucketCors", "CORSConfiguration"),
        Map.entry("GetBucketLifecycleConfiguration", "LifecycleConfiguration"),
        Map.entry("GetBucketLogging", "BucketLoggingStatus"),
        Map.entry("GetBucketNotificationConfiguration", "NotificationConfiguration"),
        Map.entry("GetBucketRequestPayment", "RequestPaymentConfiguration"),
        Map.entry("GetBucketTagging", "Tagging"),
        Map.entry("GetBucketVersioning", "VersioningConfiguration"),
        Map.entry("GetBucketWebsite", "WebsiteConfiguration"),
        Map.entry("GetObjectAcl", "AccessControlPolicy"),
        Map.entry("GetObjectAttributes", "GetObjectAttributesResponse"),
        Map.entry("GetObjectTagging", "Tagging"),
        Map.entry("ListBucketAnalyticsConfigurations", "ListBucketAnalyticsConfigurationResult"),
        Map.entry("ListBucketIntelligentTieringConfigurations", "ListBucketIntelligentTieringConfigurationsOutput"),
        Map.entry("ListBucketInventoryConfigurations", "ListInventoryConfigurationsResult"),
        Map.entry("ListBucketMetricsConfigurations", "ListMetricsConfigurationsResult"),
        Map.entry("ListBuckets", "ListAllMyBucketsResult"),
        Map.entry("ListDirectoryBuckets", "ListAllMyDirectoryBucketsResult"),
        Map.entry("ListMultipartUploads", "ListMultipartUploadsResult"),
        Map.entry("ListObjectVersions", "ListVersionsResult"),
        Map.entry("ListObjects", "ListBucketResult"),
        Map.entry("ListObjectsV2", "ListBucketResult"),
        Map.entry("ListParts", "ListPartsResult"));

    private XmlRootNames() {
    }

    /** The root element of {@code service}'s answer to {@code operation}. */
    public static String of(String service, String operation) {
        String root = "S3".equals(service) ? S3.get(operation) : null;
        return root != null ? root : operation + "Result";
    }
}
