package dev.shmlab.scenario;

import dev.shmlab.layout.SyncObjectKind;
import java.util.List;

/**
 * Seed 003's {@code SharedData}: a counter guarded by an unnamed process-shared semaphore
 * ({@code sem_init(&shared->mutex, 1, 1)}) living in the segment beside it.
 */
public final class SemaphoreCounterScenario extends CounterScenario {
    @Override
    public String name() {
        return "semaphore-counter";
    }

    @Override
    public String summary() {
        return "N processes increment one shared counter under an in-segment semaphore, or unguarded";
    }

    @Override
    public String description() {
        return "Seed 003's sem_t mutex inside the segment: every worker does sem_wait, counter++ (a plain load, add and "
                + "store), sem_post, K times, and the total is exactly N×K. With --sync none the increments race on this "
                + "machine's cores and the run shows how many were lost: expected N×K, got M.";
    }

    @Override
    String guardChoice() {
        return "semaphore";
    }

    @Override
    SyncObjectKind guardKind() {
        return SyncObjectKind.UNNAMED_SEMAPHORE;
    }

    @Override
    List<String> guardLines() {
        return List.of("sem_wait(&shared->mutex);  /* skipped when synchronisation is off */",
                "sem_post(&shared->mutex);  /* skipped when synchronisation is off */");
    }

    @Override
    Guard openGuard(RoleContext ctx) {
        LabSemaphore semaphore = new LabSemaphore(ctx, GUARD);
        return new Guard() {
            @Override
            public boolean enter() {
                return semaphore.lock();
            }

            @Override
            public void leave() {
                semaphore.unlock();
            }

            @Override
            public void close() {
                semaphore.close();
            }
        };
    }
}
