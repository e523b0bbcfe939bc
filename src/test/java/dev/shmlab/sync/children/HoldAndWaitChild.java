package dev.shmlab.sync.children;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.sync.LockOutcome;
import dev.shmlab.sync.RobustMutex;
import dev.shmlab.sync.SysVSemaphoreSet;
import java.time.Duration;

/**
 * Takes a lock, says so, holds it for a while (long enough for the parent to kill it), gives it
 * back and exits. Arguments: hold time in ms, then {@code mutex SEGMENT OFFSET} or
 * {@code sysv-undo KEY}. Prints {@code holding outcome=…}.
 */
public final class HoldAndWaitChild {
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private HoldAndWaitChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        long holdMillis = Long.parseLong(args[0]);
        switch (args[1]) {
            case "mutex" -> {
                try (Segment segment = Segments.openPosix(args[2], false);
                     RobustMutex mutex = RobustMutex.attach(segment.memory(), Long.parseLong(args[3]), "child")) {
                    LockOutcome outcome = mutex.lock(LOCK_TIMEOUT);
                    holdFor(holdMillis, outcome.toString());
                    if (outcome.acquired()) {
                        mutex.unlock();
                    }
                }
            }
            case "sysv-undo" -> {
                SysVSemaphoreSet set = SysVSemaphoreSet.open(Integer.parseInt(args[2]));
                boolean acquired = set.acquire(0, LOCK_TIMEOUT, true);
                holdFor(holdMillis, acquired ? "ACQUIRED" : "TIMED_OUT");
                if (acquired) {
                    set.release(0, true);
                }
            }
            default -> throw new IllegalArgumentException("unknown lock: " + args[1]);
        }
    }

    private static void holdFor(long holdMillis, String outcome) throws InterruptedException {
        System.out.println("holding outcome=" + outcome);
        System.out.flush();
        Thread.sleep(holdMillis);
    }
}
