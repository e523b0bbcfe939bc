package dev.shmlab.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The throughput ceiling: how fast one thread of this JVM copies between two private, page-aligned,
 * pre-faulted buffers ({@code MemorySegment.copy}, which runs at libc memcpy's speed for large
 * blocks). A transport that moves a message from one process to another copies it at least once,
 * so it cannot beat this. Small sizes are timed in batches, so the clock's own cost does not count.
 */
public final class CopyCeiling {
    /** Each timed sample copies at least this much, so that a sample lasts well over the clock's resolution. */
    private static final long BATCH_BYTES = 256 << 10;

    private CopyCeiling() {
    }

    /** Median MB/s (10^6 bytes per second) of copying sizeBytes, sampled for about budgetNanos. */
    public static double megabytesPerSecond(long sizeBytes, long budgetNanos) {
        try (Arena arena = Arena.ofConfined()) {
            long room = Math.max(sizeBytes, 4096);
            MemorySegment src = arena.allocate(room, 4096);
            MemorySegment dst = arena.allocate(room, 4096);
            src.fill((byte) 0x5a);
            dst.fill((byte) 0);
            int batch = (int) Math.max(1, BATCH_BYTES / sizeBytes);
            timeBatches(src, dst, sizeBytes, batch, budgetNanos / 4, new double[64]);
            double[] perCopyNanos = new double[4096];
            int n = timeBatches(src, dst, sizeBytes, batch, budgetNanos, perCopyNanos);
            if (dst.get(java.lang.foreign.ValueLayout.JAVA_BYTE, sizeBytes - 1) != 0x5a) {
                throw new IllegalStateException("the copy did not arrive: a broken reference measurement");
            }
            double[] sorted = Arrays.copyOf(perCopyNanos, n);
            Arrays.sort(sorted);
            return sizeBytes / sorted[n / 2] * 1e3;
        }
    }

    /** Fills samples with nanoseconds per copy until the budget or the array is used up; returns how many. */
    private static int timeBatches(MemorySegment src, MemorySegment dst, long sizeBytes, int batch, long budgetNanos, double[] samples) {
        long end = System.nanoTime() + budgetNanos;
        int n = 0;
        do {
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                MemorySegment.copy(src, 0, dst, 0, sizeBytes);
            }
            samples[n++] = (System.nanoTime() - t0) / (double) batch;
        } while (n < samples.length && System.nanoTime() - end < 0);
        return n;
    }
}
