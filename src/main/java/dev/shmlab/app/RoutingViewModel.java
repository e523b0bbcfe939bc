package dev.shmlab.app;

import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.monitor.LabSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The routing view's state: one node per participant and the packets in flight. Every hop read
 * from the event ring becomes a packet while the rate is low; at high rates a token bucket lets
 * through {@link #PACKETS_PER_SECOND} and the rate label tells the true count.
 */
public final class RoutingViewModel {
    static final long PACKET_NANOS = 900_000_000L;
    static final double PACKETS_PER_SECOND = 30;
    static final int MAX_IN_FLIGHT = 48;
    private static final long SECOND = 1_000_000_000L;

    private final ObservableList<NodeViewModel> nodes = FXCollections.observableArrayList();
    private final List<Packet> packets = new ArrayList<>();
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper segmentText = new ReadOnlyStringWrapper(this, "segmentText", "shared segment");
    private final ReadOnlyLongWrapper packetsShown = new ReadOnlyLongWrapper(this, "packetsShown");
    private double budget = PACKETS_PER_SECOND;
    private long lastFrameNanos;
    private long secondStartNanos;
    private int shownThisSecond;
    private int hiddenThisSecond;
    private int shownLastSecond;
    private int hiddenLastSecond;
    private final Throttle details = Throttle.perSecond(4);
    /**
     * How often node states are redrawn. At full speed a participant changes state thousands of
     * times a second, faster than anyone can see; each change restyles and re-lays out its node.
     * A snapshot not yet shown is shown on the next due frame, so the last one always is.
     */
    static final int STATES_PER_SECOND = 12;
    private final Throttle states = Throttle.perSecond(STATES_PER_SECOND);
    private LabSnapshot applied;

    /** Shows these participants, all ready, and forgets packets in flight. */
    void showParticipants(List<String> names) {
        List<NodeViewModel> fresh = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fresh.add(new NodeViewModel(i, names.get(i)));
        }
        showNodes(fresh);
    }

    /** Shows these nodes (their indices are their places) and forgets packets in flight. */
    void showNodes(List<NodeViewModel> fresh) {
        nodes.setAll(fresh);
        packets.clear();
        applied = null;
        details.reset();
        states.reset();
        rateText.set("");
    }

    void showSegment(String text) {
        segmentText.set(text);
    }

    void onFrame(long nowNanos, LabSnapshot snapshot, List<MessageEvent> events) {
        refill(nowNanos);
        for (MessageEvent e : events) {
            admit(e, nowNanos);
        }
        packets.removeIf(p -> p.arrived(nowNanos));
        if (snapshot != null && snapshot != applied && states.due(nowNanos)) {
            applied = snapshot;
            boolean detailsDue = details.due(nowNanos);
            List<ParticipantSnapshot> ps = snapshot.participants();
            for (int i = 0; i < Math.min(ps.size(), nodes.size()); i++) {
                nodes.get(i).update(ps.get(i), snapshot.syncObjects(), detailsDue);
            }
            if (detailsDue) {
                rateText.set(rate(snapshot.messagesPerSecond()));
            }
        }
    }

    private void refill(long nowNanos) {
        if (lastFrameNanos != 0) {
            budget = Math.min(PACKETS_PER_SECOND / 4, budget + (nowNanos - lastFrameNanos) * PACKETS_PER_SECOND / SECOND);
        }
        lastFrameNanos = nowNanos;
        if (nowNanos - secondStartNanos >= SECOND) {
            shownLastSecond = shownThisSecond;
            hiddenLastSecond = hiddenThisSecond;
            shownThisSecond = 0;
            hiddenThisSecond = 0;
            secondStartNanos = nowNanos;
        }
    }

    private void admit(MessageEvent e, long nowNanos) {
        admit(e.from(), e.to(), nowNanos);
    }

    /** Puts a packet from node {@code from} to node {@code to} on screen, unless the rate is too high to draw each one. */
    void admit(int from, int to, long nowNanos) {
        if (from < 0 || from >= nodes.size() || to < 0 || to >= nodes.size()) {
            return;
        }
        if (budget >= 1 && packets.size() < MAX_IN_FLIGHT) {
            budget -= 1;
            packets.add(new Packet(from, to, nowNanos, PACKET_NANOS));
            shownThisSecond++;
            packetsShown.set(packetsShown.get() + 1);
        } else {
            hiddenThisSecond++;
        }
    }

    /** The label in the corner, for a view that counts messages itself. */
    void showRate(String text) {
        rateText.set(text);
    }

    private String rate(double messagesPerSecond) {
        if (hiddenLastSecond > 0) {
            return Format.rate(messagesPerSecond) + " · animating " + shownLastSecond + " per second";
        }
        return Format.rate(messagesPerSecond);
    }

    public ObservableList<NodeViewModel> nodes() {
        return nodes;
    }

    /** The packets in flight at the last frame (read by the view while drawing that frame). */
    public List<Packet> packets() {
        return Collections.unmodifiableList(packets);
    }

    /** The true message rate, and how many hops per second are animated when they are sampled. */
    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty segmentTextProperty() {
        return segmentText.getReadOnlyProperty();
    }

    /** How many packets have been put on screen since the window opened. */
    public ReadOnlyLongProperty packetsShownProperty() {
        return packetsShown.getReadOnlyProperty();
    }
}
