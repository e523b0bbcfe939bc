package dev.shmlab.app;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.SyncObjectSnapshot;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One participant as a node of the routing view: name, state and the badge under it. The state
 * is null before the run starts ("ready").
 */
public final class NodeViewModel {
    private final int index;
    private final String name;
    private final String shortName;
    private final ReadOnlyObjectWrapper<ParticipantState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", "READY");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

    NodeViewModel(int index, String name) {
        this(index, name, null);
    }

    /** A node with its own text inside the circle (null: derived from the name). */
    NodeViewModel(int index, String name, String shortName) {
        this.index = index;
        this.name = name;
        this.shortName = shortName;
    }

    /** A node that has no participant record behind it (another program's client): the words only. */
    void show(String badgeText, String detailText) {
        badge.set(badgeText);
        detail.set(detailText);
    }

    /** The state at once; the detail line (counters) only when {@code withDetail}, to spare layout work. */
    void update(ParticipantSnapshot p, List<SyncObjectSnapshot> syncObjects, boolean withDetail) {
        state.set(p.state());
        badge.set(badge(p.state()));
        if (withDetail || p.state().isFinal()) {
            detail.set(detail(p, syncObjects));
        }
    }

    static String badge(ParticipantState s) {
        return s.name();
    }

    /** What fits inside the node's circle: "3" for client-3, the initial otherwise. */
    public String shortName() {
        if (shortName != null) {
            return shortName;
        }
        int dash = name.lastIndexOf('-');
        if (dash >= 0 && dash + 1 < name.length() && name.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            return name.substring(dash + 1);
        }
        return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    private static String detail(ParticipantSnapshot p, List<SyncObjectSnapshot> syncObjects) {
        String pid = "pid " + p.pid();
        if (p.state() == ParticipantState.WAITING && p.waitingOn() >= 0 && p.waitingOn() < syncObjects.size()) {
            return pid + " · on " + syncObjects.get(p.waitingOn()).label();
        }
        return pid + " · " + Format.count(p.sent()) + " sent";
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    /** A CSS-friendly name of the state: "ready", "running", "critical", "dead"… */
    public String styleName() {
        ParticipantState s = state.get();
        return s == null ? "ready" : s.name().toLowerCase(Locale.ROOT);
    }

    public ReadOnlyObjectProperty<ParticipantState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
