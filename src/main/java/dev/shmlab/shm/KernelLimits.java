package dev.shmlab.shm;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's limits on shared memory, read from /proc/sys/kernel and /dev/shm, so that sizes are
 * checked before any call and the message can say which limit was hit.
 */
public final class KernelLimits {
    private static final Path SHMMAX = Path.of("/proc/sys/kernel/shmmax");
    private static final Path DEV_SHM = Path.of("/dev/shm");

    private KernelLimits() {
    }

    /** SHMMAX: the largest System V segment, in bytes. */
    public static long sysvMaxSegmentBytes() {
        return readLong(SHMMAX, Long.MAX_VALUE);
    }

    /** What /dev/shm (a tmpfs) can still hold, in bytes: the limit for a new POSIX segment. */
    public static long posixFreeBytes() {
        try {
            return Files.getFileStore(DEV_SHM).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Checks a segment size for a backend: more than 0 and within the kernel limit that applies.
     * {@code what} names the input in the message ({@code "--size"}).
     */
    public static long checkSize(long sizeBytes, Backend backend, String what) {
        if (sizeBytes <= 0) {
            throw new InvalidInputException(what + ": must be more than 0 bytes (got " + sizeBytes + ")");
        }
        switch (backend) {
            case SYSV -> {
                long max = sysvMaxSegmentBytes();
                if (sizeBytes > max) {
                    throw new InvalidInputException(what + ": " + sizeBytes + " bytes is more than the System V limit SHMMAX ("
                            + max + " bytes, /proc/sys/kernel/shmmax); use a smaller size or raise the limit");
                }
            }
            case POSIX -> {
                long free = posixFreeBytes();
                if (sizeBytes > free) {
                    throw new InvalidInputException(what + ": " + sizeBytes + " bytes is more than /dev/shm can hold now ("
                            + free + " bytes free); use a smaller size or free space in /dev/shm");
                }
            }
            case FILE -> {
                // the file system reports ENOSPC/EFBIG itself, with the file's name
            }
        }
        return sizeBytes;
    }

    /**
     * Reads an unsigned decimal such as /proc/sys/kernel/shmmax, whose default (2^64 - 2^24 - 1) is
     * more than a long holds: such values count as {@code Long.MAX_VALUE}.
     */
    private static long readLong(Path path, long fallback) {
        try {
            long value = Long.parseUnsignedLong(ProcFiles.read(path).trim());
            return value < 0 ? Long.MAX_VALUE : value;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }
}
