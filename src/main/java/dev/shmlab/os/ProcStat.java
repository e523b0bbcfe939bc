package dev.shmlab.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What /proc/PID/stat says of a process: its scheduler state ({@code R}, {@code S}, {@code T} for
 * stopped, {@code Z} for a zombie…) and the CPU it last ran on.
 */
public record ProcStat(long pid, char state, int lastCpu) {

    /** Reads /proc/PID/stat; empty when the process is gone. */
    public static Optional<ProcStat> read(long pid) {
        return parse(pid, Path.of("/proc", Long.toString(pid), "stat"));
    }

    /**
     * Reads /proc/PID/task/TID/stat: one thread's state and CPU. A JVM's {@code main} runs in a
     * thread of its own, not in the process's first thread, so the CPU a Java role runs on is only
     * found here.
     */
    public static Optional<ProcStat> readThread(long pid, long tid) {
        return parse(pid, Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
    }

    private static Optional<ProcStat> parse(long pid, Path file) {
        try {
            String text = ProcFiles.read(file);
            // Field 2 (comm) may contain spaces and parentheses: parse from the last ')'.
            int close = text.lastIndexOf(')');
            String[] f = text.substring(close + 2).trim().split(" ");
            // f[0] is field 3 (state); field 39 (processor) is f[36].
            return Optional.of(new ProcStat(pid, f[0].charAt(0), f.length > 36 ? Integer.parseInt(f[36]) : -1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stopped by a signal (SIGSTOP) or traced. */
    public boolean stopped() {
        return state == 'T' || state == 't';
    }

    /** Exited but not yet reaped by its parent. */
    public boolean zombie() {
        return state == 'Z' || state == 'X';
    }
}
