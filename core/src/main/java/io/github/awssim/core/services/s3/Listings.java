package io.github.awssim.core.services.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.ObjectVersionStorageClass;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * ListObjects (v1 and v2) and ListObjectVersions: keys in UTF-8 binary order from a marker, a start-after
 * key or a continuation token, under a prefix, with keys that contain the delimiter after the prefix rolled
 * up into common prefixes (each counting once against max-keys, which is 1000 at most), and
 * {@code encoding-type=url} encoding keys, prefixes and markers. A page seeks to its start in the sorted map
 * and reads only what it returns, so a page of a million-key bucket costs about what a page of a thousand
 * does. Continuation tokens are opaque to clients; a forged one is InvalidArgument.
 */
final class Listings {
    static final int MAX_KEYS = 1000;
    private static final String TOKEN_PREFIX = "awssim1:";

    private Listings() {
    }

    /** One entry of a page: a key with its versions, or a common prefix (versions null). */
    record Entry(String name, List<ObjectVersion> versions) {
        boolean isPrefix() {
            return versions == null;
        }
    }

    record Page(List<Entry> entries, boolean truncated) {
    }

    /** Where a walk starts: at {@code from}, including it or not; null {@code from} starts at the prefix. */
    record Start(String from, boolean inclusive) {
        static final Start BEGINNING = new Start(null, true);
    }

    /** Receives the entries of a walk in order; answers false to stop. */
    interface Visitor {
        boolean visit(Entry entry);
    }

