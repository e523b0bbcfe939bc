package dev.shmlab.cli;

import dev.shmlab.bench.BenchReport;
import dev.shmlab.bench.StartupBench;
import dev.shmlab.bench.StartupBench.Kind;
import dev.shmlab.scenario.ParamSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shmlab bench startup}: participants' time from launch to RUNNING, several at once, beside
 * the JVM alone started the same way ({@link StartupBench}). Exit 0 when every round was measured,
 * 1 when a process failed, 2 for bad options.
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Measure how long participants take from launch to RUNNING when several start at once (round-robin's clients), "
                + "beside the JVM alone reaching main when started the same way: with the participants' start-up cache, "
                + "and with only the JDK's class-data archive. They alternate in every round.",
        "Progress goes to stderr, the table to stdout."})
public final class StartupBenchCommand implements Callable<Integer> {
    private static final ParamSpec ROUNDS = ParamSpec.integer("rounds", StartupBench.DEFAULT_ROUNDS, 1, 1000, "");

    @Spec
    private CommandSpec spec;

    @Option(names = "--processes", paramLabel = "N", description = "How many start at once, 2 to 16 (default 3, round-robin's default).")
    private String processes;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured rounds (default 10); one more, first, is not measured.")
    private String rounds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every time measured as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() throws IOException {
        ParamSpec processesSpec = StartupBench.PROCESSES;
        StartupBench.Plan plan = new StartupBench.Plan(
                ((Long) (processes == null ? processesSpec.defaultValue() : processesSpec.parse(processes))).intValue(),
                rounds == null ? StartupBench.DEFAULT_ROUNDS : ((Long) ROUNDS.parse(rounds)).intValue());
        BenchCommand.checkWritable(json, "--json");
        PrintWriter err = spec.commandLine().getErr();
        StartupBench.Result result = StartupBench.run(plan, (index, total, what) -> {
            err.println(String.format(Locale.ROOT, "bench startup [%d/%d] %s", index, total, what));
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        table(result, out);
        out.flush();
        if (json != null) {
            BenchReport.writeJson(result, json);
        }
        return Main.EXIT_OK;
    }

    static void table(StartupBench.Result r, PrintWriter out) {
        int n = r.plan().processes();
        int rounds = r.plan().rounds();
        out.printf(Locale.ROOT, "Start-up of %d processes launched at once, %d round%s, %s CPUs (ms from launch)%n", n, rounds,
                rounds == 1 ? "" : "s", r.machine().get("cpus"));
        TextTable table = new TextTable("what", "until", "slowest p50", "slowest max", "every p50").alignRight(2, 3, 4);
        for (Kind kind : r.kinds()) {
            long[] slowest = r.slowestPerRound(kind);
            table.row(kind.label(), kind.until(), millis(r.slowestMedian(kind)), millis(Arrays.stream(slowest).max().orElseThrow()),
                    millis(r.median(kind)));
        }
        table.write(out);
        if (!r.kinds().contains(Kind.STARTUP_CACHE)) {
            out.println("(No start-up cache: the participants run from a class path of directories, as in a build tree's tests.)");
        }
        double jvm = r.slowestMedian(r.jvmAsParticipants());
        double participant = r.slowestMedian(Kind.PARTICIPANT);
        out.printf(Locale.ROOT, "Medians of each round's slowest: a participant reached RUNNING %s ms after the JVM alone, started the same way, "
                + "reached main (%.2fx its time).%n", millis(participant - jvm), participant / jvm);
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }
}
