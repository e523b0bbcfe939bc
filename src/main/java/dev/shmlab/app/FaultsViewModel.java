package dev.shmlab.app;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.Explainer;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.os.Os;
import dev.shmlab.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Fault injection and the live race toggle: kill, stop, continue and restart a participant of the
 * live run; switch synchronisation off and on where the scenario reads it as it goes; the damage
 * counted so far; and what the participants themselves said about a fault (a timed-out wait, a
 * recovered lock), for the explanation. Nothing here is scripted: every word comes from the
 * snapshot or from a participant's own output line.
 */
public final class FaultsViewModel {
    /** Lines in which a participant reports the consequence of a fault. */
    private static final Pattern REPORT = Pattern.compile("timed out after|giving up|RECOVERED|restarted|died before the start");

    /** What can be done to one participant now, and why it cannot be restarted (empty when it can). */
    public record Actions(boolean kill, boolean stop, boolean resume, Optional<String> restartRefusal) {
        static final Actions NONE = new Actions(false, false, false, Optional.of("no run is going"));
    }

    private final StatusViewModel status;
    private final IntConsumer restarted;
    private final BooleanProperty syncOn = new SimpleBooleanProperty(this, "syncOn", true);
    private final ReadOnlyBooleanWrapper canToggleSync = new ReadOnlyBooleanWrapper(this, "canToggleSync");
    private final ReadOnlyStringWrapper damageText = new ReadOnlyStringWrapper(this, "damageText", "");
    private final ReadOnlyBooleanWrapper damaged = new ReadOnlyBooleanWrapper(this, "damaged");
    private final TreeMap<Integer, String> reports = new TreeMap<>();
    private LabSession session;
    private LabSnapshot latest;
    private boolean live;
    private boolean applying;

    FaultsViewModel(StatusViewModel status, IntConsumer restarted) {
        this.status = status;
        this.restarted = restarted;
        syncOn.addListener((obs, old, now) -> {
            if (!applying && live && session != null) {
                session.syncEnabled(now);
                status.message("Synchronisation " + (now ? "on: the participants guard their critical sections again."
                        : "OFF: the participants skip the guard, so their updates can collide."));
            }
        });
    }

    /** A new run: its synchronisation as the control block says, no reports yet. */
    void attach(LabSession s) {
        session = s;
        latest = null;
        live = true;
        reports.clear();
        set(s.syncEnabled());
        canToggleSync.set(s.scenario().syncSwitchable());
        damageText.set("");
        damaged.set(false);
    }

    /** The run has ended: nothing more can be injected; the damage stays as it was counted. */
    void ended() {
        live = false;
        canToggleSync.set(false);
    }

    /** Follows the newest snapshot: the synchronisation actually in force and the damage so far. */
    void update(LabSnapshot snapshot) {
        latest = snapshot;
        if (session == null) {
            return;
        }
        if (snapshot.syncEnabled() != syncOn.get() && snapshot.syncEnabled() == session.syncEnabled()) {
            set(snapshot.syncEnabled());
        }
        List<String> parts = new ArrayList<>();
        long total = 0;
        List<Scenario.Finding> findings = session.liveFindings();
        for (Scenario.Finding f : findings) {
            parts.add(f.name() + " " + Format.count(f.value()));
            total += f.bad() ? f.value() : 0;
        }
        long messages = snapshot.totalLost() + snapshot.totalDuplicated() + snapshot.totalCorrupted();
        if (messages > 0 || (session.scenario().syncSwitchable() && findings.isEmpty())) {
            parts.add("lost " + Format.count(snapshot.totalLost()) + " · duplicated " + Format.count(snapshot.totalDuplicated())
                    + " · corrupted " + Format.count(snapshot.totalCorrupted()));
            total += messages;
        }
        damageText.set(String.join(" · ", parts));
        damaged.set(total > 0);
    }

    /** Keeps the participants' own words about a fault, the newest per participant. */
    void lines(List<LogLine> lines) {
        for (LogLine l : lines) {
            if (REPORT.matcher(l.text()).find()) {
                reports.put(l.participant(), l.text());
            }
        }
    }

