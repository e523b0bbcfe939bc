package dev.shmlab.bench;

import dev.shmlab.ShmlabException;
import dev.shmlab.launch.ParticipantCommand;
import dev.shmlab.launch.ParticipantOutcome;
import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunResult;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code shmlab bench startup}: how long participants take from launch to RUNNING when several
 * start at once, beside how long the JVM alone takes to reach {@code main} when started the same
 * way: with the participants' start-up cache, and with only the JDK's own class-data archive. The
 * participants are round-robin's clients (one message each); the JVMs alone run a participant's
 * command with {@link dev.shmlab.participant.ParticipantMain#STARTED_OPTION}, which prints the
 * clock and exits. The kinds alternate in every round, since this machine's speed drifts over
 * minutes. One unmeasured round first reads everything into the page cache.
 */
public final class StartupBench {
    /** The scenario whose clients are timed: N of them start at once, and one message each is enough. */
    static final String SCENARIO = "round-robin";
    private static final long REFERENCE_TIMEOUT_SECONDS = 30;
    private static final java.time.Duration PARTICIPANT_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** What is timed, in the order each round runs them. */
    public enum Kind {
        JDK_ARCHIVE("JVM alone, JDK's class-data archive", "to main"),
        STARTUP_CACHE("JVM alone, participants' start-up cache", "to main"),
        PARTICIPANT("participant (round-robin client)", "to RUNNING");

        private final String label;
        private final String until;

        Kind(String label, String until) {
            this.label = label;
            this.until = until;
        }

        public String label() {
            return label;
        }

        public String until() {
            return until;
        }
    }

    /** How many start at once: round-robin's own number of clients (its bounds and default), renamed. */
    public static final ParamSpec PROCESSES = clientsAs("processes");
    public static final int DEFAULT_ROUNDS = 10;

    /** {@code processes} started at once, {@code rounds} times. */
    public record Plan(int processes, int rounds) {
    }

    /**
     * Per kind, per round, each process's time from launch to its mark, in nanoseconds. Without a
     * start-up cache (a class path of directories has none) that kind is not measured.
     */
    public record Result(Plan plan, Map<String, Object> machine, Map<Kind, List<long[]>> nanos, double wallSeconds) {
        /** The kinds measured, in order. */
        public List<Kind> kinds() {
            return List.copyOf(nanos.keySet());
        }

        /** The JVM alone started exactly as the participants were: with their start-up cache if they had one. */
        public Kind jvmAsParticipants() {
            return nanos.containsKey(Kind.STARTUP_CACHE) ? Kind.STARTUP_CACHE : Kind.JDK_ARCHIVE;
        }

        /** Per round, the slowest process of the kind: what a user waits for. */
        public long[] slowestPerRound(Kind kind) {
            return nanos.get(kind).stream().mapToLong(round -> Arrays.stream(round).max().orElseThrow()).toArray();
        }

        /** Every process of every round. */
        public long[] all(Kind kind) {
            return nanos.get(kind).stream().flatMapToLong(Arrays::stream).toArray();
        }

        /** The median of each round's slowest process of the kind. */
        public double slowestMedian(Kind kind) {
            return median(slowestPerRound(kind));
        }

        /** The median over every process of the kind. */
        public double median(Kind kind) {
            return median(all(kind));
        }

        private static double median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        }
    }

    private StartupBench() {
    }

    private static ParamSpec clientsAs(String name) {
        ParamSpec clients = Catalog.byName(SCENARIO).parameters().stream().filter(p -> p.name().equals("clients")).findFirst().orElseThrow();
        return ParamSpec.integer(name, (Long) clients.defaultValue(), clients.min(), clients.max(), "");
    }

    public static Result run(Plan plan, BenchRunner.Progress progress) {
        long start = System.nanoTime();
        Scenario scenario = Catalog.byName(SCENARIO);
        ScenarioParams params = ScenarioParams.of(scenario.parameters(),
                Map.of("clients", Integer.toString(plan.processes()), "messages", "1"), SCENARIO);
        boolean quick = !scenario.measuresPeakSpeed(params);
        int steps = plan.rounds() + 1;
        progress.step(1, steps, "a round that is not measured: the start-up cache made if missing, files read into memory");
        ParticipantCommand.prepareStartupCache();
        boolean cached = ParticipantCommand.forStartReference(quick, true).stream().anyMatch(o -> o.startsWith("-XX:AOTCache="));
        measureRound(plan, scenario, params, quick, cached);
        Map<Kind, List<long[]>> nanos = new java.util.EnumMap<>(Kind.class);
        for (int round = 1; round <= plan.rounds(); round++) {
            progress.step(round + 1, steps, "round " + round + ": " + plan.processes() + " processes at once, each way");
            Map<Kind, long[]> measured = measureRound(plan, scenario, params, quick, cached);
            measured.forEach((kind, times) -> nanos.computeIfAbsent(kind, k -> new ArrayList<>()).add(times));
        }
        return new Result(plan, BenchRunner.machine(), nanos, (System.nanoTime() - start) / 1e9);
    }

    private static Map<Kind, long[]> measureRound(Plan plan, Scenario scenario, ScenarioParams params, boolean quick, boolean cached) {
        Map<Kind, long[]> round = new java.util.EnumMap<>(Kind.class);
        round.put(Kind.JDK_ARCHIVE, jvmsAlone(ParticipantCommand.forStartReference(quick, false), plan.processes()));
        if (cached) {
            round.put(Kind.STARTUP_CACHE, jvmsAlone(ParticipantCommand.forStartReference(quick, true), plan.processes()));
        }
        round.put(Kind.PARTICIPANT, participants(scenario, params));
        return round;
    }

    /** Starts {@code count} copies of the command at once; each prints the monotonic clock at main. */
    private static long[] jvmsAlone(List<String> command, int count) {
        long[] launched = new long[count];
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                launched[i] = System.nanoTime();
                processes.add(ParticipantCommand.builder(command).redirectErrorStream(true).start());
            }
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = mainReachedAt(processes.get(i)) - launched[i];
            }
            return times;
        } catch (IOException e) {
            throw new ShmlabException("cannot start a JVM (" + command.getFirst() + "): " + e.getMessage(), e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private static long mainReachedAt(Process p) throws IOException {
        try {
            if (!p.waitFor(REFERENCE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ShmlabException("a JVM started for reference did not finish within " + REFERENCE_TIMEOUT_SECONDS
                        + " s; is the machine overloaded?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShmlabException("interrupted while timing a JVM's start");
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        // The clock is the last line: the JVM may say something first (JAVA_TOOL_OPTIONS, a warning).
        String last = output.lines().reduce((first, second) -> second).orElse("");
        try {
            return Long.parseLong(last);
        } catch (NumberFormatException e) {
            throw new ShmlabException("a JVM started for reference exited with " + p.exitValue() + " and said: "
                    + (output.isEmpty() ? "nothing" : output.lines().findFirst().orElse("")));
        }
    }

    /** One run of the scenario: each client's time from launch to RUNNING. */
    private static long[] participants(Scenario scenario, ScenarioParams params) {
        Run run = Run.start(scenario, params, RunOptions.defaults().withTimeout(PARTICIPANT_TIMEOUT), (index, name, line, error) -> {
        });
        RunResult result = run.await();
        if (result.exitCode() != RunResult.EXIT_OK) {
            throw new ShmlabException(SCENARIO + " failed while its start was timed: " + String.join("; ", result.failures()));
        }
        return result.participants().stream().map(ParticipantOutcome::runningAfter).mapToLong(java.time.Duration::toNanos).toArray();
    }
}
