package dev.shmlab.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A dialog listing every keyboard shortcut, drawn at the window's scale and in its theme. */
final class ShortcutsSheet {
    private final Alert dialog;

    /** A sheet owned by the window, with its stylesheets and the font size set on {@code scaledRoot}. */
    ShortcutsSheet(Window owner, Scene styledLike, Node scaledRoot) {
        GridPane grid = new GridPane();
        grid.setId("shortcutsSheet");
        grid.getStyleClass().add("shortcuts-sheet");
        int row = 0;
        for (Shortcuts.Entry e : Shortcuts.sheet()) {
            Label keys = new Label(e.keys());
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(e.what());
            what.setWrapText(true);
            grid.addRow(row++, keys, what);
        }
        dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getStylesheets().setAll(styledLike.getStylesheets());
        dialog.getDialogPane().styleProperty().bind(scaledRoot.styleProperty());
    }

    /** Shows the sheet, or brings it to the front when it is open already. */
    void show() {
        if (dialog.isShowing()) {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
        } else {
            dialog.show();
        }
    }

    boolean isShowing() {
        return dialog.isShowing();
    }
}
