package dev.shmlab.app;

import dev.shmlab.scenario.Lesson;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lesson presets in teaching order (shipped ones first, then the teacher's own) and the one
 * chosen, whose title and narrative the window shows beside the parameters it filled in.
 */
public final class LessonsViewModel {
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper(this, "number", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper narrative = new ReadOnlyStringWrapper(this, "narrative", "");

    LessonsViewModel(List<Lesson> all) {
        lessons.setAll(all);
    }

    void choose(Lesson lesson) {
        chosen.set(lesson);
        number.set(lesson == null ? "" : "Lesson " + (lessons.indexOf(lesson) + 1) + " of " + lessons.size());
        title.set(lesson == null ? "" : lesson.title());
        narrative.set(lesson == null ? "" : lesson.narrative());
    }

    /** Hides the narrative (the parameters stay as they are). */
    public void dismiss() {
        choose(null);
    }

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    /** The lesson chosen last, or null. */
    public ReadOnlyObjectProperty<Lesson> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** "Lesson 6 of 13", or empty. */
    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    /** "Three clients and one semaphore", or empty. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrativeProperty() {
        return narrative.getReadOnlyProperty();
    }
}
