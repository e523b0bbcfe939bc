package dev.shmlab.sync;

import dev.shmlab.InvalidInputException;
import dev.shmlab.shm.SharedMemory;

/** Input checks shared by the synchronisation objects; each runs before any native call. */
final class Checks {
    private Checks() {
    }

    /** A permission mode: only the rwx bits for owner, group and others. */
    static int mode(int mode) {
        if ((mode & ~0777) != 0) {
            throw new InvalidInputException("mode: must be between 0 and 0777 (got 0" + Integer.toOctalString(mode) + ")");
        }
        return mode;
    }

    static int range(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new InvalidInputException(what + ": must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    /**
     * The native address of a {@code what} of lengthBytes placed at offset, after checking that it
     * fits, is aligned and, when the object is written by the native side, that the view is writable
     * (libc writing to a read-only mapping would crash the JVM instead of throwing).
     */
    static long placement(SharedMemory mem, long offset, int lengthBytes, int alignment, boolean writable, String what) {
        if (offset < 0 || offset > mem.sizeBytes() - lengthBytes) {
            throw new InvalidInputException(what + " does not fit: offset=" + offset + ", lengthBytes=" + lengthBytes
                    + ", sizeBytes=" + mem.sizeBytes());
        }
        if (writable && mem.isReadOnly()) {
            throw new InvalidInputException(what + " needs writable memory: offset=" + offset + ", the view is read-only");
        }
        long address = mem.address(offset, lengthBytes);
        if (address % alignment != 0) {
            throw new InvalidInputException("misaligned " + what + ": offset=" + offset + ", alignment=" + alignment);
        }
        return address;
    }

    /** How an object placed in a segment is named in messages: {@code label=queue, offset=64}. */
    static String placed(String label, long offset) {
        return "label=" + label + ", offset=" + offset;
    }
}
