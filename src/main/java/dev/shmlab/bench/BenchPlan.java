package dev.shmlab.bench;

import dev.shmlab.InvalidInputException;
import dev.shmlab.scenario.Transport;
import dev.shmlab.scenario.TransportsScenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What {@code shmlab bench} measures: transports × message sizes, each through one
 * {@code transports} run (latency test, then stream test), with the same count, time cap and
 * warm-up for every cell.
 *
 * @param stream   for shared memory: stream through the ring, the single slot, or both (one row each)
 * @param cpus     free (the scheduler decides), split (CPUs 0 and 1) or same (both on CPU 0)
 */
public record BenchPlan(List<Transport> transports, List<Long> sizesBytes, long count, long durationMs, long warmupMs,
                        StreamChoice stream, String cpus, boolean quick) {

    public static final List<Long> DEFAULT_SIZES = List.of(1L, 64L, 1024L, 64L << 10, 1L << 20);
    public static final List<Long> QUICK_SIZES = List.of(64L, 64L << 10, 1L << 20);
    public static final long DEFAULT_COUNT = 200_000;
    public static final long QUICK_COUNT = 50_000;
    public static final long DEFAULT_DURATION_MS = 1_000;
    public static final long QUICK_DURATION_MS = 250;
    public static final long DEFAULT_WARMUP_MS = 200;
    public static final long QUICK_WARMUP_MS = 100;

    /** Where shared-memory streams go. */
    public enum StreamChoice { RING, SLOT, BOTH }

    /** One run of the matrix: a transport at a size; {@code slot} marks the extra single-slot stream row. */
    public record Cell(Transport transport, long sizeBytes, boolean slot) {
        public String label() {
            return transport.cliName() + (slot ? " (slot)" : "");
        }
    }

    public BenchPlan {
        transports = List.copyOf(transports);
        sizesBytes = List.copyOf(sizesBytes);
        if (transports.isEmpty()) {
            throw new InvalidInputException("--transports: name at least one of " + String.join(", ", Transport.cliNames()));
        }
        if (sizesBytes.isEmpty()) {
            throw new InvalidInputException("--sizes: give at least one size, e.g. 64,1K,1M");
        }
        if (new HashSet<>(transports).size() != transports.size()) {
            throw new InvalidInputException("--transports: a transport is named twice");
        }
        if (new HashSet<>(sizesBytes).size() != sizesBytes.size()) {
            throw new InvalidInputException("--sizes: a size is given twice");
        }
        for (long size : sizesBytes) {
            if (size < 1 || size > TransportsScenario.MAX_SIZE_BYTES) {
                throw new InvalidInputException("--sizes: each size must be between 1 and " + TransportsScenario.MAX_SIZE_BYTES + " bytes (got " + size + ")");
            }
        }
    }

    /** The runs in order: size by size, every transport at that size. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (long size : sizesBytes) {
            for (Transport t : transports) {
                if (!t.sharedMemory() || stream != StreamChoice.SLOT) {
                    cells.add(new Cell(t, size, false));
                }
                if (t.sharedMemory() && stream != StreamChoice.RING) {
                    cells.add(new Cell(t, size, true));
                }
            }
        }
        return cells;
    }
}
