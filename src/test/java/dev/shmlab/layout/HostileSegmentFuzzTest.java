package dev.shmlab.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.shmlab.monitor.Monitor;
import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A million random and mutated headers fed to the observer: the only thing that may come out is
 * the documented {@link SegmentFormatException} — no other exception, no read out of bounds.
 */
class HostileSegmentFuzzTest {
    private static final int ITERATIONS = 1_000_000;
    private static final int MONITOR_EVERY = 100;
    private static final long SEED = 0x5EED_0F_5A1EL;

    @Test
    void theObserverOnlyEverRefusesAMalformedSegmentWithTheFormatError() {
        SplittableRandom random = new SplittableRandom(SEED);
        LabGeometry g = new LabGeometry(4, 2, 64, 4096);
        int size = (int) g.totalLength();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pristine = arena.allocate(size, 4096);
            LabSegment.format(SharedMemory.of(pristine), g, "fuzz", 3, "{\"clients\":3}");
            MemorySegment work = arena.allocate(size, 4096);
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                MemorySegment.copy(pristine, 0, work, 0, size);
                int visible = mutate(work, random, size);
                try {
                    observe(SharedMemory.of(work.asSlice(0, visible)), i % MONITOR_EVERY == 0);
                    accepted++;
                } catch (SegmentFormatException expected) {
                    refused++;
                } catch (RuntimeException e) {
                    fail("iteration " + i + " (seed " + SEED + ") threw " + e, e);
                }
            }
            assertThat(refused).as("most mutations are refused").isGreaterThan(ITERATIONS / 4);
            assertThat(accepted).as("harmless mutations are read").isGreaterThan(1000);
        }
    }

    /** Mutates the copy and returns how many bytes the observer may see (truncation). */
    private static int mutate(MemorySegment s, SplittableRandom r, int size) {
        switch (r.nextInt(8)) {
            case 0 -> flipBits(s, r, 512, 1 + r.nextInt(8));
            case 1 -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, 8 * r.nextInt(24), r.nextLong());
            case 2 -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, 64 + 8 * r.nextInt(12), size - r.nextInt(64) + r.nextInt(4096));
            case 3 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, 4 * r.nextInt(50), r.nextBoolean() ? r.nextInt() : r.nextInt(-4, 70_000));
            case 4 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, LabLayoutDescriptor.VERSION_MAJOR_OFFSET, 2 + r.nextInt(5));
            case 5 -> {
                return 1 + r.nextInt(size - 1);
            }
            case 6 -> {
                for (int i = 0; i < 64; i++) {
                    s.set(ValueLayout.JAVA_LONG_UNALIGNED, 8L * r.nextInt(size / 8), r.nextLong());
                }
            }
            default -> flipBits(s, r, size, 1 + r.nextInt(64));
        }
        return size;
    }

    private static void flipBits(MemorySegment s, SplittableRandom r, int range, int count) {
        for (int i = 0; i < count; i++) {
            long at = r.nextInt(range);
            s.set(ValueLayout.JAVA_BYTE, at, (byte) (s.get(ValueLayout.JAVA_BYTE, at) ^ (1 << r.nextInt(8))));
        }
    }

    /** Everything an observer reads from a segment it accepted. */
    private static void observe(SharedMemory memory, boolean withMonitor) {
        LabSegment lab = LabSegment.attach(memory, Duration.ZERO);
        for (int i = 0; i < lab.participantCount(); i++) {
            lab.participant(i).read();
        }
        for (int i = 0; i < lab.geometry().syncObjectCount(); i++) {
            SyncObjectRecord o = lab.syncObject(i);
            o.kind();
            o.label();
            o.holder();
        }
        List<MessageEvent> events = new ArrayList<>();
        lab.events().readFrom(0, 128, events);
        lab.control().command();
        lab.paramsJson();
        lab.data().getLong(0);
        if (withMonitor) {
            try (Monitor monitor = Monitor.of(lab, "fuzz", Duration.ofMillis(5))) {
                monitor.sample();
            }
        }
    }
}
