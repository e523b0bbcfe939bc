package dev.shmlab.app;

import dev.shmlab.ShmlabException;
import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunResult;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.LabGeometry;
import dev.shmlab.layout.LabLayoutDescriptor;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.Monitor;
import dev.shmlab.monitor.Recorder;
import dev.shmlab.monitor.Recording;
import dev.shmlab.monitor.SnapshotHistory;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.Segments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run as the window sees it: the launched {@link Run}, the window's own mapping of the lab
 * segment, the sampler and the participants' output lines. Every method is safe from any thread.
 *
 * <p>The window maps the segment itself instead of using the run's mapping: the run unmaps its
 * own when it ends, and a control write or a sample through an unmapped address would crash the
 * whole process. This mapping lives until the run has ended and the sampler has stopped; it does
 * not keep the object alive ({@code /dev/shm} loses the name as soon as the run unlinks it).
 */
public final class LabSession implements AutoCloseable {
    /** The sampler's interval: 200 samples per second. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofMillis(5);
    /** A window run may last a lecture. */
    static final Duration RUN_TIMEOUT = Duration.ofHours(12);
    private static final long IMAGE_INTERVAL_NANOS = 250_000_000L;
    private static final int MAX_QUEUED_LINES = 20_000;
    /** The hex view shows at most this much of a section. */
    public static final int MAX_IMAGE_BYTES = 1024;

    /** Every session started and not yet closed, so closing the window can never leave a run behind. */
    private static final java.util.Set<LabSession> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Run run;
    private final Scenario scenario;
    private final Segment mapping;
    private final LabSegment lab;
    private final Monitor monitor;
    private final Queue<LogLine> lines;
    private final AtomicInteger queuedLines;
    private final String paramsJson;
    private final ScenarioParams params;
    private final AtomicReference<List<Scenario.Finding>> liveFindings = new AtomicReference<>(List.of());
    private final AtomicReference<SegmentImage> image = new AtomicReference<>();
    private final AtomicReference<SegmentImage> headerImage = new AtomicReference<>();
    private final AtomicReference<LabSnapshot> finalSnapshot = new AtomicReference<>();
    private final AtomicReference<RunResult> result = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final SnapshotHistory history = new SnapshotHistory();
    private final Recorder recorder;
    private final AtomicReference<String> recordingProblem = new AtomicReference<>();
    private final Object lock = new Object();
    private final Thread watcher;
    private volatile long imageOffset;
    private volatile int imageLength = MAX_IMAGE_BYTES;
    private volatile long lastImageNanos;
    private volatile boolean ended;
    private boolean mapped = true;

    private LabSession(Run run, Scenario scenario, ScenarioParams params, Queue<LogLine> lines, AtomicInteger queuedLines, Path recordTo) {
        this.run = run;
        this.scenario = scenario;
        this.params = params;
        this.lines = lines;
        this.queuedLines = queuedLines;
        this.mapping = Segments.open(run.segment().address(), false);
        try {
            this.lab = LabSegment.attach(mapping.memory(), Duration.ofSeconds(1));
            this.paramsJson = lab.paramsJson();
            this.monitor = Monitor.of(lab, run.segment().address().display(), SAMPLE_INTERVAL);
            this.recorder = recordTo == null ? null : Recorder.create(recordTo, Recording.Header.of(scenario, params,
                    run.segment().address().display(), Recorder.DEFAULT_INTERVAL.toNanos()));
        } catch (RuntimeException e) {
            mapping.close();
            throw e;
        }
        monitor.addListener(this::copyImageIfDue);
        monitor.addListener(history);
        if (recorder != null) {
            monitor.addListener(recorder);
        }
        monitor.start();
        this.watcher = Thread.ofPlatform().daemon().name("session-watcher").start(this::awaitEnd);
    }

    /** Starts the scenario's participants and begins sampling; on failure nothing is left behind. */
    public static LabSession start(Scenario scenario, ScenarioParams params, Duration pace) {
        return start(scenario, params, pace, false);
    }

