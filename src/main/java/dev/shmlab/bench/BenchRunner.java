package dev.shmlab.bench;

import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunResult;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.os.ProcFiles;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.Transport;
import dev.shmlab.scenario.TransportsDescriptor.Phase;
import dev.shmlab.scenario.TransportsScenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a {@link BenchPlan}: first the two references in this process (the copy ceiling at every
 * size, the cache-line floor), then one {@code transports} run per transport and size, sampling
 * where its two processes run. A run that fails becomes a line saying why; the others go on.
 */
public final class BenchRunner {
    private static final Scenario TRANSPORTS = new TransportsScenario();

    /** Hears what the runner is about to do: step index (1-based) of total, and what. */
    @FunctionalInterface
    public interface Progress {
        void step(int index, int total, String what);
    }

    private BenchRunner() {
    }

    public static BenchResult run(BenchPlan plan, Progress progress) {
        long start = System.nanoTime();
        List<BenchPlan.Cell> cells = plan.cells();
        int total = cells.size() + 2;
        progress.step(1, total, "memory copy (the throughput ceiling)");
        Map<Long, Double> ceiling = new LinkedHashMap<>();
        long copyBudgetNanos = (plan.quick() ? 60 : 200) * 1_000_000L;
        for (long size : plan.sizesBytes()) {
            ceiling.put(size, CopyCeiling.megabytesPerSecond(size, copyBudgetNanos));
        }
        progress.step(2, total, "cache-line round trip between two threads (the latency floor)");
        CacheLineFloor.Result floor = CacheLineFloor.measure(plan.warmupMs() * 1_000_000L, plan.durationMs() * 1_000_000L);
        List<BenchRow> references = new ArrayList<>();
        for (long size : plan.sizesBytes()) {
            double mb = ceiling.get(size);
            references.add(new BenchRow("reference", "memcpy", "1 thread", size, -1, -1, -1, -1, mb * 1e6 / size, mb, mb, 1.0,
                    Placement.NONE, Placement.NONE, "ok"));
        }
        references.add(new BenchRow("reference", "cache-line", "2 threads", 8, floor.p50Nanos(), floor.p99Nanos(), floor.p999Nanos(),
                floor.roundTrips(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, floor.placement(), Placement.NONE, "ok"));
        List<BenchRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            BenchPlan.Cell cell = cells.get(i);
            progress.step(i + 3, total, cell.label() + ", " + BenchReport.sizeText(cell.sizeBytes()));
            rows.add(measure(plan, cell, ceiling.get(cell.sizeBytes())));
        }
        return new BenchResult(machine(), plan, references, rows, (System.nanoTime() - start) / 1e9);
    }

    /** One transports run for the cell; its line, or a line saying why it failed. */
    static BenchRow measure(BenchPlan plan, BenchPlan.Cell cell, double copyMbPerSecond) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("transport", cell.transport().cliName());
        given.put("mode", cell.slot() ? "stream" : "both");
        given.put("stream", cell.slot() ? "slot" : "ring");
        given.put("size", Long.toString(cell.sizeBytes()));
        given.put("count", Long.toString(plan.count()));
        given.put("warmup", Long.toString(plan.warmupMs()));
        given.put("duration", Long.toString(plan.durationMs()));
        given.put("cpus", plan.cpus());
        ScenarioParams params = ScenarioParams.of(TRANSPORTS.parameters(), given, TRANSPORTS.name());
        Duration timeout = Duration.ofMillis(4 * (plan.warmupMs() + plan.durationMs()) + 60_000);
        List<String> errors = new CopyOnWriteArrayList<>();
        RunResult result;
        Placement latencyPlacement;
        Placement streamPlacement;
        try (Run run = Run.start(TRANSPORTS, params, RunOptions.defaults().withTimeout(timeout),
                (index, name, line, error) -> {
                    if (error) {
                        errors.add(name + ": " + line);
                    }
                })) {
            try (PlacementSampler sampler = PlacementSampler.start(run, plan.cpus())) {
                result = run.await();
                sampler.close();
                latencyPlacement = sampler.placement(Phase.LATENCY_MEASURED);
                streamPlacement = sampler.placement(Phase.STREAM_MEASURED);
            }
        } catch (RuntimeException e) {
            return failed(cell, copyMbPerSecond, "could not run: " + e.getMessage());
        }
        if (result.exitCode() != RunResult.EXIT_OK) {
            String why = !result.failures().isEmpty() ? result.failures().getFirst()
                    : !errors.isEmpty() ? errors.getFirst() : "integrity broken: lost, duplicated or corrupted messages";
            return failed(cell, copyMbPerSecond, why);
        }
        return row(cell, result, copyMbPerSecond, latencyPlacement, streamPlacement);
    }

    private static BenchRow row(BenchPlan.Cell cell, RunResult result, double copyMbPerSecond, Placement latency, Placement stream) {
        ParticipantSnapshot writer = result.participants().getFirst().last();
        boolean hasLatency = !cell.slot() && writer.latencyCount() > 0;
        long messages = finding(result, TransportsScenario.STREAM_MESSAGES);
        long nanos = finding(result, TransportsScenario.STREAM_NANOS);
        double perSecond = nanos > 0 ? messages * 1e9 / nanos : Double.NaN;
        double mb = perSecond * cell.sizeBytes() / 1e6;
        return new BenchRow("transport", cell.transport().cliName(), streamKind(cell), cell.sizeBytes(),
                hasLatency ? writer.p50Nanos() : -1, hasLatency ? writer.p99Nanos() : -1, hasLatency ? writer.p999Nanos() : -1,
                hasLatency ? writer.latencyCount() : -1, perSecond, mb, copyMbPerSecond, mb / copyMbPerSecond,
                hasLatency ? latency : Placement.NONE, stream, "ok");
    }

    private static BenchRow failed(BenchPlan.Cell cell, double copyMbPerSecond, String why) {
        return new BenchRow("transport", cell.transport().cliName(), streamKind(cell), cell.sizeBytes(), -1, -1, -1, -1,
                Double.NaN, Double.NaN, copyMbPerSecond, Double.NaN, Placement.NONE, Placement.NONE, "FAILED: " + why);
    }

    private static String streamKind(BenchPlan.Cell cell) {
        if (cell.transport().sharedMemory()) {
            return cell.slot() ? "slot" : "ring";
        }
        return cell.transport() == Transport.MQ ? "queue" : "stream";
    }

    private static long finding(RunResult result, String name) {
        return result.findings().stream().filter(f -> f.name().equals(name)).mapToLong(Scenario.Finding::value).findFirst().orElse(-1);
    }

    /** What the table's reader needs to know about where it was measured. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", OffsetDateTime.now().withNano(0).toString());
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", cpuModel());
        m.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverage", loadAverage());
        return m;
    }

    private static String cpuModel() {
        try {
            return ProcFiles.read(Path.of("/proc/cpuinfo")).lines().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = ProcFiles.read(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
