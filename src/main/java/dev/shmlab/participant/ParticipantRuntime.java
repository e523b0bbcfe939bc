package dev.shmlab.participant;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.EventRing;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantRecord;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.scenario.RoleContext;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The participant side of a run: publishes state and heartbeat, turns the control block into
 * pauses, single steps, pace and stop, and watches the parent process.
 */
final class ParticipantRuntime implements RoleContext {
    /** The heartbeat period: a missing heartbeat is noticed after about ten of them. */
    static final long HEARTBEAT_NANOS = 100_000_000L;
    /** A participant exits this long at most after its parent died (checked every heartbeat). */
    static final long PARENT_CHECK_NANOS = HEARTBEAT_NANOS;
    /** Longest single sleep while paused or pacing, so stop and step stay responsive. */
    private static final long SLICE_NANOS = 50_000_000L;
    /** At most this many hops per participant reach the event ring per second at full speed. */
    private static final long MIN_HOP_INTERVAL_NANOS = 20_000L;

    private final LabSegment lab;
    private final int index;
    private final String name;
    private final int participantCount;
    private final ScenarioParams params;
    private final long parentPid;
    private final ParticipantRecord record;
    private final ParticipantPublisher stats;
    private final ControlBlock control;
    private final EventRing events;
    private final FutexWord wake;
    private final PrintStream out = System.out;
    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile boolean stopRequested;
    private long seenGeneration = -1;
    private boolean paused;
    private boolean paced;
    private long paceNanos;
    private long stepsUsedGlobal;
    private int stepsUsedOwn;
    private long lastHopNanos;

    ParticipantRuntime(LabSegment lab, int index, String name, int participantCount, ScenarioParams params, long parentPid) {
        this.lab = lab;
        this.index = index;
        this.name = name;
        this.participantCount = participantCount;
        this.params = params;
        this.parentPid = parentPid;
        this.record = lab.participant(index);
        this.stats = new ParticipantPublisher(record);
        this.control = lab.control();
        this.events = lab.events();
        this.wake = control.wakeWord();
    }

    /** Runs the role with heartbeat, parent watch and SIGTERM handling; returns the exit code. */
    int execute(ParticipantMain.Body body, int role) {
        stats.begin(ProcessHandle.current().pid(), role, name);
        stepsUsedGlobal = control.stepGrant();
        Thread heartbeat = Thread.ofPlatform().daemon().name("heartbeat").start(this::heartbeatLoop);
        Runtime.getRuntime().addShutdownHook(new Thread(this::onTermination, "sigterm"));
        int exit;
        try {
            stats.state(dev.shmlab.layout.ParticipantState.RUNNING);
            body.run();
            stats.state(ParticipantState.DONE);
            exit = ParticipantMain.EXIT_DONE;
        } catch (ShmlabException | InterruptedException e) {
            exit = fail(e.getMessage());
        } catch (Exception e) {
            exit = fail(e.toString());
        } finally {
            out.flush();
        }
        stats.exitCode(exit);
        stats.publishFinal();
        finished.countDown();
        heartbeat.interrupt();
        awaitHeartbeatEnd(heartbeat);
        return exit;
    }

