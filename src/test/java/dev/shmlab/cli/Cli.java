package dev.shmlab.cli;

import dev.shmlab.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the real {@code shmlab} command line in a child JVM and keeps what it printed. */
final class Cli {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Cli() {
    }

    /** What one run printed and how it exited. */
    record Run(int exitCode, List<String> stdout, List<String> stderr) {
        String out() {
            return String.join("\n", stdout);
        }

        String err() {
            return String.join("\n", stderr);
        }

        /** The rows of the table {@code ls} printed, as header to cell. */
        List<Map<String, String>> table() {
            String[] header = stdout.getFirst().split("\\s{2,}");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : stdout.subList(1, stdout.size())) {
                String[] cells = line.strip().split("\\s{2,}");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** {@code shmlab ARGS} with the user's own registry. */
    static Run shmlab(String... args) {
        return finish(ChildJvm.start(Main.class, args));
    }

    /**
     * {@code shmlab ARGS} with no display in its environment; arguments starting with {@code -X}
     * go to the JVM before the main class.
     */
    static Run withoutDisplay(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY"));
        List<String> java = new ArrayList<>(ChildJvm.javaCommand());
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-X") ? java : rest).add(arg);
        }
        command.addAll(java);
        command.add(Main.class.getName());
        command.addAll(rest);
        return finish(ChildJvm.startCommand(command));
    }

    /** {@code shmlab ARGS} with a private registry, so it sees and cleans only what this test registered. */
    static Run shmlab(Path registry, String... args) {
        return finish(withRegistry(registry, Main.class, args));
    }

    /** A main class of this project in a child JVM that records what it creates in the given registry. */
    static ChildJvm withRegistry(Path registry, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "SHMLAB_REGISTRY=" + registry));
        command.addAll(ChildJvm.javaCommand());
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(args));
        return ChildJvm.startCommand(command);
    }

    private static Run finish(ChildJvm child) {
        try (child) {
            int exitCode = child.waitFor(TIMEOUT);
            return new Run(exitCode, child.stdout(), child.stderr());
        }
    }
}
