package dev.shmlab.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where shmlab keeps a user's own files (preferences, lessons): {@code $XDG_CONFIG_HOME/shmlab},
 * or {@code ~/.config/shmlab} when that variable is unset, empty or not an absolute path (as the
 * XDG Base Directory specification says to treat it).
 */
public final class ConfigDirectory {
    private ConfigDirectory() {
    }

    /** The directory for this process's environment and user. */
    public static Path current() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /** The directory for a given environment and home directory. */
    public static Path resolve(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "shmlab");
        }
        return Path.of(userHome, ".config", "shmlab");
    }
}
