package dev.shmlab.launch;

import dev.shmlab.InvalidInputException;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.os.Os;
import dev.shmlab.os.ProcStat;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.ScenarioResources;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One run of a scenario: creates the lab segment, prepares the scenario's objects, starts one
 * process per participant, watches them and, at the end, stops whatever still runs and removes
 * every kernel object of the run — including objects participants created and could not remove.
 * A participant may be played by a program of the user's own ({@link RunOptions#withParticipantProgram});
 * it is started, watched, stopped and cleaned up after like the others.
 *
 * <p>A participant that exits with a failure, dies, or whose heartbeat stops for
 * {@link #HEARTBEAT_TIMEOUT_NANOS} fails the run; the others are stopped: control-block STOP,
 * then SIGTERM after {@link #STOP_GRACE}, then SIGKILL — unless the scenario says they carry on
 * after a death ({@link Scenario#othersContinueAfterDeath}), in which case only a stopped
 * heartbeat stops them. With {@link RunOptions#letFaultsPlayOut()} (the window's fault injection)
 * neither a death nor a process stopped by SIGSTOP stops the others: they find out for
 * themselves, as their timed waits expire. Where the others go on after a death, a dead
 * participant can be started again into its slot ({@link #restart}).
 */
public final class Run implements AutoCloseable {
    /** A participant silent this long is reported dead (its heartbeat beats every 100 ms). */
    public static final long HEARTBEAT_TIMEOUT_NANOS = 1_250_000_000L;
    /** How long participants get to obey STOP before SIGTERM, and SIGTERM before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofMillis(1000);
    private static final long SUPERVISE_INTERVAL_MILLIS = 10;
    /** Placement is sampled on every few supervising passes: 20 samples a second tell it, and 16 participants' /proc reads at 100 Hz cost a window CPU time it needs. */
    private static final int PLACEMENT_EVERY_PASSES = 5;
    private long supervisePasses;

    /** Receives every line a participant prints. */
    @FunctionalInterface
    public interface OutputListener {
        void line(int participant, String name, String text, boolean error);
    }

    private final Scenario scenario;
    private final ScenarioParams params;
    private final RunPlan plan;
    private final RunOptions options;
    private final OutputListener output;
    private final Segment segment;
    private final LabSegment lab;
    private final ScenarioResources resources;
    /** Participant i's current process (replaced by {@link #restart}). */
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    /** Every participant process started, restarted ones included: what they created is removed at the end. */
    private final Set<Long> allPids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final String[] exits;
    private final long[] launchedNanos;
    /** Per participant, the thread its role runs on, once known (see {@link #roleThread}). */
    private final long[] roleTids;
    private final long[] runningAfterNanos;
    /** How long before its launch participant i's process had been started (0: started at its launch). */
    private final long[] startedAheadNanos;
    /** When participant i's process was last seen stopped by a signal (0: never); its heartbeat may lag after SIGCONT. */
    private final long[] seenStoppedNanos;
    /** Guards the end of the run against a restart: once every process has exited, none is started. */
    private final Object lifecycle = new Object();
    private boolean allExited;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile boolean stopping;
    private long placementSamples;
    private long sameCpuSamples;
    /** Guards the segment's mapping: a stop request after the end must not write to unmapped memory. */
    private final Object mappingLock = new Object();
    private boolean unmapped;
    private volatile RunResult result;
    /** What broke the supervisor or the run's report, if anything did (the run then has no result). */
    private volatile Throwable supervisorFailure;
    private Thread supervisor;

    private Run(Scenario scenario, ScenarioParams params, RunOptions options, OutputListener output) {
        this.scenario = scenario;
        this.params = params;
        this.plan = scenario.plan(params);
        this.options = options;
        for (int index : options.participantPrograms().keySet()) {
            if (index >= plan.participants().size()) {
                throw new InvalidInputException("participant program for participant " + index + ": " + scenario.name() + " has only "
                        + plan.participants().size() + " participants (0 to " + (plan.participants().size() - 1) + ")");
            }
        }
        this.output = output;
        this.exits = new String[plan.participants().size()];
        this.launchedNanos = new long[plan.participants().size()];
        this.runningAfterNanos = new long[plan.participants().size()];
        this.startedAheadNanos = new long[plan.participants().size()];
        this.roleTids = new long[plan.participants().size()];
        this.seenStoppedNanos = new long[plan.participants().size()];
        this.segment = createSegment(scenario.name(), plan, options.objectMode());
        try {
            this.lab = LabSegment.format(segment.memory(), plan.geometry(), scenario.name(), plan.participants().size(), params.toJson())
                    .withOrigin(segment.address());
            lab.control().setObjectMode(options.objectMode());
            lab.control().setPaceNanos(options.pace().toNanos());
            if (options.startPaused()) {
                lab.control().setCommand(ControlBlock.Command.PAUSE);
            }
            this.resources = scenario.prepare(lab, params);
        } catch (RuntimeException e) {
            segment.close();
            segment.remove();
            throw e;
        }
    }

    /** Creates the segment, prepares the scenario and starts every participant. */
    public static Run start(Scenario scenario, ScenarioParams params, RunOptions options, OutputListener output) {
        // Before the run's clock starts: neither its wall time nor its timeout includes making it.
        ParticipantCommand.prepareStartupCache();
        return LiveRuns.start(() -> {
            Run run = new Run(scenario, params, options, output);
            try {
                run.launchAll();
            } catch (RuntimeException e) {
                run.failures.add("could not start the participants: " + e.getMessage());
                run.shutdown();
                throw e;
            }
            return run;
        });
    }

    private static Segment createSegment(String scenario, RunPlan plan, int mode) {
        long size = plan.geometry().totalLength();
        return switch (plan.backend()) {
            case POSIX -> Segments.createPosix(PosixNames.random(scenario), size, mode);
            case SYSV -> Segments.createSysV(Os.IPC_PRIVATE, size, mode);
            case FILE -> Segments.createFile(Path.of(System.getProperty("java.io.tmpdir"),
                    "shmlab-" + scenario + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".seg"),
                    size, mode);
        };
    }

    private void launchAll() {
        lab.control().markRunStart(System.nanoTime());
        for (int i = 0; i < plan.participants().size(); i++) {
            processes.add(launch(i));
        }
        supervisor = Thread.ofPlatform().daemon().name("run-supervisor").start(this::supervise);
    }

    /** Starts participant i's process with its output pumped to the listener. */
    private Process launch(int index) {
        String address = segment.address().encode();
        boolean own = options.participantProgram(index).isEmpty();
        boolean quick = !scenario.measuresPeakSpeed(params);
        List<String> command = options.participantProgram(index)
                .map(program -> ParticipantCommand.forProgram(program, address, index))
                .orElseGet(() -> ParticipantCommand.forParticipant(address, index, quick));
        try {
            Process p;
            // A spare started ahead becomes the participant when it reads its segment and index.
            Optional<StandbyPool.Spare> spare = own ? StandbyPool.take(quick) : Optional.empty();
            launchedNanos[index] = System.nanoTime();
            if (spare.isPresent() && StandbyPool.handOver(spare.get().process(), address, index)) {
                p = spare.get().process();
                startedAheadNanos[index] = launchedNanos[index] - spare.get().startedNanos();
            } else {
                p = ParticipantCommand.builder(command).start();
                startedAheadNanos[index] = 0;
            }
            allPids.add(p.pid());
            String name = plan.participants().get(index).name();
            pumps.add(pump(index, name, p.getInputStream(), false));
            pumps.add(pump(index, name, p.getErrorStream(), true));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start participant " + index + " (" + command.getFirst() + ")", e);
        }
    }

    /**
     * Why participant i cannot be started again now, or empty when it can: only where the others go
     * on after a death ({@link Scenario#othersContinueAfterDeath}), only once its process has
     * exited, and only while the run goes on.
     */
    public Optional<String> restartRefusal(int i) {
        String name = plan.participants().get(i).name();
        if (!scenario.othersContinueAfterDeath(params)) {
            return Optional.of("in " + scenario.name() + " the others cannot go on without " + name
                    + ", so a new process could not take its place (restart works where they go on after a death, as in mutex-counter)");
        }
        if (stopping || isFinished()) {
            return Optional.of("the run is ending");
        }
        if (processes.get(i).isAlive()) {
            return Optional.of(name + " is still running: kill it first");
        }
        return Optional.empty();
    }

    /**
     * Starts participant i again into its slot after its process exited (see {@link #restartRefusal});
     * its death stays among the run's failures. Returns the new process's PID.
     */
    public long restart(int i) {
        synchronized (lifecycle) {
            Optional<String> refusal = allExited ? Optional.of("the run is ending") : restartRefusal(i);
            if (refusal.isPresent()) {
                throw new IllegalStateException("cannot restart " + plan.participants().get(i).name() + ": " + refusal.get());
            }
            // The death is recorded before the slot forgets the process, even if the supervisor has not looked yet.
            checkParticipant(i);
            Process p = launch(i);
            exits[i] = null;
            runningAfterNanos[i] = 0;
            roleTids[i] = 0;
            seenStoppedNanos[i] = 0;
            processes.set(i, p);
            return p.pid();
        }
    }

    private Thread pump(int index, String name, java.io.InputStream in, boolean error) {
        return Thread.ofPlatform().daemon().name("out-" + name).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.line(index, name, line, error);
                }
            } catch (IOException ignored) {
                // the process is gone; its exit is handled by the supervisor
            }
        });
    }

    /**
     * Watches the participants until every one has exited, then finishes the run. Whatever goes
     * wrong in here (even an Error, such as the jar replaced under a running app) still ends the
     * run: the participants are killed, the kernel objects removed and waiters released.
     */
    private void supervise() {
        try {
            watchUntilAllExited();
        } catch (RuntimeException | Error e) {
            supervisorFailure = e;
            failures.add("the run's supervisor failed (" + e + "); every participant was killed");
            killAll();
        }
        finish();
    }

    private void watchUntilAllExited() {
        long deadline = startNanos + options.timeout().toNanos();
        while (true) {
            synchronized (lifecycle) {
                boolean exited = true;
                for (int i = 0; i < processes.size(); i++) {
                    exited &= checkParticipant(i);
                }
                allExited = exited;
                if (!allExited && supervisePasses++ % PLACEMENT_EVERY_PASSES == 0) {
                    // Under the lock: a restart replaces a process and forgets its role thread.
                    samplePlacement();
                }
            }
            if (allExited) {
                return;
            }
            if (!stopping && System.nanoTime() - deadline > 0) {
                failures.add("the run did not finish within " + options.timeout().toSeconds() + " s (--timeout)");
                requestStop();
            }
            sleepMillis(SUPERVISE_INTERVAL_MILLIS);
        }
    }

    /** SIGKILL to every participant, and their exits awaited (briefly: SIGKILL cannot be refused). */
    private void killAll() {
        synchronized (lifecycle) {
            allExited = true;
            for (Process p : processes) {
                p.destroyForcibly();
            }
            for (Process p : processes) {
                try {
                    p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Notes whether the running participants were last seen on one CPU (from /proc/PID/stat): this
     * VM often packs two busy processes onto one vCPU, which changes every blocking latency. Only
     * participants that have reached RUNNING count: one still starting has no role thread yet, and
     * the /proc reads would take CPU from the JVMs starting beside it.
     */
    private void samplePlacement() {
        int first = -2;
        boolean same = true;
        int seen = 0;
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            int cpu = p.isAlive() && runningAfterNanos[i] != 0 ? ProcStat.readThread(p.pid(), roleThread(i, p.pid())).map(ProcStat::lastCpu).orElse(-1) : -1;
            if (cpu >= 0) {
                same &= first == -2 || first == cpu;
                first = cpu;
                seen++;
            }
        }
        if (seen >= 2) {
            placementSamples++;
            sameCpuSamples += same ? 1 : 0;
        }
    }

    /**
     * The thread participant i's role runs on (not the JVM's first thread, which only waits),
     * looked up in /proc once the participant is RUNNING (only then does it exist) and remembered;
     * {@link #restart} forgets it.
     */
    private long roleThread(int i, long pid) {
        if (roleTids[i] == 0) {
            roleTids[i] = ProcStat.roleThread(pid).orElse(pid);
        }
        return roleTids[i];
    }

    /**
     * When a participant seen in RUNNING or later got there, on the clock every process shares
     * (CLOCK_MONOTONIC): the time it published its state, if it is still RUNNING, else that of the
     * later state, which bounds it from above; now if the record predates this launch (a dead
     * predecessor's). Exact to the publish rather than to the supervisor's pass, 10 ms apart.
     */
    private static long runningAt(ParticipantSnapshot s, long launchedNanos) {
        long now = System.nanoTime();
        long since = s.stateSinceNanos();
        return since - launchedNanos > 0 && since - now <= 0 ? since : now;
    }

    /** Returns true once participant i has exited (and records how). */
    private boolean checkParticipant(int i) {
        Process p = processes.get(i);
        String name = plan.participants().get(i).name();
        if (!p.isAlive()) {
            if (exits[i] == null) {
                int code = p.exitValue();
                exits[i] = describeExit(code);
                if (code != 0 && !stopping) {
                    failures.add("participant " + name + " (pid " + p.pid() + ") " + exits[i]);
                    // Only a participant that had started can be done without: one that died
                    // starting would leave the others waiting for it.
                    boolean othersGoOn = scenario.othersContinueAfterDeath(params) || options.letFaultsPlayOut();
                    if (!othersGoOn || runningAfterNanos[i] == 0) {
                        requestStop();
                    }
                }
            }
            return true;
        }
        if (runningAfterNanos[i] == 0) {
            lab.participant(i).read().filter(s -> s.state().ordinal() >= ParticipantState.RUNNING.ordinal())
                    .ifPresent(s -> runningAfterNanos[i] = runningAt(s, launchedNanos[i]) - launchedNanos[i]);
        }
        long heartbeat = lab.participant(i).heartbeatNanos();
        // A heartbeat from before this process started is its dead predecessor's (after a restart).
        boolean current = heartbeat != 0 && heartbeat - launchedNanos[i] > 0;
        if (!stopping && current && System.nanoTime() - heartbeat > HEARTBEAT_TIMEOUT_NANOS && !finishedRole(i)) {
            Optional<ProcStat> stat = ProcStat.read(p.pid());
            if (stat.map(ProcStat::zombie).orElse(true)) {
                // Already dead, not yet reaped: its exit is recorded (as a death) on a later pass.
                return false;
            }
            boolean stopped = stat.get().stopped();
            if (options.letFaultsPlayOut() && (stopped || seenStoppedNanos[i] != 0 && System.nanoTime() - seenStoppedNanos[i] < HEARTBEAT_TIMEOUT_NANOS)) {
                // Stopped on purpose (SIGSTOP), or continued so recently that its heartbeat has not caught up.
                if (stopped) {
                    seenStoppedNanos[i] = System.nanoTime();
                }
                return false;
            }
            failures.add("participant " + name + " (pid " + p.pid() + ") " + (stopped ? "is stopped (SIGSTOP)" : "stopped responding")
                    + ": no heartbeat for " + (System.nanoTime() - heartbeat) / 1_000_000 + " ms");
            requestStop();
        }
        return false;
    }

    /** Whether participant i published DONE or FAILED (its heartbeat stops while it exits). */
    private boolean finishedRole(int i) {
        return lab.participant(i).read().map(s -> s.state().isFinal()).orElse(false);
    }

    static String describeExit(int code) {
        if (code == 0) {
            return "finished";
        }
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            return "died: killed by " + signalName(signal);
        }
        return switch (code) {
            case 2 -> "failed: bad arguments or segment (exit 2)";
            case 3 -> "failed (exit 3)";
            case 4 -> "exited: its parent process died (exit 4)";
            default -> "exited with code " + code;
        };
    }

    static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "SIGKILL";
            case 15 -> "SIGTERM";
            case 6 -> "SIGABRT";
            case 11 -> "SIGSEGV";
            case 7 -> "SIGBUS";
            case 2 -> "SIGINT";
            case 1 -> "SIGHUP";
            default -> "signal " + signal;
        };
    }

    /**
     * Tells every participant to stop; SIGTERM and SIGKILL follow for those that do not. Does
     * nothing once the run has ended (its segment is then unmapped).
     */
    public void requestStop() {
        synchronized (mappingLock) {
            if (stopping || unmapped) {
                return;
            }
            stopping = true;
            lab.control().setCommand(ControlBlock.Command.STOP);
        }
        Thread.ofPlatform().daemon().name("run-stopper").start(this::escalate);
    }

    private void escalate() {
        if (waitAllExited(STOP_GRACE)) {
            return;
        }
        processes.stream().filter(Process::isAlive).forEach(Process::destroy);
        if (waitAllExited(STOP_GRACE)) {
            return;
        }
        processes.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    private boolean waitAllExited(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Process p : processes) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Builds the result, removes the run's kernel objects and releases waiters — the last two whatever happens in the first. */
    private void finish() {
        try {
            for (Thread pump : pumps) {
                try {
                    pump.join(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<ParticipantOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                outcomes.add(new ParticipantOutcome(lastSnapshot(i), p.isAlive() ? -1 : p.exitValue(), exits[i],
                        Duration.ofNanos(runningAfterNanos[i]), Duration.ofNanos(startedAheadNanos[i])));
            }
            List<Scenario.Finding> findings = List.of();
            try {
                findings = scenario.verdict(lab, params);
            } catch (RuntimeException e) {
                failures.add("could not read the run's findings: " + e.getMessage());
            }
            result = new RunResult(scenario.name(), params, segment.address().display(), Duration.ofNanos(System.nanoTime() - startNanos),
                    outcomes, findings, failures, scenario.integrityRequired(params),
                    new RunResult.Placement(placementSamples, sameCpuSamples));
        } catch (RuntimeException | Error e) {
            if (supervisorFailure == null) {
                supervisorFailure = e;
            }
        } finally {
            try {
                releaseKernelObjects();
            } finally {
                LiveRuns.ended(this);
                finished.countDown();
            }
        }
    }

    private ParticipantSnapshot lastSnapshot(int i) {
        ParticipantSnapshot s = lab.participant(i).read().filter(r -> !r.name().isEmpty()).orElseGet(() -> emptySnapshot(i));
        if (processes.get(i).exitValue() != 0 && !s.state().isFinal()) {
            return s.withState(ParticipantState.DEAD);
        }
        return s;
    }

    private ParticipantSnapshot emptySnapshot(int i) {
        return new ParticipantSnapshot(i, plan.participants().get(i).name(), processes.get(i).pid(), plan.participants().get(i).role(),
                ParticipantState.DEAD, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Removes the scenario's objects, whatever participants created and left, and the lab segment. */
    private void releaseKernelObjects() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            failures.add("could not remove a scenario object: " + e.getMessage());
        }
        Set<Long> pids = Set.copyOf(allPids);
        for (ObjectRegistry.Entry entry : ObjectRegistry.entries()) {
            if (pids.contains(entry.creatorPid())) {
                try {
                    ObjectRegistry.removeObject(entry);
                } catch (RuntimeException e) {
                    failures.add("could not remove " + entry.kind() + " " + entry.name() + ": " + e.getMessage());
                }
            }
        }
        removeUnregisteredSysV(pids);
        synchronized (mappingLock) {
            // The name is removed below, but the mapping stays: threads of this process (a window's
            // sampler, a test's poll) may still read the records, and a read of unmapped memory
            // kills the whole JVM. The pages go when the process ends.
            unmapped = true;
        }
        segment.remove();
    }

    /**
     * Removes System V segments a participant created but did not live to register (killed
     * between {@code shmget} and the registry write): the kernel names their creator.
     */
    private void removeUnregisteredSysV(Set<Long> pids) {
        for (IpcObject o : IpcListing.all()) {
            if (o.kind() == ObjectRegistry.Kind.SYSV_SHM && o.creator() != null && pids.contains(o.creator().pid())) {
                try {
                    Os.shmRemove(o.id());
                } catch (RuntimeException e) {
                    failures.add("could not remove System V segment id=" + o.id() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Waits for the end of the run (at most the timeout plus the stop grace) and returns its result. */
    public RunResult await() {
        try {
            if (!finished.await(options.timeout().toMillis() + 4 * STOP_GRACE.toMillis() + 5000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("run supervisor did not finish");
            }
            if (result == null) {
                throw new IllegalStateException("the run ended without a report: its supervisor failed (" + supervisorFailure
                        + "); its participants were killed and its kernel objects removed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestStop();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        }
        return result;
    }

    /** Stops the run if still going, waits for it and releases everything. Idempotent. */
    public void shutdown() {
        if (supervisor == null) {
            processes.forEach(Process::destroyForcibly);
            finish();
            return;
        }
        requestStop();
        await();
    }

    @Override
    public void close() {
        if (finished.getCount() > 0) {
            shutdown();
        }
    }

    public LabSegment lab() {
        return lab;
    }

    public Segment segment() {
        return segment;
    }

    public ControlBlock control() {
        return lab.control();
    }

    public RunPlan plan() {
        return plan;
    }

    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    /** The PID of participant i's process. */
    public long pid(int i) {
        return processes.get(i).pid();
    }

    /** Sends a signal to participant i (fault injection: SIGKILL, SIGSTOP, SIGCONT). */
    public boolean signal(int i, int signal) {
        Process p = processes.get(i);
        return p.isAlive() && Os.kill((int) p.pid(), signal);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