    /**
     * Walks {@code keys} from {@code start}, under {@code prefix}, rolling keys up at {@code delimiter}; a key
     * counts only when {@code include} accepts its versions (a current delete marker hides a key from
     * ListObjects, and from the prefix it would roll up into). Seeks with the sorted map, never scans from
     * the beginning.
     */
    static void walk(NavigableMap<String, List<ObjectVersion>> keys, String prefix, String delimiter, Start start,
                     Function<List<ObjectVersion>, Boolean> include, Visitor visitor) {
        String from = start.from();
        boolean inclusive = start.inclusive();
        if (from == null || Bucket.KEY_ORDER.compare(from, prefix) < 0) {
            from = prefix;
            inclusive = true;
        }
        Iterator<Map.Entry<String, List<ObjectVersion>>> it = keys.tailMap(from, inclusive).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, List<ObjectVersion>> e = it.next();
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                return;
            }
            if (!include.apply(e.getValue())) {
                continue;
            }
            String rolled = delimiter == null ? null : rollUp(key, prefix, delimiter);
            if (rolled == null) {
                if (!visitor.visit(new Entry(key, e.getValue()))) {
                    return;
                }
                continue;
            }
            if (!visitor.visit(new Entry(rolled, null))) {
                return;
            }
            String next = Bucket.successor(rolled);
            if (next == null) {
                return;
            }
            it = keys.tailMap(next, true).entrySet().iterator();
        }
    }

    /** A page of at most {@code max} entries, and whether more follow. */
    static Page page(NavigableMap<String, List<ObjectVersion>> keys, String prefix, String delimiter, Start start, int max,
                     Function<List<ObjectVersion>, Boolean> include) {
        List<Entry> entries = new ArrayList<>();
        if (max == 0) {
            // S3 answers max-keys=0 with an empty page that is not truncated.
            return new Page(entries, false);
        }
        boolean[] truncated = new boolean[1];
        walk(keys, prefix, delimiter, start, include, e -> {
            if (entries.size() == max) {
                truncated[0] = true;
                return false;
            }
            entries.add(e);
            return true;
        });
        return new Page(entries, truncated[0]);
    }

    /** The common prefix {@code key} rolls up into ({@code prefix…delimiter}), or null when it does not. */
    static String rollUp(String key, String prefix, String delimiter) {
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /** Whether a marker is a common prefix of this listing: a page that ended on it rolled up all its keys. */
    static boolean isCommonPrefix(String marker, String prefix, String delimiter) {
        return delimiter != null && marker.startsWith(prefix) && marker.equals(rollUp(marker, prefix, delimiter));
    }

    static boolean urlEncoding(String operation, String encodingType) {
        if (encodingType == null) {
            return false;
        }
        if (!encodingType.equals(EncodingType.URL.toString())) {
            throw S3Errors.error("InvalidArgument", S3Messages.badEncodingType(operation, encodingType));
        }
        return true;
    }

    static String encode(String s) {
        return SdkHttpUtils.urlEncodeIgnoreSlashes(s);
    }

    static String maybeEncode(boolean url, String s) {
        return s == null || !url ? s : encode(s);
    }

    static int maxKeys(String operation, Integer requested) {
        if (requested == null) {
            return MAX_KEYS;
        }
        if (requested < 0) {
            throw S3Errors.error("InvalidArgument", S3Messages.badMaxKeys(operation, requested));
        }
        return Math.min(requested, MAX_KEYS);
    }

    // ---- tokens ------------------------------------------------------------------------------

    /** An opaque continuation token for a page that ended at {@code name}. */
    static String encodeToken(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + name).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String operation, String token) {
        String decoded = null;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = null;
        }
        if (decoded == null || !decoded.startsWith(TOKEN_PREFIX)) {
            throw S3Errors.error("InvalidArgument", S3Messages.badContinuationToken(operation, token));
        }
        return decoded.substring(TOKEN_PREFIX.length());
    }

    // ---- the operations ----------------------------------------------------------------------

    private static boolean visible(List<ObjectVersion> versions) {
        return !versions.isEmpty() && !versions.get(0).deleteMarker();
    }

    private static S3Object object(ObjectVersion v, boolean url, Owner owner) {
        S3Object.Builder o = S3Object.builder().key(url ? encode(v.key()) : v.key()).lastModified(v.lastModified())
            .eTag(v.eTag()).size(v.size())
            .storageClass(v.meta().storageClass() != null ? v.meta().storageClass() : ObjectStorageClass.STANDARD.toString())
            .owner(owner);
        if (v.checksum() != null) {
            o.checksumAlgorithm(List.of(v.checksum().algorithm())).checksumType(v.checksum().type());
        }
        return o.build();
    }

    static ListObjectsV2Response listV2(S3State.Call c, Bucket b, ListObjectsV2Request r) {
        boolean url = urlEncoding(c.operation(), r.encodingTypeAsString());
        int max = maxKeys(c.operation(), r.maxKeys());
        String prefix = r.prefix() == null ? "" : r.prefix();
        String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
        Start start = r.startAfter() == null ? Start.BEGINNING : new Start(r.startAfter(), false);
        if (r.continuationToken() != null) {
            start = resume(decodeToken(c.operation(), r.continuationToken()), prefix, delimiter);
        }
        Page page = page(b.keys, prefix, delimiter, start, max, Listings::visible);
        Owner owner = Boolean.TRUE.equals(r.fetchOwner()) ? BucketOperations.owner(b.ownerAccount) : null;
        Listed listed = listed(page, url, owner);
        ListObjectsV2Response.Builder out = ListObjectsV2Response.builder().name(b.name)
            .prefix(maybeEncode(url, prefix)).delimiter(maybeEncode(url, r.delimiter()))
            .maxKeys(r.maxKeys() != null ? r.maxKeys() : MAX_KEYS).keyCount(page.entries().size())
            .isTruncated(page.truncated()).contents(listed.contents()).commonPrefixes(listed.prefixes())
            .continuationToken(r.continuationToken()).startAfter(maybeEncode(url, r.startAfter()));
        if (url) {
            out.encodingType(EncodingType.URL);
        }
        if (page.truncated()) {
            out.nextContinuationToken(encodeToken(page.entries().get(page.entries().size() - 1).name()));
        }
        return out.build();
    }

    /** A page of current versions as a listing shows it: objects, and the common prefixes they roll up into. */
    private record Listed(List<S3Object> contents, List<CommonPrefix> prefixes) {
    }

    private static Listed listed(Page page, boolean url, Owner owner) {
        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        for (Entry e : page.entries()) {
            if (e.isPrefix()) {
                prefixes.add(CommonPrefix.builder().prefix(maybeEncode(url, e.name())).build());
            } else {
                contents.add(object(e.versions().get(0), url, owner));
            }
        }
        return new Listed(contents, prefixes);
    }

    /** Where a page resumes after {@code last}: after the key, or past every key of the common prefix. */
    private static Start resume(String last, String prefix, String delimiter) {
        if (isCommonPrefix(last, prefix, delimiter)) {
            String next = Bucket.successor(last);
            return next == null ? new Start(last, false) : new Start(next, true);
        }
        return new Start(last, false);
    }

    static ListObjectsResponse listV1(S3State.Call c, Bucket b, ListObjectsRequest r) {
        boolean url = urlEncoding(c.operation(), r.encodingTypeAsString());
        int max = maxKeys(c.operation(), r.maxKeys());
        String prefix = r.prefix() == null ? "" : r.prefix();
        String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
        String marker = r.marker() == null || r.marker().isEmpty() ? null : r.marker();
        Start start = marker == null ? Start.BEGINNING : resume(marker, prefix, delimiter);
        Page page = page(b.keys, prefix, delimiter, start, max, Listings::visible);
        Owner owner = BucketOperations.owner(b.ownerAccount);
        Listed listed = listed(page, url, owner);
        ListObjectsResponse.Builder out = ListObjectsResponse.builder().name(b.name)
            .prefix(maybeEncode(url, prefix)).delimiter(maybeEncode(url, r.delimiter()))
            .marker(maybeEncode(url, r.marker() == null ? "" : r.marker()))
            .maxKeys(r.maxKeys() != null ? r.maxKeys() : MAX_KEYS).isTruncated(page.truncated())
            .contents(listed.contents()).commonPrefixes(listed.prefixes());
        if (url) {
            out.encodingType(EncodingType.URL);
        }
        if (page.truncated() && delimiter != null) {
            // S3 answers NextMarker only with a delimiter; without one the last key is the next marker.
            out.nextMarker(maybeEncode(url, page.entries().get(page.entries().size() - 1).name()));
        }
        return out.build();
    }

    static ListObjectVersionsResponse versions(S3State.Call c, Bucket b, ListObjectVersionsRequest r) {
        boolean url = urlEncoding(c.operation(), r.encodingTypeAsString());
        if (r.maxKeys() != null && r.maxKeys() < 0) {
            // ListObjects' mistake in ListObjectVersions' own words (versity/versitygw#1809)
            throw S3Errors.error("InvalidArgument", S3Messages.negativeMaxKeys(c.operation(), r.maxKeys()));
        }
        int max = maxKeys(c.operation(), r.maxKeys());
        String prefix = r.prefix() == null ? "" : r.prefix();
        String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
        String keyMarker = r.keyMarker() == null || r.keyMarker().isEmpty() ? null : r.keyMarker();
        String versionMarker = r.versionIdMarker() == null || r.versionIdMarker().isEmpty() ? null : r.versionIdMarker();
        if (versionMarker != null && keyMarker == null) {
            throw S3Errors.error("InvalidArgument", S3Messages.versionMarkerWithoutKeyMarker(c.operation()));
        }
        if (versionMarker != null) {
            Storage.checkVersionId(c.operation(), "VersionIdMarker", versionMarker);
        }
        Owner owner = BucketOperations.owner(b.ownerAccount);
        List<software.amazon.awssdk.services.s3.model.ObjectVersion> versions = new ArrayList<>();
        List<DeleteMarkerEntry> markers = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        Start start = Start.BEGINNING;
        if (keyMarker != null) {
            start = versionMarker != null ? new Start(keyMarker, true) : resume(keyMarker, prefix, delimiter);
        }
        VersionPage page = new VersionPage(max, url, owner, keyMarker, versionMarker, versions, markers, prefixes);
        // A version, not a key, counts against max-keys: the visitor stops the walk when the page is full.
        if (max > 0) {
            walk(b.keys, prefix, delimiter, start, v -> !v.isEmpty(), page::visit);
        }
        boolean truncated = page.truncated;
        String nextKey = page.nextKey;
        String nextVersion = page.nextVersion;
        ListObjectVersionsResponse.Builder out = ListObjectVersionsResponse.builder().name(b.name)
            .prefix(maybeEncode(url, prefix)).delimiter(maybeEncode(url, r.delimiter()))
            .keyMarker(maybeEncode(url, r.keyMarker() == null ? "" : r.keyMarker()))
            .versionIdMarker(r.versionIdMarker() == null ? "" : r.versionIdMarker())
            .maxKeys(r.maxKeys() != null ? r.maxKeys() : MAX_KEYS).isTruncated(truncated)
            .versions(versions).deleteMarkers(markers).commonPrefixes(prefixes);
        if (url) {
            out.encodingType(EncodingType.URL);
        }
        if (truncated) {
            out.nextKeyMarker(maybeEncode(url, nextKey)).nextVersionIdMarker(nextVersion);
        }
        return out.build();
    }

    /** Collects one ListObjectVersions page while the walk visits keys. */
    private static final class VersionPage {
        private final int max;
        private final boolean url;
        private final Owner owner;
        private final String keyMarker;
        private final String versionMarker;
        private final List<software.amazon.awssdk.services.s3.model.ObjectVersion> versions;
        private final List<DeleteMarkerEntry> markers;
        private final List<CommonPrefix> prefixes;
        private int count;
        boolean truncated;
        String nextKey;
        String nextVersion;

        VersionPage(int max, boolean url, Owner owner, String keyMarker, String versionMarker,
                    List<software.amazon.awssdk.services.s3.model.ObjectVersion> versions, List<DeleteMarkerEntry> markers,
                    List<CommonPrefix> prefixes) {
            this.max = max;
            this.url = url;
            this.owner = owner;
            this.keyMarker = keyMarker;
            this.versionMarker = versionMarker;
            this.versions = versions;
            this.markers = markers;
            this.prefixes = prefixes;
        }

        boolean visit(Entry e) {
            if (e.isPrefix()) {
                if (count == max) {
                    truncated = true;
                    return false;
                }
                prefixes.add(CommonPrefix.builder().prefix(maybeEncode(url, e.name())).build());
                count++;
                nextKey = e.name();
                nextVersion = null;
                return true;
            }
            boolean skipping = versionMarker != null && e.name().equals(keyMarker);
            boolean latest = true;
            for (ObjectVersion v : e.versions()) {
                if (skipping) {
                    if (v.versionId().equals(versionMarker)) {
                        skipping = false;
                    }
                    latest = false;
                    continue;
                }
                if (count == max) {
                    truncated = true;
                    return false;
                }
                add(v, latest);
                latest = false;
                count++;
                nextKey = v.key();
                nextVersion = v.versionId();
            }
            return true;
        }

        private void add(ObjectVersion v, boolean latest) {
            String key = maybeEncode(url, v.key());
            if (v.deleteMarker()) {
                markers.add(DeleteMarkerEntry.builder().key(key).versionId(v.versionId()).isLatest(latest)
                    .lastModified(v.lastModified()).owner(owner).build());
                return;
            }
            software.amazon.awssdk.services.s3.model.ObjectVersion.Builder ov =
                software.amazon.awssdk.services.s3.model.ObjectVersion.builder().key(key).versionId(v.versionId())
                    .isLatest(latest).lastModified(v.lastModified()).eTag(v.eTag()).size(v.size())
                    .storageClass(v.meta().storageClass() != null ? v.meta().storageClass()
                        : ObjectVersionStorageClass.STANDARD.toString())
                    .owner(owner);
            if (v.checksum() != null) {
                ov.checksumAlgorithm(List.of(ChecksumAlgorithm.fromValue(v.checksum().algorithm().toString())))
                    .checksumType(v.checksum().type());
            }
            versions.add(ov.build());
        }
    }
}
