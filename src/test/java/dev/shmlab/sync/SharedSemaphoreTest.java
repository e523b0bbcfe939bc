package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedSemaphoreTest {
    private final TestSegment segment = TestSegment.create();

    @AfterEach
    void removeSegment() {
        segment.close();
    }

    @Test
    void anAttachedViewUsesTheSameSemaphoreAsTheInitialisingOne() {
        SharedSemaphore initialised = SharedSemaphore.initialize(segment.memory(), 64, 1, "gate");
        try (SharedSemaphore attached = SharedSemaphore.attach(segment.memory(), 64, "gate")) {
            assertThat(attached.tryAcquire()).isTrue();
            assertThat(initialised.value()).isZero();
        } finally {
            initialised.destroy();
        }
    }

    @Test
    void aMisalignedOffsetIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> SharedSemaphore.initialize(segment.memory(), 12, 0, "gate"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("misaligned sem_t: offset=12, alignment=8");
    }

    @Test
    void aSemaphoreThatWouldRunPastTheEndIsRejectedBeforeAnyCall() {
        long offset = TestSegment.SIZE_BYTES - 16;

        assertThatThrownBy(() -> SharedSemaphore.initialize(segment.memory(), offset, 0, "gate"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("sem_t does not fit: offset=" + offset + ", lengthBytes=32, sizeBytes=" + TestSegment.SIZE_BYTES);
    }

    @Test
    void aReadOnlyMappingIsRejectedBecauseLibcWouldWriteToIt() {
        try (Segment readOnly = Segments.openPosix(segment.name(), true)) {
            assertThatThrownBy(() -> SharedSemaphore.attach(readOnly.memory(), 0, "gate"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("sem_t needs writable memory: offset=0, the view is read-only");
        }
    }

    @Test
    void destroyIsDoneOnceAndLeavesTheHandleUnusable() {
        SharedSemaphore semaphore = SharedSemaphore.initialize(segment.memory(), 0, 0, "gate");
        semaphore.destroy();
        semaphore.destroy();

        assertThatThrownBy(semaphore::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("semaphore is closed: label=gate, offset=0");
    }
}
