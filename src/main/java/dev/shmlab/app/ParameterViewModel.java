package dev.shmlab.app;

import dev.shmlab.InvalidInputException;
import dev.shmlab.scenario.ParamSpec;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One scenario parameter as typed: its text and, when the text is not acceptable, why (from {@link ParamSpec#parse}). */
public final class ParameterViewModel {
    private final ParamSpec spec;
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    ParameterViewModel(ParamSpec spec) {
        this.spec = spec;
        text.addListener((obs, old, now) -> validate());
        text.set(display(spec.defaultValue()));
    }

    private void validate() {
        try {
            spec.parse(text.get());
            error.set(null);
        } catch (InvalidInputException e) {
            error.set(e.getMessage());
        }
    }

    /** A default value as the field shows it. */
    static String display(Object value) {
        return String.valueOf(value);
    }

    public String name() {
        return spec.name();
    }

    public ParamSpec spec() {
        return spec;
    }

    /** The description and the allowed values, for the field's tooltip. */
    public String help() {
        return spec.description() + " (" + spec.allowed() + ")";
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Null while the text is acceptable; otherwise the message naming the option and the allowed range. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get() == null;
    }
}
