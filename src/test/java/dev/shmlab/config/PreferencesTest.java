package dev.shmlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.ShmlabException;
import dev.shmlab.config.Preferences.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences survive a save and a load, and a damaged or foreign file never keeps the window from opening. */
class PreferencesTest {
    @TempDir
    Path dir;

    @Test
    void savedPreferencesLoadBackEqual() {
        Path file = dir.resolve("nested/shmlab/preferences.json");
        Preferences saved = Preferences.defaults().withTheme(Theme.HIGH_CONTRAST).withScale(1.75)
                .withLastRun("round-robin", Map.of("clients", "5", "messages", "100"));

        saved.save(file);

        assertThat(Preferences.load(file)).isEqualTo(saved);
    }

    @Test
    void theFileIsTheDocumentedJson() throws IOException {
        Path file = dir.resolve(Preferences.FILE_NAME);
        Preferences.defaults().withTheme(Theme.HIGH_CONTRAST).withScale(2.0).withLastRun("race", Map.of("sync", "none")).save(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("theme").asText()).isEqualTo("high-contrast");
        assertThat(json.get("scale").asDouble()).isEqualTo(2.0);
        assertThat(json.get("lastScenario").asText()).isEqualTo("race");
        assertThat(json.get("lastParameters").get("sync").asText()).isEqualTo("none");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(Preferences.load(dir.resolve("none.json"))).isEqualTo(Preferences.defaults());
    }

    @Test
    void aHandEditedFileIsReadFieldByFieldWithOutOfRangeValuesClamped() throws IOException {
        Path file = dir.resolve(Preferences.FILE_NAME);
        Files.writeString(file, """
                {"version": 7, "theme": "solarized", "scale": 9, "lastScenario": 42,
                 "lastParameters": {"clients": 4, "print-all": true, "nested": {"x": 1}}, "futureField": [1, 2]}
                """);

        Preferences p = Preferences.load(file);

        assertThat(p.theme()).isEqualTo(Theme.LIGHT);
        assertThat(p.scale()).isEqualTo(Preferences.MAX_SCALE);
        assertThat(p.lastScenario()).isEmpty();
        assertThat(p.lastParameters()).containsExactly(Map.entry("clients", "4"), Map.entry("print-all", "true"));
        assertThat(Preferences.defaults().withScale(0.2).scale()).isEqualTo(Preferences.MIN_SCALE);
    }

    @Test
    void aMalformedFileIsReportedByLoadAndIgnoredByLoadOrDefaults() throws IOException {
        Path file = dir.resolve(Preferences.FILE_NAME);
        Files.writeString(file, "{\"theme\": ");

        assertThatThrownBy(() -> Preferences.load(file)).isInstanceOf(ShmlabException.class)
                .hasMessageStartingWith("the preferences " + file + " are not valid JSON");
        assertThat(Preferences.loadOrDefaults(file)).isEqualTo(Preferences.defaults());
    }

    @Test
    void theConfigDirectoryHonoursAnAbsoluteXdgConfigHome() {
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/srv/conf"), "/home/ann")).isEqualTo(Path.of("/srv/conf/shmlab"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "relative/conf"), "/home/ann")).isEqualTo(Path.of("/home/ann/.config/shmlab"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", ""), "/home/ann")).isEqualTo(Path.of("/home/ann/.config/shmlab"));
        assertThat(ConfigDirectory.resolve(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.config/shmlab"));
    }
}
