package dev.shmlab.app;

import dev.shmlab.foreign.DecodedField;
import dev.shmlab.foreign.PlacedField;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One decoded field of another program's segment as a table row: where it is, its value, and whether it just changed. */
public final class FieldRow {
    /** How long a changed value stays highlighted. */
    static final long HIGHLIGHT_NANOS = 1_500_000_000L;

    private final String path;
    private final String type;
    private final long offset;
    private final String role;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private long changedAtNanos;

    FieldRow(PlacedField field) {
        this.path = field.path();
        this.type = field.type().typeName();
        this.offset = field.offset();
        this.role = field.role() == null ? "" : field.role().roleName();
    }

    /** Shows the field's value; {@code changedNow} lights the row up for {@link #HIGHLIGHT_NANOS}. */
    void update(DecodedField field, boolean changedNow, long nowNanos) {
        value.set(field.display());
        if (changedNow) {
            changedAtNanos = nowNanos;
            changed.set(true);
        }
    }

    /** Ends the highlight once it has lasted its time. */
    void fade(long nowNanos) {
        if (changed.get() && nowNanos - changedAtNanos >= HIGHLIGHT_NANOS) {
            changed.set(false);
        }
    }

    public String path() {
        return path;
    }

    public String type() {
        return type;
    }

    public long offset() {
        return offset;
    }

    /** The field's role ({@code sequence}, {@code source}…), or empty. */
    public String role() {
        return role;
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** True for a while after the value changed. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
