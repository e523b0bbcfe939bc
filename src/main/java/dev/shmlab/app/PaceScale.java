package dev.shmlab.app;

import java.time.Duration;
import java.util.Locale;

/**
 * The pace slider's scale: position 0 is full speed; from there the delay per step grows
 * exponentially from 20 µs to the delay that gives about one message per second, which depends
 * on how many steps one message takes in the scenario.
 */
public final class PaceScale {
    private static final double FASTEST_NANOS = 20_000;
    private final double slowestNanos;

    /** @param stepsPerMessage the steps a participant takes per message (at least 1) */
    public PaceScale(int stepsPerMessage) {
        this.slowestNanos = 1e9 / Math.max(1, stepsPerMessage);
    }

    /** The delay per step for a slider position in [0, 1]. */
    public Duration pace(double position) {
        double p = Math.max(0, Math.min(1, position));
        if (p == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(FASTEST_NANOS * Math.pow(slowestNanos / FASTEST_NANOS, p)));
    }

    /** The slider position closest to a delay per step. */
    public double position(Duration pace) {
        if (pace.isZero()) {
            return 0;
        }
        double p = Math.log(pace.toNanos() / FASTEST_NANOS) / Math.log(slowestNanos / FASTEST_NANOS);
        return Math.max(0, Math.min(1, p));
    }

    /** "full speed" or the delay per step in words: "35 µs per step", "111 ms per step". */
    public static String describe(Duration pace) {
        long nanos = pace.toNanos();
        if (nanos == 0) {
            return "full speed";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%d µs per step", Math.round(nanos / 1e3));
        }
        return String.format(Locale.ROOT, "%d ms per step", Math.round(nanos / 1e6));
    }
}
