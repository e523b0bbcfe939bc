package dev.shmlab.cli;

import dev.shmlab.app.WindowLauncher;
import dev.shmlab.app.WindowOptions;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code shmlab} command. Each subcommand is its own class, registered in the one
 * {@code subcommands} list below. Exit codes: {@value #EXIT_OK} ok, {@value #EXIT_FAILED} the
 * operation failed, {@value #EXIT_USAGE} bad usage or input.
 */
@Command(name = "shmlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"A lab for shared-memory IPC on Linux: run scenarios with real processes, benchmark transports, watch them, list, inspect and clean shared-memory objects and semaphores.",
            "Without a command it opens the window."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:the operation failed (a failed call, a missing or refused target)", "2:bad usage or input"},
        subcommands = {
            RunCommand.class,
            BenchCommand.class,
            ScenariosCommand.class,
            LessonsCommand.class,
            WatchCommand.class,
            ReplayCommand.class,
            LsCommand.class,
            InspectCommand.class,
            CleanCommand.class,
            HelpCommand.class,
        })
public final class Main implements Callable<Integer> {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** The operation failed: a failed call, a missing or refused target. */
    public static final int EXIT_FAILED = 1;
    /** Bad usage or input: an unknown option, a value out of range, a malformed name. */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Declared so that every command accepts and documents it; {@link #run} reads it from the raw arguments. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    private boolean debug;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting. */
    static int run(String... args) {
        CommandLine commandLine = commandLine(debugRequested(args));
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (InternalError e) {
            // The JVM reports a read of a mapping whose object shrank (SIGBUS) this way.
            commandLine.getErr().println("shmlab: the object shrank while it was being read (" + e.getMessage() + "); try again");
            exitCode = EXIT_FAILED;
        }
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exitCode;
    }

    /** The configured command tree; {@code debug} decides whether errors show their stack trace. */
    static CommandLine commandLine(boolean debug) {
        ErrorHandler errors = new ErrorHandler(debug);
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExitCodeExceptionMapper(errors);
    }

    @Option(names = "--scenario", paramLabel = "NAME", description = "The scenario the window opens with (default: round-robin).")
    private String scenario = "round-robin";

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of that scenario, e.g. --param clients=5 (repeatable).")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--autostart", description = "Start the scenario as soon as the window is open.")
    private boolean autostart;

    @Option(names = "--measure", description = {"Open the window, measure frame rate, throughput against a headless run, "
            + "time to a visible window and memory, print them and exit."})
    private boolean measure;

    /** Without a subcommand: the window. JavaFX is loaded only here, so every other command works without a display. */
    @Override
    public Integer call() {
        Scenario chosen = Catalog.byName(scenario);
        ScenarioParams.of(chosen.parameters(), params, chosen.name());
        return WindowLauncher.open(new WindowOptions(scenario, params, autostart, measure, !measure));
    }

    /** {@code --debug} anywhere before a {@code --}; read before parsing so parse errors honour it too. */
    private static boolean debugRequested(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"shmlab " + (version != null ? version : "dev")};
        }
    }
}
