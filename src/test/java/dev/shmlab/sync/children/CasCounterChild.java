package dev.shmlab.sync.children;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.WaitStrategy;
import java.time.Duration;

/**
 * Adds 1 to a shared counter many times with compare-and-set, after waiting at a start line so
 * that both processes really run at once. Arguments: segment name, times. Prints
 * {@code done casFailures=N}.
 */
public final class CasCounterChild {
    public static final long COUNTER_OFFSET = 0;
    /** A counted futex word: how many processes reached the start line. */
    public static final long START_LINE_OFFSET = 64;
    public static final int PROCESSES = 2;

    private CasCounterChild() {
    }

    public static void main(String[] args) {
        try (Segment segment = Segments.openPosix(args[0], false)) {
            long casFailures = addOneRepeatedly(segment.memory(), Integer.parseInt(args[1]), Duration.ofSeconds(30));
            System.out.println("done casFailures=" + casFailures);
        }
    }

    /** Waits for {@link #PROCESSES} at the start line, then adds 1 times; returns how many CAS lost a race. */
    public static long addOneRepeatedly(SharedMemory mem, int times, Duration startTimeout) {
        mem.getAndAddInt(START_LINE_OFFSET, 1);
        WaitStrategy.signal(mem, START_LINE_OFFSET);
        if (!WaitStrategy.BACKOFF.awaitInt(mem, START_LINE_OFFSET, n -> n == PROCESSES, startTimeout.toNanos())) {
            throw new IllegalStateException("nobody else reached the start line: timeout=" + startTimeout);
        }
        long casFailures = 0;
        for (int i = 0; i < times; i++) {
            int seen = mem.getIntVolatile(COUNTER_OFFSET);
            while (!mem.compareAndSetInt(COUNTER_OFFSET, seen, seen + 1)) {
                casFailures++;
                seen = mem.getIntVolatile(COUNTER_OFFSET);
            }
        }
        return casFailures;
    }
}
