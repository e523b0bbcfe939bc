package dev.shmlab.app;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "Attached" tab: another program's segment field by field (a changed value lights its row up),
 * the messages it passed as packets between the ids it wrote, and its semaphores' values.
 */
final class AttachedView extends StackPane {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final RoutingView routing;

    AttachedView(AttachedViewModel model, Runnable attach) {
        setId("attachedView");
        routing = new RoutingView(model.routing(), "attached");
        BorderPane content = new BorderPane();
        content.setTop(header(model));
        SplitPane center = new SplitPane(fieldsPane(model), routing);
        center.setDividerPositions(0.5);
        content.setCenter(center);
        content.setRight(semaphores(model));
        content.visibleProperty().bind(model.attachedProperty());
        getChildren().addAll(placeholder(attach, model), content);
    }

    private static VBox placeholder(Runnable attach, AttachedViewModel model) {
        Label text = new Label("Watch a segment your own program made: its fields decoded by a layout description, "
                + "its semaphores, and its messages as packets. Nothing is written to it.");
        text.setWrapText(true);
        text.setMaxWidth(640);
        Button button = new Button("Attach to a segment…");
        button.setId("attachPlaceholderButton");
        button.setOnAction(e -> attach.run());
        VBox box = new VBox(16, text, button);
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.attachedProperty().not());
        return box;
    }

    private static VBox header(AttachedViewModel model) {
        Label title = new Label();
        title.setId("attachedTitle");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(model.titleProperty());
        Label status = new Label();
        status.setId("attachedStatus");
        status.getStyleClass().add("attached-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.goneProperty().addListener((obs, old, gone) -> status.pseudoClassStateChanged(PseudoClass.getPseudoClass("gone"), gone));
        Button detach = new Button("Detach");
        detach.setId("detachButton");
        detach.setOnAction(e -> model.detach());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, detach);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, top, status);
        header.getStyleClass().add("attached-header");
        return header;
    }

    private static VBox fieldsPane(AttachedViewModel model) {
        TableView<FieldRow> table = new TableView<>(model.fields());
        table.setId("attachedFields");
        table.getStyleClass().add("attached-fields");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("col-field", "field", r -> new ReadOnlyStringWrapper(r.path())));
        table.getColumns().add(column("col-type", "type", r -> new ReadOnlyStringWrapper(r.type())));
        table.getColumns().add(column("col-offset", "offset", r -> new ReadOnlyStringWrapper(Long.toString(r.offset()))));
        table.getColumns().add(column("col-role", "role", r -> new ReadOnlyStringWrapper(r.role())));
        table.getColumns().add(column("col-value", "value", FieldRow::valueProperty));
        table.setRowFactory(t -> highlighting());
        Label fieldsTitle = new Label("Fields");
        fieldsTitle.getStyleClass().add("section-title");
        Label hopsTitle = new Label("Messages seen, newest first");
        hopsTitle.getStyleClass().add("section-title");
        ListView<String> hops = new ListView<>(model.hops());
        hops.setId("attachedHops");
        hops.getStyleClass().add("attached-hops");
        hops.setPlaceholder(new Label("None yet: a message shows when the sequence (or source and destination) changes."));
        hops.setPrefHeight(160);
        VBox pane = new VBox(6, fieldsTitle, table, hopsTitle, hops);
        pane.getStyleClass().add("attached-fields-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    private static TableColumn<FieldRow, String> column(String id, String title,
            Function<FieldRow, ObservableValue<String>> value) {
        TableColumn<FieldRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setSortable(false);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        return column;
    }

    /** A row that wears {@code :changed} while its field's value has just changed. */
    private static TableRow<FieldRow> highlighting() {
        TableRow<FieldRow> row = new TableRow<>();
        ChangeListener<Boolean> light = (obs, old, now) -> row.pseudoClassStateChanged(CHANGED, now);
        row.itemProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.changedProperty().removeListener(light);
            }
            if (now != null) {
                now.changedProperty().addListener(light);
            }
            row.pseudoClassStateChanged(CHANGED, now != null && now.changedProperty().get());
        });
        return row;
    }

    private static VBox semaphores(AttachedViewModel model) {
        Label title = new Label("Semaphores");
        title.getStyleClass().add("section-title");
        VBox cards = new VBox(10);
        Runnable rebuild = () -> {
            cards.getChildren().setAll(model.semaphores().stream().map(SemaphoreCard::new).toList());
            if (model.semaphores().isEmpty()) {
                Label none = new Label("The layout watches no semaphore.");
                none.getStyleClass().add("semaphore-line");
                cards.getChildren().add(none);
            }
        };
        model.semaphores().addListener((ListChangeListener<SemaphoreViewModel>) change -> rebuild.run());
        rebuild.run();
        VBox column = new VBox(10, title, cards);
        column.setId("attachedSemaphores");
        column.getStyleClass().add("semaphores");
        column.setPrefWidth(340);
        column.setMinWidth(260);
        return column;
    }

    RoutingView routing() {
        return routing;
    }
}
