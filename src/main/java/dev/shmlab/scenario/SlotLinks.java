package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.MemorySegment;

/** The two ways shared memory moves messages through one slot: echo (latency) and hand-off (the seed's stream). */
final class SlotLinks {
    private SlotLinks() {
    }

    /**
     * Ping-pong through one slot. The writer's k-th message raises the flag to 2k-1 and the
     * reader's k-th reply to 2k; each side copies the message in before raising the flag and out
     * after seeing it.
     */
    static final class Echo implements MessageLink {
        private final MemorySegment slot;
        private final SlotSignal signal;
        private final boolean writer;
        private int sent;
        private int received;

        Echo(SharedMemory data, long slotOffset, SlotSignal signal, boolean writer) {
            this.slot = data.segment().asSlice(slotOffset);
            this.signal = signal;
            this.writer = writer;
        }

        @Override
        public boolean send(MemorySegment message, int lengthBytes) {
            MemorySegment.copy(message, 0, slot, 0, lengthBytes);
            sent++;
            signal.publish(writer ? 2 * sent - 1 : 2 * sent);
            return true;
        }

        @Override
        public boolean receive(MemorySegment message, int lengthBytes) {
            received++;
            if (!signal.await(writer ? 2 * received : 2 * received - 1)) {
                return false;
            }
            MemorySegment.copy(slot, 0, message, 0, lengthBytes);
            return true;
        }

        /** Closes the signal (its watchdog, for the blocking ones); the slot is part of the lab segment. */
        @Override
        public void close() {
            signal.close();
        }
    }

    /**
     * The seed's single-slot hand-off: the writer copies message k in, raises the flag to k and
     * waits until the reader copied it out and cleared the flag. No overlap: one copy at a time.
     */
    static final class Handoff implements MessageLink {
        private final MemorySegment slot;
        private final SlotSignal signal;
        private int count;

        Handoff(SharedMemory data, long slotOffset, SlotSignal signal) {
            this.slot = data.segment().asSlice(slotOffset);
            this.signal = signal;
        }

        @Override
        public boolean send(MemorySegment message, int lengthBytes) {
            MemorySegment.copy(message, 0, slot, 0, lengthBytes);
            signal.publish(++count);
            return signal.await(0);
        }

        @Override
        public boolean receive(MemorySegment message, int lengthBytes) {
            if (!signal.await(++count)) {
                return false;
            }
            MemorySegment.copy(slot, 0, message, 0, lengthBytes);
            signal.publish(0);
            return true;
        }

        @Override
        public void close() {
            // nothing of its own
        }
    }

    /** The ring: both sides copy at once, the writer in and the reader out. */
    static final class Ring implements MessageLink {
        private final ShmRing ring;

        Ring(ShmRing ring) {
            this.ring = ring;
        }

        @Override
        public boolean send(MemorySegment message, int lengthBytes) {
            return ring.write(message, lengthBytes);
        }

        @Override
        public boolean receive(MemorySegment message, int lengthBytes) {
            return ring.read(message, lengthBytes);
        }

        @Override
        public void close() {
            // nothing of its own
        }
    }
}
