package dev.shmlab.app;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The participants' output lines, the newest {@value #MAX_LINES}, filterable by participant. */
public final class LogViewModel {
    public static final String ALL = "all participants";
    static final int MAX_LINES = 5_000;

    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shown = new FilteredList<>(lines);
    private final ObservableList<String> filters = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> filter = new SimpleObjectProperty<>(this, "filter", ALL);

    LogViewModel() {
        filter.addListener((obs, old, now) -> shown.setPredicate(now == null || now.equals(ALL) ? null : line -> line.name().equals(now)));
    }

    /** A new run: no lines, a filter entry per participant. */
    void reset(List<String> participants) {
        lines.clear();
        filter.set(ALL);
        filters.setAll(ALL);
        filters.addAll(participants);
    }

    void append(List<LogLine> more) {
        if (more.isEmpty()) {
            return;
        }
        lines.addAll(more);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    /** The lines the filter lets through. */
    public ObservableList<LogLine> shown() {
        return shown;
    }

    public ObservableList<String> filters() {
        return filters;
    }

    /** {@link #ALL} or one participant's name. */
    public ObjectProperty<String> filterProperty() {
        return filter;
    }
}
