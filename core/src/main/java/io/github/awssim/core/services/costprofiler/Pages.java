package io.github.awssim.core.services.costprofiler;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ListReportDefinitions page tokens. The model requires a token to be standard, padded base64
 * ({@code ^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$}), so a token is
 * {@code base64("acp1|account|region|lastSequence|" + hex(first 12 bytes of HMAC-SHA256))} under a key derived from
 * the simulation's seed: opaque, valid across deletions (it holds a creation sequence, not an index), and a forged
 * or foreign one is rejected with {@code ValidationException}.
 */
final class Pages {
    private static final int MAC_BYTES = 12;
    private final SecretKeySpec key;

    Pages(long seed) {
        this.key = new SecretKeySpec(sha256("awssim:application-cost-profiler:page-tokens:" + seed), "HmacSHA256");
    }

    String token(Call c, long lastSeq) {
        String payload = "acp1|" + c.accountId() + "|" + c.region() + "|" + lastSeq;
        return Base64.getEncoder().encodeToString((payload + "|" + mac(payload)).getBytes(StandardCharsets.UTF_8));
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
            mac(payload).getBytes(StandardCharsets.UTF_8), text.substring(bar + 1).getBytes(StandardCharsets.UTF_8))
            || !parts[1].equals(c.accountId()) || !parts[2].equals(c.region())) {
            throw Errors.invalid(CostProfilerMessages.tokenNotOurs(c.operation()));
        }
        return Long.parseLong(parts[3]);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
            StringBuilder b = new StringBuilder();
            for (byte x : tag) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("awssim: HmacSHA256 is unavailable in this JVM", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("awssim: SHA-256 is unavailable in this JVM", e);
        }
    }
}
