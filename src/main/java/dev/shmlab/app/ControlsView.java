package dev.shmlab.app;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Start, Pause/Resume, Step, Stop, the pace slider, and "Attach to a segment…" at the far end. */
final class ControlsView extends HBox {

    ControlsView(MainViewModel model) {
        getStyleClass().add("controls");
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Button start = button("startButton", "Start", "icon-start", "Start the selected scenario with these parameters");
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        Button pause = button("pauseButton", "Pause", "icon-pause", "Pause every participant at its next step, or resume");
        pause.textProperty().bind(model.pauseTextProperty());
        pause.disableProperty().bind(model.canPauseProperty().not());
        pause.setOnAction(e -> model.togglePause());
        model.pauseTextProperty().addListener((obs, old, now) -> pause.setGraphic(icon(now.equals("Resume") ? "icon-resume" : "icon-pause")));
        Button step = button("stepButton", "Step", "icon-step", "While paused: let every participant take exactly one step");
        step.disableProperty().bind(model.canStepProperty().not());
        step.setOnAction(e -> model.step());
        Button stop = button("stopButton", "Stop", "icon-stop", "Stop the participants and remove every kernel object of the run");
        stop.disableProperty().bind(model.canStopProperty().not());
        stop.setOnAction(e -> model.stop());
        Slider pace = new Slider(0, 1, 0);
        pace.setId("paceSlider");
        pace.valueProperty().bindBidirectional(model.pacePositionProperty());
        pace.setTooltip(new Tooltip("Left: full speed. Right: about one message per second."));
        Label paceLabel = new Label("Pace");
        paceLabel.getStyleClass().add("pace-label");
        Label paceValue = new Label();
        paceValue.setId("paceValue");
        paceValue.getStyleClass().add("pace-value");
        paceValue.textProperty().bind(model.paceTextProperty());
        Button attach = new Button("Attach to a segment…");
        attach.setId("attachButton");
        attach.getStyleClass().add("attach-button");
        attach.setTooltip(new Tooltip("Watch a segment another program made, read-only, decoded by a layout description"));
        attach.setOnAction(e -> AttachDialogView.open(getScene().getWindow(), model.attachDialog(Platform::runLater)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(start, pause, step, stop, new Separator(javafx.geometry.Orientation.VERTICAL), paceLabel, pace, paceValue,
                spacer, attach);
    }

    private static Button button(String id, String text, String icon, String tooltip) {
        Button b = new Button(text, icon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip));
        return b;
    }

    private static Region icon(String styleClass) {
        Region icon = new Region();
        icon.getStyleClass().addAll("icon", styleClass);
        return icon;
    }
}
