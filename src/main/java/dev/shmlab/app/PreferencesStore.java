package dev.shmlab.app;

import dev.shmlab.ShmlabException;
import dev.shmlab.config.Preferences;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The window's preferences file, shared by the parts that keep something in it (presentation
 * mode, the last run). Every change reads the file again before writing it, so one part saving
 * its field never puts back an old value of another's. Without a file nothing is kept.
 */
final class PreferencesStore {
    private final Path file;

    /** @param file the preferences file, or null to keep nothing */
    PreferencesStore(Path file) {
        this.file = file;
    }

    /** What the file holds now: defaults when there is no file or it is missing, unreadable or malformed. */
    Preferences read() {
        return file == null ? Preferences.defaults() : Preferences.loadOrDefaults(file);
    }

    /**
     * Applies a change to what the file holds and writes it back.
     *
     * @return why it could not be written, or null when it was (or there is no file)
     */
    String update(UnaryOperator<Preferences> change) {
        if (file == null) {
            return null;
        }
        try {
            change.apply(read()).save(file);
            return null;
        } catch (ShmlabException e) {
            return e.getMessage();
        }
    }
}
