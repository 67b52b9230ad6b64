package io.github.awssim.core.services.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.EncryptionType;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Server-side encryption as S3 states it (nothing is encrypted here): the encryption a write asks for or its
 * bucket's default gives, checked as S3 checks it; the customer key (SSE-C) a read of such an object must
 * present; the headers every answer about an object echoes.
 */
final class Encryptions {
    private Encryptions() {
    }

    /**
     * How one object or upload is encrypted: SSE-S3, SSE-KMS (with the key's ARN) or, when
     * {@code customerKeyMd5} is set, SSE-C.
     */
    record Encryption(ServerSideEncryption sse, String kmsKeyArn, Boolean bucketKeyEnabled, String customerKeyMd5) {
        boolean customer() {
            return customerKeyMd5 != null;
        }
    }

    /** SSE-S3, what S3 gives every object since 2023 unless asked for another. */
    static final Encryption S3_MANAGED = new Encryption(ServerSideEncryption.AES256, null, null, null);

    /** The only SSE-C algorithm. */
    private static final String AES256 = "AES256";

    /** A request's SSE-C triple, or what names the copy source's; all null when it sends none. */
    record CustomerKey(String algorithm, String key, String keyMd5) {
        boolean present() {
            return algorithm != null || key != null || keyMd5 != null;
        }
    }

    /**
     * A new bucket's encryption configuration, as S3 creates it since April 2026: SSE-S3 by default, SSE-C
     * writes blocked.
     */
    static ServerSideEncryptionConfiguration defaultConfiguration() {
        return ServerSideEncryptionConfiguration.builder().rules(ServerSideEncryptionRule.builder()
            .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
            .bucketKeyEnabled(false)
            .blockedEncryptionTypes(t -> t.encryptionType(EncryptionType.SSE_C)).build()).build();
    }

    /** Checks a PutBucketEncryption configuration as S3 does: one rule, a known algorithm, a KMS key only for KMS. */
    static ServerSideEncryptionConfiguration checkedConfiguration(String operation, ServerSideEncryptionConfiguration config) {
        if (config == null || !config.hasRules() || config.rules().size() != 1) {
            throw S3Errors.error("MalformedXML", S3Messages.encryptionRules(operation,
                config == null || !config.hasRules() ? 0 : config.rules().size()));
        }
        ServerSideEncryptionByDefault d = config.rules().get(0).applyServerSideEncryptionByDefault();
        if (d != null) {
            if (d.sseAlgorithm() == null || d.sseAlgorithm() == ServerSideEncryption.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.error("MalformedXML", S3Messages.unknownSseAlgorithm(operation,
                    "SSEAlgorithm", d.sseAlgorithmAsString()));
            }
            if (d.kmsMasterKeyID() != null && !isKms(d.sseAlgorithm())) {
                throw S3Errors.error("InvalidArgument", S3Messages.kmsKeyWithoutKms(operation, "KMSMasterKeyID"));
            }
        }
        return config;
    }

    /**
     * The encryption a write gets: the customer key it sends (SSE-C, refused with 403 while the bucket blocks
     * it), the {@code x-amz-server-side-encryption} it asks for, or its bucket's default.
     */
    static Encryption forWrite(String operation, Bucket b, String sse, String kmsKeyId, Boolean bucketKeyEnabled,
                               CustomerKey customer) {
        if (customer.present()) {
            if (sse != null) {
                throw S3Errors.error("InvalidArgument", S3Messages.customerKeyWithSse(operation));
            }
            String md5 = checkedCustomerKey(operation, customer);
            if (blocksCustomerKeys(b)) {
                throw S3Errors.error("AccessDenied", S3Messages.customerKeysBlocked(operation, b.name));
            }
            return new Encryption(null, null, null, md5);
        }
        ServerSideEncryption asked = sse == null ? null : ServerSideEncryption.fromValue(sse);
        if (asked == ServerSideEncryption.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.error("InvalidArgument", S3Messages.unknownSseAlgorithm(operation, "ServerSideEncryption", sse));
        }
        if (kmsKeyId != null && !isKms(asked)) {
            throw S3Errors.error("InvalidArgument", S3Messages.kmsKeyWithoutKms(operation, "SSEKMSKeyId"));
        }
        if (asked == null) {
            ServerSideEncryptionRule rule = b.encryption.rules().get(0);
            ServerSideEncryptionByDefault d = rule.applyServerSideEncryptionByDefault();
            if (d == null || !isKms(d.sseAlgorithm())) {
                return S3_MANAGED;
            }
            return new Encryption(d.sseAlgorithm(), kmsKeyArn(b, d.kmsMasterKeyID()),
                Boolean.TRUE.equals(rule.bucketKeyEnabled()) ? Boolean.TRUE : null, null);
        }
        if (!isKms(asked)) {
            return S3_MANAGED;
        }
        return new Encryption(asked, kmsKeyArn(b, kmsKeyId), Boolean.TRUE.equals(bucketKeyEnabled) ? Boolean.TRUE : null,
            null);
    }

