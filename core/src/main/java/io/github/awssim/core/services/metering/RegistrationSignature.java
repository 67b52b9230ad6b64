package io.github.awssim.core.services.metering;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code Signature} RegisterUsage answers: a JWT in compact form, {@code header.claims.signature},
 * each part base64url without padding.
 * <ul>
 *   <li>header {@code {"alg":"PS256","typ":"JWT"}}, as AWS's;</li>
 *   <li>claims {@code productCode}, {@code publicKeyVersion}, {@code nonce} (when sent) and {@code issuedAt}
 *       (ISO-8601, simulation time), plus awssim's {@code customerAccountId} and {@code callerIdentity};</li>
 *   <li>signature: the SHA-256 digest of {@code header.claims}. It is <b>not</b> a PS256 signature: no
 *       AWS Marketplace public key verifies it. Code under test that verifies signatures needs its
 *       verifier stubbed; code that decodes the claims works as in production.</li>
 * </ul>
 */
final class RegistrationSignature {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private RegistrationSignature() {
    }

    static String of(String productCode, int publicKeyVersion, String nonce, Instant issuedAt, String customerAccountId,
                     String callerIdentity) {
        String header = B64.encodeToString(json(g -> {
            g.writeStringField("alg", "PS256");
            g.writeStringField("typ", "JWT");
        }));
        String claims = B64.encodeToString(json(g -> {
            g.writeStringField("productCode", productCode);
            g.writeNumberField("publicKeyVersion", publicKeyVersion);
            if (nonce != null) {
                g.writeStringField("nonce", nonce);
            }
            g.writeStringField("issuedAt", issuedAt.toString());
            g.writeStringField("customerAccountId", customerAccountId);
            g.writeStringField("callerIdentity", callerIdentity);
        }));
        String signed = header + "." + claims;
        return signed + "." + B64.encodeToString(sha256(signed));
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
