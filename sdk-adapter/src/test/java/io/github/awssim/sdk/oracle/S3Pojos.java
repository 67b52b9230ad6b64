package io.github.awssim.sdk.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.utils.builder.Buildable;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Narrows {@link RandomPojos}' values to what the restXml wire and the S3 client can carry unchanged, so
 * a difference the S3 oracle finds is awssim's, never the protocol's or the SDK's. Each restriction, with
 * its reason:
 * <ul>
 *   <li><b>XML text</b> (every payload string, list element and map key) has no character XML 1.0 cannot
 *       carry (controls other than tab, LF, CR; U+FFFE, U+FFFF): no parser reads them back. S3 itself answers
 *       such keys only with {@code encoding-type=url}.</li>
 *   <li><b>Empty payload strings and blobs</b> are not sent: {@code <Key></Key>} is what both the SDK and
 *       awssim write for "", and what the SDK reads back as null ({@code XmlElement.textContent}).</li>
 *   <li><b>Empty flattened lists</b> are not sent: a flattened list has no wrapper element, so an empty one
 *       leaves nothing on the wire and reads back as absent.</li>
 *   <li><b>XML attributes</b> ({@code xsi:type}) are letters and digits: parsers normalise whitespace in
 *       attribute values, and the SDK's writer does not escape tabs there.</li>
 *   <li><b>Empty header maps</b> in requests are not sent: the SDK's {@code HeaderMarshaller.MAP} writes nothing
 *       for them.</li>
 *   <li><b>Bucket</b> is a name the S3 client accepts: DNS-compatible (virtual-hosted), dotted (path style over
 *       https), or two characters (path style); the endpoint rules reject others before marshalling.</li>
 *   <li><b>Key</b> has no {@code .} or {@code ..} segment and no empty segment (URI dot-segments and
 *       {@code //} are not stable through a URI).</li>
 *   <li><b>Members the S3 client rewrites before marshalling</b> are set to what it would send:
 *       {@code ChecksumAlgorithm} is a real algorithm the client can compute without aws-crt (the SDK's
 *       flexible-checksum stage computes it, and adds CRC32 where the operation requires a checksum); checksum values and {@code ContentMD5} of
 *       streaming uploads are left out (the SDK computes its own trailer); {@code ChecksumMode} is off
 *       (else the SDK validates the random checksums of the answer); {@code SourceBucket/Key/VersionId} of a
 *       copy are left out ({@code CustomRequestTransformerUtils} turns them into {@code CopySource}); a
 *       streaming upload's {@code ContentLength} is its body's; {@code ContentEncoding} is a token (the wire
 *       adds and awssim removes {@code aws-chunked}); {@code RequestRoute} is a host label.</li>
 *   <li><b>Answers the S3 client post-processes</b>: {@code EncodingType} of listings is left out (with
 *       {@code url} the client URL-decodes keys); a bucket policy is JSON-like text without {@code ]]>}
 *       (the client wraps it in CDATA); GetObject's {@code ContentLength} is its body's; {@code ExpiresString}
 *       is {@code Expires} as HTTP text (both members are the one {@code Expires} header).</li>
 * </ul>
 */
final class S3Pojos {
    private static final List<String> BUCKETS = List.of("oracle-bucket", "oracle.dotted.bucket", "ob");
    /** CRC64NVME is left out: the SDK computes it only with aws-crt on the classpath. */
    private static final List<String> CHECKSUM_ALGORITHMS = List.of("CRC32", "CRC32C", "SHA1", "SHA256");

    private final Random random;

    S3Pojos(long seed) {
        this.random = new Random(seed);
    }

    /** A request fit for the wire; {@code bodyLength} is the streaming body's length, or -1. */
    <T> T request(T pojo, String operation, long bodyLength) {
        return rewrite(pojo, true, operation, bodyLength, 0);
    }

    <T> T response(T pojo, String operation, long bodyLength) {
        return rewrite(pojo, false, operation, bodyLength, 0);
    }

    /** An exception's modeled members fit for an {@code <Error>} document. */
    <T> T exception(T pojo) {
        return rewrite(pojo, false, "", -1, 1);
    }

    /** An error message fit for {@code <Message>}: XML text, and null rather than empty. */
    static String message(String message) {
        if (message == null) {
            return null;
        }
        String m = xmlText(message);
        return m.isEmpty() ? null : m;
    }

