package dev.shmlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shmlab.ShmlabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the window remembers between runs: theme, UI scale, and the last scenario with its
 * parameters (as typed, so they are checked again when used). Stored as a small JSON file,
 * {@code preferences.json} in the {@link ConfigDirectory}:
 *
 * <pre>
 * {"version": 1, "theme": "high-contrast", "scale": 1.5,
 *  "lastScenario": "round-robin", "lastParameters": {"clients": "5"}}
 * </pre>
 *
 * <p>Reading is forgiving field by field — a missing, unknown or ill-typed value falls back to its
 * default and a scale outside [{@value #MIN_SCALE}, {@value #MAX_SCALE}] is clamped — so a file
 * edited by hand or written by a newer version never stops the window from opening.
 */
public record Preferences(Theme theme, double scale, String lastScenario, Map<String, String> lastParameters) {
    public static final int VERSION = 1;
    public static final String FILE_NAME = "preferences.json";
    public static final double MIN_SCALE = 1.0;
    public static final double MAX_SCALE = 2.5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The window's colour themes. */
    public enum Theme {
        LIGHT, HIGH_CONTRAST;

        /** The name in the file: {@code light} or {@code high-contrast}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The theme with this id, or {@link #LIGHT} for anything else. */
        public static Theme of(String id) {
            for (Theme t : values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            return LIGHT;
        }
    }

    public Preferences {
        theme = theme == null ? Theme.LIGHT : theme;
        scale = Double.isFinite(scale) ? Math.clamp(scale, MIN_SCALE, MAX_SCALE) : MIN_SCALE;
        lastScenario = lastScenario == null ? "" : lastScenario;
        lastParameters = Collections.unmodifiableMap(new LinkedHashMap<>(lastParameters == null ? Map.of() : lastParameters));
    }

    public static Preferences defaults() {
        return new Preferences(Theme.LIGHT, MIN_SCALE, "", Map.of());
    }

    public Preferences withTheme(Theme newTheme) {
        return new Preferences(newTheme, scale, lastScenario, lastParameters);
    }

    /** The same preferences with another scale, clamped to the allowed range. */
    public Preferences withScale(double newScale) {
        return new Preferences(theme, newScale, lastScenario, lastParameters);
    }

    /** The same preferences remembering a run: its scenario and the parameters given (not the defaults filled in). */
    public Preferences withLastRun(String scenario, Map<String, String> parameters) {
        return new Preferences(theme, scale, scenario, parameters);
    }

    /** {@code preferences.json} in this user's {@link ConfigDirectory}. */
    public static Path defaultFile() {
        return ConfigDirectory.current().resolve(FILE_NAME);
    }

    /** Reads the file; defaults when it does not exist; a {@link ShmlabException} when it is not a JSON object. */
    public static Preferences load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException e) {
            throw new ShmlabException("cannot read the preferences " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ShmlabException("the preferences " + file + " are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ShmlabException("the preferences " + file + " are not a JSON object");
        }
        return fromJson(root);
    }

    /** Reads the file, or gives the defaults when it is missing, unreadable or malformed (the window must open anyway). */
    public static Preferences loadOrDefaults(Path file) {
        try {
            return load(file);
        } catch (ShmlabException e) {
            return defaults();
        }
    }

    /** Writes the file (and its directory) atomically: a crash leaves the old file or the new one, never half of one. */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, JSON.writeValueAsString(toJson()) + System.lineSeparator(), StandardCharsets.UTF_8);
                moveInPlace(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ShmlabException("cannot save the preferences to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void moveInPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("theme", theme.id());
        root.put("scale", scale);
        root.put("lastScenario", lastScenario);
        ObjectNode params = root.putObject("lastParameters");
        lastParameters.forEach(params::put);
        return root;
    }

    private static Preferences fromJson(JsonNode root) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode given = root.path("lastParameters");
        if (given.isObject()) {
            given.properties().forEach(e -> {
                if (e.getValue().isValueNode()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        JsonNode scale = root.path("scale");
        return new Preferences(Theme.of(root.path("theme").asText("")), scale.isNumber() ? scale.asDouble() : MIN_SCALE,
                root.path("lastScenario").isTextual() ? root.path("lastScenario").asText() : "", params);
    }
}
