package dev.shmlab.os;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
            int state = text.lastIndexOf(')') + 2;
            return Optional.of(new ProcStat(pid, text.charAt(state), processor(text, state)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Field 39 (processor), counting fields from field 3 (state) at {@code from}; -1 if absent.
     * Scanned rather than split: a sampler calls this thousands of times a second.
     */
    private static int processor(String text, int from) {
        int at = from;
        for (int field = 3; field < 39; field++) {
            at = text.indexOf(' ', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        int end = text.indexOf(' ', at);
        return Integer.parseInt(text, at, end < 0 ? text.strip().length() : end, 10);
    }

    /**
     * How long ago process pid started, to within about 20 ms: its start time after boot (field
     * 22, in clock ticks, 100 a second on Linux) against {@code /proc/uptime}. The start instant
     * {@link ProcessHandle.Info} gives is built on the kernel's boot time in whole seconds and can
     * be up to a second early. Empty when the process is gone.
     */
    public static Optional<java.time.Duration> age(long pid) {
        try {
            String stat = ProcFiles.read(Path.of("/proc", Long.toString(pid), "stat"));
            String uptime = ProcFiles.read(Path.of("/proc/uptime"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Optional.of(java.time.Duration.ofMillis(Math.round(upSeconds * 1000) - startTicks * 10));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The thread a participant's role runs on: in a JVM the launcher's {@code main} thread, the
     * second thread named like the process (the first only waits for it); in a C program the
     * process's only thread. Empty when the process is gone.
     */
    public static Optional<Long> roleThread(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(tasks)) {
            String processName = ProcFiles.read(Path.of("/proc", Long.toString(pid), "comm")).strip();
            List<Long> tids = entries.map(t -> Long.parseLong(t.getFileName().toString())).sorted().toList();
            for (long tid : tids) {
                if (tid != pid && ProcFiles.read(tasks.resolve(tid + "/comm")).strip().equals(processName)) {
                    return Optional.of(tid);
                }
            }
            return Optional.of(pid);
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
