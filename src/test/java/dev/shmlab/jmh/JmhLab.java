package dev.shmlab.jmh;

import dev.shmlab.layout.LabGeometry;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.Arena;

/** A lab segment in this process's own memory, formatted as a launcher would, for the benchmarks. */
final class JmhLab {
    private JmhLab() {
    }

    /** Two participants, no sync objects, a 1024-event ring, 4 KiB of data; lives as long as the arena. */
    static LabSegment format(Arena arena) {
        LabGeometry geometry = new LabGeometry(2, 0, 1024, 4096);
        SharedMemory memory = SharedMemory.of(arena.allocate(geometry.totalLength(), 4096));
        return LabSegment.format(memory, geometry, "jmh", 2, "{}");
    }
}
