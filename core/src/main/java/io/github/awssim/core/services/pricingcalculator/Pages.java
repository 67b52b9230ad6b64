package io.github.awssim.core.services.pricingcalculator;

import io.github.awssim.core.internal.TokenMac;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * List pagination. Items are listed in creation order; a page token names the operation, the account, region
 * and parent it was issued for, a digest of the request's filters and the position after the last item, and
 * carries an HMAC under a key derived from the simulation's seed. So a token is opaque, survives deletions
 * between pages (the position is a creation sequence number, not an index), and a forged, altered or foreign
 * token (another operation, parent, filter set or simulation) is rejected with {@code ValidationException}.
 *
 * <p>Format: {@code base64url(payload) "." base64url(first 16 bytes of HMAC-SHA256(payload))}, payload
 * {@code v1|operation|account|region|scope|filtersDigest|lastSequence}.
 */
final class Pages {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final TokenMac mac;

    /** One page of a list and the token of the next, null on the last page. */
    record Page<T>(List<T> items, String nextToken) {
    }

    Pages(long seed) {
        this.mac = new TokenMac("bcm-pricing-calculator:page-tokens", seed);
    }

    /**
     * The page of {@code items} (in sequence order) a request asks for.
     *
     * @param scope the parent the list belongs to (an id), or "" for top-level lists
     * @param filters a rendering of the request's filters: a token only continues the request it came from
     * @param maxResults the request's page size, null for {@code defaultMax}
     */
    <T> Page<T> page(Call c, String scope, String filters, String nextToken, Integer maxResults, int defaultMax,
                     List<T> items, ToLongFunction<T> seqOf) {
        String digest = hex(TokenMac.sha256(filters), 8);
        long after = nextToken == null || nextToken.isEmpty() ? Long.MIN_VALUE : position(c, scope, digest, nextToken);
        int max = maxResults != null ? maxResults : defaultMax;
        List<T> page = new ArrayList<>(Math.min(max, items.size()));
        boolean more = false;
        for (T item : items) {
            if (seqOf.applyAsLong(item) <= after) {
                continue;
            }
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(item);
        }
        String next = more ? token(c, scope, digest, seqOf.applyAsLong(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    private String token(Call c, String scope, String digest, long last) {
        byte[] payload = String.join("|", "v1", c.operation(), c.accountId(), c.region(), scope, digest, Long.toString(last))
            .getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac.tag(payload, MAC_BYTES));
    }

    private long position(Call c, String scope, String digest, String token) {
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] tag;
        try {
            payload = B64D.decode(token.substring(0, Math.max(dot, 0)));
            tag = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw bad(PricingCalculatorMessages.tokenNotOurs(c.operation()));
        }
        if (dot < 0 || tag.length != MAC_BYTES || !mac.verifies(payload, tag)) {
            throw bad(PricingCalculatorMessages.tokenNotOurs(c.operation()));
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 7 || !parts[0].equals("v1")) {
            throw bad(PricingCalculatorMessages.tokenNotOurs(c.operation()));
        }
        if (!parts[1].equals(c.operation())) {
            throw bad(PricingCalculatorMessages.tokenOfOtherOperation(c.operation(), parts[1]));
        }
        if (!parts[2].equals(c.accountId()) || !parts[3].equals(c.region()) || !parts[4].equals(scope)) {
            throw bad(PricingCalculatorMessages.tokenOfOtherList(c.operation()));
        }
        if (!parts[5].equals(digest)) {
            throw bad(PricingCalculatorMessages.tokenOfOtherFilters(c.operation()));
        }
        return Long.parseLong(parts[6]);
    }

    private static RuntimeException bad(String message) {
        return Errors.invalid("nextToken", message);
    }


    private static String hex(byte[] bytes, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format("%02x", bytes[i]));
        }
        return b.toString();
    }
}
