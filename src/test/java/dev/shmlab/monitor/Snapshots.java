package dev.shmlab.monitor;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectKind;
import java.util.ArrayList;
import java.util.List;

/** Hand-built snapshots for tests that need an exact situation rather than a run that happens to reach it. */
final class Snapshots {
    /** The instant every hand-built snapshot is taken at: 100 s on the monotonic clock. */
    static final long NOW_NANOS = 100_000_000_000L;

    private final List<ParticipantSnapshot> participants = new ArrayList<>();
    private final List<SyncObjectSnapshot> objects = new ArrayList<>();
    private final List<MessageEvent> events = new ArrayList<>();
    private ControlBlock.Command command = ControlBlock.Command.RUN;
    private long paceNanos;
    private boolean syncEnabled = true;
    private long timeNanos = NOW_NANOS;
    private double messagesPerSecond;

    static Snapshots snapshot() {
        return new Snapshots();
    }

    static ParticipantSnapshot participant(int index, String name, ParticipantState state, int step, int waitingOn) {
        return counters(index, name, state, step, waitingOn, 0, 0);
    }

    static ParticipantSnapshot counters(int index, String name, ParticipantState state, int step, int waitingOn, long sent, long received) {
        return new ParticipantSnapshot(index, name, 1000 + index, 0, state, step, waitingOn, 0, NOW_NANOS, NOW_NANOS,
                sent, received, sent * 64, received * 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, step, sent);
    }

    Snapshots with(ParticipantSnapshot p) {
        participants.add(p);
        return this;
    }

    Snapshots object(SyncObjectKind kind, String label, int value, int holder, long heldForNanos, List<Integer> waiters) {
        objects.add(new SyncObjectSnapshot(objects.size(), kind, label, value, holder, holder < 0 ? 0 : timeNanos - heldForNanos, 1, waiters));
        return this;
    }

    Snapshots event(MessageEvent e) {
        events.add(e);
        return this;
    }

    Snapshots command(ControlBlock.Command c) {
        command = c;
        return this;
    }

    Snapshots pace(long nanos) {
        paceNanos = nanos;
        return this;
    }

    Snapshots syncOff() {
        syncEnabled = false;
        return this;
    }

    Snapshots at(long nanos) {
        timeNanos = nanos;
        return this;
    }

    Snapshots rate(double perSecond) {
        messagesPerSecond = perSecond;
        return this;
    }

    LabSnapshot build() {
        return new LabSnapshot(timeNanos, timeNanos - NOW_NANOS + 5_000_000_000L, "round-robin", "/shmlab-test", command, paceNanos,
                syncEnabled, participants, objects, events, events.size(), 0, messagesPerSecond, messagesPerSecond * 64);
    }
}
