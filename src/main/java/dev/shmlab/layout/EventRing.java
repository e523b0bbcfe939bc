package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.shm.SharedMemory;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * An overwrite-oldest ring of recent message hops. Any number of writers append without locks
 * (claim a slot with an atomic add on the tail, fill it, publish its sequence with a release
 * store); a reader never blocks a writer and detects laps by sequence.
 */
public final class EventRing {
    private final SharedMemory memory;
    private final int capacity;
    private final int mask;

    EventRing(SharedMemory memory, int capacity) {
        this.memory = memory;
        this.capacity = capacity;
        this.mask = capacity - 1;
    }

    public int capacity() {
        return capacity;
    }

    /** The number of events ever appended. */
    public long tail() {
        return memory.getLongAcquire(EVENTS_TAIL_OFFSET);
    }

    /** Appends one hop. */
    public void append(long timeNanos, long messageSeq, int from, int to, int sizeBytes) {
        long index = memory.getAndAddLong(EVENTS_TAIL_OFFSET, 1);
        long entry = entryOffset(index);
        // Volatile: readers see the slot as unpublished before any field below changes.
        memory.putLongVolatile(entry + E_PUBLISH_SEQ_OFFSET, 0);
        memory.putLong(entry + E_TIME_NANOS_OFFSET, timeNanos);
        memory.putLong(entry + E_MESSAGE_SEQ_OFFSET, messageSeq);
        memory.putShort(entry + E_FROM_OFFSET, (short) from);
        memory.putShort(entry + E_TO_OFFSET, (short) to);
        memory.putInt(entry + E_SIZE_OFFSET, sizeBytes);
        // Release: the fields above are visible before the slot's sequence says index+1.
        memory.putLongRelease(entry + E_PUBLISH_SEQ_OFFSET, index + 1);
    }

    /**
     * Reads the events from {@code from} (an index, not a slot) up to the tail into {@code sink},
     * at most {@code max} of them. Returns the index to continue from; events overwritten before
     * they could be read are skipped (the caller sees the gap as {@code returned - from - read}).
     */
    public long readFrom(long from, int max, List<MessageEvent> sink) {
        long tail = tail();
        long next = Math.max(from, tail - capacity);
        int read = 0;
        while (next < tail && read < max) {
            long entry = entryOffset(next);
            long seq = memory.getLongAcquire(entry + E_PUBLISH_SEQ_OFFSET);
            if (seq != next + 1) {
                if (seq > next + 1) {
                    next = Math.max(next + 1, tail() - capacity);
                    continue;
                }
                break;
            }
            MessageEvent event = new MessageEvent(next, memory.getLong(entry + E_TIME_NANOS_OFFSET),
                    memory.getLong(entry + E_MESSAGE_SEQ_OFFSET), memory.getShort(entry + E_FROM_OFFSET),
                    memory.getShort(entry + E_TO_OFFSET), memory.getInt(entry + E_SIZE_OFFSET));
            // The field loads complete before the sequence is checked again.
            VarHandle.loadLoadFence();
            if (memory.getLongVolatile(entry + E_PUBLISH_SEQ_OFFSET) != seq) {
                next = Math.max(next + 1, tail() - capacity);
                continue;
            }
            sink.add(event);
            read++;
            next++;
        }
        return next;
    }

    private long entryOffset(long index) {
        return EVENTS_HEADER_LENGTH + (index & mask) * (long) EVENT_LENGTH;
    }
}
