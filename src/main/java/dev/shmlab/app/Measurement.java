package dev.shmlab.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.launch.RunResult;
import dev.shmlab.os.ProcStat;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.scenario.Catalog;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * {@code shmlab --measure}: the window's targets, measured in this session on this machine and
 * printed as a table. Time from launch to the first drawn frame; throughput of round-robin (3
 * clients, 20,000 messages each) headless ({@code shmlab run} in a child process, the window not
 * animating meanwhile) against the same run in the window with sampling at 200 Hz, alternated
 * {@value #ROUNDS} times; then 16 clients at full speed for {@value #SECONDS_16} s: frame rate
 * as the window measures it, and the resident memory of the window's process.
 *
 * <p>Throughput is messages sent divided by the run's wall time minus the time its slowest
 * participant took to start, for both, from the same {@link RunResult} fields.
 */
final class Measurement {
    static final int ROUNDS = 3;
    static final int SECONDS_16 = 10;
    private static final String MESSAGES = "20000";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private final MainWindow window;
    private final PrintStream out = System.out;

    private Measurement(MainWindow window) {
        this.window = window;
    }

    /** Runs the script on its own thread, then closes the window; the exit code is 0 when it measured everything. */
    static void begin(MainWindow window, IntConsumer exitCode) {
        Thread.ofPlatform().daemon().name("measurement").start(() -> {
            int code = 1;
            try {
                new Measurement(window).run();
                code = 0;
            } catch (Exception e) {
                System.err.println("shmlab: the measurement failed: " + e.getMessage());
                e.printStackTrace();
            } finally {
                exitCode.accept(code);
                Platform.runLater(Platform::exit);
            }
        });
    }

    private void run() throws Exception {
        awaitDrawn();
        double visible = visibleAfterSeconds();
        String loadBefore = loadAverage();
        List<Double> headless = new ArrayList<>();
        List<Double> windowed = new ArrayList<>();
        out.printf(Locale.ROOT, "window drawn %.2f s after launch; a first headless run warms up the participants' startup cache%n", visible);
        headlessRun();
        for (int round = 1; round <= ROUNDS; round++) {
            headless.add(headlessRun());
            windowed.add(windowRun());
            out.printf(Locale.ROOT, "round %d: headless %,.0f msg/s, window %,.0f msg/s%n", round, headless.getLast(), windowed.getLast());
        }
        Sixteen sixteen = sixteen();
        report(visible, headless, windowed, sixteen, loadBefore);
    }

    private void awaitDrawn() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (window.drawnNanos() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** From the process's start (as the kernel records it) to the window's first drawn frame. */
    private double visibleAfterSeconds() {
        long sinceDrawnNanos = System.nanoTime() - window.drawnNanos();
        long ageMillis = ProcStat.age(ProcessHandle.current().pid()).orElseThrow().toMillis();
        return (ageMillis - sinceDrawnNanos / 1e6) / 1e3;
    }

    // ---- throughput

    private double headlessRun() throws IOException, InterruptedException {
        Path json = Files.createTempFile("shmlab-measure-", ".json");
        try {
            fx(() -> {
                window.pauseFrames(true);
                return null;
            });
            List<String> command = new ArrayList<>(shmlabCommand());
            command.addAll(List.of("run", "round-robin", "--clients", "3", "--messages", MESSAGES, "--quiet", "--json", json.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the headless run took longer than " + RUN_LIMIT);
            }
            JsonNode result = new ObjectMapper().readTree(json.toFile());
            long sent = 0;
            long slowestStartMillis = 0;
            for (JsonNode participant : result.get("participants")) {
                sent += participant.get("sent").asLong();
                slowestStartMillis = Math.max(slowestStartMillis, participant.get("runningAfterMillis").asLong());
            }
            return rate(sent, result.get("wallTimeSeconds").asDouble(), slowestStartMillis);
        } finally {
            Files.deleteIfExists(json);
            fx(() -> {
                window.pauseFrames(false);
                return null;
            });
        }
    }

    /** {@code java -jar shmlab.jar} when running from the jar, the main class on this class path otherwise. */
    private static List<String> shmlabCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return List.of(java, "-jar", classPath);
        }
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "dev.shmlab.cli.Main");
    }

    private double windowRun() throws InterruptedException {
        RunResult r = runInWindow("3", MESSAGES, () -> { });
        if (!r.completed()) {
            throw new IllegalStateException("the run in the window did not complete: " + r.failures());
        }
        long sent = r.total(ParticipantSnapshot::sent);
        return rate(sent, r.wallTime().toNanos() / 1e9, r.slowestStart().orElse(Duration.ZERO).toMillis());
    }

    private static double rate(long sent, double wallSeconds, long slowestStartMillis) {
        return sent / Math.max(1e-3, wallSeconds - slowestStartMillis / 1e3);
    }

    /** Starts round-robin in the window, runs {@code whileRunning} once it runs, waits for the end. */
    private RunResult runInWindow(String clients, String messages, Runnable whileRunning) throws InterruptedException {
        RunResult before = fx(() -> window.model().lastResult());
        fx(() -> {
            MainViewModel m = window.model();
            m.scenarioProperty().set(Catalog.byName("round-robin"));
            m.parametersProperty().get().set("clients", clients);
            m.parametersProperty().get().set("messages", messages);
            m.pacePositionProperty().set(0);
            m.start();
            if (m.stateProperty().get() != RunState.STARTING) {
                throw new IllegalStateException("the window did not start the run: " + m.status().messageProperty().get());
            }
            return null;
        });
        awaitState(RunState.RUNNING, RunState.ENDED);
        whileRunning.run();
        awaitState(RunState.ENDED);
        RunResult r = fx(() -> window.model().lastResult());
        if (r == null || r == before) {
            throw new IllegalStateException("the run in the window ended without a result: " + fx(() -> window.model().session().failure()));
        }
        return r;
    }

    private void awaitState(RunState... states) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            RunState now = fx(() -> window.model().stateProperty().get());
            if (List.of(states).contains(now)) {
                return;
            }
            if (now == RunState.IDLE && !List.of(states).contains(RunState.IDLE)) {
                throw new IllegalStateException("the run did not start: " + fx(() -> window.model().banner().messageProperty().get()));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the window did not reach " + List.of(states) + " within " + RUN_LIMIT);
    }

    // ---- sixteen participants

    /** What 16 clients at full speed cost the window. */
    record Sixteen(List<Double> fps, long maxRssBytes, long participantsRssBytes, double samplesPerSecond, double messagesPerSecond) {
    }

    private Sixteen sixteen() throws InterruptedException {
        List<Double> fps = new ArrayList<>();
        long[] rss = new long[2];
        double[] rates = new double[2];
        runInWindow("16", "10000000", () -> {
            try {
                awaitAllRunning();
                for (int s = 0; s < SECONDS_16 * 4; s++) {
                    Thread.sleep(250);
                    if (s % 4 == 3) {
                        fps.add(fx(() -> window.model().status().frameRate().fps()));
                    }
                    rss[0] = Math.max(rss[0], ProcessMemory.rssBytes(ProcessHandle.current().pid()));
                }
                rss[1] = fx(() -> window.model().participants().stream().mapToLong(r -> ProcessMemory.rssBytes(r.pidProperty().get())).sum());
                rates[0] = fx(() -> window.model().status().samplesPerSecond());
                rates[1] = fx(() -> window.model().session().latest().messagesPerSecond());
                fx(() -> {
                    window.model().stop();
                    return null;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return new Sixteen(fps, rss[0], rss[1], rates[0], rates[1]);
    }

    private void awaitAllRunning() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = fx(() -> window.model().participants().stream().allMatch(r -> r.stateProperty().get() != null
                    && r.sentProperty().get() > 0));
            if (all) {
                Thread.sleep(1000);
                return;
            }
            Thread.sleep(100);
        }
    }

    // ---- report

    private void report(double visible, List<Double> headless, List<Double> windowed, Sixteen sixteen, String loadBefore) {
        double h = median(headless);
        double w = median(windowed);
        double fpsMedian = median(sixteen.fps());
        double fpsMin = sixteen.fps().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        out.println();
        out.printf(Locale.ROOT, "shmlab --measure on %d CPUs; load average before: %s, after: %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        row("window drawn after launch", String.format(Locale.ROOT, "%.2f s", visible), "<= 2 s", visible <= 2);
        row("frame rate, 16 clients at full speed", String.format(Locale.ROOT, "%.1f fps median, %.1f min over %d s", fpsMedian, fpsMin,
                sixteen.fps().size()), ">= 55 fps", fpsMedian >= 55);
        row("  their message rate / sampling", String.format(Locale.ROOT, "%,.0f msg/s, %.0f samples/s", sixteen.messagesPerSecond(),
                sixteen.samplesPerSecond()), "200 asked, >= 190", sixteen.samplesPerSecond() >= 190);
        row("app memory (RSS), 16 clients", mb(sixteen.maxRssBytes()), "<= 300 MB", sixteen.maxRssBytes() <= 300L * 1024 * 1024);
        row("  the 16 participants together", mb(sixteen.participantsRssBytes()), "", true);
        row("round-robin 3x20000 headless", String.format(Locale.ROOT, "%,.0f msg/s (median of %d)", h, headless.size()), "", true);
        row("the same in the window", String.format(Locale.ROOT, "%,.0f msg/s (median of %d)", w, windowed.size()), "", true);
        row("window / headless", String.format(Locale.ROOT, "%.1f %%", 100 * w / h), ">= 95 %", w >= 0.95 * h);
    }

    private void row(String what, String value, String target, boolean met) {
        out.printf(Locale.ROOT, "%-38s %-42s %-18s %s%n", what, value, target, target.isEmpty() ? "" : met ? "met" : "NOT MET");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Runs on the UI thread and waits for the answer. */
    private static <T> T fx(Supplier<T> action) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(action.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }
}
