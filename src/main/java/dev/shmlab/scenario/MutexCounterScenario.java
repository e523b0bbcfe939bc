package dev.shmlab.scenario;

import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.layout.SyncObjectRecord;
import dev.shmlab.sync.LockOutcome;
import dev.shmlab.sync.RobustMutex;
import java.time.Duration;
import java.util.List;

/**
 * Seed 003's {@code SharedCounter}: a counter guarded by a process-shared mutex in the segment,
 * made robust, so that when a worker dies holding it the next one gets it with EOWNERDEAD,
 * checks the counter against the workers' records, repairs it if needed and carries on — the
 * others are not stopped when one dies.
 */
public final class MutexCounterScenario extends CounterScenario {
    @Override
    public String name() {
        return "mutex-counter";
    }

    @Override
    public String summary() {
        return "N processes increment one shared counter under a robust process-shared mutex, or unguarded";
    }

    @Override
    public String description() {
        return "Seed 003's pthread_mutex_t in the segment (PTHREAD_PROCESS_SHARED, and PTHREAD_MUTEX_ROBUST): lock, "
                + "counter++, unlock, K times per worker; the total is exactly N×K. Kill a worker while it holds the mutex "
                + "and the next one to lock it gets EOWNERDEAD, checks the counter against what every worker recorded, "
                + "repairs or keeps it, makes the mutex consistent and goes on. With --sync none the lost updates are shown.";
    }

    @Override
    public boolean othersContinueAfterDeath(ScenarioParams params) {
        return true;
    }

    @Override
    String guardChoice() {
        return "mutex";
    }

    @Override
    SyncObjectKind guardKind() {
        return SyncObjectKind.ROBUST_MUTEX;
    }

    @Override
    List<String> guardLines() {
        return List.of("if (pthread_mutex_lock(&sc->mutex) == EOWNERDEAD) { repair(sc); pthread_mutex_consistent(&sc->mutex); }",
                "pthread_mutex_unlock(&sc->mutex);");
    }

    @Override
    Guard openGuard(RoleContext ctx) {
        return new MutexGuard(ctx, SyncObjects.openMutex(ctx.lab(), GUARD));
    }

    /** The robust mutex as a guard: a dead owner's lock is taken over and the counter repaired. */
    private static final class MutexGuard implements Guard {
        private final RoleContext ctx;
        private final RobustMutex mutex;
        private final SyncObjectRecord record;
        private final ParticipantPublisher stats;
        private LockOutcome outcome;

        MutexGuard(RoleContext ctx, RobustMutex mutex) {
            this.ctx = ctx;
            this.mutex = mutex;
            this.record = ctx.lab().syncObject(GUARD);
            this.stats = ctx.stats();
        }

        @Override
        public boolean enter() {
            outcome = mutex.lock(Duration.ZERO);
            if (!outcome.acquired() && !awaitLock()) {
                return false;
            }
            int previousHolder = record.holder();
            record.acquiredBy(ctx.index(), System.nanoTime());
            stats.state(ParticipantState.CRITICAL);
            if (outcome == LockOutcome.RECOVERED) {
                repairAfterOwnerDied(ctx, previousHolder);
            }
            return true;
        }

        private boolean awaitLock() {
            stats.waitingOn(GUARD);
            long start = System.nanoTime();
            boolean acquired = PeerWait.until(ctx, "mutex " + record.label(), nanos -> {
                outcome = mutex.lock(Duration.ofNanos(nanos));
                return outcome.acquired();
            });
            stats.waitNanos += System.nanoTime() - start;
            return acquired;
        }

        @Override
        public void leave() {
            record.releasedBy(ctx.index());
            mutex.unlock();
            stats.state(ParticipantState.RUNNING);
        }

        @Override
        public void close() {
            mutex.close();
        }
    }
}
