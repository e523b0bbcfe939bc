package dev.shmlab.app;

/** Lets something happen at most every {@code intervalNanos}: per-frame work that needs fewer updates (tables, charts). */
final class Throttle {
    private final long intervalNanos;
    private long last = Long.MIN_VALUE;

    Throttle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    static Throttle perSecond(int times) {
        return new Throttle(1_000_000_000L / times);
    }

    /** True (and restarts the interval) when the interval has passed since the last true. */
    boolean due(long nowNanos) {
        if (last != Long.MIN_VALUE && nowNanos - last < intervalNanos) {
            return false;
        }
        last = nowNanos;
        return true;
    }

    /** Makes the next {@link #due} true whatever the time. */
    void reset() {
        last = Long.MIN_VALUE;
    }
}
