package dev.shmlab.app;

import dev.shmlab.config.Preferences;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Presentation mode: how large the whole window is drawn (1.0× to 2.5×, in quarter steps) and
 * its colour theme. Both are kept in the {@link Preferences} file when it is given, so the next
 * lecture opens as this one ended. A file that cannot be written never stops the window: the
 * problem is said in {@link #problemProperty()}.
 */
public final class PresentationViewModel {
    static final double SCALE_STEP = 0.25;

    private final PreferencesStore store;
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", Preferences.MIN_SCALE);
    private final ReadOnlyObjectWrapper<Preferences.Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Preferences.Theme.LIGHT);
    private final ReadOnlyStringWrapper scaleText = new ReadOnlyStringWrapper(this, "scaleText", "1.0×");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** Scale and theme from the file (defaults when it is missing or unreadable), saved back on every change; null keeps nothing. */
    public PresentationViewModel(Path preferencesFile) {
        this.store = new PreferencesStore(preferencesFile);
        Preferences preferences = store.read();
        scale.set(preferences.scale());
        theme.set(preferences.theme());
        scaleText.set(describe(preferences.scale()));
    }

    public void zoomIn() {
        setScale(Math.floor(scale.get() / SCALE_STEP + 1e-9) * SCALE_STEP + SCALE_STEP);
    }

    public void zoomOut() {
        setScale(Math.ceil(scale.get() / SCALE_STEP - 1e-9) * SCALE_STEP - SCALE_STEP);
    }

    public void resetZoom() {
        setScale(Preferences.MIN_SCALE);
    }

    /** Sets the scale, clamped to 1.0–2.5, and remembers it. */
    public void setScale(double newScale) {
        double clamped = Math.clamp(newScale, Preferences.MIN_SCALE, Preferences.MAX_SCALE);
        if (clamped != scale.get()) {
            scale.set(clamped);
            scaleText.set(describe(clamped));
            save(p -> p.withScale(clamped));
        }
    }

    /** Switches between the high-contrast theme and the usual one, and remembers it. */
    public void toggleHighContrast() {
        Preferences.Theme next = theme.get() == Preferences.Theme.HIGH_CONTRAST ? Preferences.Theme.LIGHT : Preferences.Theme.HIGH_CONTRAST;
        theme.set(next);
        save(p -> p.withTheme(next));
    }

    private void save(UnaryOperator<Preferences> change) {
        String failed = store.update(change);
        problem.set(failed == null ? "" : "The scale and theme will not be remembered: " + failed);
    }

    static String describe(double scale) {
        return String.format(Locale.ROOT, "%.2f", scale).replaceAll("0$", "") + "×";
    }

    /** The factor every size in the window is multiplied by. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** "1.5×". */
    public ReadOnlyStringProperty scaleTextProperty() {
        return scaleText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preferences.Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Why the preferences could not be saved, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