    /** Sentences for the explanation: what each participant last said about a fault, and the damage counted so far. */
    List<Explainer.Sentence> sentences() {
        List<Explainer.Sentence> out = new ArrayList<>();
        reports.forEach((index, text) -> out.add(new Explainer.Sentence(index,
                text.contains("RECOVERED") || text.contains("restarted") ? Explainer.Tone.ATTENTION : Explainer.Tone.TROUBLE,
                name(index) + " reported: \"" + text + "\"")));
        if (session != null) {
            for (Scenario.Finding f : session.liveFindings()) {
                if (f.bad()) {
                    out.add(new Explainer.Sentence(-1, Explainer.Tone.TROUBLE, String.format(Locale.ROOT,
                            "So far %s %s: the counter is behind the increments the workers made.", Format.count(f.value()), f.name())));
                }
            }
        }
        return out;
    }

    /** What can be done to participant i now. */
    public Actions actions(int i) {
        if (!live || session == null || i < 0 || i >= session.plan().participants().size()) {
            return Actions.NONE;
        }
        ParticipantState state = state(i);
        boolean alive = state != null && !state.isFinal();
        return new Actions(alive, alive && state != ParticipantState.STOPPED, state == ParticipantState.STOPPED,
                session.restartRefusal(i));
    }

    /** SIGKILL: the process dies at once, whatever it holds. */
    public void kill(int i) {
        signal(i, Os.SIGKILL, "SIGKILL sent to " + name(i) + ": its process dies at once, holding whatever it held.");
    }

    /** SIGSTOP: the process stops where it is until it is continued. */
    public void stop(int i) {
        signal(i, Os.SIGSTOP, "SIGSTOP sent to " + name(i) + ": it stops where it is, holding whatever it held, until Continue.");
    }

    /** SIGCONT: a stopped process goes on. */
    public void resume(int i) {
        signal(i, Os.SIGCONT, "SIGCONT sent to " + name(i) + ": it goes on from where it stopped.");
    }

    /** Starts participant i again into its slot, where the scenario allows it. */
    public void restart(int i) {
        Optional<String> refusal = actions(i).restartRefusal();
        if (refusal.isPresent()) {
            status.message("Cannot restart " + name(i) + ": " + refusal.get() + ".");
            return;
        }
        try {
            long pid = session.restart(i);
            reports.remove(i);
            restarted.accept(i);
            status.message(name(i) + " restarted as pid " + pid + ": it takes over its slot and goes on from what it recorded.");
        } catch (IllegalStateException e) {
            status.message(e.getMessage() + ".");
        }
    }

    private void signal(int i, int signal, String done) {
        if (!live || session == null) {
            return;
        }
        status.message(session.signal(i, signal) ? done : name(i) + " has no running process to signal.");
    }

    private ParticipantState state(int i) {
        if (latest == null) {
            return null;
        }
        return latest.participants().stream().filter(p -> p.index() == i).map(ParticipantSnapshot::state).findFirst().orElse(null);
    }

    private String name(int i) {
        return session == null || i >= session.plan().participants().size() ? "participant " + i : session.plan().participants().get(i).name();
    }

    private void set(boolean on) {
        applying = true;
        try {
            syncOn.set(on);
        } finally {
            applying = false;
        }
    }

    /** Synchronisation on (checked) or off, while a run of a scenario that reads it is live. */
    public BooleanProperty syncOnProperty() {
        return syncOn;
    }

    public ReadOnlyBooleanProperty canToggleSyncProperty() {
        return canToggleSync.getReadOnlyProperty();
    }

    /** The damage counted so far: lost updates, or lost, duplicated and corrupted messages; empty where none is counted. */
    public ReadOnlyStringProperty damageTextProperty() {
        return damageText.getReadOnlyProperty();
    }

    /** Whether any damage has been counted (shown in red). */
    public ReadOnlyBooleanProperty damagedProperty() {
        return damaged.getReadOnlyProperty();
    }
}
