package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunReport;
import dev.shmlab.launch.RunResult;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code shmlab run SCENARIO [--json FILE] [--pace 200ms] [--timeout 10m] [scenario options]}:
 * runs a scenario headless with real participant processes, prints their lines prefixed with their
 * names, then a summary table. Exit 0 when it completed with integrity intact, 3 when a
 * participant failed or integrity broke, 2 for bad input.
 */
@Command(name = "run", description = {
        "Run a scenario headless: real participant processes, their output, then a summary table.",
        "Scenario options (e.g. --clients 5) are listed by 'shmlab scenarios SCENARIO'."},
        sortOptions = false)
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario name; see 'shmlab scenarios'.")
    private String scenarioName;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    private Path json;

    @Option(names = "--pace", paramLabel = "DURATION", description = "Delay every step by this much for a demo (e.g. 200ms). Default: full speed.")
    private String pace = "0";

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
        Scenario scenario = Catalog.byName(scenarioName);
        ScenarioParams params = ScenarioParams.of(scenario.parameters(), scenarioOptions(scenario, scenarioArgs), scenario.name());
        Duration paceDuration = Duration.ofMillis(parseDuration("--pace", pace, 0, 60_000));
        Duration timeoutDuration = Duration.ofMillis(parseDuration("--timeout", timeout, 1, 7 * 24 * 3_600_000L));
        PrintWriter out = spec.commandLine().getOut();
        Object lock = new Object();
        RunOptions options = RunOptions.defaults().withPace(paceDuration).withTimeout(timeoutDuration).withSharedGroup(sharedGroup);
        for (String program : participantPrograms) {
            options = withProgram(options, program);
        }
        Run run = Run.start(scenario, params, options,
                (index, name, line, error) -> {
                    if (!quiet || error) {
                        synchronized (lock) {
                            out.println("[" + name + "] " + line);
                            out.flush();
                        }
                    }
                });
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
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
        synchronized (lock) {
            out.println();
            out.print(RunReport.table(result));
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
