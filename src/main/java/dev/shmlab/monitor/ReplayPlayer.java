package dev.shmlab.monitor;

import dev.shmlab.layout.MessageEvent;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Plays a {@link Replay} against a clock: play, pause, seek (the scrubber) and speed. The window
 * calls {@link #poll()} once per frame and draws the snapshot and animates the hops it returns,
 * exactly as it does with a live {@link Monitor}. The clock is injected, so a test can drive it.
 * Thread-safe.
 */
public final class ReplayPlayer {
    public static final double MIN_SPEED = 0.05;
    public static final double MAX_SPEED = 1000;

    /**
     * What to show now: the snapshot at the position, the hops since the previous poll (none after a
     * seek), and where the player is.
     */
    public record Frame(LabSnapshot snapshot, List<MessageEvent> events, long positionNanos, boolean playing, boolean atEnd) {
    }

    private final Replay replay;
    private final LongSupplier clockNanos;
    private long anchorPositionNanos;
    private long anchorClockNanos;
    private boolean playing;
    private double speed = 1;
    private long polledUpToNanos;

    public ReplayPlayer(Replay replay) {
        this(replay, System::nanoTime);
    }

    public ReplayPlayer(Replay replay, LongSupplier clockNanos) {
        this.replay = replay;
        this.clockNanos = clockNanos;
        this.polledUpToNanos = replay.hops().isEmpty() ? 0 : Math.min(0, replay.hops().getFirst().timeNanos() - replay.startNanos() - 1);
    }

    public Replay replay() {
        return replay;
    }

    /** Plays from the position (from the start when at the end). */
    public synchronized void play() {
        if (position() >= replay.durationNanos()) {
            seek(0);
        }
        anchorClockNanos = clockNanos.getAsLong();
        playing = true;
    }

    public synchronized void pause() {
        anchorPositionNanos = position();
        playing = false;
    }

    /** Jumps to an offset (clamped to the recording); hops skipped over are not returned by the next poll. */
    public synchronized void seek(long offsetNanos) {
        anchorPositionNanos = Math.clamp(offsetNanos, 0, replay.durationNanos());
        anchorClockNanos = clockNanos.getAsLong();
        polledUpToNanos = anchorPositionNanos;
    }

    /** Recording seconds per wall-clock second, clamped to [{@value #MIN_SPEED}, {@value #MAX_SPEED}]. */
    public synchronized void speed(double newSpeed) {
        anchorPositionNanos = position();
        anchorClockNanos = clockNanos.getAsLong();
        speed = Math.clamp(newSpeed, MIN_SPEED, MAX_SPEED);
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized boolean playing() {
        return playing;
    }

    /** The offset in the recording now. */
    public synchronized long position() {
        if (!playing) {
            return anchorPositionNanos;
        }
        long advanced = (long) ((clockNanos.getAsLong() - anchorClockNanos) * speed);
        return Math.min(replay.durationNanos(), anchorPositionNanos + Math.max(0, advanced));
    }

    /** The frame to show now; reaching the end pauses the player there. */
    public synchronized Frame poll() {
        long position = position();
        boolean atEnd = position >= replay.durationNanos();
        if (playing && atEnd) {
            pause();
        }
        List<MessageEvent> events = position > polledUpToNanos ? replay.eventsBetween(polledUpToNanos, position) : List.of();
        polledUpToNanos = position;
        return new Frame(replay.at(position), events, position, playing, atEnd);
    }
}
