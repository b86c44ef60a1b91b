package com.srsync.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content all at once, and durably: the content goes to a temporary file beside
 * the target, which is forced to disk, renamed over the target, and then the directory is forced
 * too, so that after a power cut the file holds either its old content or its new one, never
 * nothing. (Without the first force a journalled file system may keep the rename but not the data:
 * an empty cursor or dead letter. Without the second the rename itself may be lost.)
 */
public final class AtomicFile {
    private static final AtomicFile LOCAL = new AtomicFile(new Disk());

    private final Disk disk;

    AtomicFile(Disk disk) {
        this.disk = disk;
    }

    public static void write(Path target, byte[] content) throws IOException {
        LOCAL.replace(target, content);
    }

    /** Deletes a file, if it is there, and forces its directory, so the delete survives a power cut. */
    public static void delete(Path target) throws IOException {
        LOCAL.remove(target);
    }

    void replace(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) out.write(buffer);
            disk.force(temp, out);
        }
        disk.rename(temp, target);
        disk.forceDirectory(dir);
    }

    void remove(Path target) throws IOException {
        if (Files.deleteIfExists(target)) disk.forceDirectory(target.toAbsolutePath().getParent());
    }

    /** The three steps that reach the disk, apart so a test can see that each is taken, in order. */
    static class Disk {
        void force(Path file, FileChannel channel) throws IOException {
            channel.force(true);
        }

        void rename(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /**
         * Forces a directory's entries to disk. Linux and macOS allow opening a directory for reading
         * and forcing it; Windows does not, and there NTFS journals the rename itself.
         */
        void forceDirectory(Path dir) throws IOException {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                if (!System.getProperty("os.name", "").startsWith("Windows")) throw e;
            }
        }
    }
}
