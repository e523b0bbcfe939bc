package dev.shmlab.jmh;

import dev.shmlab.scenario.Checksums;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Checking one message: {@link Checksums#stamped} (the header and one word per 4 KiB page) against
 * {@link Checksums#full} (CRC32C of every byte), and {@link Checksums#stamp}, which the sender runs
 * before either.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChecksumsBenchmark {
    @Param({"64", "4096", "65536", "1048576"})
    public int sizeBytes;

    private Arena arena;
    private MemorySegment payload;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofConfined();
        payload = arena.allocate(sizeBytes, 4096);
        for (int i = 0; i < sizeBytes; i++) {
            payload.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) ('a' + i % 26));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public int stamped() {
        return Checksums.stamped(Checksums.header(++seq, 0, 1, sizeBytes), payload, sizeBytes);
    }

    @Benchmark
    public int full() {
        return Checksums.full(Checksums.header(++seq, 0, 1, sizeBytes), payload, sizeBytes);
    }

    @Benchmark
    public void stamp() {
        Checksums.stamp(payload, sizeBytes, ++seq);
    }
}
