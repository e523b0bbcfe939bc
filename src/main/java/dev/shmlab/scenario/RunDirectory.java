package dev.shmlab.scenario;

import dev.shmlab.InvalidInputException;
import dev.shmlab.shm.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private directory for one run (mode 0700 in java.io.tmpdir) for what lives in the file system —
 * FIFOs, a UNIX socket, mapped files — made by the launcher, its path written into the data area
 * for the participants, and removed with everything in it when the run ends.
 */
final class RunDirectory {
    /** A UNIX socket path must fit in sun_path (108 bytes with its NUL); leave room for a file name. */
    private static final int MAX_PATH_BYTES = 80;

    private RunDirectory() {
    }

    /** Creates the directory, writes its path at offset (a C string of maxBytes) and schedules its removal. */
    static Path create(String scenario, SharedMemory data, long offset, int maxBytes, ScenarioResources resources) {
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "shmlab-" + scenario + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory for the run in " + System.getProperty("java.io.tmpdir"), e);
        }
        resources.add(() -> deleteTree(dir));
        if (dir.toString().length() > Math.min(MAX_PATH_BYTES, maxBytes - 1)) {
            throw new InvalidInputException("the temporary directory " + dir + " is too long a path for a UNIX socket; "
                    + "point java.io.tmpdir at a shorter one");
        }
        data.putCString(offset, maxBytes, dir.toString());
        return dir;
    }

    /** The directory a launcher wrote at offset. */
    static Path read(SharedMemory data, long offset, int maxBytes) {
        return Path.of(data.getCString(offset, maxBytes));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
