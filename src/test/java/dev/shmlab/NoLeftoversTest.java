package dev.shmlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.testing.KernelObjects;
import dev.shmlab.testing.LeftoverBaseline;
import dev.shmlab.testing.RunsLast;
import org.junit.jupiter.api.Test;

/** Runs after every other test: nothing the suite created may be left in the kernel. */
@RunsLast
class NoLeftoversTest {
    @Test
    void theSuiteLeavesNothingInDevShmTheSystemVTablesOrTheMessageQueues() {
        KernelObjects left = KernelObjects.now().newSince(LeftoverBaseline.baseline());
        assertThat(left.devShm()).as("left in /dev/shm").isEmpty();
        assertThat(left.sysvShmIds()).as("left in /proc/sysvipc/shm").isEmpty();
        assertThat(left.sysvSemIds()).as("left in /proc/sysvipc/sem").isEmpty();
        assertThat(left.mqueues()).as("left in /dev/mqueue").isEmpty();
    }
}
