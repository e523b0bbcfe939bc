package dev.shmlab.app;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's keyboard shortcuts, in one place: the accelerators, the tooltips and the shortcuts sheet read them here. */
final class Shortcuts {
    static final KeyCombination START = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.F6);
    static final KeyCombination STEP = new KeyCodeCombination(KeyCode.F7);
    static final KeyCombination STOP = new KeyCodeCombination(KeyCode.F8);
    static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ZOOM_RESET = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HIGH_CONTRAST = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination FULL_SCREEN = new KeyCodeCombination(KeyCode.F11);
    static final KeyCombination SHEET = new KeyCodeCombination(KeyCode.F1);

    /** The same commands on other keys: Ctrl with the keypad's + − 0, Ctrl+Shift+= (a "+" on US keyboards). */
    static final List<KeyCombination> ZOOM_IN_ALSO = List.of(
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    static final List<KeyCombination> ZOOM_OUT_ALSO = List.of(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
    static final List<KeyCombination> ZOOM_RESET_ALSO = List.of(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));

    /** One line of the shortcuts sheet. */
    record Entry(String keys, String what) {
    }

    private Shortcuts() {
    }

    /** The keys as the sheet and the tooltips show them: "F5", "Ctrl+=". */
    static String keys(KeyCombination combination) {
        return combination.getDisplayText();
    }

    /** A tooltip's text with its shortcut: "Start the run (F5)". */
    static String tooltip(String text, KeyCombination combination) {
        return text + " (" + keys(combination) + ")";
    }

    /** Every shortcut, in the order the sheet lists them. */
    static List<Entry> sheet() {
        return List.of(
                new Entry(keys(START), "Start the selected scenario"),
                new Entry(keys(PAUSE), "Pause, or resume"),
                new Entry(keys(STEP), "While paused: one step of the participant chosen in the code view (or of all)"),
                new Entry(keys(STOP), "Stop the run and remove its kernel objects"),
                new Entry("Ctrl++  /  Ctrl+−", "Make everything larger / smaller (1.0× to 2.5×)"),
                new Entry(keys(ZOOM_RESET), "Back to 1.0×"),
                new Entry(keys(HIGH_CONTRAST), "High-contrast theme on or off"),
                new Entry(keys(FULL_SCREEN), "Full screen on or off (Esc leaves it too)"),
                new Entry(keys(SHEET) + "  or  ?", "This sheet"));
    }
}
