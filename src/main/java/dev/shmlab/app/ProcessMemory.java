package dev.shmlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory, as {@code /proc/PID/status} says (VmRSS). */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident bytes, 0 when the process is gone or the value is unreadable. */
    static long rssBytes(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
