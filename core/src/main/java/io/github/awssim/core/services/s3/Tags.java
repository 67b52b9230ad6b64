package io.github.awssim.core.services.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                : "Bucket tags cannot be greater than " + max, operation, tagSet.size() + " tags");
        }
        for (Tag t : tagSet) {
            String key = t.key();
            String value = t.value() == null ? "" : t.value();
            if (key == null || key.isEmpty() || key.codePointCount(0, key.length()) > 128) {
                throw invalid("The TagKey you have provided is invalid", operation, "key '" + key + "'; 1 to 128 characters");
            }
            if (value.codePointCount(0, value.length()) > 256) {
                // S3 words a value too long as it words one with a character it refuses (versity/versitygw#1213)
                throw invalid("The TagValue you have provided is invalid", operation, value.length()
                    + " characters for key '" + key + "'; at most 256");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw invalid("Your TagKey cannot be prefixed with aws:", operation, "key '" + key + "'");
            }
            if (!ALLOWED.matcher(key).matches()) {
                throw invalid("The TagKey you have provided is invalid", operation, "key '" + key
                    + "'; letters, digits, spaces and + - = . _ : / @");
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw invalid("The TagValue you have provided is invalid", operation, "value '" + value + "' of key '"
                    + key + "'; letters, digits, spaces and + - = . _ : / @");
            }
            if (tags.put(key, value) != null) {
                throw invalid("Cannot provide multiple Tags with the same key", operation, "key '" + key + "'");
            }
        }
        return tags;
    }

    /**
     * The tags of an {@code x-amz-tagging} header ({@code k1=v1&k2=v2}, URL-encoded). A name without {@code =}
     * has an empty value and empty pairs are skipped (versity/versitygw#1216); an empty name or a name twice
     * is the header's fault, InvalidArgument (versity/versitygw#1215). The tags themselves follow the rules
     * above.
     */
    static Map<String, String> ofHeader(String operation, String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        List<Tag> tags = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = SdkHttpUtils.urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : SdkHttpUtils.urlDecode(pair.substring(eq + 1));
            if (k.isEmpty() || !names.add(k)) {
                throw S3Errors.error("InvalidArgument", S3Messages.badTaggingHeader(operation, header));
            }
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

    /** S3's own sentence first (versity/versitygw#1232, #2039), then the operation and what is wrong. */
    private static RuntimeException invalid(String message, String operation, String detail) {
        return S3Errors.error("InvalidTag", message + " (" + operation + ": " + detail + ").");
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
