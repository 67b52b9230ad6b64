package io.github.awssim.sdk.internal.wire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import io.github.awssim.core.internal.Crc64Nvme;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * Decodes an {@code aws-chunked} request body as S3 receives it from the SDK: hex chunk sizes with or
 * without {@code ;chunk-signature=} extensions, the data, and after the last (empty) chunk the trailing
 * headers ({@code x-amz-checksum-crc32:…}, {@code x-amz-trailer-signature:…}). Chunk signatures are not
 * verified (awssim accepts any credentials). The checksum the request's {@code x-amz-trailer} header
 * announces (CRC32, CRC32C, CRC64NVME, SHA1, SHA256) is computed over the decoded bytes and checked
 * against the trailer when it arrives; the decoded length is checked against
 * {@code x-amz-decoded-content-length}. A failure is raised from {@code read}, as the exception the
 * service answers ({@code BadDigest}, {@code IncompleteBody}, {@code InvalidChunkSizeError}), so the
 * operation reading the body stops and commits nothing.
 */
public final class AwsChunkedInputStream extends InputStream {
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final String trailerName;
    private final SdkChecksum checksum;
    private final long decodedLength;
    private final BiFunction<String, String, RuntimeException> errors;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private long chunkLeft;
    private long decoded;
    private boolean done;

    /**
     * @param in the raw body
     * @param trailerHeader the request's {@code x-amz-trailer} header, or null
     * @param decodedLength the request's {@code x-amz-decoded-content-length}, or -1
     * @param errors builds the service's exception from (error code, message)
     */
    public AwsChunkedInputStream(InputStream in, String trailerHeader, long decodedLength,
                                 BiFunction<String, String, RuntimeException> errors) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.decodedLength = decodedLength;
        this.errors = errors;
        String name = null;
        SdkChecksum sum = null;
        if (trailerHeader != null) {
            for (String t : trailerHeader.split(",")) {
                String n = t.trim().toLowerCase(Locale.ROOT);
                if (n.startsWith("x-amz-checksum-")) {
                    ChecksumAlgorithm algorithm = DefaultChecksumAlgorithm.fromValue(n.substring("x-amz-checksum-".length()));
                    if (algorithm != null) {
                        name = n;
                        sum = algorithm == DefaultChecksumAlgorithm.CRC64NVME ? new Crc64() : SdkChecksum.forAlgorithm(algorithm);
                    }
                }
            }
        }
        this.trailerName = name;
        this.checksum = sum;
    }

    /** The trailing headers, once the body has been read to its end. */
    public Map<String, String> trailers() {
        return trailers;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (chunkLeft == 0) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = in.read(b, off, (int) Math.min(len, chunkLeft));
        if (n < 0) {
            throw errors.apply("IncompleteBody", "The request body ended inside an aws-chunked chunk: "
                + chunkLeft + " bytes of it are missing.");
        }
        chunkLeft -= n;
        decoded += n;
        if (checksum != null) {
            checksum.update(b, off, n);
        }
        if (chunkLeft == 0) {
            expectLineEnd();
        }
        return n;
    }

    private void nextChunk() throws IOException {
        String header = readLine();
        if (header == null) {
            throw errors.apply("IncompleteBody", "The aws-chunked request body ended before its final zero-length chunk.");
        }
        int semi = header.indexOf(';');
        String hex = (semi < 0 ? header : header.substring(0, semi)).trim();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw errors.apply("InvalidChunkSizeError", "The aws-chunked chunk header '" + abbreviate(header)
                + "' does not start with a hexadecimal size.");
        }
        if (size < 0) {
            throw errors.apply("InvalidChunkSizeError", "The aws-chunked chunk size " + hex + " is negative.");
        }
        if (size > 0) {
            chunkLeft = size;
            return;
        }
        readTrailers();
        done = true;
        verify();
    }

    private void readTrailers() throws IOException {
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    private void verify() {
        if (decodedLength >= 0 && decoded != decodedLength) {
            throw errors.apply("IncompleteBody", "The aws-chunked body decodes to " + decoded
                + " bytes but x-amz-decoded-content-length says " + decodedLength + ".");
        }
        if (checksum == null) {
            return;
        }
        String sent = trailers.get(trailerName);
        if (sent == null) {
            throw errors.apply("InvalidRequest", "x-amz-trailer announces " + trailerName
                + " but the body's trailers do not carry it.");
        }
        String computed = Base64.getEncoder().encodeToString(checksum.getChecksumBytes());
        if (!computed.equals(sent)) {
            String algorithm = trailerName.substring("x-amz-checksum-".length()).toUpperCase(Locale.ROOT);
            throw errors.apply("BadDigest", "The " + algorithm + " you specified did not match the calculated checksum "
                + "(trailer " + trailerName + ": " + sent + ", computed over the " + decoded + " bytes received: " + computed + ").");
        }
    }

    private void expectLineEnd() throws IOException {
        int cr = in.read();
        int lf = cr == '\r' ? in.read() : cr;
        if (lf != '\n') {
            throw errors.apply("IncompleteBody", "An aws-chunked chunk is not followed by CRLF: its size does not match its data.");
        }
    }

    /** One CRLF-terminated line, without the CRLF; null at the end of the stream. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw errors.apply("InvalidChunkSizeError", "An aws-chunked header line is longer than " + MAX_LINE + " bytes.");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static String abbreviate(String s) {
        String printable = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** CRC64NVME without aws-crt, which the SDK's own implementation needs. */
    private static final class Crc64 implements SdkChecksum {
        private final Crc64Nvme crc = new Crc64Nvme();

        @Override
        public byte[] getChecksumBytes() {
            return crc.bytes();
        }

        @Override
        public void mark(int readLimit) {
            throw new UnsupportedOperationException("mark");
        }

        @Override
        public void update(int b) {
            crc.update(b);
        }

        @Override
        public void update(byte[] b, int off, int len) {
            crc.update(b, off, len);
        }

        @Override
        public long getValue() {
            return crc.getValue();
        }

        @Override
        public void reset() {
            crc.reset();
        }
    }
}
