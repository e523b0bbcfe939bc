package dev.shmlab.app;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One row of the participants table; the view formats the numbers. */
public final class ParticipantRow {
    private final int index;
    private final String name;
    private final ReadOnlyLongWrapper pid = new ReadOnlyLongWrapper(this, "pid");
    private final ReadOnlyObjectWrapper<ParticipantState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper(this, "steps");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper bytes = new ReadOnlyLongWrapper(this, "bytes");
    private final ReadOnlyLongWrapper p50 = new ReadOnlyLongWrapper(this, "p50");
    private final ReadOnlyLongWrapper p99 = new ReadOnlyLongWrapper(this, "p99");
    private final ReadOnlyLongWrapper lost = new ReadOnlyLongWrapper(this, "lost");
    private final ReadOnlyLongWrapper duplicated = new ReadOnlyLongWrapper(this, "duplicated");
    private final ReadOnlyLongWrapper corrupted = new ReadOnlyLongWrapper(this, "corrupted");

    ParticipantRow(int index, String name) {
        this.index = index;
        this.name = name;
    }

    void update(ParticipantSnapshot p) {
        pid.set(p.pid());
        state.set(p.state());
        steps.set(p.stepsTaken());
        sent.set(p.sent());
        received.set(p.received());
        bytes.set(p.bytesSent() + p.bytesReceived());
        p50.set(p.latencyCount() == 0 ? 0 : p.p50Nanos());
        p99.set(p.latencyCount() == 0 ? 0 : p.p99Nanos());
        lost.set(p.lost());
        duplicated.set(p.duplicated());
        corrupted.set(p.corrupted());
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public ReadOnlyLongProperty pidProperty() {
        return pid.getReadOnlyProperty();
    }

    /** Null until the participant has published its record. */
    public ReadOnlyObjectProperty<ParticipantState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Steps taken (pseudo-code lines passed) so far. */
    public ReadOnlyLongProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** Bytes sent and received. */
    public ReadOnlyLongProperty bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty p50Property() {
        return p50.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty p99Property() {
        return p99.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty duplicatedProperty() {
        return duplicated.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty corruptedProperty() {
        return corrupted.getReadOnlyProperty();
    }
}