    /** Starts the participants, paused before their first line when {@code paused}, and begins sampling. */
    public static LabSession start(Scenario scenario, ScenarioParams params, Duration pace, boolean paused) {
        return start(scenario, params, pace, paused, null);
    }

    /**
     * Starts the participants and begins sampling, recording every sample to {@code recordTo} when it
     * is not null. A recorded run starts paused and is released only once the recorder listens, so
     * the recording holds the participants from their first line.
     */
    public static LabSession start(Scenario scenario, ScenarioParams params, Duration pace, boolean paused, Path recordTo) {
        Queue<LogLine> lines = new ConcurrentLinkedQueue<>();
        AtomicInteger queued = new AtomicInteger();
        Run run = Run.start(scenario, params, RunOptions.defaults().withPace(pace).withTimeout(RUN_TIMEOUT).withStartPaused(paused || recordTo != null)
                        // Faults injected from the window are the lesson: the others find out for themselves.
                        .withLetFaultsPlayOut(true),
                (index, name, text, error) -> {
                    lines.add(new LogLine(index, name, text, error));
                    if (queued.incrementAndGet() > MAX_QUEUED_LINES && lines.poll() != null) {
                        queued.decrementAndGet();
                    }
                });
        try {
            LabSession session = new LabSession(run, scenario, params, lines, queued, recordTo);
            OPEN.add(session);
            if (recordTo != null && !paused) {
                session.resume();
            }
            return session;
        } catch (RuntimeException e) {
            run.shutdown();
            throw e;
        }
    }

    private void awaitEnd() {
        RunResult r = null;
        try {
            r = run.await();
        } catch (IllegalStateException e) {
            failure.set(e.getMessage());
        } finally {
            synchronized (lock) {
                finalSnapshot.set(monitor.sample());
                monitor.close();
                mapping.close();
                mapped = false;
            }
            finishRecording(finalSnapshot.get());
            result.set(r);
            ended = true;
        }
    }

    /** Gives the recorder the state the participants left and closes the file; a failure is kept for the window to say. */
    private void finishRecording(LabSnapshot last) {
        if (recorder == null) {
            return;
        }
        try {
            recorder.accept(last);
            recorder.close();
        } catch (ShmlabException e) {
            recordingProblem.set(e.getMessage());
        }
    }

    private void copyImageIfDue(LabSnapshot snapshot) {
        if (snapshot.timeNanos() - lastImageNanos < IMAGE_INTERVAL_NANOS) {
            return;
        }
        lastImageNanos = snapshot.timeNanos();
        liveFindings.set(scenario.liveFindings(lab, params));
        headerImage.set(copy(0, LabLayoutDescriptor.HEADER_LENGTH + LabLayoutDescriptor.CONTROL_LENGTH, snapshot.timeNanos()));
        image.set(copy(imageOffset, imageLength, snapshot.timeNanos()));
    }

    private SegmentImage copy(long offset, int length, long timeNanos) {
        long size = lab.memory().sizeBytes();
        long from = Math.min(offset, size);
        byte[] bytes = new byte[(int) Math.min(length, size - from)];
        lab.memory().getBytes(from, bytes, 0, bytes.length);
        return new SegmentImage(from, bytes, timeNanos);
    }

    /** Which bytes the next segment images copy (clamped to the segment). */
    public void requestImage(long offset, int length) {
        imageOffset = Math.max(0, offset);
        imageLength = Math.max(0, Math.min(MAX_IMAGE_BYTES, length));
        lastImageNanos = 0;
    }

    /** The newest sample; after the end, the one taken once every participant had exited. */
    public LabSnapshot latest() {
        LabSnapshot last = finalSnapshot.get();
        return last != null ? last : monitor.latest();
    }

    /** Every message hop read since the previous call. */
    public List<MessageEvent> drainEvents() {
        return monitor.drainEvents();
    }

    /** Up to {@code max} of the participants' lines printed since the previous call. */
    public List<LogLine> drainLines(int max) {
        List<LogLine> out = new ArrayList<>();
        LogLine line;
        while (out.size() < max && (line = lines.poll()) != null) {
            queuedLines.decrementAndGet();
            out.add(line);
        }
        return out;
    }

