package dev.shmlab.launch;

import java.time.Duration;

/**
 * How to run a scenario: the pace (delay per step, 0 = full speed), the longest the whole run may
 * take, whether participants start paused (for stepping from the first line), and whether the
 * run's objects are shared with the owner's group.
 */
public record RunOptions(Duration pace, Duration timeout, boolean startPaused, boolean sharedGroup) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public static RunOptions defaults() {
        return new RunOptions(Duration.ZERO, DEFAULT_TIMEOUT, false, false);
    }

    public RunOptions withPace(Duration newPace) {
        return new RunOptions(newPace, timeout, startPaused, sharedGroup);
    }

    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(pace, newTimeout, startPaused, sharedGroup);
    }

    public RunOptions withStartPaused(boolean paused) {
        return new RunOptions(pace, timeout, paused, sharedGroup);
    }

    /** Objects readable and writable by the owner's group too (0660), for a class sharing one machine. */
    public RunOptions withSharedGroup(boolean shared) {
        return new RunOptions(pace, timeout, startPaused, shared);
    }

    /** The permission bits of every object the run creates. */
    public int objectMode() {
        return sharedGroup ? 0660 : 0600;
    }
}
