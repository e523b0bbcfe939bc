package dev.shmlab.scenario;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One message as every transport carries it: a 16-byte header, then the payload. The sender
 * writes it in a private, page-aligned buffer and a transport moves the whole thing; the receiver
 * gets it into its own buffer and checks it there, so a torn or stale copy is caught.
 *
 * <pre>
 *   0 long seq        1, 2, 3 … within one test
 *   8 int  sizeBytes  payload bytes
 *  12 int  checksum   {@link Checksums#stamped} (or {@link Checksums#full}) of the payload,
 *                     seeded with {@link Checksums#header}(seq, from, to, sizeBytes)
 *  16 payload         byte 0 = 'A' + (seq - 1) % 26, seq in every 4 KiB word and the last 8 bytes
 * </pre>
 *
 * The header hash includes the direction, so an echo that a peer forgot to write back (the
 * sender's own message still in the slot) fails its check. The buffer lives in an automatic arena
 * (freed by the garbage collector), so the hot path pays no owner-thread or liveness check.
 */
public final class WireMessage {
    public static final int SEQ_OFFSET = 0;
    public static final int SIZE_OFFSET = 8;
    public static final int CHECKSUM_OFFSET = 12;
    public static final int HEADER_LENGTH = 16;

    private final MemorySegment buffer;
    private final MemorySegment payload;
    private final int sizeBytes;

    /** A private buffer for messages of sizeBytes of payload, filled with the payload pattern. */
    public WireMessage(int sizeBytes) {
        this.sizeBytes = sizeBytes;
        this.buffer = Arena.ofAuto().allocate(HEADER_LENGTH + (long) sizeBytes, 4096);
        this.payload = buffer.asSlice(HEADER_LENGTH, sizeBytes);
        for (int i = 0; i < sizeBytes; i++) {
            payload.set(ValueLayout.JAVA_BYTE, i, (byte) ('a' + i % 26));
        }
    }

    /** The whole message: header and payload. */
    public MemorySegment bytes() {
        return buffer;
    }

    /** Header plus payload: what a transport moves. */
    public int lengthBytes() {
        return HEADER_LENGTH + sizeBytes;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public long seq() {
        return buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, SEQ_OFFSET);
    }

    /** The payload's first byte, as the seed's reader prints it. */
    public char firstChar() {
        return sizeBytes == 0 ? '-' : (char) payload.get(ValueLayout.JAVA_BYTE, 0);
    }

    /** Stamps message seq from {@code from} to {@code to} and computes its checksum. */
    public void prepare(long seq, int from, int to, boolean fullCheck) {
        if (sizeBytes > 0) {
            payload.set(ValueLayout.JAVA_BYTE, 0, (byte) ('A' + (seq - 1) % 26));
        }
        Checksums.stamp(payload, sizeBytes, seq);
        seal(seq, from, to, fullCheck);
    }

    /** Rewrites the header for a message whose payload stays as it is (an echo). */
    public void seal(long seq, int from, int to, boolean fullCheck) {
        buffer.set(ValueLayout.JAVA_LONG_UNALIGNED, SEQ_OFFSET, seq);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, SIZE_OFFSET, sizeBytes);
        buffer.set(ValueLayout.JAVA_INT_UNALIGNED, CHECKSUM_OFFSET, checksum(seq, from, to, fullCheck));
    }

    /** What a received message is, judged against the sequence and direction expected. */
    public enum Verdict {
        /** Sequence, size and checksum as expected. */
        INTACT,
        /** An older sequence: a message seen before. */
        DUPLICATE,
        /** A newer sequence: messages in between never arrived. */
        GAP,
        /** The expected sequence, but the size or checksum is wrong. */
        CORRUPT
    }

    /** Checks the message now in the buffer. */
    public Verdict check(long expectedSeq, int from, int to, boolean fullCheck) {
        long seq = seq();
        if (seq < expectedSeq) {
            return Verdict.DUPLICATE;
        }
        if (seq > expectedSeq) {
            return Verdict.GAP;
        }
        // The checksum covers the payload's first word, so a wrong first letter fails it too.
        boolean intact = buffer.get(ValueLayout.JAVA_INT_UNALIGNED, SIZE_OFFSET) == sizeBytes
                && buffer.get(ValueLayout.JAVA_INT_UNALIGNED, CHECKSUM_OFFSET) == checksum(seq, from, to, fullCheck);
        return intact ? Verdict.INTACT : Verdict.CORRUPT;
    }

    /** Damages the payload after sealing (fault injection): the receiver must count it corrupted. */
    public void damage() {
        if (sizeBytes > 0) {
            payload.set(ValueLayout.JAVA_BYTE, sizeBytes - 1, (byte) ~payload.get(ValueLayout.JAVA_BYTE, sizeBytes - 1));
        } else {
            buffer.set(ValueLayout.JAVA_INT_UNALIGNED, CHECKSUM_OFFSET, ~buffer.get(ValueLayout.JAVA_INT_UNALIGNED, CHECKSUM_OFFSET));
        }
    }

    private int checksum(long seq, int from, int to, boolean fullCheck) {
        long header = Checksums.header(seq, from, to, sizeBytes);
        return fullCheck ? Checksums.full(header, payload, sizeBytes) : Checksums.stamped(header, payload, sizeBytes);
    }
}
