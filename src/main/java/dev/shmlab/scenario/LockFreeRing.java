package dev.shmlab.scenario;

import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;
import dev.shmlab.sync.WaitStrategy;

/**
 * Vyukov's bounded multi-producer, multi-consumer queue: every slot has a sequence word. Slot
 * {@code pos % N} is free for the producer at position pos when its sequence reads pos, and holds
 * that item for the consumer when it reads pos + 1; the consumer leaves pos + N for the next lap.
 * A producer (consumer) claims a position with a compare-and-set on {@code tail} ({@code head})
 * only once the slot is ready, so a process descheduled on this 2-vCPU machine seldom holds up
 * the others — unlike a ticket ring, where every ticket handed out is a promise its holder must
 * keep before the ring can lap. Consumers first claim an item number, as with the semaphores.
 *
 * <p>Waiting for a full ring to drain or an empty one to fill spins briefly, yields, then sleeps
 * on the slot's sequence word with FUTEX_WAIT ({@link WaitStrategy#BACKOFF}); whoever changes the
 * word makes the FUTEX_WAKE syscall only when someone sleeps there. Sequences are 32-bit and
 * compared by difference, so they may wrap.
 */
final class LockFreeRing implements BufferRing {
    private final RoleContext ctx;
    private final SharedMemory data;
    private final RingSlots slots;
    private final long totalItems;
    private final FutexWord[] sequences;
    private final ParticipantPublisher stats;

    LockFreeRing(RoleContext ctx, RingSlots slots, long totalItems) {
        this.ctx = ctx;
        this.data = ctx.data();
        this.slots = slots;
        this.totalItems = totalItems;
        this.stats = ctx.stats();
        this.sequences = new FutexWord[slots.count()];
        for (int s = 0; s < sequences.length; s++) {
            sequences[s] = slots.sequence(s);
        }
    }

    /** Gives every slot its first sequence (its index): run once before anyone uses the ring. */
    static void initialize(RingSlots slots) {
        for (int s = 0; s < slots.count(); s++) {
            slots.sequence(s).setRelease(s);
        }
    }

    @Override
    public boolean put(long seq, int producer, long sentNanos) {
        long pos = claim(BoundedBufferScenario.IN_OFFSET, 0, "a free slot in the ring");
        if (pos < 0) {
            return false;
        }
        int slot = (int) (pos % sequences.length);
        ctx.checkpoint(4);
        slots.write(slot, seq, producer, sentNanos);
        ctx.checkpoint(5);
        publish(slot, (int) pos + 1);
        return true;
    }

    @Override
    public boolean take(RingSlots.Item into) {
        if (!ctx.checkpoint(0) || data.getAndAddLong(BoundedBufferScenario.CLAIMS_OFFSET, 1) >= totalItems) {
            return false;
        }
        long pos = claim(BoundedBufferScenario.OUT_OFFSET, 1, "an item in the ring");
        if (pos < 0) {
            return false;
        }
        int slot = (int) (pos % sequences.length);
        ctx.checkpoint(4);
        slots.take(slot, into);
        ctx.checkpoint(5);
        publish(slot, (int) pos + sequences.length);
        return true;
    }

    /**
     * Claims the next position of the tail or head at offset whose slot sequence reads pos + lag
     * (0: free, 1: full); waits while the ring is full or empty. Returns -1 when the run is stopping.
     */
    private long claim(long offset, int lag, String what) {
        while (true) {
            ctx.checkpoint(1);
            long pos = data.getLongVolatile(offset);
            FutexWord word = sequences[(int) (pos % sequences.length)];
            int observed = word.getAcquire();
            int ahead = observed - ((int) pos + lag);
            if (ahead < 0) {
                ctx.checkpoint(2);
                if (!awaitChange(word, observed, what)) {
                    return -1;
                }
            } else if (ahead == 0) {
                ctx.checkpoint(3);
                if (data.compareAndSetLong(offset, pos, pos + 1)) {
                    return pos;
                }
            }
        }
    }

    /** Store-release of the slot's next sequence (the item stores before it are visible first), then a wake if anyone sleeps. */
    private void publish(int slot, int nextSequence) {
        sequences[slot].setRelease(nextSequence);
        sequences[slot].wakeAll();
    }

    private boolean awaitChange(FutexWord word, int observed, String what) {
        stats.state(ParticipantState.WAITING);
        long start = System.nanoTime();
        boolean changed = PeerWait.until(ctx, what, nanos -> WaitStrategy.BACKOFF.awaitInt(word, v -> v != observed, nanos));
        stats.waitNanos += System.nanoTime() - start;
        stats.state(ParticipantState.RUNNING);
        return changed;
    }

    @Override
    public int consumeStep() {
        return 6;
    }

    @Override
    public String describe() {
        return "a lock-free ring with spin-then-futex waiting";
    }

    @Override
    public void close() {
        // nothing opened: the sequence words live in the data area
    }
}