    /** The newest copy of the bytes asked for with {@link #requestImage}; null before the first. */
    public SegmentImage image() {
        return image.get();
    }

    /** The newest copy of the header and control block; null before the first. */
    public SegmentImage headerImage() {
        return headerImage.get();
    }

    /** The run's snapshots thinned out to one per 100 ms, ending with the newest: the metrics export. */
    public List<LabSnapshot> history() {
        return history.snapshots();
    }

    /** The file this run is recorded to, or null when it is not recorded. */
    public Path recording() {
        return recorder == null ? null : recorder.file();
    }

    /** Why the recording could not be written completely, or null. */
    public String recordingProblem() {
        return recordingProblem.get();
    }

    /** Samples taken since the start. */
    public long samples() {
        return monitor.samples();
    }

    public void pause() {
        control(ControlBlock.Command.PAUSE);
    }

    public void resume() {
        control(ControlBlock.Command.RUN);
    }

    /** Lets every paused participant take one step. */
    public void step() {
        synchronized (lock) {
            if (mapped) {
                lab.control().grantStep();
            }
        }
    }

    /** Lets one paused participant take one step; the others stay where they are. */
    public void step(int participant) {
        synchronized (lock) {
            if (mapped) {
                lab.participant(participant).grantStep();
            }
        }
    }

    public void pace(Duration pace) {
        synchronized (lock) {
            if (mapped) {
                lab.control().setPaceNanos(pace.toNanos());
            }
        }
    }

    private void control(ControlBlock.Command command) {
        synchronized (lock) {
            if (mapped) {
                lab.control().setCommand(command);
            }
        }
    }

    /** Asks the participants to stop; the run then removes every kernel object by itself. */
    public void requestStop() {
        run.requestStop();
    }

    /** Sends a signal to participant i. */
    public boolean signal(int participant, int signal) {
        return run.signal(participant, signal);
    }

    /** Why participant i cannot be started again now, or empty when it can. */
    public java.util.Optional<String> restartRefusal(int participant) {
        return run.restartRefusal(participant);
    }

    /** Starts participant i again into its slot (see {@link Run#restart}); returns the new PID. */
    public long restart(int participant) {
        return run.restart(participant);
    }

    /** Switches synchronisation on or off for the participants, at their next step. */
    public void syncEnabled(boolean enabled) {
        synchronized (lock) {
            if (mapped) {
                lab.control().setSyncEnabled(enabled);
            }
        }
    }

    /** Whether synchronisation is on (read from the control block; true once the run has ended). */
    public boolean syncEnabled() {
        synchronized (lock) {
            return !mapped || lab.control().syncEnabled();
        }
    }

    /** The scenario's run-level damage so far (lost updates), read four times a second. */
    public List<Scenario.Finding> liveFindings() {
        return liveFindings.get();
    }

    /** The run's outcome once it has ended; null before (or if the supervisor did not answer). */
    public RunResult result() {
        return result.get();
    }

    /** Whether the run has ended and the window's mapping is gone. */
    public boolean isEnded() {
        return ended;
    }

    /** Why the run's outcome is unknown (the supervisor did not answer), or null. */
    public String failure() {
        return failure.get();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The participants and sync objects of this run. */
    public RunPlan plan() {
        return run.plan();
    }

    public String segmentName() {
        return run.segment().address().display();
    }

    public Backend backend() {
        return run.segment().backend();
    }

    public long segmentSizeBytes() {
        return lab.geometry().totalLength();
    }

    public LabGeometry geometry() {
        return lab.geometry();
    }

    public String paramsJson() {
        return paramsJson;
    }

    /** Stops the run if it still goes, waits until its kernel objects are removed and the mapping is gone. */
    @Override
    public void close() {
        OPEN.remove(this);
        run.shutdown();
        try {
            watcher.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every session still open: stops its participants and removes its kernel objects. */
    public static void closeAll() {
        for (LabSession session : java.util.List.copyOf(OPEN)) {
            session.close();
        }
    }
}
