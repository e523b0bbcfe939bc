package dev.shmlab.app;

import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.Replay;
import dev.shmlab.monitor.ReplayPlayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * A recording played in the window instead of a run: the scrubber's position over recorded time
 * (seconds), play and pause, and the speed (0.25× to 4×). The window polls {@link #poll()} once a
 * frame and shows the frame's snapshot and hops as it shows a live run's.
 */
public final class ReplayViewModel {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4;
    /** The speeds offered, slowest first. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0);
    private static final long CHART_POINT_NANOS = 1_000_000_000L / ChartsViewModel.POINTS_PER_SECOND;

    private final LongSupplier clockNanos;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final DoubleProperty positionSeconds = new SimpleDoubleProperty(this, "positionSeconds");
    private final ReadOnlyDoubleWrapper durationSeconds = new ReadOnlyDoubleWrapper(this, "durationSeconds", 1);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper(this, "timeText", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper playText = new ReadOnlyStringWrapper(this, "playText", "Play");
    private ReplayPlayer player;
    private Path file;
    /** Set while the position property follows the player, so that following is not taken for a seek. */
    private boolean following;
    /** The player jumped (a seek, or play from the end): what was drawn before no longer leads to what comes. */
    private boolean jumped;

    ReplayViewModel(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
        positionSeconds.addListener((obs, old, now) -> {
            if (!following && player != null) {
                seek(Math.round(now.doubleValue() * 1e9));
            }
        });
        speed.addListener((obs, old, now) -> {
            double clamped = Math.clamp(now.doubleValue(), MIN_SPEED, MAX_SPEED);
            if (clamped != now.doubleValue()) {
                speed.set(clamped);
            } else if (player != null) {
                player.speed(clamped);
            }
        });
    }

    /** Starts showing a recording, paused at its beginning. */
    void show(Replay replay, Path from) {
        player = new ReplayPlayer(replay, clockNanos);
        player.speed(speed.get());
        file = from;
        durationSeconds.set(Math.max(replay.durationNanos() / 1e9, 1e-3));
        title.set(String.format(Locale.ROOT, "Replay of %s, recorded %s", replay.header().scenario(),
                replay.header().recordedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")));
        jumped = true;
        follow(0);
        playing.set(false);
        playText.set("Play");
        active.set(true);
    }

    /** Stops showing the recording. */
    void close() {
        player = null;
        file = null;
        active.set(false);
        playing.set(false);
    }

    /** Plays from the position (from the beginning when at the end), or pauses. */
    public void togglePlay() {
        if (player == null) {
            return;
        }
        if (player.playing()) {
            player.pause();
        } else {
            jumped |= player.position() >= player.replay().durationNanos();
            player.play();
        }
        playing.set(player.playing());
        playText.set(player.playing() ? "Pause" : "Play");
    }

    /** Moves the scrubber to the end of the recording: the counters as the run left them. */
    public void toEnd() {
        positionSeconds.set(durationSeconds.get());
    }

    private void seek(long offsetNanos) {
        player.seek(offsetNanos);
        jumped = true;
        timeText.set(time(player.position()));
    }

    /** The frame to show now; null without a recording. The position and the play button follow the player. */
    ReplayPlayer.Frame poll() {
        if (player == null) {
            return null;
        }
        ReplayPlayer.Frame frame = player.poll();
        follow(frame.positionNanos());
        if (playing.get() != frame.playing()) {
            playing.set(frame.playing());
            playText.set(frame.playing() ? "Pause" : "Play");
        }
        return frame;
    }

    /** Whether the player jumped since the last call: charts drawn so far belong elsewhere in the recording. */
    boolean takeJump() {
        boolean was = jumped;
        jumped = false;
        return was;
    }

    /** Snapshots of the chart's window before the position, one per chart point, to redraw the charts after a jump. */
    List<LabSnapshot> chartHistory(long positionNanos) {
        Replay replay = player.replay();
        long from = Math.max(0, positionNanos - ChartsViewModel.WINDOW_SECONDS * 1_000_000_000L);
        List<LabSnapshot> out = new ArrayList<>();
        LabSnapshot previous = null;
        for (long t = from; t <= positionNanos; t += CHART_POINT_NANOS) {
            LabSnapshot s = replay.at(t);
            if (s != previous) {
                out.add(s);
                previous = s;
            }
        }
        return out;
    }

    private void follow(long positionNanos) {
        following = true;
        try {
            positionSeconds.set(positionNanos / 1e9);
        } finally {
            following = false;
        }
        timeText.set(time(positionNanos));
    }

    /** "2.4 s / 5.1 s" for a short recording, "1:02 / 3:40" for a longer one. */
    private String time(long positionNanos) {
        double duration = durationSeconds.get();
        if (duration < 60) {
            return String.format(Locale.ROOT, "%.1f s / %.1f s", positionNanos / 1e9, duration);
        }
        return Format.clock(positionNanos) + " / " + Format.clock(Math.round(duration * 1e9));
    }

    /** The recording shown, or null. */
    public Replay replay() {
        return player == null ? null : player.replay();
    }

    /** The file it was read from, or null. */
    public Path file() {
        return file;
    }

    /** Whether the window shows a recording instead of a run. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The scrubber: seconds from the first recorded snapshot; setting it seeks. */
    public DoubleProperty positionSecondsProperty() {
        return positionSeconds;
    }

    public ReadOnlyDoubleProperty durationSecondsProperty() {
        return durationSeconds.getReadOnlyProperty();
    }

    /** Recorded seconds per second, {@value #MIN_SPEED} to {@value #MAX_SPEED}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** "2.4 s / 5.1 s". */
    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    /** "Replay of round-robin, recorded 2026-…". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Play" or "Pause". */
    public ReadOnlyStringProperty playTextProperty() {
        return playText.getReadOnlyProperty();
    }
}
