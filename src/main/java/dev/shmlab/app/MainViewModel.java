package dev.shmlab.app;

import dev.shmlab.ShmlabException;
import dev.shmlab.config.Preferences;
import dev.shmlab.launch.RunReport;
import dev.shmlab.launch.RunResult;
import dev.shmlab.launch.StandbyPool;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.Export;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.Recording;
import dev.shmlab.monitor.Replay;
import dev.shmlab.monitor.ReplayPlayer;
import dev.shmlab.monitor.SyncObjectSnapshot;
import dev.shmlab.InvalidInputException;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Lesson;
import dev.shmlab.scenario.Lessons;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.sync.CallLinking;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The window's state and commands. Starting and stopping happen on the background executor; the
 * frame loop calls {@link #onFrame} once per frame, which picks up their outcome, applies the
 * newest snapshot, the hops and the output lines read since the last frame. Never touches a
 * control, never holds a pointer into shared memory.
 */
public final class MainViewModel {
    public static final String DEFAULT_SCENARIO = "round-robin";
    private static final int MAX_LINES_PER_FRAME = 400;

    private final Executor background;
    private final ObservableList<Scenario> catalogue = FXCollections.observableArrayList(Catalog.all());
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ReadOnlyObjectWrapper<ParametersViewModel> parameters = new ReadOnlyObjectWrapper<>(this, "parameters");
    /** Spares kept for the next Start (see {@link #prepareSpares}). */
    static final int MOST_SPARES = 4;
    private volatile boolean keepSpares;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final DoubleProperty pacePosition = new SimpleDoubleProperty(this, "pacePosition", 0);
    private final ReadOnlyStringWrapper paceText = new ReadOnlyStringWrapper(this, "paceText", "full speed");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(this, "canStep");
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop");
    private final ReadOnlyBooleanWrapper canEdit = new ReadOnlyBooleanWrapper(this, "canEdit", true);
    private final ReadOnlyStringWrapper pauseText = new ReadOnlyStringWrapper(this, "pauseText", "Pause");
    private final RoutingViewModel routing = new RoutingViewModel();
    private final ObservableList<SemaphoreViewModel> semaphores = FXCollections.observableArrayList();
    private final ObservableList<ParticipantRow> participants = FXCollections.observableArrayList();
    private final ChartsViewModel charts = new ChartsViewModel();
    private final InspectorViewModel inspector = new InspectorViewModel();
    private final LogViewModel log = new LogViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final BannerViewModel banner = new BannerViewModel();
    private final AttachedViewModel attached;
    private final CodeViewModel code = new CodeViewModel();
    private final ExplanationViewModel explanation = new ExplanationViewModel();
    private final FaultsViewModel faults = new FaultsViewModel(status, index -> this.reported.remove(index));
    private final BooleanProperty startPaused = new SimpleBooleanProperty(this, "startPaused");
    private final ReplayViewModel replay = new ReplayViewModel(System::nanoTime);
    private final LessonsViewModel lessons = new LessonsViewModel(availableLessons());
    private final BooleanProperty record = new SimpleBooleanProperty(this, "record");
    private final ObjectProperty<Path> recordingDirectory = new SimpleObjectProperty<>(this, "recordingDirectory", defaultRecordingDirectory());
    private final ObjectProperty<Path> nextRecording = new SimpleObjectProperty<>(this, "nextRecording");
    private final ReadOnlyBooleanWrapper canOpenRecording = new ReadOnlyBooleanWrapper(this, "canOpenRecording", true);
    private final ReadOnlyBooleanWrapper canExportMetrics = new ReadOnlyBooleanWrapper(this, "canExportMetrics");
    private final ReadOnlyBooleanWrapper canExportSummary = new ReadOnlyBooleanWrapper(this, "canExportSummary");
    private PreferencesStore preferences = new PreferencesStore(null);
    private CompletableFuture<Replay> opening;
    private Path openingFile;
    private final Throttle tableRefresh = Throttle.perSecond(10);
    private final Throttle chartRefresh = Throttle.perSecond(ChartsViewModel.POINTS_PER_SECOND);
    private final Throttle inspectorRefresh = Throttle.perSecond(4);
    /** The log list is appended to in batches: each append lays out its list and scrolls it. */
    private final Throttle logRefresh = Throttle.perSecond(5);
    private final List<LogLine> pendingLines = new ArrayList<>();
    private final Set<Integer> reported = new HashSet<>();
    private PaceScale paceScale = new PaceScale(1);
    /** A lesson's pace, exact even where the slider cannot show it; dropped when the slider or the scenario changes. */
    private Duration lessonPace;
    private CompletableFuture<LabSession> starting;
    private LabSession session;
    private LabSnapshot applied;
    private RunResult lastResult;
    private boolean stopRequested;
    private boolean startedPaused;

    public MainViewModel(Executor background) {
        this.background = background;
        this.attached = new AttachedViewModel(background);
        scenario.addListener((obs, old, now) -> select(now));
        pacePosition.addListener((obs, old, now) -> {
            lessonPace = null;
            paceChanged();
        });
        state.addListener((obs, old, now) -> updateCommands());
        replay.activeProperty().addListener((obs, old, now) -> updateCommands());
        record.addListener((obs, old, now) -> showRecordingTarget());
        recordingDirectory.addListener((obs, old, now) -> showRecordingTarget());
        nextRecording.addListener((obs, old, now) -> showRecordingTarget());
        scenario.set(Catalog.byName(DEFAULT_SCENARIO));
        explanation.addAfter(faults::sentences);
    }

    private void select(Scenario s) {
        Lesson lesson = lessons.chosenProperty().get();
        if (lesson != null && !lesson.scenario().name().equals(s.name())) {
            lessons.dismiss();
        }
        ParametersViewModel p = new ParametersViewModel(s);
        p.validProperty().addListener((obs, old, now) -> updateCommands());
        p.planProperty().addListener((obs, old, now) -> showPlan(now));
        parameters.set(p);
        paceScale = new PaceScale(s.pseudoCode(0).size());
        lessonPace = null;
        paceChanged();
        showPlan(p.planProperty().get());
        updateCommands();
        if (state.get() == RunState.IDLE || state.get() == RunState.ENDED) {
            prepareSpares();
        }
    }

    /** Before a run (or after one, when the parameters change), the nodes and rows the current values would give. */
    private void showPlan(RunPlan plan) {
        if (plan == null || state.get().live() || state.get() == RunState.STARTING || state.get() == RunState.STOPPING) {
            return;
        }
        if (state.get() == RunState.ENDED) {
            state.set(RunState.IDLE);
        }
        List<String> names = plan.participants().stream().map(RunPlan.Participant::name).toList();
        routing.showParticipants(names);
        routing.showSegment("shared segment (" + plan.backend() + ")");
        rows(names);
        semaphores.setAll(plan.syncObjects().stream().map(o -> new SemaphoreViewModel(o.label(), o.kind())).toList());
        status.message("Ready: " + scenario.get().name() + " with " + names.size() + " participants. Press Start.");
        code.show(parameters.get().scenario(), plan);
        explanation.idle("Nothing runs yet. Press Start; tick \"Start paused\" to step through the code from its first line.");
    }

    private void rows(List<String> names) {
        List<ParticipantRow> fresh = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fresh.add(new ParticipantRow(i, names.get(i)));
        }
        participants.setAll(fresh);
    }

    private void updateCommands() {
        RunState s = state.get();
        ParametersViewModel p = parameters.get();
        boolean replaying = replay.activeProperty().get();
        boolean settled = s == RunState.IDLE || s == RunState.ENDED;
        canStart.set(settled && !replaying && p != null && p.validProperty().get());
        canPause.set(s.live());
        canStep.set(s == RunState.PAUSED);
        canStop.set(s.live());
        canEdit.set(settled && !replaying);
        canOpenRecording.set(settled && opening == null);
        canExportMetrics.set(replaying || session != null);
        canExportSummary.set(replaying || settled && lastResult != null);
        pauseText.set(s == RunState.PAUSED ? "Resume" : "Pause");
    }

    private Duration pace() {
        return lessonPace != null ? lessonPace : paceScale.pace(pacePosition.get());
    }

    private void paceChanged() {
        Duration pace = pace();
        paceText.set(PaceScale.describe(pace));
        if (session != null && state.get().live()) {
            session.pace(pace);
        }
    }

    // ---- commands

    /** Starts the selected scenario with the typed parameters (in the background). */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        Scenario s = parameters.get().scenario();
        ScenarioParams params = parameters.get().params();
        Duration pace = pace();
        Path recordTo = record.get() ? recordingFile(s) : null;
        nextRecording.set(null);
        rememberRun(s);
        banner.dismiss();
        stopRequested = false;
        startedPaused = startPaused.get();
        boolean paused = startedPaused;
        state.set(RunState.STARTING);
        status.message("Starting " + s.name() + "…");
        CompletableFuture<LabSession> unclaimed = starting;
        starting = CompletableFuture.supplyAsync(() -> {
            if (unclaimed != null) {
                unclaimed.join().close();
            }
            if (recordTo != null) {
                createDirectories(recordTo.toAbsolutePath().getParent());
            }
            return LabSession.start(s, params, pace, paused, recordTo);
        }, background);
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ShmlabException("cannot create the directory for the recording " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Pauses a running run, resumes a paused one. */
    public void togglePause() {
        if (state.get() == RunState.RUNNING) {
            session.pause();
            state.set(RunState.PAUSED);
            status.message("Paused: press Step to let every participant take one step, or Resume.");
        } else if (state.get() == RunState.PAUSED) {
            session.resume();
            state.set(RunState.RUNNING);
            status.message("Running " + session.scenario().name() + ".");
        }
    }

    /** While paused: the participant chosen in the code view takes one step, or every participant does. */
    public void step() {
        if (state.get() == RunState.PAUSED) {
            int chosen = code.selectedProperty().get();
            if (chosen >= 0 && chosen < participants.size()) {
                session.step(chosen);
                status.message("Step: " + participants.get(chosen).name() + " executes its highlighted line.");
            } else {
                session.step();
                status.message("Step: every participant executes its highlighted line (one that waits for another stays where it is).");
            }
        }
    }

    /** Stops the participants; the run then removes every kernel object it made. */
    public void stop() {
        if (state.get().live()) {
            stopRequested = true;
            session.requestStop();
            state.set(RunState.STOPPING);
            status.message("Stopping: participants are exiting and kernel objects are being removed…");
        }
    }

    /**
     * A fresh "Attach to a segment…" dialog model: it opens the segment on the background executor
     * and hands it to the Attached tab on {@code ui} (the UI thread).
     */
    public AttachDialogViewModel attachDialog(Executor ui) {
        return new AttachDialogViewModel(background, ui, watch -> {
            attached.show(watch);
            status.message("Watching " + watch.segmentText() + " read-only, decoded by layout " + watch.layout().name() + ".");
        });
    }

    /**
     * Starts participant processes in the background ahead of the next Start ({@link StandbyPool}):
     * Start then has the participants running in tens of milliseconds instead of after a JVM's
     * start each. At most {@value #MOST_SPARES} wait, each an idle JVM of about 40 MB.
     */
    public void prepareSpares() {
        RunPlan plan = parameters.get().planProperty().get();
        if (keepSpares && plan != null) {
            ParametersViewModel chosen = parameters.get();
            StandbyPool.prepareInBackground(Math.min(plan.participants().size(), MOST_SPARES), !chosen.scenario().measuresPeakSpeed(chosen.params()));
        }
    }

    /**
     * Binds, in the background, the futex call with which the control block wakes paused and
     * pacing participants: bound at the first Pause, Step or Resume instead, it would hold the UI
     * thread for 16-24 ms, or 90-160 ms in a process that has made no such call yet (measured in
     * a small JVM; see {@link CallLinking}).
     */
    public void linkControlCalls() {
        // A thread of its own: the window may have closed, and its executor with it, by now.
        Thread.ofPlatform().daemon().name("link-control-calls").start(CallLinking::futex);
    }

    /** Whether {@link #prepareSpares} starts any (the app's window does; a window being measured or tested does not). */
    public void keepSpares(boolean keep) {
        keepSpares = keep;
    }

    /** Stops whatever runs and waits until every kernel object of the run is removed (closing the window). */
    public void shutdown() {
        StandbyPool.discardAll();
        attached.close();
        CompletableFuture<LabSession> pending = starting;
        if (pending != null) {
            try {
                session = pending.join();
            } catch (CompletionException e) {
                session = null;
            }
            starting = null;
        }
        if (session != null) {
            session.close();
        }
    }

    // ---- frames

    /** Called once per frame on the UI thread with the frame's time (monotonic nanoseconds). */
    public void onFrame(long nowNanos) {
        status.frame(nowNanos);
        attached.onFrame(nowNanos);
        pollStarting();
        pollOpening();
        if (replay.activeProperty().get()) {
            replayFrame(nowNanos);
            return;
        }
        LabSession s = session;
        LabSnapshot snapshot = s == null ? null : s.latest();
        routing.onFrame(nowNanos, snapshot, s == null ? List.of() : s.drainEvents());
        if (s != null) {
            List<LogLine> lines = s.drainLines(MAX_LINES_PER_FRAME);
            pendingLines.addAll(lines);
            if (logRefresh.due(nowNanos) || s.isEnded()) {
                flushLog();
            }
            faults.lines(lines);
            if (snapshot != null && snapshot != applied) {
                apply(snapshot, nowNanos);
            }
            if (inspectorRefresh.due(nowNanos)) {
                inspector.update(nowNanos);
            }
            // While the next run is STARTING, the session is still the last one, long ended.
            if (s.isEnded() && (state.get().live() || state.get() == RunState.STOPPING)) {
                ended(s);
            }
        }
        boolean sampling = s != null && !s.isEnded();
        status.refresh(nowNanos, sampling ? s.samples() : -1, snapshot == null ? 0 : snapshot.runNanos());
    }

    private void flushLog() {
        if (!pendingLines.isEmpty()) {
            log.append(List.copyOf(pendingLines));
            pendingLines.clear();
        }
    }

    private void pollStarting() {
        CompletableFuture<LabSession> pending = starting;
        if (pending == null || !pending.isDone()) {
            return;
        }
        starting = null;
        try {
            attach(pending.join());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            state.set(RunState.IDLE);
            status.message("Could not start " + scenario.get().name() + ".");
            banner.show("Could not start " + scenario.get().name() + ": " + cause.getMessage(), stackTrace(cause));
        }
    }

    private void attach(LabSession s) {
        LabSession previous = session;
        if (previous != null && previous != s) {
            // A finished run has released everything already; one still going is stopped, never dropped.
            background.execute(previous::close);
        }
        session = s;
        applied = null;
        reported.clear();
        List<String> names = s.plan().participants().stream().map(RunPlan.Participant::name).toList();
        routing.showParticipants(names);
        routing.showSegment(s.segmentName() + "\n" + s.backend() + " · " + Format.count(s.segmentSizeBytes()) + " bytes");
        rows(names);
        semaphores.setAll(s.plan().syncObjects().stream().map(o -> new SemaphoreViewModel(o.label(), o.kind())).toList());
        charts.clear();
        pendingLines.clear();
        log.reset(names);
        inspector.attach(s);
        status.segment(s.segmentName() + " (" + s.backend() + ")");
        if (s.recording() != null) {
            status.recording("● recording to " + s.recording());
        }
        tableRefresh.reset();
        chartRefresh.reset();
        state.set(RunState.RUNNING);
        status.message("Running " + s.scenario().name() + " with " + names.size() + " participants.");
        code.show(s.scenario(), s.plan());
        explanation.attach(code.code(), names);
        faults.attach(s);
        if (startedPaused) {
            state.set(RunState.PAUSED);
            status.message("Paused before the first line: press Step to execute the highlighted line, or Resume.");
        }
    }

    private void apply(LabSnapshot snapshot, long nowNanos) {
        applied = snapshot;
        List<SyncObjectSnapshot> objects = snapshot.syncObjects();
        boolean tableDue = tableRefresh.due(nowNanos);
        for (int i = 0; i < Math.min(objects.size(), semaphores.size()); i++) {
            // Held "for" how long at the moment of the sample: the snapshot's clock, live or recorded.
            semaphores.get(i).update(objects.get(i), snapshot.participants(), snapshot.timeNanos(), tableDue);
        }
        if (tableDue) {
            List<ParticipantSnapshot> ps = snapshot.participants();
            for (int i = 0; i < Math.min(ps.size(), participants.size()); i++) {
                participants.get(i).update(ps.get(i));
            }
        }
        if (chartRefresh.due(nowNanos)) {
            charts.update(snapshot);
        }
        code.update(snapshot);
        if (tableDue) {
            // The damage line changes with the counters: it is rewritten when the table is.
            faults.update(snapshot);
        }
        explanation.update(snapshot, nowNanos, false);
        if (!replay.activeProperty().get()) {
            reportCasualties(snapshot);
        }
    }

    /** A participant that died or failed is said at once, in a sentence, before the run has wound down. */
    private void reportCasualties(LabSnapshot snapshot) {
        for (ParticipantSnapshot p : snapshot.participants()) {
            if ((p.state() == ParticipantState.DEAD || p.state() == ParticipantState.FAILED) && reported.add(p.index()) && !stopRequested) {
                String what = p.state() == ParticipantState.DEAD ? "died: its process is gone without finishing its role" : "failed";
                banner.show(p.name() + " (pid " + p.pid() + ") " + what + ". The others go on without it: watch whether their waits time out or they recover. Stop ends the run.",
                        "Sent " + p.sent() + ", received " + p.received() + ", in state " + p.state() + " at step " + p.step() + ".");
            }
        }
    }

    private void ended(LabSession s) {
        LabSnapshot last = s.latest();
        tableRefresh.reset();
        chartRefresh.reset();
        if (last != null) {
            apply(last, last.timeNanos());
            explanation.update(last, last.timeNanos(), true);
        }
        lastResult = s.result();
        faults.ended();
        state.set(RunState.ENDED);
        prepareSpares();
        RunOutcome outcome = RunOutcome.of(s, stopRequested);
        status.message(outcome.sentence());
        if (s.recording() != null) {
            status.recording(s.recordingProblem() != null ? "not recorded completely: " + s.recordingProblem()
                    : "recorded to " + s.recording());
        }
        if (outcome.failed()) {
            banner.show(outcome.sentence(), outcome.details());
        }
        updateCommands();
    }

    // ---- recording and replay

    /** The file the next run is recorded to: the one chosen for it, or a new one named by scenario and time in the directory. */
    private Path recordingFile(Scenario s) {
        Path chosen = nextRecording.get();
        if (chosen != null) {
            return chosen;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return recordingDirectory.get().resolve(s.name() + "-" + stamp + Recording.FILE_SUFFIX);
    }

    private void showRecordingTarget() {
        if (state.get().live() || state.get() == RunState.STARTING) {
            return;
        }
        Path chosen = nextRecording.get();
        status.recording(!record.get() ? "" : chosen != null ? "the next run records to " + chosen
                : "runs record to " + recordingDirectory.get());
    }

    /** {@code $XDG_DATA_HOME/shmlab/recordings}, or {@code ~/.local/share/shmlab/recordings}. */
    static Path defaultRecordingDirectory() {
        String data = System.getenv("XDG_DATA_HOME");
        Path base = data != null && !data.isBlank() && Path.of(data).isAbsolute() ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("shmlab").resolve("recordings");
    }

    /** Reads a recording (in the background) and then shows it instead of a run, paused at its beginning. */
    public void openRecording(Path file) {
        if (!canOpenRecording.get()) {
            return;
        }
        openingFile = file;
        status.message("Opening the recording " + file + "…");
        opening = CompletableFuture.supplyAsync(() -> Replay.open(file), background);
        updateCommands();
    }

    private void pollOpening() {
        CompletableFuture<Replay> pending = opening;
        if (pending == null || !pending.isDone()) {
            return;
        }
        opening = null;
        try {
            showReplay(pending.join(), openingFile);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            status.message("Could not open the recording.");
            banner.show("Could not open the recording: " + cause.getMessage(), stackTrace(cause));
        }
        updateCommands();
    }

    private void showReplay(Replay r, Path file) {
        Recording.Header h = r.header();
        List<String> names = h.participants();
        LabSnapshot last = r.snapshots().getLast();
        List<Integer> roles = java.util.stream.IntStream.range(0, names.size()).mapToObj(i -> last.participants().stream()
                .filter(p -> p.index() == i).mapToInt(ParticipantSnapshot::role).findFirst().orElse(0)).toList();
        banner.dismiss();
        applied = null;
        routing.showParticipants(names);
        routing.showSegment(h.segment() + "\nrecorded " + Format.count(r.snapshots().size()) + " snapshots, " + Format.count(r.hops().size()) + " hops");
        rows(names);
        semaphores.setAll(last.syncObjects().stream().map(o -> new SemaphoreViewModel(o.label(), o.kind())).toList());
        charts.clear();
        pendingLines.clear();
        log.reset(names);
        code.show(r.pseudoCode(), names, roles);
        explanation.attach(r.pseudoCode(), names);
        replay.show(r, file);
        status.segment("recording " + file.getFileName());
        status.recording("");
        status.message("Replaying " + h.scenario() + " without any process: press Play or drag the scrubber.");
    }

    private void replayFrame(long nowNanos) {
        ReplayPlayer.Frame f = replay.poll();
        if (replay.takeJump()) {
            charts.clear();
            replay.chartHistory(f.positionNanos()).forEach(charts::update);
            chartRefresh.reset();
        }
        routing.onFrame(nowNanos, f.snapshot(), f.events());
        if (f.snapshot() != applied) {
            // Every recorded snapshot is shown whole: at most 50 a second, and the last one must not be skipped.
            tableRefresh.reset();
            apply(f.snapshot(), nowNanos);
            if (!f.playing()) {
                explanation.update(f.snapshot(), nowNanos, true);
            }
        }
        status.refresh(nowNanos, -1, f.snapshot().runNanos());
    }

    /** Leaves the recording: the window shows the selected scenario, ready to start, again. */
    public void backToLive() {
        if (!replay.activeProperty().get()) {
            return;
        }
        replay.close();
        applied = session == null ? null : session.latest();
        charts.clear();
        status.segment(session == null ? "no segment" : session.segmentName() + " (" + session.backend() + ")");
        state.set(RunState.IDLE);
        showPlan(parameters.get().planProperty().get());
        showRecordingTarget();
        updateCommands();
    }

    // ---- export

    /** Writes the image of the view (taken by the view) as PNG; says in the status bar or the banner how it went. */
    public boolean exportView(Image image, Path file) {
        return export("the view", file, () -> Png.write(image, file));
    }

    /** Writes the metrics CSV of the recording shown, or of the current or last run. */
    public boolean exportMetricsCsv(Path file) {
        Replay r = replay.replay();
        if (r != null) {
            return export("the metrics", file, () -> Export.writeMetricsCsv(r, file));
        }
        LabSession s = session;
        if (s == null) {
            return refuse("There are no metrics yet: start a run or open a recording.");
        }
        List<String> names = s.plan().participants().stream().map(RunPlan.Participant::name).toList();
        return export("the metrics", file, () -> Export.writeMetricsCsv(s.history(), names, file));
    }

    /** Writes the run summary as JSON: {@code shmlab replay --json}'s for a recording, {@code shmlab run --json}'s for the last run. */
    public boolean exportSummaryJson(Path file) {
        Replay r = replay.replay();
        if (r != null) {
            return export("the run summary", file, () -> Export.writeSummaryJson(r, file));
        }
        RunResult result = lastResult;
        if (result == null || !(state.get() == RunState.ENDED || state.get() == RunState.IDLE)) {
            return refuse("The run summary is written once a run has ended.");
        }
        return export("the run summary", file, () -> {
            try {
                RunReport.writeJson(result, file);
            } catch (IOException e) {
                throw new ShmlabException("cannot write the summary " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private boolean export(String what, Path file, Runnable write) {
        try {
            write.run();
            status.message("Exported " + what + " to " + file + ".");
            return true;
        } catch (ShmlabException e) {
            status.message("Could not export " + what + ".");
            banner.show("Could not export " + what + ": " + e.getMessage(), stackTrace(e));
            return false;
        }
    }

    private boolean refuse(String sentence) {
        status.message(sentence);
        return false;
    }

    // ---- lessons and preferences

    private static List<Lesson> availableLessons() {
        try {
            return Lessons.load().all();
        } catch (ShmlabException e) {
            return Lessons.shipped().all();
        }
    }

    /** Selects the lesson's scenario with its parameters (the rest at their defaults), pace and start-paused, and shows its narrative. */
    public void chooseLesson(Lesson lesson) {
        if (!canEdit.get()) {
            return;
        }
        Scenario s = catalogue.stream().filter(c -> c.name().equals(lesson.scenario().name())).findFirst().orElse(lesson.scenario());
        if (s == scenario.get()) {
            select(s);
        } else {
            scenario.set(s);
        }
        lesson.parameters().forEach((name, text) -> parameters.get().set(name, text));
        pacePosition.set(paceScale.position(lesson.pace()));
        lessonPace = lesson.pace();
        paceChanged();
        startPaused.set(lesson.startPaused());
        lessons.choose(lesson);
        status.message("Lesson \"" + lesson.title() + "\": " + s.name() + " is ready. Press Start"
                + (lesson.startPaused() ? ", then Step through the code." : "."));
    }

    /** Where the last scenario and its parameters are kept (each Start saves them). */
    void rememberRunsIn(PreferencesStore store) {
        preferences = store;
    }

    /** Selects the scenario and parameters kept in the preferences; names no longer known are skipped. */
    void restoreLastRun(Preferences kept) {
        catalogue.stream().filter(c -> c.name().equals(kept.lastScenario())).findFirst().ifPresent(scenario::set);
        if (!scenario.get().name().equals(kept.lastScenario())) {
            return;
        }
        kept.lastParameters().forEach((name, text) -> {
            try {
                parameters.get().set(name, text);
            } catch (InvalidInputException unknown) {
                // a parameter the scenario no longer has: the rest still apply
            }
        });
    }

    private void rememberRun(Scenario s) {
        String failed = preferences.update(p -> p.withLastRun(s.name(), parameters.get().given()));
        if (failed != null) {
            banner.show("The scenario and its parameters will not be remembered: " + failed, failed);
        }
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    // ---- properties

    public ObservableList<Scenario> catalogue() {
        return catalogue;
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ReadOnlyObjectProperty<ParametersViewModel> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The pace slider's position: 0 full speed … 1 about one message per second. */
    public DoubleProperty pacePositionProperty() {
        return pacePosition;
    }

    public ReadOnlyStringProperty paceTextProperty() {
        return paceText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepProperty() {
        return canStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit.getReadOnlyProperty();
    }

    /** "Pause" while running, "Resume" while paused. */
    public ReadOnlyStringProperty pauseTextProperty() {
        return pauseText.getReadOnlyProperty();
    }

    public RoutingViewModel routing() {
        return routing;
    }

    public ObservableList<SemaphoreViewModel> semaphores() {
        return semaphores;
    }

    public ObservableList<ParticipantRow> participants() {
        return participants;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public LogViewModel log() {
        return log;
    }

    public StatusViewModel status() {
        return status;
    }

    public BannerViewModel banner() {
        return banner;
    }

    /** Another program's segment, when one is attached. */
    public AttachedViewModel attached() {
        return attached;
    }

    /** The step-through listing: whose code is shown, which line each participant is on. */
    public CodeViewModel code() {
        return code;
    }

    /** The plain-words explanation of the newest snapshot. */
    public ExplanationViewModel explanation() {
        return explanation;
    }

    /** Kill, stop, continue and restart participants; the live race toggle and the damage counted. */
    public FaultsViewModel faults() {
        return faults;
    }

    /** Whether Start starts the run paused before every participant's first line, for stepping. */
    public BooleanProperty startPausedProperty() {
        return startPaused;
    }

    /** The outcome of the last run that ended in this window, or null. */
    public RunResult lastResult() {
        return lastResult;
    }

    /** The recording shown instead of a run: scrubber, play and pause, speed. */
    public ReplayViewModel replay() {
        return replay;
    }

    /** The lesson presets and the narrative of the one chosen. */
    public LessonsViewModel lessons() {
        return lessons;
    }

    /** Whether runs started from now on are recorded. */
    public BooleanProperty recordProperty() {
        return record;
    }

    /** Where recorded runs go when no file was chosen for them. */
    public ObjectProperty<Path> recordingDirectoryProperty() {
        return recordingDirectory;
    }

    /** The file chosen for the next run's recording (used once), or null for a new file in the directory. */
    public ObjectProperty<Path> nextRecordingProperty() {
        return nextRecording;
    }

    public ReadOnlyBooleanProperty canOpenRecordingProperty() {
        return canOpenRecording.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportMetricsProperty() {
        return canExportMetrics.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportSummaryProperty() {
        return canExportSummary.getReadOnlyProperty();
    }

    /** The current run, for fault injection and measurements; null without one. */
    LabSession session() {
        return session;
    }
}
