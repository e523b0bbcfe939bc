package dev.shmlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM running a main class of this project (production or test) with the test's own
 * class path, its stdout and stderr captured line by line. Closing it kills it if still running.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    private ChildJvm(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), stdout);
        this.errPump = pump(process.getErrorStream(), stderr);
    }

    /** Starts {@code mainClass} with the arguments in a new JVM. */
    public static ChildJvm start(Class<?> mainClass, String... args) {
        return start(mainClass.getName(), List.of(args));
    }

    public static ChildJvm start(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add(mainClass);
        command.addAll(args);
        return startCommand(command);
    }

    /** Starts an arbitrary command (a C program, {@code ipcmk}, …) with the same capture. */
    public static ChildJvm startCommand(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** {@code java --enable-native-access=ALL-UNNAMED -cp <this class path>}, ready for a main class. */
    public static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"));
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Waits for the exit; fails the test with the captured output if it takes longer than the timeout. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child " + pid() + " did not exit within " + timeout + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            outPump.join(2000);
            errPump.join(2000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits until a stdout line contains the text; fails after the timeout. */
    public String awaitLine(String contains, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout) {
                if (line.contains(contains)) {
                    return line;
                }
            }
            if (!process.isAlive() && !outPump.isAlive()) {
                break;
            }
            sleepMillis(5);
        }
        throw new AssertionError("no line containing \"" + contains + "\" within " + timeout + "\nstdout: " + stdout + "\nstderr: " + stderr);
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    public List<String> stderr() {
        return List.copyOf(stderr);
    }

    public String output() {
        return String.join("\n", stdout) + (stderr.isEmpty() ? "" : "\n[stderr]\n" + String.join("\n", stderr));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread pump(java.io.InputStream in, List<String> sink) {
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        });
        return t;
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
