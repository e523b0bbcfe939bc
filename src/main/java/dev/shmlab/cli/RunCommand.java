package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.launch.ParticipantCommand;
import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunReport;
import dev.shmlab.launch.RunResult;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.monitor.Monitor;
import dev.shmlab.monitor.Recorder;
import dev.shmlab.monitor.Recording;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Lesson;
import dev.shmlab.scenario.Lessons;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code shmlab run SCENARIO [--json FILE] [--pace 200ms] [--timeout 10m] [--record FILE] [scenario options]},
 * or {@code shmlab run --lesson NAME [...]}: runs a scenario (or a lesson preset) headless with real
 * participant processes, prints their lines prefixed with their names, then a summary table. Exit 0
 * when it completed with integrity intact, 3 when a participant failed or integrity broke, 2 for
 * bad input.
 */
@Command(name = "run", description = {
        "Run a scenario headless: real participant processes, their output, then a summary table.",
        "Scenario options (e.g. --clients 5) are listed by 'shmlab scenarios SCENARIO'.",
        "With --lesson NAME, run a lesson preset (see 'shmlab lessons'); scenario options given here override its parameters."},
        sortOptions = false)
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "A scenario name; see 'shmlab scenarios'.")
    private String scenarioName;

    @Option(names = "--lesson", paramLabel = "NAME", description = "Run this lesson preset instead of naming a scenario; see 'shmlab lessons'.")
    private String lessonName;

    @Option(names = "--record", paramLabel = "FILE", description = "Record the run (snapshots and message hops) to FILE, for 'shmlab replay' or the window.")
    private Path record;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    private Path json;

    @Option(names = "--pace", paramLabel = "DURATION", description = "Delay every step by this much for a demo (e.g. 200ms). Default: full speed, or the lesson's pace.")
    private String pace;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop the run if it takes longer (default: 10m).")
    private String timeout = "10m";

    @Option(names = "--quiet", description = "Print only the summary, not the participants' lines.")
    private boolean quiet;

    @Option(names = "--shared-group", description = "Create the run's objects 0660 (owner and group) instead of 0600, for a class sharing one machine.")
    private boolean sharedGroup;

    @Option(names = "--participant-program", paramLabel = "INDEX=PROGRAM",
            description = "Play participant INDEX with PROGRAM instead of shmlab's own process; it is started as PROGRAM SEGMENT INDEX PARENT_PID "
                    + "and must follow src/main/c/shmlab.h (e.g. 1=./shmlab_participant for ping-pong's reader). Repeatable.")
    private List<String> participantPrograms = new ArrayList<>();

    @Unmatched
    private List<String> scenarioArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Selection chosen = select();
        if (record != null && !Files.isDirectory(record.toAbsolutePath().getParent())) {
            throw new InvalidInputException("--record: the directory of " + record + " does not exist");
        }
        Duration timeoutDuration = Duration.ofMillis(parseDuration("--timeout", timeout, 1, 7 * 24 * 3_600_000L));
        PrintWriter out = spec.commandLine().getOut();
        if (chosen.lesson() != null && !quiet) {
            introduce(chosen.lesson(), out);
        }
        Object lock = new Object();
        RunOptions options = RunOptions.defaults().withPace(chosen.pace()).withTimeout(timeoutDuration).withSharedGroup(sharedGroup)
                .withStartPaused(record != null);
        for (String program : participantPrograms) {
            options = withProgram(options, program);
        }
        if (!quiet && !ParticipantCommand.startupCacheReady()) {
            spec.commandLine().getErr().println("shmlab: making the participants' start-up cache for this build (once, a few seconds)");
        }
        Run run = Run.start(chosen.scenario(), chosen.params(), options, printer(out, lock));
        HeadlessRecording recording = record == null ? null : HeadlessRecording.start(run, chosen, record);
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        // Every run is stopped when the JVM exits (LiveRuns); this hook waits for that stop, then
        // for the summary below, so that an interrupted run still reports what it did.
        Thread onInterrupt = new Thread(() -> {
            run.shutdown();
            try {
                reported.await(3, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "run-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        RunResult result = run.await();
        if (recording != null) {
            recording.finish();
        }
        synchronized (lock) {
            out.println();
            out.print(RunReport.table(result));
            if (recording != null) {
                out.println("recorded to " + record + "; play it with 'shmlab replay " + record + "'");
            }
            out.flush();
        }
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException alreadyShuttingDown) {
            // interrupted: the hook stopped the run and waited for the summary above
        }
        if (json != null) {
            RunReport.writeJson(result, json);
        }
        return result.exitCode();
    }

    /** Prints each participant line prefixed with its name (only errors with --quiet). */
    private Run.OutputListener printer(PrintWriter out, Object lock) {
        return (index, name, line, error) -> {
            if (!quiet || error) {
                synchronized (lock) {
                    out.println("[" + name + "] " + line);
                    out.flush();
                }
            }
        };
    }

    /** What to run: a scenario with its options, or a lesson with the options given here laid over its parameters. */
    private record Selection(Scenario scenario, ScenarioParams params, Duration pace, Lesson lesson) {
    }

    private Selection select() {
        if (scenarioName == null && lessonName == null) {
            throw new InvalidInputException("run: name a SCENARIO (see 'shmlab scenarios') or give --lesson NAME (see 'shmlab lessons')");
        }
        if (lessonName == null) {
            Scenario scenario = Catalog.byName(scenarioName);
            ScenarioParams params = ScenarioParams.of(scenario.parameters(), scenarioOptions(scenario, scenarioArgs), scenario.name());
            return new Selection(scenario, params, pace(Duration.ZERO), null);
        }
        Lesson lesson = Lessons.load().byName(lessonName);
        List<String> args = scenarioName == null ? scenarioArgs : reattach(lesson.scenario(), scenarioName, scenarioArgs);
        Map<String, String> given = new LinkedHashMap<>(lesson.parameters());
        given.putAll(scenarioOptions(lesson.scenario(), args));
        ScenarioParams params = ScenarioParams.of(lesson.scenario().parameters(), given, lesson.scenario().name());
        return new Selection(lesson.scenario(), params, pace(lesson.pace()), lesson);
    }

    /**
     * With --lesson there is no SCENARIO, so the command-line parser gives the first value of a
     * scenario option (in {@code --messages 8}, the 8) to that slot and keeps the option in the
     * unmatched list. Puts the value back after the first option left without one: a non-boolean
     * option if there is one, otherwise a boolean flag given an explicit value.
     */
    static List<String> reattach(Scenario scenario, String value, List<String> args) {
        int at = -1;
        for (boolean booleans : new boolean[] {false, true}) {
            for (int i = 0; i < args.size() && at < 0; i++) {
                String arg = args.get(i);
                boolean valueless = arg.startsWith("--") && !arg.contains("=") && (i + 1 == args.size() || args.get(i + 1).startsWith("--"));
                if (valueless && isBoolean(scenario, arg.substring(2)) == booleans) {
                    at = i;
                }
            }
        }
        if (at < 0) {
            throw new InvalidInputException("run: give a SCENARIO or --lesson NAME, not both (got \"" + value + "\")");
        }
        List<String> out = new ArrayList<>(args);
        out.add(at + 1, value);
        return out;
    }

    private Duration pace(Duration otherwise) {
        return pace == null ? otherwise : Duration.ofMillis(parseDuration("--pace", pace, 0, 60_000));
    }

    private static void introduce(Lesson lesson, PrintWriter out) {
        out.println("Lesson: " + lesson.title() + " (" + lesson.scenario().name() + ", seed " + lesson.scenario().seed() + ")");
        out.println(LessonsCommand.wrap(lesson.narrative()));
        if (lesson.startPaused()) {
            out.println("(The window starts this lesson paused, for stepping; here it runs straight through.)");
        }
        out.println();
        out.flush();
    }

    /**
     * A headless run's recording: a monitor with a mapping of its own (the run unmaps its segment
     * when it ends), a recorder on it, and the run released from its paused start only once the
     * recorder listens, so the recording sees the participants from their first line.
     */
    private record HeadlessRecording(Monitor monitor, Recorder recorder) {
        static HeadlessRecording start(Run run, Selection chosen, Path file) {
            Monitor monitor = null;
            try {
                monitor = Monitor.open(run.segment().address(), Monitor.DEFAULT_INTERVAL, false);
                Recorder recorder = Recorder.create(file, Recording.Header.of(chosen.scenario(), chosen.params(),
                        run.segment().address().display(), Recorder.DEFAULT_INTERVAL.toNanos()));
                monitor.addListener(recorder);
                monitor.start();
                run.control().setCommand(ControlBlock.Command.RUN);
                return new HeadlessRecording(monitor, recorder);
            } catch (RuntimeException e) {
                if (monitor != null) {
                    monitor.close();
                }
                run.shutdown();
                throw e;
            }
        }

        /** Records the final state the participants left in the segment and closes the file. */
        void finish() {
            try {
                monitor.stop();
                recorder.accept(monitor.sample());
                recorder.close();
            } finally {
                monitor.close();
            }
        }
    }

    /** Reads {@code --name value}, {@code --name=value} and bare boolean flags against the scenario's parameters. */
    static Map<String, String> scenarioOptions(Scenario scenario, List<String> args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new InvalidInputException("unexpected argument \"" + arg + "\"; scenario options look like --name value");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (isBoolean(scenario, name) && (i + 1 == args.size() || args.get(i + 1).startsWith("--"))) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new InvalidInputException("--" + name + ": a value is missing");
            }
            if (given.put(name, value) != null) {
                throw new InvalidInputException("--" + name + ": given twice");
            }
        }
        return given;
    }

    /** Reads {@code INDEX=PROGRAM} as given to --participant-program. */
    private static RunOptions withProgram(RunOptions options, String text) {
        int eq = text.indexOf('=');
        String program = eq < 0 ? "" : text.substring(eq + 1);
        int index;
        try {
            index = Integer.parseInt(eq < 0 ? "" : text.substring(0, eq));
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || program.isBlank()) {
            throw new InvalidInputException("--participant-program: expected INDEX=PROGRAM such as 1=./shmlab_participant (got \"" + text + "\")");
        }
        if (!java.nio.file.Files.isExecutable(Path.of(program))) {
            throw new InvalidInputException("--participant-program " + index + ": " + program + " is not an executable file");
        }
        return options.withParticipantProgram(index, List.of(Path.of(program).toAbsolutePath().toString()));
    }

    private static boolean isBoolean(Scenario scenario, String name) {
        return scenario.parameters().stream().anyMatch(p -> p.name().equals(name) && p.type() == ParamSpec.Type.BOOLEAN);
    }

    private static long parseDuration(String option, String text, long minMs, long maxMs) {
        return (long) ParamSpec.durationMs(option.substring(2), 0, minMs, maxMs, "").parse(text);
    }
}
