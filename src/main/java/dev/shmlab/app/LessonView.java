package dev.shmlab.app;

import dev.shmlab.scenario.Lesson;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Region;

/** The chosen lesson's number, title and narrative under the parameters it filled in; hidden without a lesson. */
final class LessonView extends VBox {

    LessonView(LessonsViewModel model) {
        setId("lessonView");
        getStyleClass().add("lesson-view");
        visibleProperty().bind(model.chosenProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        Label number = new Label();
        number.getStyleClass().add("lesson-number");
        number.textProperty().bind(model.numberProperty());
        Button close = new Button("×");
        close.setId("lessonClose");
        close.getStyleClass().add("lesson-close");
        close.setTooltip(new Tooltip("Hide the lesson's text (the parameters stay)"));
        close.setOnAction(e -> model.dismiss());
        close.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(number, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);
        // In a VBox a wrapped label gets the height its text needs at the box's width.
        Label title = wrapped("lessonTitle", "lesson-title");
        title.textProperty().bind(model.titleProperty());
        Label narrative = wrapped("lessonNarrative", "lesson-narrative");
        narrative.textProperty().bind(model.narrativeProperty());
        getChildren().addAll(top, title, narrative);
    }

    private static Label wrapped(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
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
