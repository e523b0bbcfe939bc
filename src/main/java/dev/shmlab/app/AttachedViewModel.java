package dev.shmlab.app;

import dev.shmlab.foreign.DecodedSnapshot;
import dev.shmlab.foreign.FieldRole;
import dev.shmlab.foreign.Hop;
import dev.shmlab.foreign.LayoutDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Attached" tab: another program's segment decoded field by field, its semaphores' values and,
 * when the layout names source and destination fields, its messages as packets between the ids it
 * wrote. The frame loop calls {@link #onFrame} once per frame; it takes the newest snapshot and the
 * hops from the {@link ForeignWatch}'s sampler thread. Never touches a control or the mapping.
 */
public final class AttachedViewModel {
    private static final int MAX_HOP_LINES = 200;

    private final Executor background;
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Not attached");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyLongWrapper hopsSeen = new ReadOnlyLongWrapper(this, "hopsSeen");
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<SemaphoreViewModel> semaphores = FXCollections.observableArrayList();
    private final ObservableList<String> hops = FXCollections.observableArrayList();
    private final RoutingViewModel routing = new RoutingViewModel();
    private final Throttle textRefresh = Throttle.perSecond(10);
    /** The ids the source and destination fields have held, in increasing order: node i shows ids.get(i). */
    private final List<Long> ids = new ArrayList<>();
    private final Map<Long, long[]> tallies = new HashMap<>();
    private ForeignWatch watch;
    private DecodedSnapshot applied;
    private long missed;
    private Long source;
    private Long destination;

    AttachedViewModel(Executor background) {
        this.background = background;
    }

    /** Shows a newly opened watch; one shown before is detached. */
    void show(ForeignWatch w) {
        detach();
        watch = w;
        LayoutDescription layout = w.layout();
        fields.setAll(layout.fields().stream().map(FieldRow::new).toList());
        semaphores.setAll(layout.semaphores().stream().map(SemaphoreViewModel::foreign).toList());
        hops.clear();
        ids.clear();
        tallies.clear();
        routing.showNodes(List.of());
        routing.showSegment(w.segmentText() + "\n" + Format.count(w.sizeBytes()) + " bytes · read-only");
        routing.showRate(w.derivesHops() ? "no message yet" : "");
        applied = null;
        missed = 0;
        source = null;
        destination = null;
        hopsSeen.set(0);
        textRefresh.reset();
        title.set(w.segmentText() + " · layout " + layout.name());
        status.set("Sampling " + Math.round(1000.0 / ForeignWatch.SAMPLE_INTERVAL.toMillis()) + " times a second, read-only.");
        gone.set(false);
        attached.set(true);
    }

    /** Called once per frame on the UI thread with the frame's time (monotonic nanoseconds). */
    void onFrame(long nowNanos) {
        ForeignWatch w = watch;
        if (w == null) {
            return;
        }
        boolean textDue = textRefresh.due(nowNanos);
        DecodedSnapshot s = w.latest();
        if (s != applied) {
            apply(s, nowNanos, textDue);
        }
        List<Hop> newHops = w.drainHops();
        for (Hop hop : newHops) {
            admit(hop, nowNanos);
        }
        routing.onFrame(nowNanos, null, List.of());
        for (FieldRow row : fields) {
            row.fade(nowNanos);
        }
        if (!newHops.isEmpty() || textDue) {
            describeNodes();
        }
        String ending = w.ending();
        if (ending != null && !gone.get()) {
            gone.set(true);
            status.set("Sampling stopped: " + ending + ".");
        }
    }

    private void apply(DecodedSnapshot s, long nowNanos, boolean textDue) {
        Set<String> changed = s.changedFields(applied);
        for (int i = 0; i < Math.min(fields.size(), s.fields().size()); i++) {
            fields.get(i).update(s.fields().get(i), changed.contains(s.fields().get(i).path()), nowNanos);
        }
        boolean semaphoreMoved = !s.changedSemaphores(applied).isEmpty() || applied == null;
        for (int i = 0; i < Math.min(semaphores.size(), s.semaphores().size()); i++) {
            semaphores.get(i).update(s.semaphores().get(i), textDue || semaphoreMoved);
        }
        if (watch.derivesHops()) {
            source = s.fieldWith(FieldRole.SOURCE).orElseThrow().longValue();
            destination = s.fieldWith(FieldRole.DESTINATION).orElseThrow().longValue();
            showIds(source, destination);
        }
        applied = s;
    }

    private void admit(Hop hop, long nowNanos) {
        showIds(hop.from(), hop.to());
        routing.admit(ids.indexOf(hop.from()), ids.indexOf(hop.to()), nowNanos);
        tallies.computeIfAbsent(hop.from(), id -> new long[2])[0]++;
        tallies.computeIfAbsent(hop.to(), id -> new long[2])[1]++;
        missed += hop.missed();
        hopsSeen.set(hopsSeen.get() + 1);
        hops.addFirst(hop.describe());
        if (hops.size() > MAX_HOP_LINES) {
            hops.removeLast();
        }
        long seen = hopsSeen.get();
        routing.showRate(Format.count(seen) + (seen == 1 ? " message" : " messages") + " seen"
                + (missed > 0 ? " · " + Format.count(missed) + " came and went between samples" : ""));
    }

    /** Adds a node for each id not shown yet (nodes stay in increasing order of id). */
    private void showIds(long... seen) {
        boolean added = false;
        for (long id : seen) {
            if (!ids.contains(id)) {
                ids.add(id);
                added = true;
            }
        }
        if (added) {
            ids.sort(null);
            List<NodeViewModel> nodes = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                nodes.add(new NodeViewModel(i, "id " + ids.get(i), Long.toString(ids.get(i))));
            }
            routing.showNodes(nodes);
            describeNodes();
        }
    }

    /** The current message's sender and receiver by a word, every node's counts underneath. */
    private void describeNodes() {
        for (NodeViewModel node : routing.nodes()) {
            long id = ids.get(node.index());
            long[] tally = tallies.getOrDefault(id, new long[2]);
            String badge = Long.valueOf(id).equals(source) ? "SENDER" : Long.valueOf(id).equals(destination) ? "RECEIVER" : "";
            node.show(badge, Format.count(tally[0]) + " sent · " + Format.count(tally[1]) + " received");
        }
    }

    /** Stops watching; the mapping is released in the background. The foreign program's objects stay as they are. */
    void detach() {
        ForeignWatch w = watch;
        if (w == null) {
            return;
        }
        watch = null;
        background.execute(w::close);
        clear();
    }

    /** Stops watching and waits until the mapping is released (closing the window). */
    void close() {
        ForeignWatch w = watch;
        watch = null;
        if (w != null) {
            w.close();
        }
    }

    private void clear() {
        attached.set(false);
        gone.set(false);
        fields.clear();
        semaphores.clear();
        hops.clear();
        routing.showNodes(List.of());
        title.set("Not attached");
        status.set("");
    }

    /** Whether a foreign segment is shown (sampled, or kept as last read after its program removed it). */
    public ReadOnlyBooleanProperty attachedProperty() {
        return attached.getReadOnlyProperty();
    }

    /** Whether the program removed its segment (or it shrank) and sampling stopped. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** The segment and the layout: {@code sysv key=0x41… id=7 · layout seed004-memory}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the sampler is doing, or why it stopped. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Message hops seen since attaching. */
    public ReadOnlyLongProperty hopsSeenProperty() {
        return hopsSeen.getReadOnlyProperty();
    }

    public ObservableList<FieldRow> fields() {
        return fields;
    }

    public ObservableList<SemaphoreViewModel> semaphores() {
        return semaphores;
    }

    /** The hops seen, newest first, as one line each: {@code #3 2 -> 3 "Message 1 from client 2"}. */
    public ObservableList<String> hops() {
        return hops;
    }

    public RoutingViewModel routing() {
        return routing;
    }
}