    /**
     * Checks the customer key a read (or a copy of its source, or a part of an SSE-C upload) presents against
     * the one the object was written with: none for an SSE-C object is 400, another key 403, a key for an
     * object that has none 400.
     */
    static void checkRead(String operation, String what, Encryption stored, CustomerKey customer) {
        if (stored.customer()) {
            if (!customer.present()) {
                throw S3Errors.error("InvalidRequest", S3Messages.customerKeyNeeded(operation, what));
            }
            if (!checkedCustomerKey(operation, customer).equals(stored.customerKeyMd5())) {
                throw S3Errors.error("AccessDenied", S3Messages.otherCustomerKey(operation, what));
            }
        } else if (customer.present()) {
            throw S3Errors.error("InvalidRequest", S3Messages.customerKeyNotApplicable(operation, what));
        }
    }

    /**
     * Checks the customer key a part of upload {@code uploadId} presents: an SSE-C upload's parts must send the
     * key it was created with, and other uploads' parts none.
     */
    static void checkPart(String operation, String uploadId, Encryption upload, CustomerKey customer) {
        if (!upload.customer()) {
            if (customer.present()) {
                throw S3Errors.error("InvalidRequest", S3Messages.customerKeyNotApplicable(operation, "upload " + uploadId));
            }
            return;
        }
        if (!customer.present()) {
            throw S3Errors.error("InvalidRequest", S3Messages.partNeedsCustomerKey(operation, uploadId));
        }
        if (!checkedCustomerKey(operation, customer).equals(upload.customerKeyMd5())) {
            throw S3Errors.error("InvalidArgument", S3Messages.partCustomerKeyMismatch(operation, uploadId));
        }
    }

    /** Sets the encryption headers an answer about an object carries. */
    static void echo(Encryption e, Consumer<ServerSideEncryption> sse, Consumer<String> kmsKeyId,
                     Consumer<Boolean> bucketKeyEnabled, Consumer<String> customerAlgorithm, Consumer<String> customerKeyMd5) {
        echo(e, sse, kmsKeyId, bucketKeyEnabled);
        if (e.customer()) {
            customerAlgorithm.accept(AES256);
            customerKeyMd5.accept(e.customerKeyMd5());
        }
    }

    /** {@link #echo(Encryption, Consumer, Consumer, Consumer, Consumer, Consumer)} for answers without SSE-C fields. */
    static void echo(Encryption e, Consumer<ServerSideEncryption> sse, Consumer<String> kmsKeyId,
                     Consumer<Boolean> bucketKeyEnabled) {
        if (e.sse() != null) {
            sse.accept(e.sse());
        }
        if (e.kmsKeyArn() != null) {
            kmsKeyId.accept(e.kmsKeyArn());
        }
        if (e.bucketKeyEnabled() != null) {
            bucketKeyEnabled.accept(e.bucketKeyEnabled());
        }
    }

    private static boolean isKms(ServerSideEncryption sse) {
        return sse == ServerSideEncryption.AWS_KMS || sse == ServerSideEncryption.AWS_KMS_DSSE;
    }

    private static boolean blocksCustomerKeys(Bucket b) {
        ServerSideEncryptionRule rule = b.encryption.rules().get(0);
        return rule.blockedEncryptionTypes() != null && rule.blockedEncryptionTypes().hasEncryptionType()
            && rule.blockedEncryptionTypes().encryptionType().contains(EncryptionType.SSE_C);
    }

    /**
     * The key ARN S3 answers: the one asked for (a key id or alias made an ARN of the bucket's account and
     * region, as S3 would resolve it), else the account's AWS managed key {@code aws/s3}, whose id is derived
     * from account and region so that it is the same for every object.
     */
    private static String kmsKeyArn(Bucket b, String keyId) {
        String prefix = "arn:aws:kms:" + b.region + ":" + b.ownerAccount + ":";
        if (keyId == null) {
            return prefix + "key/" + UUID.nameUUIDFromBytes(("aws/s3 " + b.ownerAccount + " " + b.region)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (keyId.startsWith("arn:")) {
            return keyId;
        }
        return prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }

    /** The base64 MD5 of a well-formed customer key triple, which is what S3 keeps of the key. */
    private static String checkedCustomerKey(String operation, CustomerKey customer) {
        if (customer.algorithm() == null) {
            throw S3Errors.error("InvalidArgument", S3Messages.customerKeyPart(operation, "a valid encryption algorithm"));
        }
        if (!AES256.equals(customer.algorithm())) {
            throw S3Errors.error("InvalidEncryptionAlgorithmError",
                S3Messages.customerKeyAlgorithm(operation, customer.algorithm()));
        }
        if (customer.key() == null) {
            throw S3Errors.error("InvalidArgument", S3Messages.customerKeyPart(operation, "an appropriate secret key"));
        }
        if (customer.keyMd5() == null) {
            throw S3Errors.error("InvalidArgument",
                S3Messages.customerKeyPart(operation, "the client calculated MD5 of the secret key"));
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(customer.key());
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null || key.length != 32) {
            throw S3Errors.error("InvalidArgument", S3Messages.customerKeyInvalid(operation));
        }
        String md5 = Base64.getEncoder().encodeToString(md5(key));
        if (!md5.equals(customer.keyMd5())) {
            throw S3Errors.error("InvalidArgument", S3Messages.customerKeyMd5Mismatch(operation));
        }
        return md5;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
