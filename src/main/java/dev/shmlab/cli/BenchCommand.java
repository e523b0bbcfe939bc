package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.bench.BenchPlan;
import dev.shmlab.bench.BenchReport;
import dev.shmlab.bench.BenchResult;
import dev.shmlab.bench.BenchRunner;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.Transport;
import dev.shmlab.scenario.TransportsScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shmlab bench}: the transports × sizes matrix in one table, beside this machine's memory
 * copy ceiling and cache-line floor measured in the same run. Exit 0 when every line was measured
 * with every message accounted for, 1 when a line failed (the table still shows the rest), 2 for
 * bad options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, subcommands = StartupBenchCommand.class, description = {
        "Measure what shared memory costs here: one-way latency (p50/p99/p99.9), messages/s and MB/s for shared memory "
                + "(spin, futex, semaphore), pipe, UNIX socket, TCP loopback and POSIX message queue, per message size, with "
                + "where the two processes ran, beside this machine's memory-copy ceiling and cache-line floor.",
        "Progress goes to stderr, the table to stdout. 'shmlab bench startup' measures how fast participants start."})
public final class BenchCommand implements Callable<Integer> {
    private static final ParamSpec COUNT = ParamSpec.integer("count", BenchPlan.DEFAULT_COUNT, 1, 1_000_000_000, "");
    private static final ParamSpec DURATION = ParamSpec.durationMs("duration", BenchPlan.DEFAULT_DURATION_MS, 1, 3_600_000, "");
    private static final ParamSpec WARMUP = ParamSpec.durationMs("warmup", BenchPlan.DEFAULT_WARMUP_MS, 0, 60_000, "");
    private static final ParamSpec SIZE = ParamSpec.size("sizes", 64, 1, TransportsScenario.MAX_SIZE_BYTES, "");
    private static final ParamSpec STREAM = ParamSpec.choice("stream", "ring", List.of("ring", "slot", "both"), "");
    private static final ParamSpec CPUS = ParamSpec.choice("cpus", "free", List.of("free", "split", "same"), "");

    @Spec
    private CommandSpec spec;

    @Option(names = "--transports", paramLabel = "NAME", split = ",",
            description = "Which transports, comma-separated (default: all): shm-spin, shm-futex, shm-sem, pipe, uds, tcp, mq.")
    private List<String> transports;

    @Option(names = "--sizes", paramLabel = "SIZE", split = ",",
            description = "Message sizes, comma-separated, suffixes K and M allowed (default: 1,64,1K,64K,1M; with --quick 64,64K,1M).")
    private List<String> sizes;

    @Option(names = "--count", paramLabel = "N", description = "At most this many measured messages per test (default 200000; --quick 50000).")
    private String count;

    @Option(names = "--duration", paramLabel = "DURATION", description = "At most this long per measured test (default 1s; --quick 250ms).")
    private String duration;

    @Option(names = "--warmup", paramLabel = "DURATION", description = "Unmeasured time before each test (default 200ms; --quick 100ms).")
    private String warmup;

    @Option(names = "--stream", paramLabel = "KIND", description = "Shared-memory streams: ring (writer and reader overlap), slot (the seed's single slot) or both (default ring).")
    private String stream = "ring";

    @Option(names = "--cpus", paramLabel = "PLACEMENT", description = "free (the scheduler places the two processes), split (pinned to CPUs 0 and 1) or same (both on CPU 0); default free.")
    private String cpus = "free";

    @Option(names = "--quick", description = "A short matrix that finishes in well under a minute on two CPUs.")
    private boolean quick;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV to FILE.")
    private Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write everything measured as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() throws IOException {
        BenchPlan plan = plan();
        checkWritable(csv, "--csv");
        checkWritable(json, "--json");
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        BenchResult result = BenchRunner.run(plan, (index, total, what) -> {
            String line = String.format(Locale.ROOT, "bench [%d/%d] %s", index, total, what);
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, 72 - line.length())));
            } else {
                err.println(line);
            }
            err.flush();
        });
        if (terminal) {
            err.print("\r" + " ".repeat(80) + "\r");
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        BenchReport.table(result, out);
        out.flush();
        if (csv != null) {
            BenchReport.writeCsv(result, csv);
        }
        if (json != null) {
            BenchReport.writeJson(result, json);
        }
        return result.allOk() ? Main.EXIT_OK : Main.EXIT_FAILED;
    }

    /** The plan the options describe, every value checked; --quick supplies the defaults it changes. */
    BenchPlan plan() {
        List<Transport> chosen = transports == null ? List.of(Transport.values())
                : transports.stream().map(String::trim).map(Transport::of).toList();
        List<Long> sizeList = sizes == null ? (quick ? BenchPlan.QUICK_SIZES : BenchPlan.DEFAULT_SIZES)
                : sizes.stream().map(s -> (Long) SIZE.parse(s)).toList();
        long n = count == null ? (quick ? BenchPlan.QUICK_COUNT : BenchPlan.DEFAULT_COUNT) : (Long) COUNT.parse(count);
        long durationMs = duration == null ? (quick ? BenchPlan.QUICK_DURATION_MS : BenchPlan.DEFAULT_DURATION_MS) : (Long) DURATION.parse(duration);
        long warmupMs = warmup == null ? (quick ? BenchPlan.QUICK_WARMUP_MS : BenchPlan.DEFAULT_WARMUP_MS) : (Long) WARMUP.parse(warmup);
        BenchPlan.StreamChoice streamChoice = BenchPlan.StreamChoice.valueOf(((String) STREAM.parse(stream)).toUpperCase(Locale.ROOT));
        String placement = (String) CPUS.parse(cpus);
        if (!placement.equals("free") && Runtime.getRuntime().availableProcessors() < 2) {
            throw new InvalidInputException("--cpus " + placement + ": this machine has only one CPU");
        }
        return new BenchPlan(chosen, sizeList, n, durationMs, warmupMs, streamChoice, placement, quick);
    }

    static void checkWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException(option + ": the directory " + parent + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(option + ": " + file + " is a directory; give a file name");
        }
    }
}
