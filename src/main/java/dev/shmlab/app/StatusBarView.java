package dev.shmlab.app;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import org.controlsfx.control.StatusBar;

/** What the window is doing, then segment, sampling rate, frame rate and run time. */
final class StatusBarView extends StatusBar {

    StatusBarView(StatusViewModel model) {
        setId("statusBar");
        textProperty().bind(model.messageProperty());
        Label recording = item("statusRecording", model.recordingProperty());
        recording.visibleProperty().bind(model.recordingProperty().isNotEmpty());
        recording.managedProperty().bind(recording.visibleProperty());
        getRightItems().addAll(recording,
                item("statusSegment", model.segmentProperty()), new Separator(Orientation.VERTICAL),
                item("statusSampling", model.samplingProperty()), new Separator(Orientation.VERTICAL),
                item("statusFrames", model.framesProperty()), new Separator(Orientation.VERTICAL),
                item("statusRunTime", model.runTimeProperty()));
    }

    private static Label item(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        label.textProperty().bind(text);
        return label;
    }
}
