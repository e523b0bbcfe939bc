package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.WaitStrategy;
import java.util.function.IntPredicate;

/**
 * A wait for another participant, made of bounded slices: between slices the role notices a stop
 * request. Each {@link RoleContext#peerTimeout()} without success it says on its output what it is
 * waiting for (a peer stopped with SIGSTOP, or a semaphore left at 0 by a dead holder, shows up
 * this way), and after {@value #GIVE_UP_AFTER_TIMEOUTS} of them it fails. Time spent while the
 * run is paused does not count. A dead peer is found sooner by the launcher, which stops the run.
 */
public final class PeerWait {
    /** One bounded attempt: true when the condition was met within timeoutNanos. */
    @FunctionalInterface
    public interface Slice {
        boolean await(long timeoutNanos);
    }

    /** Timeouts reported before the wait fails. */
    static final int GIVE_UP_AFTER_TIMEOUTS = 6;

    private PeerWait() {
    }

    /** Waits slice by slice; false when the run is stopping, an exception after the last timeout. */
    public static boolean until(RoleContext ctx, String what, Slice slice) {
        long sliceNanos = ctx.waitSlice().toNanos();
        long waitedNanos = 0;
        int timeouts = 0;
        while (true) {
            long before = System.nanoTime();
            if (slice.await(sliceNanos)) {
                return true;
            }
            if (ctx.stopRequested()) {
                return false;
            }
            if (!ctx.runPaused()) {
                waitedNanos += System.nanoTime() - before;
            }
            if (waitedNanos > (timeouts + 1) * ctx.peerTimeout().toNanos()) {
                timeouts++;
                long seconds = waitedNanos / 1_000_000_000L;
                if (timeouts >= GIVE_UP_AFTER_TIMEOUTS) {
                    throw new ShmlabException("waited " + seconds + " s for " + what + "; giving up");
                }
                ctx.out("timed out after " + seconds + " s waiting for " + what + "; still waiting");
            }
        }
    }

    /**
     * Waits until the counted futex word at offset satisfies the condition, spinning briefly, then
     * yielding, then sleeping ({@link WaitStrategy#BACKOFF}).
     */
    public static boolean untilInt(RoleContext ctx, String what, SharedMemory memory, long offset, IntPredicate condition) {
        return until(ctx, what, nanos -> WaitStrategy.BACKOFF.awaitInt(memory, offset, condition, nanos));
    }
}
