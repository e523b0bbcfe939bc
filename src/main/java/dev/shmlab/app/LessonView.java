package dev.shmlab.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/** The chosen lesson's title and narrative under the parameters it filled in; hidden without a lesson. */
final class LessonView extends BorderPane {

    LessonView(LessonsViewModel model) {
        setId("lessonView");
        getStyleClass().add("lesson-view");
        visibleProperty().bind(model.chosenProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        Label title = new Label();
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.textProperty().bind(model.titleProperty());
        title.setWrapText(true);
        Button close = new Button("×");
        close.setId("lessonClose");
        close.getStyleClass().add("lesson-close");
        close.setTooltip(new Tooltip("Hide the lesson's text (the parameters stay)"));
        close.setOnAction(e -> model.dismiss());
        close.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane.setAlignment(close, Pos.TOP_RIGHT);
        Label narrative = new Label();
        narrative.setId("lessonNarrative");
        narrative.getStyleClass().add("lesson-narrative");
        narrative.textProperty().bind(model.narrativeProperty());
        narrative.setWrapText(true);
        narrative.setMinHeight(Region.USE_PREF_SIZE);
        setTop(new BorderPane(title, null, close, null, null));
        setCenter(narrative);
    }
}
