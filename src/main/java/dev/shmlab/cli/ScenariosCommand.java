package dev.shmlab.cli;

import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.Scenario;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shmlab scenarios [SCENARIO]}: the catalogue, or one scenario's description and options. */
@Command(name = "scenarios", description = "List the scenarios, or describe one and its options.")
public final class ScenariosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Describe this scenario and its options.")
    private String scenarioName;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (scenarioName == null) {
            for (Scenario s : Catalog.all()) {
                out.printf("%-20s seed %s  %s%n", s.name(), s.seed(), s.summary());
            }
            out.println();
            out.println("Run one with 'shmlab run SCENARIO'; see its options with 'shmlab scenarios SCENARIO'.");
            return Main.EXIT_OK;
        }
        Scenario s = Catalog.byName(scenarioName);
        out.printf("%s (seed %s): %s%n%n%s%n%nOptions:%n", s.name(), s.seed(), s.summary(), s.description());
        for (ParamSpec p : s.parameters()) {
            out.printf("  --%-12s %s%n  %-14s default %s; %s%n", p.name(), p.description(), "", p.defaultValue(), p.allowed());
        }
        return Main.EXIT_OK;
    }
}
