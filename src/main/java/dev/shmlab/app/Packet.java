package dev.shmlab.app;

/** One message hop being animated: from sender to receiver through the segment, starting at a frame time. */
public record Packet(int from, int to, long startNanos, long durationNanos) {
    /** How far along the way it is at a frame time, from 0 (leaving the sender) to 1 (arrived). */
    public double progress(long nowNanos) {
        return Math.max(0, Math.min(1, (nowNanos - startNanos) / (double) durationNanos));
    }

    public boolean arrived(long nowNanos) {
        return nowNanos - startNanos >= durationNanos;
    }
}
