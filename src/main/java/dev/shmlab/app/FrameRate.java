package dev.shmlab.app;

/**
 * Frame times measured where frames are made (the animation timer's pulses): frames per second
 * over the last second, and the longest frame of that second.
 */
public final class FrameRate {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private final long[] times = new long[512];
    private int head;
    private int count;

    /** Records a frame at this time (monotonic nanoseconds). */
    public void frame(long nowNanos) {
        times[head] = nowNanos;
        head = (head + 1) % times.length;
        count = Math.min(count + 1, times.length);
    }

    /** Frames per second over the last second, 0 before two frames. */
    public double fps() {
        int n = framesInWindow();
        if (n < 2) {
            return 0;
        }
        long newest = times[index(0)];
        long oldest = times[index(n - 1)];
        return (n - 1) * 1e9 / Math.max(1, newest - oldest);
    }

    /** The longest interval between two frames in the last second, in milliseconds. */
    public double worstFrameMillis() {
        int n = framesInWindow();
        long worst = 0;
        for (int i = 0; i + 1 < n; i++) {
            worst = Math.max(worst, times[index(i)] - times[index(i + 1)]);
        }
        return worst / 1e6;
    }

    private int framesInWindow() {
        if (count == 0) {
            return 0;
        }
        long newest = times[index(0)];
        int n = 1;
        while (n < count && newest - times[index(n)] <= WINDOW_NANOS) {
            n++;
        }
        return n;
    }

    /** The i-th newest frame's slot. */
    private int index(int i) {
        return Math.floorMod(head - 1 - i, times.length);
    }
}
