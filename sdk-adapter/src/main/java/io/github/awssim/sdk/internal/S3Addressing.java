package io.github.awssim.sdk.internal;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Where an S3 request names its bucket. The SDK's endpoint rules put it in the host by default
 * (virtual-hosted style, {@code my-bucket.s3.us-west-2.amazonaws.com/key}) and in the first path segment
 * with {@code forcePathStyle(true)}, for names that are not DNS-compatible, and for the S3 Express
 * control endpoint ({@code s3.amazonaws.com/my-bucket/key}). S3's model puts {@code {Bucket}} first in
 * every URI, so awssim turns a virtual-hosted request into its path-style form and matches that.
 *
 * <p>The bucket is read from the host when the host is an AWS S3 endpoint
 * ({@code <bucket>.s3[-.…].amazonaws.com[.cn]}, {@code <bucket>.s3express-<zone>.<region>.amazonaws.com}),
 * a {@code <bucket>.localhost} name, or, for a custom {@code endpointOverride}, when the call's typed
 * request (the interceptor's note) names a bucket the host starts with. Any other host is path style.
 */
final class S3Addressing {
    private static final String REGION = "[a-z]{2}(?:-[a-z]+)+-\\d+";
    /** An AWS S3 endpoint, with an optional bucket label (or labels, for dotted names over http) in front. */
    private static final Pattern AWS_HOST = Pattern.compile(
        "^(?:(?<bucket>.+)\\.)?(?<endpoint>s3|s3-external-1|s3-fips|s3-accelerate|s3-" + REGION + "|s3express-control"
            + "|s3express-[a-z0-9-]+|s3-object-lambda|s3-accesspoint|s3-outposts)"
            + "(?:\\.dualstack)?(?:\\.fips)?(?:\\." + REGION + ")?\\.amazonaws\\.com(?:\\.cn)?$");

    /**
     * The request as awssim matches it.
     *
     * @param bucket the bucket named by the host, or null (path style, or no bucket)
     * @param path the encoded path in path-style form ({@code /bucket/key})
     * @param expressControl the S3 Express control endpoint, where {@code GET /} is ListDirectoryBuckets
     */
    record Resolved(String bucket, String path, boolean expressControl) {
    }

    private S3Addressing() {
    }

    /** Whether {@code host} is an AWS S3 endpoint, so an unsigned request to it is S3's. */
    static boolean isS3Host(String host) {
        return host != null && AWS_HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    static Resolved resolve(SdkHttpRequest request, CallNote note) {
        String host = request.host() == null ? "" : request.host().toLowerCase(Locale.ROOT);
        String path = request.encodedPath() == null ? "" : request.encodedPath();
        String bucket = null;
        boolean control = false;
        Matcher m = AWS_HOST.matcher(host);
        if (m.matches()) {
            String endpoint = m.group("endpoint");
            control = endpoint.equals("s3express-control");
            boolean hostIsRoute = endpoint.equals("s3-object-lambda");     // {RequestRoute}.s3-object-lambda…
            bucket = control || hostIsRoute ? null : m.group("bucket");
        } else if (host.endsWith(".localhost")) {
            bucket = host.substring(0, host.length() - ".localhost".length());
        } else {
            String noted = note == null ? null : bucketOf(note.request());
            if (noted != null && host.startsWith(noted.toLowerCase(Locale.ROOT) + ".")) {
                bucket = noted;
            }
        }
        if (bucket == null) {
            return new Resolved(null, bucketRoot(path), control);
        }
        // The bucket root is "" or "/" on the wire; its path-style form is "/bucket" (not "/bucket/",
        // which would read as an empty key).
        String rest = path.isEmpty() || path.equals("/") ? "" : (path.startsWith("/") ? path : "/" + path);
        return new Resolved(bucket, "/" + bucket + rest, false);
    }

    /**
     * {@code /bucket/} is the bucket itself, as S3 reads it: an object key is never empty, and the JavaScript SDK v3
     * (like other clients) sends bucket operations in path style with that trailing slash.
     */
    private static String bucketRoot(String path) {
        int last = path.length() - 1;
        return last > 1 && path.charAt(0) == '/' && path.charAt(last) == '/' && path.indexOf('/', 1) == last
            ? path.substring(0, last) : path;
    }

    private static String bucketOf(SdkRequest request) {
        if (request == null) {
            return null;
        }
        try {
            Method bucket = request.getClass().getMethod("bucket");
            Object v = bucket.invoke(request);
            return v instanceof String ? (String) v : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
