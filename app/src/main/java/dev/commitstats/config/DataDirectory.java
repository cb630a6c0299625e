package dev.commitstats.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder that holds everything a Commit Stats instance keeps on disk. It is created readable by its owner only,
 * because it holds the database and, later, the encryption keyset.
 */
public final class DataDirectory {

    static final String SERVER_LOCK = "server.lock";

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    /** Opens the folder, creating it (mode 700) when missing. */
    public static DataDirectory open(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(dir)) {
                return new DataDirectory(dir);
            }
            if (Files.exists(dir)) {
                throw new DataDirectoryException("the data directory " + dir + " exists but is not a folder");
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another thread or process created it between the check and here: use it if it is a folder
                    if (!Files.isDirectory(dir)) {
                        throw new DataDirectoryException("the data directory " + dir + " exists but is not a folder");
                    }
                }
            } else {
                Files.createDirectories(dir);
            }
            return new DataDirectory(dir);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot create the data directory " + dir + ": " + e, e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Takes the server lock, so that a second server on the same data directory stops at once instead of sharing the
     * embedded database and the mirrors. The lock lasts until {@link ServerLock#close()} or the end of the process.
     *
     * @throws DataDirectoryException when another process holds it
     */
    public ServerLock lockForServer() {
        Path lockFile = path.resolve(SERVER_LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new DataDirectoryException("the data directory " + path + " is locked: another Commit Stats server"
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " is using it. Stop that server, or start this one with another --data-dir.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new ServerLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataDirectoryException("cannot lock the data directory " + path + ": " + e, e);
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            channel.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** A held server lock. */
    public static final class ServerLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private ServerLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it too
            }
            closeQuietly(channel);
        }
    }

    /** A data directory that cannot be created, read or locked; the message is meant for the user. */
    public static final class DataDirectoryException extends RuntimeException {
        public DataDirectoryException(String message) {
            super(message);
        }

        public DataDirectoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
