package dev.shmlab.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps a thinned-out history of a live run's snapshots for export and charts: at most one per
 * interval, the newest {@code capacity} of them. Register it with {@link Monitor#addListener}.
 * Thread-safe.
 */
public final class SnapshotHistory implements Consumer<LabSnapshot> {
    /** One snapshot every 100 ms for an hour. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    public static final int DEFAULT_CAPACITY = 36_000;

    private final long intervalNanos;
    private final int capacity;
    private final Deque<LabSnapshot> kept = new ArrayDeque<>();
    private LabSnapshot latest;

    public SnapshotHistory() {
        this(DEFAULT_INTERVAL, DEFAULT_CAPACITY);
    }

    public SnapshotHistory(Duration interval, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: capacity=" + capacity);
        }
        this.intervalNanos = interval.toNanos();
        this.capacity = capacity;
    }

    @Override
    public synchronized void accept(LabSnapshot s) {
        latest = s;
        if (kept.isEmpty() || s.timeNanos() - kept.peekLast().timeNanos() >= intervalNanos) {
            kept.addLast(s);
            if (kept.size() > capacity) {
                kept.pollFirst();
            }
        }
    }

    /** The kept snapshots, oldest first, ending with the newest one seen (so an export ends with the latest counters). */
    public synchronized List<LabSnapshot> snapshots() {
        List<LabSnapshot> out = new ArrayList<>(kept);
        if (latest != null && latest != kept.peekLast()) {
            out.add(latest);
        }
        return out;
    }
}
