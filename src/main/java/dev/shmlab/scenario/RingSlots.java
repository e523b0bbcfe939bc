package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;

/**
 * The bounded buffer's slots in the data area, one cache line each, so producers and consumers
 * working on neighbouring slots never share a line. A slot's producer field says what the window
 * draws: 0 for an empty slot, otherwise the number of the producer whose item it holds; it is
 * written after the item and cleared after the item was read.
 *
 * <pre>
 *   0 sequence (int; counted futex word, sleepers at 4; the lock-free ring only)
 *   8 sequence (long)   16 producer (int, 1-based; 0 = empty)   20 checksum (int)
 *  24 produced at (long, System.nanoTime)                       64 (next slot)
 * </pre>
 */
final class RingSlots {
    static final long SLOT_LENGTH = 64;
    static final long SEQUENCE_OFFSET = 0;
    static final long SEQ_OFFSET = 8;
    static final long PRODUCER_OFFSET = 16;
    static final long CHECKSUM_OFFSET = 20;
    static final long SENT_NANOS_OFFSET = 24;
    /** The bytes of one item: sequence, producer, checksum and production time. */
    static final int ITEM_BYTES = 24;

    /** One item as a consumer took it out of a slot. */
    static final class Item {
        int slot;
        long seq;
        int producer;
        int checksum;
        long sentNanos;

        /** Whether the checksum matches the other fields. */
        boolean intact() {
            return checksum == checksum(seq, producer, sentNanos);
        }
    }

    private final SharedMemory data;
    private final long offset;
    private final int count;

    RingSlots(SharedMemory data, long offset, int count) {
        this.data = data;
        this.offset = offset;
        this.count = count;
    }

    int count() {
        return count;
    }

    /** The checksum an item carries: its header hash mixed with its production time. */
    static int checksum(long seq, int producer, long sentNanos) {
        long h = Checksums.mix(Checksums.header(seq, producer, 0, ITEM_BYTES), sentNanos);
        return (int) (h ^ (h >>> 32));
    }

    /** Stores an item; the producer field last, so that a slot shown full holds a whole item. */
    void write(int slot, long seq, int producer, long sentNanos) {
        long base = offset + SLOT_LENGTH * slot;
        data.putLong(base + SEQ_OFFSET, seq);
        data.putInt(base + CHECKSUM_OFFSET, checksum(seq, producer, sentNanos));
        data.putLong(base + SENT_NANOS_OFFSET, sentNanos);
        data.putInt(base + PRODUCER_OFFSET, producer);
    }

    /** Copies the item out of a slot and marks the slot empty. */
    void take(int slot, Item into) {
        long base = offset + SLOT_LENGTH * slot;
        into.slot = slot;
        into.seq = data.getLong(base + SEQ_OFFSET);
        into.producer = data.getInt(base + PRODUCER_OFFSET);
        into.checksum = data.getInt(base + CHECKSUM_OFFSET);
        into.sentNanos = data.getLong(base + SENT_NANOS_OFFSET);
        data.putInt(base + PRODUCER_OFFSET, 0);
    }

    /** The sequence word of a slot (the lock-free ring's futex). */
    FutexWord sequence(int slot) {
        return FutexWord.counted(data, offset + SLOT_LENGTH * slot + SEQUENCE_OFFSET);
    }
}
