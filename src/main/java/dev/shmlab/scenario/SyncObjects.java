package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.layout.SyncObjectRecord;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.sync.CallLinking;
import dev.shmlab.sync.CountingSemaphore;
import dev.shmlab.sync.NamedSemaphore;
import dev.shmlab.sync.RobustMutex;
import dev.shmlab.sync.SharedSemaphore;

/**
 * Creates a run's synchronisation objects from its plan (launcher side) and opens them again by
 * index (participant and observer side). Each is described in the segment's sync records, so the
 * window can show its value, holder and waiters.
 */
public final class SyncObjects {
    private SyncObjects() {
    }

    /**
     * Makes the native calls the plan's sync objects will need once, on private memory, so that
     * the run's first hand-off does not wait while this process binds them (see {@link CallLinking}).
     */
    public static void linkCalls(RunPlan plan) {
        // A family linked again costs a few system calls: no need to skip repeats.
        for (RunPlan.SyncObject object : plan.syncObjects()) {
            switch (object.kind()) {
                case FUTEX -> CallLinking.futex();
                case NAMED_SEMAPHORE, UNNAMED_SEMAPHORE -> CallLinking.semaphores();
                case ROBUST_MUTEX -> CallLinking.mutexes();
                default -> {
                    // spin flags make no call; System V semaphores go through JNA, not these bindings
                }
            }
        }
    }

    /**
     * Describes and creates sync object {@code index} with an initial value (semaphores), adding
     * what must be destroyed or unlinked at the end to {@code resources}.
     */
    public static void create(LabSegment lab, RunPlan plan, int index, int initialValue, ScenarioResources resources) {
        RunPlan.SyncObject spec = plan.syncObjects().get(index);
        SyncObjectRecord record = lab.syncObject(index);
        switch (spec.kind()) {
            case NAMED_SEMAPHORE -> {
                String name = PosixNames.random(spec.label().replaceAll("[^A-Za-z0-9]", ""));
                NamedSemaphore sem = NamedSemaphore.create(name, initialValue, lab.control().objectMode());
                record.setPosixName(name);
                resources.add(() -> {
                    sem.close();
                    sem.unlink();
                });
            }
            case UNNAMED_SEMAPHORE -> {
                SharedSemaphore sem = SharedSemaphore.initialize(record.storage(), 0, initialValue, spec.label());
                resources.add(sem::destroy);
            }
            case ROBUST_MUTEX -> {
                RobustMutex mutex = RobustMutex.initialize(record.storage(), 0, spec.label());
                resources.add(mutex::destroy);
            }
            default -> {
                // futex words and spin flags need no kernel object: zeroed storage is their start
            }
        }
        record.describe(spec.kind(), spec.label());
    }

    /** Opens semaphore {@code index} of a running lab (named or in-segment). */
    public static CountingSemaphore openSemaphore(LabSegment lab, int index) {
        SyncObjectRecord record = lab.syncObject(index);
        return switch (record.kind()) {
            case NAMED_SEMAPHORE -> NamedSemaphore.open(record.posixName());
            case UNNAMED_SEMAPHORE -> SharedSemaphore.attach(record.storage(), 0, record.label());
            default -> throw new IllegalStateException("sync object " + index + " (" + record.label() + ") is a "
                    + record.kind() + ", not a semaphore");
        };
    }

    /**
     * Takes semaphore {@code index} for the role, publishing what the window shows: WAITING on it,
     * then CRITICAL with this participant as its holder. Time spent waiting is added to the role's
     * wait counter. False when the run is stopping.
     */
    public static boolean enter(RoleContext ctx, CountingSemaphore sem, int index) {
        SyncObjectRecord record = ctx.lab().syncObject(index);
        ctx.stats().waitingOn(index);
        long start = System.nanoTime();
        boolean acquired = PeerWait.until(ctx, "semaphore " + record.label(), nanos -> sem.acquire(java.time.Duration.ofNanos(nanos)));
        ctx.stats().waitNanos += System.nanoTime() - start;
        if (acquired) {
            record.acquiredBy(ctx.index(), System.nanoTime());
            ctx.stats().state(dev.shmlab.layout.ParticipantState.CRITICAL);
        }
        return acquired;
    }

    /** Gives semaphore {@code index} back after {@link #enter}, publishing that nobody holds it. */
    public static void leave(RoleContext ctx, CountingSemaphore sem, int index) {
        ctx.lab().syncObject(index).releasedBy(ctx.index());
        sem.release();
        ctx.stats().state(dev.shmlab.layout.ParticipantState.RUNNING);
    }

    /** Opens the robust mutex {@code index} of a running lab. */
    public static RobustMutex openMutex(LabSegment lab, int index) {
        SyncObjectRecord record = lab.syncObject(index);
        if (record.kind() != SyncObjectKind.ROBUST_MUTEX) {
            throw new IllegalStateException("sync object " + index + " (" + record.label() + ") is not a mutex");
        }
        return RobustMutex.attach(record.storage(), 0, record.label());
    }
}
