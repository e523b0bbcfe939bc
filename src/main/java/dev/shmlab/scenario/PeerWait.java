package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.WaitStrategy;
import java.util.function.IntPredicate;

/**
 * A wait for another participant, made of bounded slices: between slices the role notices a stop
 * request; after {@link RoleContext#peerTimeout()} in all it fails with a message saying what it
 * waited for. Nothing ever waits for a dead peer forever.
 */
public final class PeerWait {
    /** One bounded attempt: true when the condition was met within timeoutNanos. */
    @FunctionalInterface
    public interface Slice {
        boolean await(long timeoutNanos);
    }

    private PeerWait() {
    }

    /** Waits slice by slice; false when the run is stopping, an exception after the peer timeout. */
    public static boolean until(RoleContext ctx, String what, Slice slice) {
        long start = System.nanoTime();
        long sliceNanos = ctx.waitSlice().toNanos();
        while (true) {
            if (slice.await(sliceNanos)) {
                return true;
            }
            if (ctx.stopRequested()) {
                return false;
            }
            if (System.nanoTime() - start > ctx.peerTimeout().toNanos()) {
                throw new ShmlabException("waited " + ctx.peerTimeout().toSeconds() + " s for " + what + "; giving up");
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
