package dev.shmlab.app;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The decoded header and control block beside a refreshing hex dump of a chosen section. */
final class InspectorView extends SplitPane {

    InspectorView(InspectorViewModel model) {
        setId("inspectorView");
        TableView<HeaderField> fields = new TableView<>(model.fields());
        fields.setId("headerFields");
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setPlaceholder(new Label("Start a run to decode its segment header."));
        TableColumn<HeaderField, String> name = new TableColumn<>("field");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setSortable(false);
        TableColumn<HeaderField, String> value = new TableColumn<>("value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setSortable(false);
        // Set widths: a column at JavaFX's default width is measured against its cells on first show.
        name.setPrefWidth(220);
        value.setPrefWidth(260);
        fields.getColumns().add(name);
        fields.getColumns().add(value);
        Label params = new Label();
        params.textProperty().bind(javafx.beans.binding.Bindings.concat("parameters: ", model.paramsProperty()));
        params.getStyleClass().add("inspector-caption");
        params.setWrapText(true);
        Label headerTitle = new Label("Header and control block");
        headerTitle.getStyleClass().add("section-title");
        VBox left = new VBox(6, headerTitle, fields, params);
        VBox.setVgrow(fields, Priority.ALWAYS);
        getItems().addAll(left, hexPane(model));
        setDividerPositions(0.42);
    }

    private static VBox hexPane(InspectorViewModel model) {
        ComboBox<SegmentSection> section = new ComboBox<>(FXCollections.observableArrayList(SegmentSection.values()));
        section.setId("sectionChoice");
        section.valueProperty().bindBidirectional(model.sectionProperty());
        Label title = new Label("Bytes of the");
        title.getStyleClass().add("section-title");
        HBox top = new HBox(8, title, section);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label caption = new Label();
        caption.getStyleClass().add("inspector-caption");
        caption.textProperty().bind(model.captionProperty());
        caption.setWrapText(true);
        TextArea hex = new TextArea();
        hex.setId("hexView");
        hex.getStyleClass().add("hex");
        hex.setEditable(false);
        hex.textProperty().bind(model.hexProperty());
        VBox box = new VBox(6, top, caption, hex);
        VBox.setVgrow(hex, Priority.ALWAYS);
        return box;
    }
}
