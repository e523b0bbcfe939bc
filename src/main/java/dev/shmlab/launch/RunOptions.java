package dev.shmlab.launch;

import java.time.Duration;

/**
 * How to run a scenario: the pace (delay per step, 0 = full speed), the longest the whole run may
 * take, and whether participants start paused (for stepping from the first line).
 */
public record RunOptions(Duration pace, Duration timeout, boolean startPaused) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public static RunOptions defaults() {
        return new RunOptions(Duration.ZERO, DEFAULT_TIMEOUT, false);
    }

    public RunOptions withPace(Duration newPace) {
        return new RunOptions(newPace, timeout, startPaused);
    }

    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(pace, newTimeout, startPaused);
    }

    public RunOptions withStartPaused(boolean paused) {
        return new RunOptions(pace, timeout, paused);
    }
}
