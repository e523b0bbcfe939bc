package dev.shmlab.testing;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the repository's C programs with gcc; a test that needs one is skipped, saying so, where gcc is absent. */
public final class Gcc {
    private Gcc() {
    }

    /** Whether gcc can be run here. */
    public static boolean available() {
        return Programs.runs("gcc", "--version");
    }

    /** Skips the calling test, with a message naming what is skipped, when gcc is absent. */
    public static void assumeAvailable(String what) {
        assumeThat(available()).as("gcc is not installed: " + what + " is skipped").isTrue();
    }

    /**
     * Compiles C sources (paths relative to the repository) with {@code -I src/main/c} into an
     * executable in dir; fails the test with gcc's output when it does not compile.
     */
    public static Path compile(Path dir, String name, List<String> sources, String... libraries) throws IOException, InterruptedException {
        Path exe = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("gcc", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-pthread",
                "-I", Path.of("src/main/c").toAbsolutePath().toString(), "-o", exe.toString()));
        sources.forEach(s -> command.add(Path.of(s).toAbsolutePath().toString()));
        command.addAll(List.of(libraries));
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new AssertionError("gcc failed for " + sources + ":\n" + output);
        }
        if (!Files.isExecutable(exe)) {
            throw new AssertionError("gcc made no executable " + exe);
        }
        return exe;
    }
}
