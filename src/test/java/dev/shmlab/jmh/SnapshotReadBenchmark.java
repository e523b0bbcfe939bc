package dev.shmlab.jmh;

import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantRecord;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import java.lang.foreign.Arena;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The observer's snapshot of a participant record ({@link ParticipantRecord#read()}, a seqlock
 * read of 26 fields and the name): alone, and while a writer thread publishes into the same record
 * as fast as it can (the retries a busy writer causes).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SnapshotReadBenchmark {
    private Arena arena;
    private ParticipantRecord record;
    private ParticipantPublisher publisher;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        record = JmhLab.format(arena).participant(0);
        publisher = new ParticipantPublisher(record);
        publisher.begin(ProcessHandle.current().pid(), 0, "writer");
        publisher.state(ParticipantState.RUNNING);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @Group("quiet")
    public Optional<ParticipantSnapshot> readQuiet() {
        return record.read();
    }

    @Benchmark
    @Group("busyWriter")
    @GroupThreads(1)
    public Optional<ParticipantSnapshot> readWhileWriting() {
        return record.read();
    }

    @Benchmark
    @Group("busyWriter")
    @GroupThreads(1)
    public void publish() {
        publisher.sent++;
        publisher.publish();
    }
}
