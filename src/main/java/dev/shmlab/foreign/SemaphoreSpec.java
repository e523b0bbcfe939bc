package dev.shmlab.foreign;

import dev.shmlab.InvalidInputException;
import dev.shmlab.sync.NamedSemaphore;

/**
 * A semaphore a layout asks to watch beside the segment: a POSIX named semaphore, or one member of
 * a System V semaphore set found by key or ftok. shmlab only reads its value; it never waits on it
 * or posts it.
 */
public sealed interface SemaphoreSpec {
    /** The name shown beside the value, e.g. {@code semName}. */
    String label();

    /** Where it is: {@code /semName}, {@code sysv key 0x… #0}. */
    String display();

    /** A POSIX named semaphore ({@code sem_open}), kept by glibc as {@code /dev/shm/sem.NAME}. */
    record Named(String label, String name) implements SemaphoreSpec {
        public Named {
            NamedSemaphore.checkName(name);
        }

        @Override
        public String display() {
            return name;
        }
    }

    /** Semaphore {@code index} of the System V set whose key {@code key} gives. */
    record SysV(String label, SegmentLocation key, int index) implements SemaphoreSpec {
        public SysV {
            if (!(key instanceof SegmentLocation.SysVKey) && !(key instanceof SegmentLocation.Ftok)) {
                throw new IllegalArgumentException("a System V semaphore set is found by key or ftok, not " + key.display());
            }
            if (index < 0) {
                throw new InvalidInputException("\"index\" must be 0 or more (got " + index + ")");
            }
        }

        @Override
        public String display() {
            return key.display() + " #" + index;
        }
    }

    /**
     * Parses {@code LABEL=/NAME} (POSIX named) or {@code LABEL=sysv:KEY[,INDEX]} (System V), as given
     * to {@code inspect --semaphore}.
     */
    static SemaphoreSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidInputException("--semaphore: expected LABEL=/NAME or LABEL=sysv:KEY[,INDEX] (got \"" + text + "\")");
        }
        String label = text.substring(0, eq);
        String where = text.substring(eq + 1);
        if (where.startsWith("/")) {
            return new Named(label, where);
        }
        if (!where.startsWith("sysv:")) {
            throw new InvalidInputException("--semaphore " + label + ": expected /NAME or sysv:KEY[,INDEX] (got \"" + where + "\")");
        }
        String[] parts = where.substring(5).split(",", 2);
        int index;
        try {
            index = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--semaphore " + label + ": the index after ',' must be a number (got \"" + parts[1] + "\")");
        }
        return new SysV(label, new SegmentLocation.SysVKey(SegmentLocation.parseKey(parts[0], "--semaphore " + label)), index);
    }
}
