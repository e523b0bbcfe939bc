package dev.shmlab.cli;

import dev.shmlab.testing.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code ipcmk} and {@code ipcrm}: System V objects made and removed by the system's own tools. */
final class SysVTool {
    private static final Path SHM_TABLE = Path.of("/proc/sysvipc/shm");
    private static final Path SEM_TABLE = Path.of("/proc/sysvipc/sem");
    private SysVTool() {
    }

    /** {@code ipcmk -M sizeBytes}; returns the new segment's id. */
    static int makeSegment(long sizeBytes) {
        return idFrom(run("ipcmk", "-M", Long.toString(sizeBytes)), "Shared memory id:");
    }

    /** {@code ipcmk -S count}; returns the new semaphore set's id. */
    static int makeSemaphoreSet(int count) {
        return idFrom(run("ipcmk", "-S", Integer.toString(count)), "Semaphore id:");
    }

    /** {@code ipcrm -m id}, unless the segment is already gone. */
    static void removeSegment(int id) {
        if (exists(SHM_TABLE, id)) {
            run("ipcrm", "-m", Integer.toString(id));
        }
    }

    /** {@code ipcrm -s id}, unless the set is already gone. */
    static void removeSemaphoreSet(int id) {
        if (exists(SEM_TABLE, id)) {
            run("ipcrm", "-s", Integer.toString(id));
        }
    }

    /** Whether a System V segment with this id exists (in /proc/sysvipc/shm). */
    static boolean segmentExists(int id) {
        return exists(SHM_TABLE, id);
    }

    private static boolean exists(Path table, int id) {
        try {
            return Files.readAllLines(table).stream().skip(1)
                    .anyMatch(line -> line.strip().split("\\s+")[1].equals(Integer.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> run(String... command) {
        try (ChildJvm tool = ChildJvm.startCommand(List.of(command))) {
            int exitCode = tool.waitFor(Duration.ofSeconds(10));
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ": " + tool.output());
            }
            return tool.stdout();
        }
    }

    private static int idFrom(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Integer.parseInt(l.substring(prefix.length()).strip()))
                .orElseThrow(() -> new AssertionError("no \"" + prefix + "\" in " + lines));
    }
}
