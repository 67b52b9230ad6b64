package io.github.awssim.core.services.s3;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import io.github.awssim.core.internal.Crc64Nvme;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * S3's flexible checksums: computing them (through the SDK's own implementations, so the values match
 * what the client computes), composite checksums of multipart objects ({@code base64(H(H1‖…‖Hn))-n}),
 * and full-object CRCs of multipart objects combined from the parts' CRCs without reading the data again.
 */
final class Checksums {
    private Checksums() {
    }

    /** A running checksum of {@code algorithm}: the SDK's own, except CRC64NVME (the SDK's needs aws-crt). */
    static Running newChecksum(ChecksumAlgorithm algorithm) {
        if (algorithm == ChecksumAlgorithm.CRC64_NVME) {
            Crc64Nvme crc = new Crc64Nvme();
            return new Running() {
                @Override
                public void update(byte[] b, int off, int len) {
                    crc.update(b, off, len);
                }

                @Override
                public byte[] getChecksumBytes() {
                    return crc.bytes();
                }
            };
        }
        SdkChecksum sum = SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.fromValue(algorithm.toString()));
        return new Running() {
            @Override
            public void update(byte[] b, int off, int len) {
                sum.update(b, off, len);
            }

            @Override
            public byte[] getChecksumBytes() {
                return sum.getChecksumBytes();
            }
        };
    }

    /** A checksum being computed over bytes as they stream by. */
    interface Running {
        void update(byte[] b, int off, int len);

        byte[] getChecksumBytes();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes a base64 checksum value; null when it is not base64 of the algorithm's size. */
    static byte[] decode(ChecksumAlgorithm algorithm, String value) {
        try {
            byte[] b = Base64.getDecoder().decode(value);
            return b.length == size(algorithm) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static int size(ChecksumAlgorithm algorithm) {
        switch (algorithm) {
            case CRC32:
            case CRC32_C:
                return 4;
            case CRC64_NVME:
                return 8;
            case SHA1:
                return 20;
            case SHA256:
                return 32;
            default:
                return -1;
        }
    }

    static boolean isCrc(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC32 || algorithm == ChecksumAlgorithm.CRC32_C
            || algorithm == ChecksumAlgorithm.CRC64_NVME;
    }

    /** The checksum of the parts' checksums, and the part count: S3's COMPOSITE multipart checksum. */
    static String composite(ChecksumAlgorithm algorithm, List<byte[]> partChecksums) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] c : partChecksums) {
            all.write(c, 0, c.length);
        }
        Running sum = newChecksum(algorithm);
        byte[] bytes = all.toByteArray();
        sum.update(bytes, 0, bytes.length);
        return base64(sum.getChecksumBytes()) + "-" + partChecksums.size();
    }

    /** The MD5 of the parts' MD5s, and the part count: a multipart object's ETag (without quotes). */
    static String multipartEtag(List<byte[]> partMd5s) {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            for (byte[] m : partMd5s) {
                md5.update(m);
            }
            return hex(md5.digest()) + "-" + partMd5s.size();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return b.toString();
    }

    /**
     * The CRC of {@code A‖B} from {@code crc(A)}, {@code crc(B)} and {@code |B|}: the zlib combination over
     * GF(2), for the reflected CRCs S3 uses (CRC32, CRC32C, CRC64NVME).
     */
    static byte[] combine(ChecksumAlgorithm algorithm, byte[] crcA, byte[] crcB, long lengthB) {
        int width = size(algorithm) * 8;
        long poly = polynomial(algorithm);
        long a = toLong(crcA);
        long b = toLong(crcB);
        if (lengthB == 0) {
            return crcA.clone();
        }
        long[] odd = new long[width];
        long[] even = new long[width];
        odd[0] = poly;
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd, width);   // two zero bits
        square(odd, even, width);   // four zero bits
        long len = lengthB;
        do {
            square(even, odd, width);
            if ((len & 1) != 0) {
                a = times(even, a);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even, width);
            if ((len & 1) != 0) {
                a = times(odd, a);
            }
            len >>>= 1;
        } while (len != 0);
        return toBytes(a ^ b, width / 8);
    }

    private static long polynomial(ChecksumAlgorithm algorithm) {
        switch (algorithm) {
            case CRC32:
                return 0xEDB88320L;
            case CRC32_C:
                return 0x82F63B78L;
            case CRC64_NVME:
                return 0x9A6C9329AC4BC9B5L;
            default:
                throw new IllegalArgumentException(algorithm + " is not a CRC");
        }
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        int i = 0;
        while (vector != 0) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
            vector >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix, int width) {
        for (int n = 0; n < width; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }

    private static long toLong(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }

    private static byte[] toBytes(long v, int n) {
        byte[] b = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
