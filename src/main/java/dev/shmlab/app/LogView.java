package dev.shmlab.app;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The participants' own lines, newest at the bottom, filterable by participant; errors in red. */
final class LogView extends VBox {

    LogView(LogViewModel model) {
        setId("logView");
        getStyleClass().add("log");
        setSpacing(6);
        ComboBox<String> filter = new ComboBox<>(model.filters());
        filter.setId("logFilter");
        filter.valueProperty().bindBidirectional(model.filterProperty());
        Label show = new Label("Show lines of");
        HBox top = new HBox(8, show, filter);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ListView<LogLine> list = new ListView<>(model.shown());
        list.setId("logLines");
        list.setCellFactory(v -> new LineCell());
        list.setPlaceholder(new Label("The participants' output appears here."));
        model.shown().addListener((ListChangeListener<LogLine>) change -> {
            if (!model.shown().isEmpty()) {
                list.scrollTo(model.shown().size() - 1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(top, list);
    }

    private static final class LineCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("log-error");
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText("[" + line.name() + "] " + line.text());
            if (line.error()) {
                getStyleClass().add("log-error");
            }
        }
    }
}
