package dev.shmlab.app;

import dev.shmlab.scenario.Lesson;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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
        title.setMinHeight(Region.USE_PREF_SIZE);
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

    /** The "Lessons" menu: every lesson in teaching order, numbered; choosing one fills the scenario and parameters. */
    static MenuButton menu(MainViewModel model) {
        MenuButton menu = new MenuButton("Lessons");
        menu.setId("lessonsMenu");
        menu.getStyleClass().add("lessons-menu");
        menu.setTooltip(new Tooltip("Presets for a class, in teaching order: scenario, parameters, pace and a paragraph to read"));
        menu.disableProperty().bind(model.canEditProperty().not());
        int number = 1;
        for (Lesson lesson : model.lessons().lessons()) {
            MenuItem item = new MenuItem(number++ + ". " + lesson.title() + "  (" + lesson.scenario().name() + ")");
            item.setId("lesson-" + lesson.name());
            item.setOnAction(e -> model.chooseLesson(lesson));
            menu.getItems().add(item);
        }
        return menu;
    }
}
