package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.WaitStrategy;
import java.util.function.IntPredicate;

/**
 * A wait for another participant, made of bounded slices: between slices the role notices a stop
 * request; after {@link RoleContext#peerTimeout()} in all it fails with a message saying what it
 * waited for. Nothing ever waits for a dead peer forever.
 *
 * <p>Time while the run is paused or paced does not count: the peer is then held back by the
 * person running the lab, not stuck, and a dead peer is still caught by the launcher's heartbeat
 * check.
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
            if (heldByControl(ctx)) {
                start = System.nanoTime();
            } else if (System.nanoTime() - start > ctx.peerTimeout().toNanos()) {
                throw new ShmlabException("waited " + ctx.peerTimeout().toSeconds() + " s for " + what + "; giving up");
            }
        }
    }

    private static boolean heldByControl(RoleContext ctx) {
        ControlBlock control = ctx.lab().control();
        return control.command() == ControlBlock.Command.PAUSE || control.paceNanos() > 0;
    }

    /**
     * Waits until the counted futex word at offset satisfies the condition, spinning briefly, then
     * yielding, then sleeping ({@link WaitStrategy#BACKOFF}).
     */
    public static boolean untilInt(RoleContext ctx, String what, SharedMemory memory, long offset, IntPredicate condition) {
        return until(ctx, what, nanos -> WaitStrategy.BACKOFF.awaitInt(memory, offset, condition, nanos));
    }
}
