package io.github.awssim.core.services.s3;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The immutable bytes of an object version or an uploaded part: in memory when small, in a temporary file
 * when large, a slice of another blob (UploadPartCopy), or a concatenation of part blobs (a completed
 * multipart upload, which copies nothing). Reference-counted: each version, part or reader holding a blob
 * holds one reference; the last release deletes its file. A reader {@link #retain()}s before it opens, so
 * an overwrite that releases the old version's blob never pulls bytes from under a reader.
 */
abstract class Blob {
    private final AtomicInteger refs = new AtomicInteger(1);

    abstract long length();

    /** The bytes in {@code [from, to)}; the caller holds a reference for as long as the stream is open. */
    abstract InputStream open(long from, long to) throws IOException;

    /** Takes a reference; false when the blob is already gone (re-read the version and try again). */
    final boolean retain() {
        int n;
        do {
            n = refs.get();
            if (n <= 0) {
                return false;
            }
        } while (!refs.compareAndSet(n, n + 1));
        return true;
    }

    final void release() {
        if (refs.decrementAndGet() == 0) {
            dispose();
        }
    }

    /** Frees what the blob holds (its file, its parts); called once, by the last release. */
    abstract void dispose();

    /** A stream of {@code [from, to)} that releases one reference when closed; the reference must be taken already. */
    final InputStream openRetained(long from, long to) throws IOException {
        InputStream in;
        try {
            in = open(from, to);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
        return new FilterInputStream(in) {
            // the SDK's abort (a timeout thread) and the reader's close may race: release exactly once
            private final AtomicBoolean closed = new AtomicBoolean();

            @Override
            public void close() throws IOException {
                if (closed.compareAndSet(false, true)) {
                    try {
                        super.close();
                    } finally {
                        release();
                    }
                }
            }
        };
    }

    /** Bytes held in the heap: objects up to the spill threshold. */
    static final class Bytes extends Blob {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        long length() {
            return bytes.length;
        }

        @Override
        InputStream open(long from, long to) {
            return new ByteArrayInputStream(bytes, (int) from, (int) (to - from));
        }

        @Override
        void dispose() {
            // The heap reclaims it.
        }
    }

    /** Bytes in a temporary file of the simulation's storage directory, deleted with the last reference. */
    static final class File extends Blob {
        private final Path path;
        private final long length;
        private final BlobStore store;

        File(Path path, long length, BlobStore store) {
            this.path = path;
            this.length = length;
            this.store = store;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        InputStream open(long from, long to) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            channel.position(from);
            return new BoundedInputStream(Channels.newInputStream(channel), to - from);
        }

        @Override
        void dispose() {
            store.delete(path);
        }
    }

    /** A range of another blob: the part UploadPartCopy makes of a source object, without copying it. */
    static final class Slice extends Blob {
        private final Blob parent;
        private final long offset;
        private final long length;

        /** Takes over one reference of {@code parent}, which the caller has retained for it. */
        Slice(Blob parent, long offset, long length) {
            this.parent = parent;
            this.offset = offset;
            this.length = length;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        InputStream open(long from, long to) throws IOException {
            return parent.open(offset + from, offset + to);
        }

        @Override
        void dispose() {
            parent.release();
        }
    }

    /** The parts of a completed multipart upload, in order, read one after another. */
    static final class Concat extends Blob {
        private final List<Blob> parts;
        private final long[] starts;
        private final long length;

        /** Takes over one reference of each part, which the caller has retained for it. */
        Concat(List<Blob> parts) {
            this.parts = List.copyOf(parts);
            this.starts = new long[parts.size()];
            long at = 0;
            for (int i = 0; i < parts.size(); i++) {
                starts[i] = at;
                at += parts.get(i).length();
            }
            this.length = at;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        InputStream open(long from, long to) {
            Iterator<InputStream> pieces = new Iterator<>() {
                private int i = first(from);

                @Override
                public boolean hasNext() {
                    return i < parts.size() && starts[i] < to;
                }

                @Override
                public InputStream next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Blob part = parts.get(i);
                    long begin = Math.max(from, starts[i]) - starts[i];
                    long end = Math.min(to, starts[i] + part.length()) - starts[i];
                    i++;
                    try {
                        return part.open(begin, end);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
                @Override
                public boolean hasMoreElements() {
                    return pieces.hasNext();
                }

                @Override
                public InputStream nextElement() {
                    return pieces.next();
                }
            });
        }

        private int first(long from) {
            int i = 0;
            while (i + 1 < parts.size() && starts[i + 1] <= from) {
                i++;
            }
            return i;
        }

        @Override
        void dispose() {
            parts.forEach(Blob::release);
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
