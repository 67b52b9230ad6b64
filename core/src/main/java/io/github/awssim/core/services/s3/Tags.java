package io.github.awssim.core.services.s3;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * S3's tag rules: at most 10 tags on an object and 50 on a bucket, keys of 1 to 128 and values of 0 to 256
 * Unicode characters from letters, digits, spaces and {@code + - = . _ : / @}, no {@code aws:} prefix,
 * no key twice (all InvalidTag, 400). The {@code x-amz-tagging} header is a URL-encoded query string.
 */
final class Tags {
    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    private Tags() {
    }

    static Map<String, String> of(String operation, List<Tag> tagSet, int max) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (tagSet.size() > max) {
            throw invalid(max == MAX_OBJECT_TAGS ? "Object tags cannot be greater than " + max
                : "Bucket tags cannot be greater than " + max, operation);
        }
        for (Tag t : tagSet) {
            String key = t.key();
            String value = t.value() == null ? "" : t.value();
            if (key == null || key.isEmpty() || key.codePointCount(0, key.length()) > 128) {
                throw invalid("The TagKey you have provided is invalid: '" + key + "' (1 to 128 characters)", operation);
            }
            if (value.codePointCount(0, value.length()) > 256) {
                throw invalid("The TagValue you have provided is too long: " + value.length() + " characters for key '"
                    + key + "' (at most 256)", operation);
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw invalid("Your TagKey cannot be prefixed with aws: ('" + key + "')", operation);
            }
            if (!ALLOWED.matcher(key).matches()) {
                throw invalid("The TagKey you have provided is invalid: '" + key + "'", operation);
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw invalid("The TagValue you have provided is invalid: '" + value + "' for key '" + key + "'", operation);
            }
            if (tags.put(key, value) != null) {
                throw invalid("Cannot provide multiple Tags with the same key: '" + key + "'", operation);
            }
        }
        return tags;
    }

    /** The tags of an {@code x-amz-tagging} header ({@code k1=v1&k2=v2}, URL-encoded). */
    static Map<String, String> ofHeader(String operation, String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        List<Tag> tags = new java.util.ArrayList<>();
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = SdkHttpUtils.urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : SdkHttpUtils.urlDecode(pair.substring(eq + 1));
            tags.add(Tag.builder().key(k).value(v).build());
        }
        return of(operation, tags, MAX_OBJECT_TAGS);
    }

    static List<Tag> toTagSet(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static String toHeader(Map<String, String> tags) {
        StringBuilder b = new StringBuilder();
        tags.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(SdkHttpUtils.urlEncode(k)).append('=')
            .append(SdkHttpUtils.urlEncode(v)));
        return b.toString();
    }

    private static RuntimeException invalid(String message, String operation) {
        return S3Errors.error("InvalidTag", operation + ": " + message + ".");
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
