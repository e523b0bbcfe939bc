package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/**
 * Message checksums. {@link #full} covers every payload byte (CRC32C, hardware-accelerated);
 * {@link #stamped} covers the header, the first 8 bytes, one 8-byte word per 4 KiB page and the
 * last 8 bytes — the words a torn or stale copy changes — so that checking a 10 MiB message does
 * not cost a second pass over it.
 */
public final class Checksums {
    /** Stamp words sit at every multiple of this offset (and in the last 8 bytes). */
    public static final int STAMP_STRIDE = 4096;

    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;

    private Checksums() {
    }

    /** Mixes one 64-bit word into a running hash. */
    public static long mix(long hash, long word) {
        long h = (hash ^ (word * K1)) * K2;
        return h ^ (h >>> 31);
    }

    /** The header hash every message starts from. */
    public static long header(long seq, int from, int to, int sizeBytes) {
        return mix(mix(mix(K1, seq), ((long) from << 32) | (to & 0xffffffffL)), sizeBytes);
    }

    /** Hash of the sampled words of a payload held in private memory. */
    public static int stamped(long headerHash, MemorySegment payload, long sizeBytes) {
        long h = mix(headerHash, firstWord(payload, sizeBytes));
        if (sizeBytes >= 16) {
            for (long off = STAMP_STRIDE; off + 8 <= sizeBytes; off += STAMP_STRIDE) {
                h = mix(h, payload.get(ValueLayout.JAVA_LONG_UNALIGNED, off));
            }
            h = mix(h, payload.get(ValueLayout.JAVA_LONG_UNALIGNED, sizeBytes - 8));
        }
        return (int) (h ^ (h >>> 32));
    }

    /** CRC32C of the whole payload, seeded with the header hash. */
    public static int full(long headerHash, MemorySegment payload, long sizeBytes) {
        CRC32C crc = new CRC32C();
        crc.update(payload.asSlice(0, sizeBytes).asByteBuffer());
        long h = mix(headerHash, crc.getValue());
        return (int) (h ^ (h >>> 32));
    }

    /** CRC32C of a region of shared memory (small messages), seeded with the header hash. */
    public static int full(long headerHash, SharedMemory memory, long offset, int lengthBytes) {
        return full(headerHash, memory.segment().asSlice(offset, lengthBytes), lengthBytes);
    }

    /** Writes the sequence into the stamp words of a payload (every 4 KiB and the last 8 bytes). */
    public static void stamp(MemorySegment payload, long sizeBytes, long seq) {
        if (sizeBytes >= 16) {
            for (long off = STAMP_STRIDE; off + 8 <= sizeBytes; off += STAMP_STRIDE) {
                payload.set(ValueLayout.JAVA_LONG_UNALIGNED, off, seq);
            }
            payload.set(ValueLayout.JAVA_LONG_UNALIGNED, sizeBytes - 8, seq);
        }
    }

    private static long firstWord(MemorySegment payload, long sizeBytes) {
        if (sizeBytes >= 8) {
            return payload.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        }
        long w = 0;
        for (int i = 0; i < sizeBytes; i++) {
            w |= (payload.get(ValueLayout.JAVA_BYTE, i) & 0xffL) << (8 * i);
        }
        return w;
    }
}
