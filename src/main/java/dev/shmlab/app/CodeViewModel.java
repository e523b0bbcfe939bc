package dev.shmlab.app;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.PseudoCode;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The step-through listing: every participant's pseudo-code, which participant is shown (or all
 * side by side) and, per participant, the line of the step it last published. The published step
 * is current only while the run is paused or paced (at full speed participants do not store it on
 * every line), so at full speed nothing is highlighted rather than a stale line. Once paused or
 * paced, a participant's line is trusted when it stands paused at a checkpoint or has passed one
 * since: one that blocked (in sem_wait, say) while the run was at full speed still shows an old
 * step, and gets no highlight until it moves.
 */
public final class CodeViewModel {
    /** The value of {@link #selectedProperty()} that shows every participant side by side. */
    public static final int ALL = -1;

    private final ObservableList<CodeListing> listings = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", ALL);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private PseudoCode code = PseudoCode.none();
    private boolean current;
    /** Per participant, the steps taken when the run last became paused or paced. */
    private long[] stepsWhenCurrent = new long[0];

    /** The listings of a run (or of a planned one): one per participant, by its role. */
    void show(Scenario scenario, RunPlan plan) {
        Map<Integer, List<String>> byRole = new TreeMap<>();
        plan.participants().forEach(p -> byRole.computeIfAbsent(p.role(), scenario::pseudoCode));
        show(new PseudoCode(byRole), plan.participants().stream().map(RunPlan.Participant::name).toList(),
                plan.participants().stream().map(RunPlan.Participant::role).toList());
    }

    /** The listings of a recorded run: participant i is {@code names[i]} playing {@code roles[i]} of {@code byRole}. */
    void show(PseudoCode byRole, List<String> names, List<Integer> roles) {
        List<CodeListing> fresh = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fresh.add(new CodeListing(i, names.get(i), byRole.byRole().getOrDefault(roles.get(i), List.of())));
        }
        code = byRole;
        if (selected.get() >= fresh.size()) {
            selected.set(ALL);
        }
        current = false;
        stepsWhenCurrent = new long[fresh.size()];
        listings.setAll(fresh);
        caption.set("Start the run paused, or pause it, to follow each participant line by line.");
    }

    /** Moves the highlights to the steps the snapshot's participants published. */
    void update(LabSnapshot snapshot) {
        boolean nowCurrent = snapshot.command() == ControlBlock.Command.PAUSE || snapshot.paceNanos() > 0;
        List<ParticipantSnapshot> ps = snapshot.participants().stream().filter(p -> p.index() >= 0 && p.index() < listings.size()).toList();
        if (nowCurrent && !current) {
            ps.forEach(p -> stepsWhenCurrent[p.index()] = p.stepsTaken());
        }
        current = nowCurrent;
        boolean someUnknown = false;
        for (ParticipantSnapshot p : ps) {
            boolean published = p.state() == ParticipantState.PAUSED || p.stepsTaken() > stepsWhenCurrent[p.index()];
            boolean finished = p.state() == ParticipantState.DONE || p.state() == ParticipantState.FAILED || p.state() == ParticipantState.DEAD;
            someUnknown |= current && !published && !finished;
            listings.get(p.index()).highlight(current && published ? p.step() : -1);
        }
        caption.set(!current ? "At full speed the lines go by too fast to follow: pause the run or slow its pace to see them."
                : someUnknown ? "The highlighted line is the one each participant executes next; a listing without one belongs to a"
                        + " participant that was blocked before the pause and has not moved since."
                : "The highlighted line is the one each participant executes next.");
    }

    /** The pseudo-code of the listings shown, by role (for the explanation). */
    PseudoCode code() {
        return code;
    }

    public ObservableList<CodeListing> listings() {
        return listings;
    }

    /** The participant whose listing is shown and whom Step advances, or {@link #ALL}. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** One sentence under the listing: what the highlight means right now. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
