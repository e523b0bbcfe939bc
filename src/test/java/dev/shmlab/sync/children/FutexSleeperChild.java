package dev.shmlab.sync.children;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;

/**
 * Sleeps on a counted futex word while it holds 0. Arguments: segment name, timeout in ms. Prints
 * {@code woke=true|false sinceStoreMicros=N}: how long after the parent's store (its
 * {@code System.nanoTime()} at {@link #STORED_AT_OFFSET}; CLOCK_MONOTONIC is system-wide) it ran.
 */
public final class FutexSleeperChild {
    /** The counted futex word. */
    public static final long WORD_OFFSET = 0;
    /** The parent's System.nanoTime() just before it changed the word. */
    public static final long STORED_AT_OFFSET = 8;

    private FutexSleeperChild() {
    }

    public static void main(String[] args) {
        try (Segment segment = Segments.openPosix(args[0], false)) {
            SharedMemory mem = segment.memory();
            // Links the futex syscall now, so the sleep below enters the kernel as soon as it is counted.
            FutexWord.plain(mem, WORD_OFFSET).wakeAll();
            boolean woke = FutexWord.counted(mem, WORD_OFFSET).waitWhile(0, Long.parseLong(args[1]) * 1_000_000L);
            long sinceStoreNanos = System.nanoTime() - mem.getLongAcquire(STORED_AT_OFFSET);
            System.out.println("woke=" + woke + " sinceStoreMicros=" + sinceStoreNanos / 1000);
        }
    }
}
