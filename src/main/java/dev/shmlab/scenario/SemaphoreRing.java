package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;

/**
 * Seed 003's producer–consumer: {@code empty} counts free slots, {@code full} counts items, and
 * {@code mutex} guards the {@code in}/{@code out} indexes and the slot between them — all three
 * unnamed process-shared semaphores in the segment's sync records. Consumers first claim an item
 * number, so that each of them knows whether one is still to come before it waits on
 * {@code full}.
 */
final class SemaphoreRing implements BufferRing {
    static final int EMPTY = 0;
    static final int FULL = 1;
    static final int MUTEX = 2;

    private final RoleContext ctx;
    private final SharedMemory data;
    private final RingSlots slots;
    private final long totalItems;
    private final LabSemaphore empty;
    private final LabSemaphore full;
    private final LabSemaphore mutex;

    SemaphoreRing(RoleContext ctx, RingSlots slots, long totalItems) {
        this.ctx = ctx;
        this.data = ctx.data();
        this.slots = slots;
        this.totalItems = totalItems;
        this.empty = new LabSemaphore(ctx, EMPTY);
        this.full = new LabSemaphore(ctx, FULL);
        this.mutex = new LabSemaphore(ctx, MUTEX);
    }

    @Override
    public boolean put(long seq, int producer, long sentNanos) {
        ctx.checkpoint(1);
        if (!empty.acquire()) {
            return false;
        }
        ctx.checkpoint(2);
        if (!mutex.lock()) {
            return false;
        }
        ctx.checkpoint(3);
        int in = data.getInt(BoundedBufferScenario.IN_OFFSET);
        slots.write(in, seq, producer, sentNanos);
        ctx.checkpoint(4);
        data.putInt(BoundedBufferScenario.IN_OFFSET, (in + 1) % slots.count());
        ctx.checkpoint(5);
        mutex.unlock();
        ctx.checkpoint(6);
        full.release();
        return true;
    }

    @Override
    public boolean take(RingSlots.Item into) {
        if (!ctx.checkpoint(0) || data.getAndAddLong(BoundedBufferScenario.CLAIMS_OFFSET, 1) >= totalItems) {
            return false;
        }
        ctx.checkpoint(1);
        if (!full.acquire()) {
            return false;
        }
        ctx.checkpoint(2);
        if (!mutex.lock()) {
            return false;
        }
        ctx.checkpoint(3);
        int out = data.getInt(BoundedBufferScenario.OUT_OFFSET);
        slots.take(out, into);
        ctx.checkpoint(4);
        data.putInt(BoundedBufferScenario.OUT_OFFSET, (out + 1) % slots.count());
        ctx.checkpoint(5);
        mutex.unlock();
        ctx.checkpoint(6);
        empty.release();
        return true;
    }

    @Override
    public int consumeStep() {
        return 7;
    }

    @Override
    public String describe() {
        return "semaphores " + empty.label() + "/" + full.label() + "/" + mutex.label();
    }

    @Override
    public void close() {
        empty.close();
        full.close();
        mutex.close();
    }
}
