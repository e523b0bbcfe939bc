package dev.shmlab.app;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
    /** Table columns take their widths in pixels; this is about one em at the window's type size. */
    private static final double COLUMN_EM_PX = 16;

    private final RoutingView routing;

    AttachedView(AttachedViewModel model, Runnable attach) {
        setId("attachedView");
        routing = new RoutingView(model.routing(), "attached");
        BorderPane content = new BorderPane();
        content.setTop(header(model));
        SplitPane below = new SplitPane(routing, hopsPane(model));
        below.setDividerPositions(0.64);
        SplitPane center = new SplitPane(fieldsPane(model), below);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.3);
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
        table.getColumns().add(column("col-field", "field", 11, r -> new ReadOnlyStringWrapper(r.path())));
        table.getColumns().add(column("col-type", "type", 8, r -> new ReadOnlyStringWrapper(r.type())));
        table.getColumns().add(column("col-offset", "offset", 5, r -> new ReadOnlyStringWrapper(Long.toString(r.offset()))));
        table.getColumns().add(column("col-role", "role", 8.5, r -> new ReadOnlyStringWrapper(r.role())));
        table.getColumns().add(column("col-value", "value", 24, FieldRow::valueProperty));
        table.setRowFactory(t -> highlighting());
        table.setPlaceholder(new Label("The layout has no field."));
        Label fieldsTitle = new Label("Fields (a changed value lights its row up)");
        fieldsTitle.getStyleClass().add("section-title");
        VBox pane = new VBox(6, fieldsTitle, table);
        pane.getStyleClass().add("attached-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    private static VBox hopsPane(AttachedViewModel model) {
        Label title = new Label("Messages seen, newest first");
        title.getStyleClass().add("section-title");
        ListView<String> hops = new ListView<>(model.hops());
        hops.setId("attachedHops");
        hops.getStyleClass().add("attached-hops");
        hops.setCellFactory(AttachedView::wrapping);
        Label none = new Label("None yet: a message shows when the sequence (or the source and destination) changes.");
        none.setWrapText(true);
        hops.setPlaceholder(none);
        VBox pane = new VBox(6, title, hops);
        pane.getStyleClass().add("attached-pane");
        VBox.setVgrow(hops, Priority.ALWAYS);
        return pane;
    }

    /** A column about {@code widthEm} characters wide at first (the value column takes what is left). */
    private static TableColumn<FieldRow, String> column(String id, String title, double widthEm,
            Function<FieldRow, ObservableValue<String>> value) {
        TableColumn<FieldRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(widthEm * COLUMN_EM_PX);
        column.setSortable(false);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        return column;
    }

    /** A list cell whose text wraps at the list's width (a message may be long). */
    private static ListCell<String> wrapping(ListView<String> list) {
        ListCell<String> cell = new ListCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
            }
        };
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
        return cell;
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
