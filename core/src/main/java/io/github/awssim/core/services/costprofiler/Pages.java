package io.github.awssim.core.services.costprofiler;

import io.github.awssim.core.internal.TokenMac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * ListReportDefinitions page tokens. The model requires a token to be standard, padded base64
 * ({@code ^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$}), so a token is
 * {@code base64("acp1|account|region|lastSequence|" + hex(first 12 bytes of HMAC-SHA256))} under a key derived from
 * the simulation's seed: opaque, valid across deletions (it holds a creation sequence, not an index), and a forged
 * or foreign one is rejected with {@code ValidationException}.
 */
final class Pages {
    private static final int MAC_BYTES = 12;
    private final TokenMac mac;

    Pages(long seed) {
        this.mac = new TokenMac("application-cost-profiler:page-tokens", seed);
    }

    String token(Call c, long lastSeq) {
        String payload = "acp1|" + c.accountId() + "|" + c.region() + "|" + lastSeq;
        return Base64.getEncoder().encodeToString((payload + "|" + tag(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number after which the next page starts. */
    long position(Call c, String token) {
        String text;
        try {
            text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid(CostProfilerMessages.tokenNotOurs(c.operation()));
        }
        int bar = text.lastIndexOf('|');
        String payload = bar < 0 ? "" : text.substring(0, bar);
        String[] parts = payload.split("\\|", -1);
        if (bar < 0 || parts.length != 4 || !parts[0].equals("acp1") || !MessageDigest.isEqual(
            tag(payload).getBytes(StandardCharsets.UTF_8), text.substring(bar + 1).getBytes(StandardCharsets.UTF_8))
            || !parts[1].equals(c.accountId()) || !parts[2].equals(c.region())) {
            throw Errors.invalid(CostProfilerMessages.tokenNotOurs(c.operation()));
        }
        return Long.parseLong(parts[3]);
    }

    /** The payload's tag as hex: the model allows only base64 characters in a token, so no raw bytes. */
    private String tag(String payload) {
        StringBuilder b = new StringBuilder();
        for (byte x : mac.tag(payload.getBytes(StandardCharsets.UTF_8), MAC_BYTES)) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }
}
