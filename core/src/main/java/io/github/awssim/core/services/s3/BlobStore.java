package io.github.awssim.core.services.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one simulation's large objects live: a directory {@code awssim-s3-*} under {@code java.io.tmpdir},
 * created on the first object above the spill threshold, deleted with everything in it when the
 * simulation closes, and by a shutdown hook for simulations never closed. Files of versions and parts
 * that are gone are deleted as soon as their last reader closes.
 */
final class BlobStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    /** Directories of open simulations, deleted at JVM exit if still there. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(() -> LIVE.forEach(dir -> deleteTree(dir)), "awssim-s3-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already shutting down, or hooks are forbidden: directories are still deleted on close.
        }
    }

    private volatile Path directory;
    private volatile boolean closed;

    /** The storage directory, or null while every object fits in memory. */
    Path directory() {
        return directory;
    }

    private synchronized Path ensureDirectory() throws IOException {
        if (closed) {
            throw new IOException("awssim: the simulation is closed; its S3 storage is gone");
        }
        if (directory == null) {
            directory = Files.createTempDirectory("awssim-s3-");
            LIVE.add(directory);
        }
        return directory;
    }

    /** A new empty temporary file and a stream writing it. */
    Spill newFile() throws IOException {
        Path file;
        synchronized (this) {   // with close(): no file may appear between its listing and its deleting the directory
            file = Files.createTempFile(ensureDirectory(), "blob-", ".bin");
        }
        return new Spill(file, new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
    }

    record Spill(Path path, OutputStream out) {
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Still open elsewhere on a platform that forbids deleting open files: the directory goes at close.
            LOG.debug("awssim: could not delete {} yet", file, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        Path dir = directory;
        if (dir != null && deleteTree(dir)) {
            LIVE.remove(dir);   // else the shutdown hook tries again
        }
    }

    /** True when the directory is gone. */
    private static boolean deleteTree(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("awssim: could not delete the S3 storage directory {}", dir, e);
            return false;
        }
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            LOG.warn("awssim: could not delete the S3 storage directory {}", dir, e);
            return false;
        }
    }

    @Override
    public String toString() {
        return "BlobStore[" + (directory == null ? "in memory" : directory) + "]";
    }
}
