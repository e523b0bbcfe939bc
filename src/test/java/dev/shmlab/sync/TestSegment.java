package dev.shmlab.sync;

import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.testing.TestNames;

/** A fresh POSIX segment with a random name for one test; closing unmaps and removes it. */
final class TestSegment implements AutoCloseable {
    static final long SIZE_BYTES = 4096;

    private final Segment segment;

    private TestSegment(Segment segment) {
        this.segment = segment;
    }

    static TestSegment create() {
        return new TestSegment(Segments.createPosix(TestNames.posix(), SIZE_BYTES, Segments.DEFAULT_MODE));
    }

    String name() {
        return segment.address().display();
    }

    SharedMemory memory() {
        return segment.memory();
    }

    @Override
    public void close() {
        try {
            segment.close();
        } finally {
            segment.remove();
        }
    }
}
