package dev.shmlab.app;

import dev.shmlab.config.Preferences;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * Presentation mode on a window: the whole view drawn at the chosen scale (every size in the
 * stylesheet is in em, so the root font size scales everything), the high-contrast stylesheet
 * laid over the usual one, full screen, and the keyboard shortcuts with their sheet.
 */
final class PresentationMode {
    static final String HIGH_CONTRAST_STYLESHEET = "/css/high-contrast.css";

    private final Stage stage;
    private final Scene scene;
    /** The view whose font size scales everything (not the scene's root: ControlsFX may wrap it in a decoration pane). */
    private final Region root;
    private final PresentationViewModel presentation;
    private final double baseFontPx;
    private final String highContrast;
    private ShortcutsSheet sheet;

    PresentationMode(Stage stage, Scene scene, Region root, PresentationViewModel presentation, double baseFontPx) {
        this.stage = stage;
        this.scene = scene;
        this.root = root;
        this.presentation = presentation;
        this.baseFontPx = baseFontPx;
        this.highContrast = PresentationMode.class.getResource(HIGH_CONTRAST_STYLESHEET).toExternalForm();
        presentation.scaleProperty().addListener((obs, old, now) -> applyScale());
        presentation.themeProperty().addListener((obs, old, now) -> applyTheme());
        applyScale();
        applyTheme();
    }

    /** The accelerators of the run commands and of presentation mode, and "?" for the sheet outside text fields. */
    void installShortcuts(MainViewModel model) {
        var accelerators = scene.getAccelerators();
        accelerators.put(Shortcuts.START, model::start);
        accelerators.put(Shortcuts.PAUSE, model::togglePause);
        accelerators.put(Shortcuts.STEP, model::step);
        accelerators.put(Shortcuts.STOP, model::stop);
        put(Shortcuts.ZOOM_IN, Shortcuts.ZOOM_IN_ALSO, presentation::zoomIn);
        put(Shortcuts.ZOOM_OUT, Shortcuts.ZOOM_OUT_ALSO, presentation::zoomOut);
        put(Shortcuts.ZOOM_RESET, Shortcuts.ZOOM_RESET_ALSO, presentation::resetZoom);
        accelerators.put(Shortcuts.HIGH_CONTRAST, presentation::toggleHighContrast);
        accelerators.put(Shortcuts.FULL_SCREEN, this::toggleFullScreen);
        accelerators.put(Shortcuts.SHEET, this::showSheet);
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                showSheet();
                e.consume();
            }
        });
    }

    private void put(KeyCombination main, List<KeyCombination> also, Runnable action) {
        scene.getAccelerators().put(main, action);
        also.forEach(k -> scene.getAccelerators().put(k, action));
    }

    /** The "View" menu: scale, theme, full screen and the shortcuts sheet, each naming its keys. */
    MenuButton menu() {
        MenuItem larger = item("Larger", Shortcuts.ZOOM_IN, presentation::zoomIn);
        MenuItem smaller = item("Smaller", Shortcuts.ZOOM_OUT, presentation::zoomOut);
        MenuItem actual = item("Actual size", Shortcuts.ZOOM_RESET, presentation::resetZoom);
        CheckMenuItem contrast = new CheckMenuItem("High contrast    " + Shortcuts.keys(Shortcuts.HIGH_CONTRAST));
        contrast.setId("highContrastItem");
        contrast.setSelected(presentation.themeProperty().get() == Preferences.Theme.HIGH_CONTRAST);
        presentation.themeProperty().addListener((obs, old, now) -> contrast.setSelected(now == Preferences.Theme.HIGH_CONTRAST));
        contrast.setOnAction(e -> {
            if (contrast.isSelected() != (presentation.themeProperty().get() == Preferences.Theme.HIGH_CONTRAST)) {
                presentation.toggleHighContrast();
            }
        });
        MenuItem full = item("Full screen", Shortcuts.FULL_SCREEN, this::toggleFullScreen);
        MenuItem keys = item("Keyboard shortcuts…", Shortcuts.SHEET, this::showSheet);
        MenuButton menu = new MenuButton("View", null, larger, smaller, actual, new SeparatorMenuItem(), contrast, full,
                new SeparatorMenuItem(), keys);
        menu.setId("viewMenu");
        menu.getStyleClass().add("view-menu");
        menu.setTooltip(new Tooltip("Presentation mode: size, high contrast, full screen, keyboard shortcuts"));
        menu.textProperty().bind(presentation.scaleTextProperty().map(s -> "View " + s));
        return menu;
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        // The keys are only shown: the scene's accelerators do the work, also while the menu is closed.
        MenuItem item = new MenuItem(text + "    " + Shortcuts.keys(keys));
        item.setOnAction(e -> action.run());
        return item;
    }

    void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    void showSheet() {
        if (sheet == null) {
            sheet = new ShortcutsSheet(stage, scene, root);
        }
        sheet.show();
    }

    ShortcutsSheet sheet() {
        return sheet;
    }

    private void applyScale() {
        root.setStyle("-fx-font-size: " + fontPx() + "px;");
    }

    /** The root font size at the current scale, whole pixels (fractional sizes blur the text). */
    long fontPx() {
        return Math.round(baseFontPx * presentation.scaleProperty().get());
    }

    private void applyTheme() {
        boolean on = presentation.themeProperty().get() == Preferences.Theme.HIGH_CONTRAST;
        scene.getStylesheets().remove(highContrast);
        if (on) {
            scene.getStylesheets().add(highContrast);
        }
    }
}
