package io.github.awssim.core.services.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Receives the bytes of one object or part as they stream in: keeps them in memory up to the spill
 * threshold, then in a temporary file, while computing the MD5 (the ETag) and the flexible checksums (the
 * one the object stores, and the one the request claims when it names another). Nothing is visible to
 * readers until the caller commits the {@link #finish() finished} blob; an abandoned writer deletes its file.
 */
final class BlobWriter implements AutoCloseable {
    private static final int COPY_BUFFER = 64 * 1024;

    private final BlobStore store;
    private final long threshold;
    private final MessageDigest md5;
    private final List<Checksums.Running> checksums;
    private byte[] memory = new byte[0];
    private int memoryLength;
    private BlobStore.Spill spill;
    private long size;
    private boolean finished;

    /** @param checksums the flexible checksums to compute as well; the caller reads them when the body has ended */
    BlobWriter(BlobStore store, long threshold, List<Checksums.Running> checksums) {
        this.store = store;
        this.threshold = threshold;
        this.checksums = checksums;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("awssim: this JVM has no MD5, which S3 ETags need", e);
        }
    }

    /** Copies {@code in} to its end; returns the number of bytes copied. */
    long copyFrom(InputStream in) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long n = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            write(buffer, 0, read);
            n += read;
        }
        return n;
    }

    void write(byte[] b, int off, int len) throws IOException {
        md5.update(b, off, len);
        for (Checksums.Running checksum : checksums) {
            checksum.update(b, off, len);
        }
        size += len;
        if (spill == null && memoryLength + (long) len <= threshold) {
            if (memoryLength + len > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.min(threshold, Math.max(memoryLength + len, 2L * memory.length + 1024)));
            }
            System.arraycopy(b, off, memory, memoryLength, len);
            memoryLength += len;
            return;
        }
        if (spill == null) {
            spill = store.newFile();
            spill.out().write(memory, 0, memoryLength);
            memory = null;
        }
        spill.out().write(b, off, len);
    }

    long size() {
        return size;
    }

    byte[] md5() {
        return md5.digest();
    }

    /** The bytes written, as a blob holding one reference (the caller's). */
    Blob finish() throws IOException {
        finished = true;
        if (spill == null) {
            return new Blob.Bytes(memoryLength == memory.length ? memory : Arrays.copyOf(memory, memoryLength));
        }
        OutputStream out = spill.out();
        out.close();
        return new Blob.File(spill.path(), size, store);
    }

    /** Deletes the temporary file of a writer that was not finished (the upload failed or was refused). */
    @Override
    public void close() {
        if (!finished && spill != null) {
            try {
                spill.out().close();
            } catch (IOException e) {
                // The file is deleted next; a failed close changes nothing.
            }
            Path p = spill.path();
            store.delete(p);
        }
    }
}
