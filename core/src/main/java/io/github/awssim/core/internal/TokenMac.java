package io.github.awssim.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates the opaque tokens simulators hand out (list page tokens): an HMAC-SHA256 tag under a key derived
 * from the simulation's seed and the token's purpose, so a token replays with its seed, and a forged, altered or
 * foreign one (another service, another simulation) is recognised. How a token is laid out stays with its service:
 * their models constrain the format differently.
 */
public final class TokenMac {
    private final SecretKeySpec key;

    /** @param purpose names the service and the kind of token, e.g. {@code "application-cost-profiler:page-tokens"} */
    public TokenMac(String purpose, long seed) {
        this.key = new SecretKeySpec(sha256("awssim:" + purpose + ":" + seed), "HmacSHA256");
    }

    /** The first {@code length} bytes of the payload's HMAC-SHA256. */
    public byte[] tag(byte[] payload, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("awssim: HmacSHA256 is unavailable in this JVM", e);
        }
    }

    /** Whether {@code tag} is the payload's tag (of {@code tag}'s length), compared in constant time. */
    public boolean verifies(byte[] payload, byte[] tag) {
        return tag.length > 0 && MessageDigest.isEqual(tag(payload, tag.length), tag);
    }

    /** SHA-256 of a string's UTF-8 bytes. */
    public static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("awssim: SHA-256 is unavailable in this JVM", e);
        }
    }
}
