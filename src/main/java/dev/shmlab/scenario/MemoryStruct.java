package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;

/**
 * Seed 004's {@code struct Memory} in a System V segment, followed by shmlab's integrity fields.
 * A C program using the seed's struct reads the first four fields unchanged.
 *
 * <pre>
 *    0 int            packet_no
 *    4 unsigned short srcClientNo
 *    6 unsigned short destClientNo
 *    8 char           message[1024]
 * 1032 unsigned int   checksum    (CRC32C-based, over everything above and pairSeq)
 * 1036 unsigned int   pairSeq     (sequence of messages from src to dest)
 * 1040 long           sendNanos   (CLOCK_MONOTONIC when written)
 * 1048 (size)
 * </pre>
 */
public final class MemoryStruct {
    public static final int PACKET_NO_OFFSET = 0;
    public static final int SRC_OFFSET = 4;
    public static final int DEST_OFFSET = 6;
    public static final int MESSAGE_OFFSET = 8;
    public static final int MESSAGE_LENGTH = 1024;
    public static final int CHECKSUM_OFFSET = 1032;
    public static final int PAIR_SEQ_OFFSET = 1036;
    public static final int SEND_NANOS_OFFSET = 1040;
    public static final int SIZE = 1048;

    private final SharedMemory memory;

    public MemoryStruct(SharedMemory memory) {
        this.memory = memory;
    }

    public SharedMemory memory() {
        return memory;
    }

    public int packetNo() {
        return memory.getIntAcquire(PACKET_NO_OFFSET);
    }

    public void packetNo(int value) {
        memory.putIntRelease(PACKET_NO_OFFSET, value);
    }

    public int src() {
        return memory.getShort(SRC_OFFSET) & 0xffff;
    }

    public int dest() {
        return memory.getShort(DEST_OFFSET) & 0xffff;
    }

    public String message() {
        return memory.getCString(MESSAGE_OFFSET, MESSAGE_LENGTH);
    }

    public int checksum() {
        return memory.getInt(CHECKSUM_OFFSET);
    }

    public int pairSeq() {
        return memory.getInt(PAIR_SEQ_OFFSET);
    }

    public long sendNanos() {
        return memory.getLong(SEND_NANOS_OFFSET);
    }

    /** Writes a whole message (not packet_no) and its checksum, as one sender would. */
    public void write(int src, int dest, String text, int pairSeq, long sendNanos) {
        memory.putShort(SRC_OFFSET, (short) src);
        memory.putShort(DEST_OFFSET, (short) dest);
        memory.fill(MESSAGE_OFFSET, MESSAGE_LENGTH, (byte) 0);
        memory.putCString(MESSAGE_OFFSET, MESSAGE_LENGTH, text);
        memory.putInt(PAIR_SEQ_OFFSET, pairSeq);
        memory.putLong(SEND_NANOS_OFFSET, sendNanos);
        memory.putInt(CHECKSUM_OFFSET, computeChecksum());
    }

    /** The checksum the current contents should carry. */
    public int computeChecksum() {
        long h = Checksums.header(memory.getInt(PAIR_SEQ_OFFSET), src(), dest(), MESSAGE_LENGTH);
        return Checksums.full(h, memory, MESSAGE_OFFSET, MESSAGE_LENGTH);
    }
}
