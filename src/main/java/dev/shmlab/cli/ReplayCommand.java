package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.monitor.Explainer;
import dev.shmlab.monitor.Export;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.Recording;
import dev.shmlab.monitor.Replay;
import dev.shmlab.scenario.ParamSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shmlab replay FILE [--speed 2] [--interval 1s] [--explain] [--csv FILE] [--json FILE]}:
 * plays a recording made with {@code shmlab run --record} (or the window) as the table
 * {@code shmlab watch} prints live, one table per interval of recorded time. No process and no
 * shared-memory object is involved.
 */
@Command(name = "replay", description = {
        "Replay a recorded run as the table 'shmlab watch' shows live, one table per interval of recorded time.",
        "Recordings come from 'shmlab run --record FILE' or the window; no process or shared memory is involved."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A recording (" + Recording.FILE_SUFFIX + ").")
    private Path file;

    @Option(names = "--speed", paramLabel = "FACTOR", description = "Recorded seconds per second of playback (default 1; 0.05 to 1000).")
    private double speed = 1;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Recorded time between tables (default 1s).")
    private String interval = "1s";

    @Option(names = "--explain", description = "Print the plain-words explanation under each table.")
    private boolean explain;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the metrics as CSV to FILE.")
    private Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the run summary as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() {
        long intervalMs = (long) ParamSpec.durationMs("interval", 1000, 10, 3_600_000, "").parse(interval);
        if (!(speed >= 0.05 && speed <= 1000)) {
            throw new InvalidInputException("--speed: must be between 0.05 and 1000 (got " + speed + ")");
        }
        Replay replay = Replay.open(file);
        if (csv != null) {
            Export.writeMetricsCsv(replay, csv);
        }
        if (json != null) {
            Export.writeSummaryJson(replay, json);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(replay));
        Explainer explainer = new Explainer(replay.pseudoCode(), replay.header().participants());
        Map<Integer, Long> lastSent = new HashMap<>();
        long intervalNanos = intervalMs * 1_000_000L;
        for (long t = 0; ; t += intervalNanos) {
            long at = Math.min(t, replay.durationNanos());
            LabSnapshot s = replay.at(at);
            out.printf(Locale.ROOT, "%n[%.1f s of %.1f s]", at / 1e9, replay.durationNanos() / 1e9);
            out.print(WatchCommand.render(s, lastSent, intervalMs));
            if (explain) {
                out.println(Explainer.text(explainer.explain(s)));
            }
            out.flush();
            if (at >= replay.durationNanos()) {
                break;
            }
            LockSupport.parkNanos((long) (intervalNanos / speed));
        }
        out.println();
        out.println("end of the recording" + (replay.end().isPresent() ? "" : " (it was cut short: its recorder did not close it)"));
        return Main.EXIT_OK;
    }

    private static String describe(Replay replay) {
        Recording.Header h = replay.header();
        String params = h.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "recording of %s (%s) made %s: %.1f s, %d snapshots, %d hops", h.scenario(), params,
                h.recordedAt(), replay.durationNanos() / 1e9, replay.snapshots().size(), replay.hops().size());
    }
}
