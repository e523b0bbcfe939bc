package dev.shmlab.scenario;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.SharedMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 003 "synchronisation with shared memory": N worker processes each add 1 to one shared
 * counter K times with a plain load, add and store — the seed's {@code shared->counter++}. With
 * the guard (a semaphore or a robust mutex inside the segment) around every increment the total
 * is exactly N×K; without it ({@code --sync none}, or the live toggle) two workers on different
 * CPUs load the same value, one store overwrites the other, and the updates lost are counted.
 *
 * <p>Every worker also records, inside the critical section, how many increments it made. So the
 * total the counter must reach is known even when a worker dies part-way, and a worker that takes
 * over a robust mutex from a dead owner can tell whether the counter was left half-updated.
 *
 * <pre>
 * data area:   0 counter (long, alone on its cache line)
 *             64 start gate ({@link StartGate})
 *            128 workers finished (int)
 *            192 + 64 * w: worker w: 0 increments made (long)   8 mutex recoveries (long)
 * </pre>
 */
public abstract sealed class CounterScenario implements Scenario permits SemaphoreCounterScenario, MutexCounterScenario {
    static final long COUNTER_OFFSET = 0;
    /** Spin-wait hints between a worker's load and store of the counter (a few hundred ns). */
    static final int THINK_SPINS = 32;
    static final long GATE_OFFSET = 64;
    static final long FINISHED_OFFSET = 128;
    static final long WORKERS_OFFSET = 192;
    static final long WORKER_LENGTH = 64;
    static final long MADE_OFFSET = 0;
    static final long RECOVERIES_OFFSET = 8;
    /** The guard's sync-object index. */
    static final int GUARD = 0;
    static final int STEP_ENTER = 0;
    static final int STEP_INCREMENT = 1;
    static final int STEP_LEAVE = 2;
    /** Increments between two looks at the clock for publishing counters. */
    private static final int PUBLISH_EVERY = 1024;

    /** What keeps the increments apart: entered before the load-add-store, left after it. */
    interface Guard extends AutoCloseable {
        /** Enters the critical section; false when the run is stopping. */
        boolean enter();

        void leave();

        @Override
        void close();
    }

    /** The --sync choice that turns the guard on: {@code semaphore} or {@code mutex}. */
    abstract String guardChoice();

    abstract SyncObjectKind guardKind();

    /** Opens the guard in a worker process. */
    abstract Guard openGuard(RoleContext ctx);

    /** The pseudo-code lines that enter and leave the guard, in the seed's C. */
    abstract List<String> guardLines();

    @Override
    public final String seed() {
        return "003";
    }

