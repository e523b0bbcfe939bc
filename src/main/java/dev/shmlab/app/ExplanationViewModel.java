package dev.shmlab.app;

import dev.shmlab.monitor.Explainer;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.PseudoCode;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The plain-words explanation of the newest snapshot, from {@link Explainer}: a few updates per
 * second, and the list is replaced only when a sentence changed, so the text can be read while
 * it stays put.
 */
public final class ExplanationViewModel {
    private static final int UPDATES_PER_SECOND = 4;

    private final ObservableList<Explainer.Sentence> sentences = FXCollections.observableArrayList();
    private final Throttle refresh = Throttle.perSecond(UPDATES_PER_SECOND);
    private Explainer explainer = new Explainer(PseudoCode.none());
    private java.util.function.Supplier<List<Explainer.Sentence>> more = List::of;

    /** Explains the participants of a run (named as planned until they claim their records) with these listings. */
    void attach(PseudoCode code, List<String> names) {
        explainer = new Explainer(code, names);
        refresh.reset();
    }

    /** Before a run: one sentence saying what to do. */
    void idle(String sentence) {
        sentences.setAll(List.of(new Explainer.Sentence(-1, Explainer.Tone.INFO, sentence)));
    }

    /** Explains the snapshot when an update is due (or at once with {@code force}, for the final one). */
    void update(LabSnapshot snapshot, long nowNanos, boolean force) {
        if (!force && !refresh.due(nowNanos)) {
            return;
        }
        List<Explainer.Sentence> fresh = new java.util.ArrayList<>(explainer.explain(snapshot));
        fresh.addAll(more.get());
        if (!fresh.equals(sentences)) {
            sentences.setAll(fresh);
        }
    }

    /** Sentences to add after the explainer's, e.g. what participants reported about a fault. */
    void addAfter(java.util.function.Supplier<List<Explainer.Sentence>> sentences) {
        more = sentences;
    }

    public ObservableList<Explainer.Sentence> sentences() {
        return sentences;
    }

    /** The sentences as one text, one per line. */
    public String text() {
        return Explainer.text(sentences);
    }
}
