package dev.shmlab.testing;

import dev.shmlab.os.Os;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The repository's stand-in for seed 004's clients (src/test/c/seed004_writer.c), compiled and
 * running: seed 004's struct Memory in a System V segment keyed by {@code ftok(keyFile, 65)} and a
 * named semaphore of a random name, changed one step per {@link #step}. Closing it removes both,
 * even when the program was killed before it could.
 */
public final class Seed004Program implements AutoCloseable {
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);
    public static final int PROJECT_ID = 65;

    private final ChildJvm process;
    private final Path keyFile;
    private final String semaphoreName;

    private Seed004Program(ChildJvm process, Path keyFile, String semaphoreName) {
        this.process = process;
        this.keyFile = keyFile;
        this.semaphoreName = semaphoreName;
    }

    /** Compiles and starts it in dir (skipping the test, naming {@code what}, when gcc is absent); returns once step 1 is in place. */
    public static Seed004Program start(Path dir, String what) throws IOException, InterruptedException {
        Gcc.assumeAvailable(what);
        Path exe = Gcc.compile(dir, "seed004_writer", List.of("src/test/c/seed004_writer.c"));
        Path keyFile = Files.createFile(dir.resolve("MemDispatch"));
        String semaphoreName = TestNames.posix();
        Seed004Program program = new Seed004Program(ChildJvm.startCommand(List.of(exe.toString(), keyFile.toString(), semaphoreName)),
                keyFile, semaphoreName);
        program.process.awaitLine("ready 1", STEP_TIMEOUT);
        return program;
    }

    /** Lets it take step {@code n} and waits until the step's values are in place. */
    public void step(int n) throws IOException {
        tell("next");
        process.awaitLine("ready " + n, STEP_TIMEOUT);
    }

    /** Writes one line to its standard input ({@code next}, {@code quit}). */
    public void tell(String line) throws IOException {
        OutputStream in = process.process().getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** The running program, for its output and exit code. */
    public ChildJvm process() {
        return process;
    }

    /** The file it passes to ftok. */
    public Path keyFile() {
        return keyFile;
    }

    /** The key {@code ftok(keyFile, 65)} gives. */
    public int key() {
        return SegmentAddress.ftok(keyFile, PROJECT_ID).key();
    }

    /** The key as ipcs shows it: {@code 0x4100c1e9}. */
    public String keyText() {
        return String.format("0x%08x", key());
    }

    /** The name of its semaphore, e.g. {@code /shmlab-test-3f9a0c1d2b4e}. */
    public String semaphoreName() {
        return semaphoreName;
    }

    /** Stops it and removes its segment and semaphore if it did not. */
    @Override
    public void close() {
        process.close();
        try (Segment left = Segments.openSysV(new SegmentAddress.SysVKey(key()), true)) {
            left.remove();
        } catch (RuntimeException alreadyRemoved) {
            // the program removed it, as it should
        }
        Os.semUnlink(semaphoreName);
    }
}
