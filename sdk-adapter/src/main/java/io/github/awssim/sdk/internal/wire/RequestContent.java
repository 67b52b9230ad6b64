package io.github.awssim.sdk.internal.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The body of one request as the HTTP client received it: bytes already read, or a stream. Codecs of
 * small documents (JSON, XML) read it whole with {@link #bytes()}; a streaming operation (S3 PutObject)
 * takes the {@link #stream()} and reads it as it goes, so a large body is never held in memory.
 * Read once, by one reader.
 */
public final class RequestContent implements AutoCloseable {
    private static final RequestContent EMPTY = new RequestContent(new byte[0], null, 0);

    private byte[] bytes;
    private final InputStream stream;
    private final long declaredLength;

    private RequestContent(byte[] bytes, InputStream stream, long declaredLength) {
        this.bytes = bytes;
        this.stream = stream;
        this.declaredLength = declaredLength;
    }

    public static RequestContent empty() {
        return EMPTY;
    }

    public static RequestContent of(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : new RequestContent(bytes, null, bytes.length);
    }

    /** A body still to be read from {@code in}; {@code declaredLength} is its Content-Length, or -1. */
    public static RequestContent of(InputStream in, long declaredLength) {
        return in == null ? EMPTY : new RequestContent(null, in, declaredLength);
    }

    /** The Content-Length the request declared, or -1. */
    public long declaredLength() {
        return declaredLength;
    }

    /** The whole body; reads the stream on first use (into an array of exactly the declared size when known). */
    public synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = stream) {
                bytes = readAll(in, declaredLength);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    /** The body as a stream: the original one, unread, or the bytes already read. */
    public synchronized InputStream stream() {
        return bytes != null ? new ByteArrayInputStream(bytes) : stream;
    }

    /** Closes the stream without reading the rest (an answer given before the body was read). */
    @Override
    public synchronized void close() {
        if (stream != null && bytes == null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing an abandoned request body cannot change the answer already given.
            }
        }
    }

    /** Reads the whole stream; with a known length, into an array of exactly that size (no 8 KiB chunking). */
    static byte[] readAll(InputStream in, long declared) throws IOException {
        if (declared < 0 || declared > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int n = in.readNBytes(body, 0, body.length);
        if (n < body.length) {
            return Arrays.copyOf(body, n);
        }
        int more = in.read();
        if (more < 0) {
            return body;
        }
        // More bytes than declared: keep everything, as a plain read would.
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 64);
        all.write(body, 0, body.length);
        all.write(more);
        in.transferTo(all);
        return all.toByteArray();
    }
}
