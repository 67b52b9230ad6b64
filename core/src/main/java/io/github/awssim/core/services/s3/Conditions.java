package io.github.awssim.core.services.s3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * S3's conditional requests and ranges, decided in RFC 7232's order: {@code If-Match} (else
 * {@code If-Unmodified-Since}) first, failing with 412; then {@code If-None-Match} (else
 * {@code If-Modified-Since}), failing with 304 on GET and HEAD and 412 on a copy source. So If-Match true
 * with If-Unmodified-Since false answers 200, and If-None-Match false with If-Modified-Since true answers
 * 304, as S3 documents. ETags compare without their quotes; {@code *} matches any object. Times compare at
 * the second, the precision of HTTP dates.
 */
final class Conditions {
    private Conditions() {
    }

    /** The request's conditional headers; null ones are absent. */
    record Preconditions(String ifMatch, String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {
        boolean any() {
            return ifMatch != null || ifNoneMatch != null || ifModifiedSince != null || ifUnmodifiedSince != null;
        }
    }

    /**
     * Checks {@code p} against {@code v}.
     *
     * @param copySource conditions on a copy's source ({@code x-amz-copy-source-if-*}): every failure is 412
     */
    static void check(String operation, ObjectVersion v, Preconditions p, Instant now, boolean copySource) {
        Instant modified = v.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String prefix = copySource ? "x-amz-copy-source-" : "";
        if (p.ifMatch() != null) {
            if (!matches(p.ifMatch(), v.eTag())) {
                throw failed(operation, prefix + "If-Match", p.ifMatch(), v);
            }
        } else if (p.ifUnmodifiedSince() != null && modified.isAfter(p.ifUnmodifiedSince())) {
            throw failed(operation, prefix + "If-Unmodified-Since", p.ifUnmodifiedSince().toString(), v);
        }
        if (p.ifNoneMatch() != null) {
            if (matches(p.ifNoneMatch(), v.eTag())) {
                throw copySource ? failed(operation, prefix + "If-None-Match", p.ifNoneMatch(), v) : notModified(v);
            }
        } else if (p.ifModifiedSince() != null && !p.ifModifiedSince().isAfter(now) && !modified.isAfter(p.ifModifiedSince())) {
            throw copySource ? failed(operation, prefix + "If-Modified-Since", p.ifModifiedSince().toString(), v)
                : notModified(v);
        }
    }

    /**
     * Whether an {@code If-Match}/{@code If-None-Match} value (a list, or {@code *}) names {@code eTag}. S3 reads an
     * ETag with its quotes, without them, or with one of them missing (moto's AWS-verified
     * {@code test_put_object_if_match}).
     */
    static boolean matches(String header, String eTag) {
        String bare = stripQuotes(eTag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || stripQuotes(c).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    /** An ETag without the quote at either end, each removed if present. */
    private static String stripQuotes(String eTag) {
        if (eTag == null) {
            return null;
        }
        int from = eTag.startsWith("\"") ? 1 : 0;
        int to = eTag.length() > from && eTag.endsWith("\"") ? eTag.length() - 1 : eTag.length();
        return eTag.substring(from, to);
    }

    static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
            ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    private static RuntimeException failed(String operation, String condition, String value, ObjectVersion v) {
        return S3Errors.preconditionFailed(S3Messages.preconditionFailed(operation, condition, value, v.eTag(),
            v.lastModified()), condition);
    }

    private static RuntimeException notModified(ObjectVersion v) {
        return S3Errors.error("NotModified", "Not Modified", Map.of("ETag", v.eTag(),
            "Last-Modified", software.amazon.awssdk.utils.DateUtils.formatRfc822Date(v.lastModified())));
    }

    // ---- ranges ------------------------------------------------------------------------------

    /** A byte range {@code [first, last]} of an object of {@code size} bytes. */
    record Range(long first, long last, long size) {
        long length() {
            return last - first + 1;
        }

        String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /**
     * The range a {@code Range} header asks for, or null to serve the whole object: no header, a header S3
     * ignores (not {@code bytes=}, unparsable, or several ranges, which S3 does not serve), or a suffix range
     * on an empty object (RFC 9110: the only satisfiable range there). {@code bytes=a-b} (end clamped to the
     * object), {@code bytes=a-}, and the suffix {@code bytes=-n} are served; a first byte at or past the end
     * answers 416 InvalidRange, on an empty object too.
     */
    static Range range(String operation, String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        try {
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    throw unsatisfiable(operation, header, size);
                }
                return size == 0 ? null : new Range(Math.max(0, size - suffix), size - 1, size);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
            if (first < 0 || last < first) {
                return null;
            }
            if (first >= size) {   // on an empty object every first byte is past the end: S3 answers 416 there too
                throw unsatisfiable(operation, header, size);
            }
            return new Range(first, Math.min(last, size - 1), size);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RuntimeException unsatisfiable(String operation, String header, long size) {
        return S3Errors.error("InvalidRange", S3Messages.invalidRange(operation, header, size),
            Map.of("Content-Range", "bytes */" + size));
    }
}
