package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;
import dev.shmlab.sync.WaitStrategy;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Holds every participant of a run until all have arrived, so that work meant to overlap (a race
 * on a counter, a throughput measurement) starts together instead of staggered by the second or
 * so each process needs to start. The last to arrive records the time and opens the gate.
 *
 * <pre>
 *   0 arrived (int)   8 open (counted futex word: value, sleepers)   16 opened at (long, System.nanoTime)
 * </pre>
 */
final class StartGate {
    /** Bytes the gate takes in the data area (a cache line of its own). */
    static final long LENGTH = 64;
    static final long ARRIVED_OFFSET = 0;
    static final long OPEN_OFFSET = 8;
    static final long OPENED_NANOS_OFFSET = 16;

    /**
     * How long a participant waits at the gate for the others to start. Starting is slow when many
     * JVMs share two vCPUs; a participant that fails to start stops the run long before this.
     */
    static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    private StartGate() {
    }

    /**
     * Arrives at the gate at offset and waits for the other parties; returns the System.nanoTime
     * at which the gate opened, or -1 when the run is stopping.
     */
    static long pass(RoleContext ctx, SharedMemory data, long offset, int parties) {
        FutexWord open = FutexWord.counted(data, offset + OPEN_OFFSET);
        if (data.getAndAddInt(offset + ARRIVED_OFFSET, 1) + 1 == parties) {
            data.putLongRelease(offset + OPENED_NANOS_OFFSET, System.nanoTime());
            // Release: the opening time is visible to whoever sees the gate open.
            open.setRelease(1);
            open.wakeAll();
        } else if (!awaitOpen(ctx, data, offset, open, parties)) {
            return -1;
        }
        return data.getLongAcquire(offset + OPENED_NANOS_OFFSET);
    }

    private static boolean awaitOpen(RoleContext ctx, SharedMemory data, long offset, FutexWord open, int parties) {
        ctx.stats().state(ParticipantState.WAITING);
        long start = System.nanoTime();
        long sliceNanos = ctx.waitSlice().toNanos();
        try {
            while (!WaitStrategy.BACKOFF.awaitInt(open, v -> v != 0, sliceNanos)) {
                if (ctx.stopRequested()) {
                    return false;
                }
                OptionalInt dead = deadPeer(ctx);
                if (dead.isPresent()) {
                    // It will never arrive: whoever is left starts without it (the launcher decides
                    // whether the run goes on without a participant).
                    ctx.out(ctx.lab().participant(dead.getAsInt()).read().map(ParticipantSnapshot::name).orElse("a participant")
                            + " died before the start; starting without it");
                    data.putLongRelease(offset + OPENED_NANOS_OFFSET, System.nanoTime());
                    open.setRelease(1);
                    open.wakeAll();
                    return true;
                }
                if (System.nanoTime() - start > STARTUP_LIMIT.toNanos()) {
                    throw new ShmlabException("waited " + STARTUP_LIMIT.toSeconds() + " s for all " + parties
                            + " participants to start; giving up");
                }
            }
            return true;
        } finally {
            ctx.stats().state(ParticipantState.RUNNING);
        }
    }

    private static OptionalInt deadPeer(RoleContext ctx) {
        for (int i = 0; i < ctx.participantCount(); i++) {
            if (i != ctx.index() && !ctx.peerAlive(i)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
