package dev.shmlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.config.Preferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presentation mode's scale and theme, without a window: quarter steps, the limits, and what the preferences file keeps. */
class PresentationViewModelTest {
    @TempDir
    Path dir;

    @Test
    void zoomingInGoesUpInQuarterStepsAndStopsAtTwoAndAHalf() {
        PresentationViewModel model = new PresentationViewModel(null);
        List<Double> scales = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            model.zoomIn();
            scales.add(model.scaleProperty().get());
        }
        assertThat(scales).containsExactly(1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.5, 2.5);
        assertThat(model.scaleTextProperty().get()).isEqualTo("2.5×");
    }

    @Test
    void zoomingOutFromAnOddScaleLandsOnTheQuarterBelowAndStopsAtOne() {
        PresentationViewModel model = new PresentationViewModel(null);
        model.setScale(1.6);
        model.zoomOut();
        assertThat(model.scaleProperty().get()).isEqualTo(1.5);
        model.zoomOut();
        model.zoomOut();
        model.zoomOut();
        assertThat(model.scaleProperty().get()).isEqualTo(1.0);
        assertThat(model.scaleTextProperty().get()).isEqualTo("1.0×");
    }

    @Test
    void scaleAndThemeAreSavedAndTheOtherPreferencesKept() {
        Path file = dir.resolve(Preferences.FILE_NAME);
        Preferences.defaults().withLastRun("race", Map.of("clients", "5")).save(file);
        PresentationViewModel model = new PresentationViewModel(file);

        model.zoomIn();
        model.zoomIn();
        model.toggleHighContrast();

        Preferences saved = Preferences.load(file);
        assertThat(saved.scale()).isEqualTo(1.5);
        assertThat(saved.theme()).isEqualTo(Preferences.Theme.HIGH_CONTRAST);
        assertThat(saved.lastScenario()).isEqualTo("race");
        assertThat(saved.lastParameters()).containsEntry("clients", "5");
        PresentationViewModel reopened = new PresentationViewModel(file);
        assertThat(reopened.scaleProperty().get()).isEqualTo(1.5);
        assertThat(reopened.themeProperty().get()).isEqualTo(Preferences.Theme.HIGH_CONTRAST);
    }

    @Test
    void aPreferencesFileThatCannotBeWrittenIsSaidAndTheScaleStillChanges() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        PresentationViewModel model = new PresentationViewModel(notADirectory.resolve(Preferences.FILE_NAME));

        model.zoomIn();

        assertThat(model.scaleProperty().get()).isEqualTo(1.25);
        assertThat(model.problemProperty().get()).startsWith("The scale and theme will not be remembered: cannot save the preferences to ");
    }
}
