package dev.shmlab.launch;

import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a scenario to its end with real participant processes, keeping their lines and printing the summary. */
final class Runs {
    private Runs() {
    }

    /** Every participant line goes to lines as "[name] text" ("[name]! text" from stderr). */
    static RunResult run(Scenario scenario, Map<String, String> params, List<String> lines) {
        try (Run run = Run.start(scenario, ScenarioParams.of(scenario.parameters(), params, scenario.name()),
                RunOptions.defaults().withTimeout(Duration.ofSeconds(60)),
                (i, name, line, error) -> lines.add("[" + name + "]" + (error ? "!" : "") + " " + line))) {
            RunResult r = run.await();
            System.out.println(String.join("\n", lines));
            System.out.println(RunReport.table(r));
            return r;
        }
    }
}
