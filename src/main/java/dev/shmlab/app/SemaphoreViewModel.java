package dev.shmlab.app;

import dev.shmlab.foreign.SemaphoreSpec;
import dev.shmlab.foreign.SemaphoreValue;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.monitor.SyncObjectSnapshot;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One synchronisation object: its value, who holds it and since when, who waits, and a short
 * timeline of its value (one point per frame, the newest sample).
 */
public final class SemaphoreViewModel {
    /** About ten seconds of frames. */
    public static final int TIMELINE_POINTS = 600;

    private final String label;
    private final String kind;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "–");
    private final ReadOnlyStringWrapper holder = new ReadOnlyStringWrapper(this, "holder", "nobody");
    private final ReadOnlyStringWrapper waiters = new ReadOnlyStringWrapper(this, "waiters", "nobody");
    private final ReadOnlyStringWrapper acquisitions = new ReadOnlyStringWrapper(this, "acquisitions", "0");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final int[] timeline = new int[TIMELINE_POINTS];
    private int head;
    private int count;

    private final boolean knowsHolders;

    SemaphoreViewModel(String label, SyncObjectKind kind) {
        this(label, kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), true);
    }

    private SemaphoreViewModel(String label, String kind, boolean knowsHolders) {
        this.label = label;
        this.kind = kind;
        this.knowsHolders = knowsHolders;
    }

    /** Another program's semaphore: only its value can be read, not who holds it or waits on it. */
    static SemaphoreViewModel foreign(SemaphoreSpec spec) {
        String where = switch (spec) {
            case SemaphoreSpec.Named n -> "POSIX named semaphore " + n.name();
            case SemaphoreSpec.SysV v -> "System V semaphore, " + v.display();
        };
        return new SemaphoreViewModel(spec.label(), where, false);
    }

    /** Adds a timeline point from another program's semaphore (-1 where it cannot be read); the words only when {@code withText}. */
    void update(SemaphoreValue v, boolean withText) {
        point(v.value().orElse(-1));
        if (withText) {
            value.set(v.display());
            revision.set(revision.get() + 1);
        }
    }

    /** Adds a timeline point; the words (and the revision the timeline is drawn by) change only when {@code withText}. */
    void update(SyncObjectSnapshot s, List<ParticipantSnapshot> participants, long nowNanos, boolean withText) {
        point(s.value());
        if (!withText) {
            return;
        }
        value.set(s.value() < 0 ? "–" : Integer.toString(s.value()));
        holder.set(s.holder() < 0 ? "nobody"
                : holderName(s.holder(), participants) + " for " + Format.latency(Math.max(0, nowNanos - s.holderSinceNanos())));
        waiters.set(s.waiters().isEmpty() ? "nobody"
                : String.join(", ", s.waiters().stream().map(i -> name(i, participants)).toList()));
        acquisitions.set(Format.count(s.acquisitions()));
        revision.set(revision.get() + 1);
    }

    private void point(int v) {
        timeline[head] = v;
        head = (head + 1) % timeline.length;
        count = Math.min(count + 1, timeline.length);
    }

    private static String name(int index, List<ParticipantSnapshot> participants) {
        return index < participants.size() ? participants.get(index).name() : "#" + index;
    }

    /** The holder's name, marked when its process is dead or stopped: it will not release the object. */
    private static String holderName(int index, List<ParticipantSnapshot> participants) {
        String name = name(index, participants);
        if (index >= participants.size()) {
            return name;
        }
        return switch (participants.get(index).state()) {
            case DEAD -> name + " (DEAD)";
            case STOPPED -> name + " (STOPPED)";
            default -> name;
        };
    }

    public String label() {
        return label;
    }

    public String kind() {
        return kind;
    }

    /** Whether holder, waiters and acquisitions are known (a lab run records them; another program does not). */
    public boolean knowsHolders() {
        return knowsHolders;
    }

    /** The timeline, oldest first; -1 where the value could not be read. */
    public int[] timeline() {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = timeline[Math.floorMod(head - count + i, timeline.length)];
        }
        return out;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty holderProperty() {
        return holder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitersProperty() {
        return waiters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty acquisitionsProperty() {
        return acquisitions.getReadOnlyProperty();
    }

    /** Changes whenever the words are refreshed (about ten times a second): time to redraw the timeline. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
