package dev.shmlab.testing;

import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunReport;
import dev.shmlab.launch.RunResult;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a catalogue scenario end to end with real participant processes and keeps their lines as
 * {@code [name] text} ({@code [name]! text} for standard error), printing them and the summary.
 */
public final class ScenarioRun {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Every line the participants printed so far. */
    public List<String> lines() {
        return lines;
    }

    /** Starts a run with a 60 s limit; the caller awaits and closes it. */
    public Run start(String scenario, Map<String, String> params, RunOptions options) {
        Scenario s = Catalog.byName(scenario);
        return Run.start(s, ScenarioParams.of(s.parameters(), params, scenario), options.withTimeout(Duration.ofSeconds(60)),
                (i, name, line, error) -> lines.add("[" + name + "]" + (error ? "!" : "") + " " + line));
    }

    /** Runs to the end and returns the result. */
    public RunResult run(String scenario, Map<String, String> params) {
        try (Run run = start(scenario, params, RunOptions.defaults())) {
            return report(run.await());
        }
    }

    /** Prints the lines and the summary table (shown when a test fails), then returns the result. */
    public RunResult report(RunResult result) {
        System.out.println(String.join("\n", lines));
        System.out.println(RunReport.table(result));
        return result;
    }
}
