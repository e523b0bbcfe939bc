package dev.shmlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.ObjectRegistry;
import java.util.Set;

/**
 * What one run left: objects the registry says these processes created, and System V segments
 * whose kernel-recorded creator is one of them. Unlike a before/after diff of the whole machine,
 * this ignores what other programs create meanwhile.
 */
public final class RunLeftovers {
    private RunLeftovers() {
    }

    /** Fails when anything created by these processes (the launcher and its participants) is still there. */
    public static void assertNoneLeftBy(Set<Long> pids) {
        assertThat(ObjectRegistry.entries()).as("objects recorded by the run and still there")
                .noneMatch(e -> pids.contains(e.creatorPid()));
        assertThat(IpcListing.all()).as("System V segments created by the run")
                .noneMatch(o -> o.creator() != null && pids.contains(o.creator().pid()) && o.kind() == ObjectRegistry.Kind.SYSV_SHM
                        && (o.createdByShmlab() || o.key() != 0));
    }
}