    /**
     * Waits for the heartbeat thread to leave the segment alone: the caller may unmap it next (the
     * training run does, once per scenario), and a beat stored after that would crash the JVM.
     */
    private static void awaitHeartbeatEnd(Thread heartbeat) {
        try {
            heartbeat.join(HEARTBEAT_NANOS / 1_000_000L * 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int fail(String message) {
        System.err.println(name + ": " + message);
        stats.state(ParticipantState.FAILED);
        return ParticipantMain.EXIT_FAILED;
    }

    private void heartbeatLoop() {
        while (finished.getCount() > 0) {
            record.heartbeat(System.nanoTime());
            if (!parentAlive()) {
                System.err.println(name + ": the process that started this run (pid " + parentPid + ") is gone; exiting");
                System.err.flush();
                Runtime.getRuntime().halt(ParticipantMain.EXIT_PARENT_DIED);
            }
            if (control.command() == ControlBlock.Command.STOP) {
                stopRequested = true;
            }
            try {
                Thread.sleep(HEARTBEAT_NANOS / 1_000_000L);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Whether the launcher is still this process's parent. When it dies the kernel re-parents this
     * process at once, even while the dead launcher lingers as a zombie nobody reaps (which
     * {@code ProcessHandle.isAlive} would still call alive).
     */
    private boolean parentAlive() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid;
    }

    /** SIGTERM: ask the role to stop and give it a moment to publish its last state. */
    private void onTermination() {
        stopRequested = true;
        try {
            finished.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int participantCount() {
        return participantCount;
    }

    @Override
    public ScenarioParams params() {
        return params;
    }

    @Override
    public LabSegment lab() {
        return lab;
    }

    @Override
    public SharedMemory data() {
        return lab.data();
    }

    @Override
    public ParticipantPublisher stats() {
        return stats;
    }

    @Override
    public void out(String line) {
        out.println(line);
    }

    /**
     * Read from the control block itself, not only from what the heartbeat thread saw at its last
     * beat: a peer that read the stop may already have ended, and a waiter that then found it gone
     * must know the run is stopping rather than call it a failure.
     */
    @Override
    public boolean stopRequested() {
        if (!stopRequested && control.command() == ControlBlock.Command.STOP) {
            stopRequested = true;
        }
        return stopRequested;
    }

    @Override
    public boolean syncEnabled() {
        return control.syncEnabled();
    }

    @Override
    public boolean checkpoint(int stepId) {
        long generation = control.generation();
        if (generation == seenGeneration && !paused && !paced) {
            stats.stepsTaken++;
            return !stopRequested;
        }
        seenGeneration = generation;
        stats.step(stepId);
        return obeyControl();
    }

    private boolean obeyControl() {
        while (true) {
            ControlBlock.Command command = control.command();
            if (command == ControlBlock.Command.STOP || stopRequested) {
                stopRequested = true;
                return false;
            }
            paceNanos = control.paceNanos();
            paced = paceNanos > 0;
            if (command == ControlBlock.Command.PAUSE) {
                paused = true;
                if (takeStepGrant()) {
                    stats.stepsTaken++;
                    return true;
                }
                waitForControlChange();
                continue;
            }
            paused = false;
            stats.stepsTaken++;
            if (paced) {
                pace();
            }
            return !stopRequested;
        }
    }

    /**
     * Takes one step if a grant came since the last one this participant took. Grants given while
     * it was blocked elsewhere (waiting for its turn) are not banked: one click, one step.
     */
    private boolean takeStepGrant() {
        long global = control.stepGrant();
        if (global > stepsUsedGlobal) {
            stepsUsedGlobal = global;
            return true;
        }
        int own = record.stepGrant();
        if (own > stepsUsedOwn) {
            stepsUsedOwn++;
            return true;
        }
        return false;
    }

    private void waitForControlChange() {
        ParticipantState before = stats.state();
        if (before != ParticipantState.PAUSED) {
            stats.state(ParticipantState.PAUSED);
        }
        int word = wake.getAcquire();
        if (control.generation() == seenGeneration) {
            wake.waitWhile(word, SLICE_NANOS);
        }
        seenGeneration = control.generation();
        if (control.command() != ControlBlock.Command.PAUSE || control.stepGrant() > stepsUsedGlobal || record.stepGrant() > stepsUsedOwn) {
            stats.state(before == ParticipantState.PAUSED ? ParticipantState.RUNNING : before);
        }
    }

    private void pace() {
        long deadline = System.nanoTime() + paceNanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !stopRequested) {
            int word = wake.getAcquire();
            wake.waitWhile(word, Math.min(left, SLICE_NANOS));
            long generation = control.generation();
            if (generation != seenGeneration) {
                seenGeneration = generation;
                ControlBlock.Command c = control.command();
                if (c != ControlBlock.Command.RUN || control.paceNanos() < paceNanos) {
                    return;
                }
            }
        }
    }

    @Override
    public boolean isPaced() {
        return paced || paused;
    }

    @Override
    public void hop(long messageSeq, int from, int to, int sizeBytes) {
        long now = System.nanoTime();
        if (paced || paused || now - lastHopNanos >= MIN_HOP_INTERVAL_NANOS) {
            lastHopNanos = now;
            events.append(now, messageSeq, from, to, sizeBytes);
        }
    }

    @Override
    public Duration waitSlice() {
        return Duration.ofMillis(100);
    }

    /** 5 s, plus four steps' worth of pace, so a slow demo does not look like a dead peer. */
    @Override
    public Duration peerTimeout() {
        return Duration.ofSeconds(5).plusNanos(4 * control.paceNanos());
    }

    @Override
    public boolean runPaused() {
        return control.command() == ControlBlock.Command.PAUSE;
    }

    @Override
    public boolean peerAlive(int peer) {
        if (peer < 0 || peer >= participantCount) {
            return false;
        }
        ParticipantSnapshot s = lab.participant(peer).read().orElse(null);
        if (s == null) {
            return true;
        }
        if (s.state() == ParticipantState.FAILED) {
            return false;
        }
        return s.pid() == 0 || ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