    @Override
    public final List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("processes", 4, 1, 16, "number of worker processes"),
                ParamSpec.integer("increments", 100_000, 1, 100_000_000, "increments each worker makes"),
                ParamSpec.choice("sync", guardChoice(), List.of(guardChoice(), "none"),
                        "guard every increment with the " + guardChoice() + ", or not"));
    }

    @Override
    public final RunPlan plan(ScenarioParams p) {
        int workers = p.getInt("processes");
        List<RunPlan.Participant> participants = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            participants.add(new RunPlan.Participant("worker-" + w, 0));
        }
        return new RunPlan(Backend.POSIX, participants, List.of(new RunPlan.SyncObject(guardKind(), "mutex")), 64,
                WORKERS_OFFSET + WORKER_LENGTH * workers);
    }

    @Override
    public final ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        ScenarioResources resources = new ScenarioResources();
        SyncObjects.create(lab, plan(params), GUARD, 1, resources);
        if (!guarded(params)) {
            lab.control().setSyncEnabled(false);
        }
        return resources;
    }

    @Override
    public final boolean syncSwitchable() {
        return true;
    }

    /**
     * The updates lost so far: increments the workers recorded minus the counter. The records are
     * read before the counter and each worker records an increment after storing it, so an
     * increment in flight can only make this smaller, never larger, than the updates really lost.
     */
    @Override
    public final List<Finding> liveFindings(LabSegment lab, ScenarioParams params) {
        SharedMemory data = lab.data();
        long made = 0;
        for (int w = 0; w < params.getInt("processes"); w++) {
            made += data.getLongAcquire(workerOffset(w) + MADE_OFFSET);
        }
        long lost = Math.max(0, made - data.getLongAcquire(COUNTER_OFFSET));
        return List.of(new Finding("lost updates", lost, lost > 0));
    }

    @Override
    public final boolean integrityRequired(ScenarioParams params) {
        return guarded(params);
    }

    private boolean guarded(ScenarioParams params) {
        return params.getString("sync").equals(guardChoice());
    }

    @Override
    public final List<String> pseudoCode(int role) {
        List<String> guard = guardLines();
        return List.of(guard.get(0), "shared->counter++;  /* load, add, store */", guard.get(1));
    }

    @Override
    public final void run(int role, RoleContext ctx) {
        try (Guard guard = openGuard(ctx)) {
            new Worker(ctx, guard).run();
        }
    }

    @Override
    public final List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        SharedMemory data = lab.data();
        int workers = params.getInt("processes");
        long planned = workers * params.getLong("increments");
        long made = 0;
        long recoveries = 0;
        for (int w = 0; w < workers; w++) {
            made += data.getLong(workerOffset(w) + MADE_OFFSET);
            recoveries += data.getLong(workerOffset(w) + RECOVERIES_OFFSET);
        }
        long counter = data.getLong(COUNTER_OFFSET);
        String expected = made == planned
                ? workers + "×" + params.getLong("increments") + " = " + planned
                : made + " increments made of " + workers + "×" + params.getLong("increments") + " = " + planned + " planned";
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("lost updates (expected " + expected + ", got " + counter + ")", made - counter, made != counter));
        if (recoveries > 0) {
            findings.add(new Finding("mutex recoveries (an owner died holding it)", recoveries, false));
        }
        return findings;
    }

    static long workerOffset(int index) {
        return WORKERS_OFFSET + WORKER_LENGTH * index;
    }

    /**
     * Called by the worker that got the mutex from a dead owner (EOWNERDEAD), while it holds it.
     * The owner may have stored the counter without recording its increment; every other worker's
     * record is consistent with the counter, so their sum is what the counter must hold.
     */
    static void repairAfterOwnerDied(RoleContext ctx, int previousHolder) {
        SharedMemory data = ctx.data();
        long recorded = 0;
        for (int w = 0; w < ctx.participantCount(); w++) {
            recorded += data.getLong(workerOffset(w) + MADE_OFFSET);
        }
        long counter = data.getLong(COUNTER_OFFSET);
        data.getAndAddLong(workerOffset(ctx.index()) + RECOVERIES_OFFSET, 1);
        String owner = previousHolder >= 0 ? "worker-" + (previousHolder + 1) : "its previous owner";
        String head = "Worker " + (ctx.index() + 1) + ": lock RECOVERED (EOWNERDEAD): " + owner
                + " died holding the mutex; pthread_mutex_consistent() done; ";
        if (counter == recorded) {
            ctx.out(head + "counter " + counter + " matches the increments recorded: kept");
        } else {
            data.putLong(COUNTER_OFFSET, recorded);
            ctx.out(head + "counter was " + counter + " but the increments recorded add up to " + recorded + ": repaired to " + recorded);
        }
    }

    /** One worker process: its increments, then a line about them; the last to finish sums up. */
    private static final class Worker {
        private final RoleContext ctx;
        private final Guard guard;
        private final SharedMemory data;
        private final ParticipantPublisher stats;
        private final int me;
        private final int workers;
        private final long quota;
        private final long madeOffset;

        Worker(RoleContext ctx, Guard guard) {
            this.ctx = ctx;
            this.guard = guard;
            this.data = ctx.data();
            this.stats = ctx.stats();
            this.me = ctx.index() + 1;
            this.workers = ctx.participantCount();
            this.quota = ctx.params().getLong("increments");
            this.madeOffset = workerOffset(ctx.index()) + MADE_OFFSET;
        }

        void run() {
            ctx.out("Worker " + me + " (pid " + ProcessHandle.current().pid() + "): " + quota + " increments of the shared counter, "
                    + (ctx.syncEnabled() ? "each guarded by the " + ctx.lab().syncObject(GUARD).kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') : "UNGUARDED"));
            // Zero in a fresh run; a worker started again after a death takes over its predecessor's count.
            long made = data.getLongAcquire(madeOffset);
            if (made > 0) {
                ctx.out("Worker " + me + " restarted: goes on after the " + made + " increments its predecessor recorded");
            }
            long opened = StartGate.pass(ctx, data, GATE_OFFSET, workers);
            if (opened < 0) {
                return;
            }
            while (made < quota) {
                if (!ctx.checkpoint(STEP_ENTER)) {
                    ctx.out("Worker " + me + " stopped after " + made + " increments");
                    return;
                }
                boolean sync = ctx.syncEnabled();
                if (sync && !guard.enter()) {
                    return;
                }
                ctx.checkpoint(STEP_INCREMENT);
                long value = data.getLong(COUNTER_OFFSET);
                think();
                data.putLong(COUNTER_OFFSET, value + 1);
                made++;
                data.putLong(madeOffset, made);
                if (sync) {
                    ctx.checkpoint(STEP_LEAVE);
                    guard.leave();
                }
                stats.sent = made;
                if (made % PUBLISH_EVERY == 0) {
                    stats.publishIfDue(System.nanoTime());
                }
            }
            finish(made, opened);
        }

        /**
         * A moment of work between the load and the store, as in any real read-modify-write. When
         * the kernel packs the workers onto one CPU they interleave only at preemption, and only a
         * preemption inside this window loses an update; without it the unguarded run could show
         * none.
         */
        private static void think() {
            for (int i = 0; i < THINK_SPINS; i++) {
                Thread.onSpinWait();
            }
        }

        private void finish(long made, long openedNanos) {
            long elapsedNanos = System.nanoTime() - openedNanos;
            ctx.out(String.format(Locale.ROOT, "Worker %d done: %d increments in %.1f ms, %.1f ms of it waiting for the guard",
                    me, made, elapsedNanos / 1e6, stats.waitNanos / 1e6));
            // A full fence: every worker's last store to the counter is visible to the one that counts last.
            if (data.getAndAddInt(FINISHED_OFFSET, 1) + 1 == workers) {
                long counter = data.getLongVolatile(COUNTER_OFFSET);
                long expected = workers * quota;
                String rate = String.format(Locale.ROOT, "%d increments in %.1f ms, %.2f million/s",
                        expected, elapsedNanos / 1e6, expected / (elapsedNanos / 1e3));
                ctx.out(counter == expected
                        ? "Counter: " + counter + " = " + workers + " × " + quota + ", as expected; no update lost (" + rate + ")"
                        : "Counter: expected " + expected + " (" + workers + " × " + quota + "), got " + counter + ", lost "
                        + (expected - counter) + " updates (" + rate + ")");
            }
        }
    }
}
