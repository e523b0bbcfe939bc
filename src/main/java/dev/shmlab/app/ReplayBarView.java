package dev.shmlab.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The bar under the controls while a recording is shown: what is replayed, play and pause, the
 * scrubber over recorded time, the speed, and the way back to live runs. Hidden otherwise.
 */
final class ReplayBarView extends HBox {

    ReplayBarView(ReplayViewModel model, Runnable backToLive) {
        setId("replayBar");
        getStyleClass().add("replay-bar");
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(model.activeProperty());
        managedProperty().bind(model.activeProperty());
        Label title = new Label();
        title.setId("replayTitle");
        title.getStyleClass().add("replay-title");
        title.textProperty().bind(model.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        Button play = new Button();
        play.setId("replayPlayButton");
        play.textProperty().bind(model.playTextProperty());
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.setTooltip(new Tooltip("Play the recording from the scrubber's position, or pause it"));
        play.setOnAction(e -> model.togglePlay());
        Slider scrubber = new Slider(0, 1, 0);
        scrubber.setId("replayScrubber");
        scrubber.maxProperty().bind(model.durationSecondsProperty());
        scrubber.valueProperty().bindBidirectional(model.positionSecondsProperty());
        scrubber.setTooltip(new Tooltip("Recorded time: drag to any moment of the run"));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMaxWidth(Double.MAX_VALUE);
        Label time = new Label();
        time.setId("replayTime");
        time.getStyleClass().add("replay-time");
        time.textProperty().bind(model.timeTextProperty());
        time.setMinWidth(Region.USE_PREF_SIZE);
        Label speedLabel = new Label("Speed");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("replaySpeed");
        speed.getItems().setAll(ReplayViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : PresentationViewModel.describe(value);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("×", ""));
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.speedProperty().set(now);
            }
        });
        speed.setTooltip(new Tooltip("Recorded seconds per second of playback"));
        Button live = new Button("Back to live");
        live.setId("backToLiveButton");
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.setTooltip(new Tooltip("Close the recording and return to running scenarios"));
        live.setOnAction(e -> backToLive.run());
        getChildren().addAll(title, play, scrubber, time, speedLabel, speed, live);
    }
}
