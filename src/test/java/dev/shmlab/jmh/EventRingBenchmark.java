package dev.shmlab.jmh;

import dev.shmlab.layout.EventRing;
import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/** {@link EventRing#append}: one hop into the lock-free overwrite-oldest ring, by one writer and by two at once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventRingBenchmark {
    private Arena arena;
    private EventRing ring;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        ring = JmhLab.format(arena).events();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @Threads(1)
    public void appendOneWriter() {
        ring.append(System.nanoTime(), ++seq, 0, 1, 64);
    }

    @Benchmark
    @Threads(2)
    public void appendTwoWriters() {
        ring.append(System.nanoTime(), 1, 0, 1, 64);
    }
}
