package dev.shmlab.app;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** One participant's pseudo-code and the line it is on (-1 when the line is not known or not current). */
public final class CodeListing {
    private final int participant;
    private final String name;
    private final List<String> lines;
    private final ReadOnlyIntegerWrapper currentLine = new ReadOnlyIntegerWrapper(this, "currentLine", -1);

    CodeListing(int participant, String name, List<String> lines) {
        this.participant = participant;
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    /** Points at line {@code step} of the listing, or at none when the step is outside it. */
    void highlight(int step) {
        currentLine.set(step >= 0 && step < lines.size() ? step : -1);
    }

    public int participant() {
        return participant;
    }

    public String name() {
        return name;
    }

    public List<String> lines() {
        return lines;
    }

    /** The index of the highlighted line: the step the participant last published, or -1. */
    public ReadOnlyIntegerProperty currentLineProperty() {
        return currentLine.getReadOnlyProperty();
    }
}