    @SuppressWarnings("unchecked")
    private <T> T rewrite(T pojo, boolean request, String operation, long bodyLength, int depth) {
        SdkPojo builder = (SdkPojo) ((ToCopyableBuilder<?, ?>) pojo).toBuilder();
        for (SdkField<?> f : ((SdkPojo) pojo).sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            Object nv = depth == 0 ? topLevel(pojo, f, v, request, operation, bodyLength) : v;
            boolean payload = depth > 0 || f.location() == null || f.location() == MarshallLocation.PAYLOAD;
            if (nv != null && payload && !f.containsTrait(PayloadTrait.class) || nv instanceof SdkPojo) {
                nv = payloadValue(f, nv, request, operation, depth);
            }
            if (nv != null && payload && f.containsTrait(PayloadTrait.class) && nv instanceof String
                && !operation.equals("GetBucketPolicy") && !operation.equals("PutBucketPolicy")) {
                nv = xmlText((String) nv);
            }
            f.set(builder, nv);
        }
        return (T) ((Buildable) builder).build();
    }

    private Object topLevel(Object owner, SdkField<?> f, Object v, boolean request, String operation, long bodyLength) {
        String name = f.memberName();
        boolean streamingUpload = operation.equals("PutObject") || operation.equals("UploadPart")
            || operation.equals("WriteGetObjectResponse");
        if (request) {
            if (name.equals("Bucket") || name.equals("DestinationBucket")) {
                return operation.equals("CreateBucket") ? BUCKETS.get(random.nextInt(2)) : BUCKETS.get(random.nextInt(BUCKETS.size()));
            }
            if (name.equals("Key") || name.equals("DestinationKey")) {
                return key((String) v);
            }
            if (name.equals("ChecksumAlgorithm")) {
                return CHECKSUM_ALGORITHMS.get(random.nextInt(CHECKSUM_ALGORITHMS.size()));
            }
            if (name.equals("ChecksumMode")) {
                return null;
            }
            if (name.equals("SourceBucket") || name.equals("SourceKey") || name.equals("SourceVersionId")) {
                return null;
            }
            if (name.equals("CopySource")) {
                return "src-bucket/" + key("copy/" + v);
            }
            if (name.equals("RequestRoute")) {
                return "route" + Math.abs(random.nextInt(1000));
            }
            if (name.equals("ContentEncoding") && v != null) {
                return "gzip";
            }
            if (streamingUpload && (name.startsWith("Checksum") && !name.equals("ChecksumAlgorithm") || name.equals("ContentMD5"))) {
                return null;
            }
            if (streamingUpload && name.equals("ContentLength")) {
                return bodyLength;
            }
            if (f.location() == MarshallLocation.HEADER && v instanceof Map && ((Map<?, ?>) v).isEmpty()) {
                return Map.of("kfilled", "v");
            }
        } else {
            if (name.equals("EncodingType")) {
                return null;
            }
            if (name.equals("Policy") && operation.equals("GetBucketPolicy")) {
                return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + random.nextInt(1000) + "\"}]}";
            }
            if (name.equals("ContentLength") && bodyLength >= 0) {
                return bodyLength;
            }
            if (name.equals("ContentRange") && bodyLength >= 0) {
                return null;
            }
            if (name.equals("ExpiresString")) {
                // Expires and ExpiresString are one header: the string is the header's text.
                Object expires = ((SdkPojo) owner).sdkFields().stream().filter(x -> x.memberName().equals("Expires"))
                    .findFirst().map(x -> x.getValueOrDefault(owner)).orElse(null);
                return expires == null ? v : software.amazon.awssdk.utils.DateUtils.formatRfc822Date((java.time.Instant) expires);
            }
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private Object payloadValue(SdkField<?> f, Object v, boolean request, String operation, int depth) {
        MarshallingType<?> type = f.marshallingType();
        if (type == MarshallingType.STRING) {
            if (f.containsTrait(XmlAttributeTrait.class)) {
                return "Type" + Math.abs(random.nextInt(100));
            }
            String s = xmlText((String) v);
            return s.isEmpty() ? "s" : s;
        }
        if (type == MarshallingType.SDK_BYTES) {
            return ((SdkBytes) v).asByteArray().length == 0 ? SdkBytes.fromUtf8String("b") : v;
        }
        if (type == MarshallingType.SDK_POJO) {
            return rewrite(v, request, operation, -1, depth + 1);
        }
        if (type == MarshallingType.LIST) {
            ListTrait trait = f.getRequiredTrait(ListTrait.class);
            List<Object> list = (List<Object>) v;
            if (list.isEmpty() && (trait.isFlattened() || list instanceof SdkAutoConstructList)) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (Object e : list) {
                out.add(payloadValue(trait.memberFieldInfo(), e, request, operation, depth));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                String k = xmlText(e.getKey());
                out.put((k.isEmpty() ? "k" : k) + i++, payloadValue(valueField, e.getValue(), request, operation, depth));
            }
            return out;
        }
        return v;
    }

    /** A key the URI carries unchanged: no dot segments, no empty segments. */
    private static String key(String s) {
        StringBuilder out = new StringBuilder();
        for (String segment : (s == null ? "" : s).split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "/").append(segment);
        }
        return out.length() == 0 ? "key" : out.toString();
    }

    /** Text XML 1.0 can carry. */
    static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || cp >= 0x10000;
            if (ok) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
