package dev.shmlab.app;

import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** An error in one sentence across the top of the window; "Details" opens the rest. */
final class BannerView extends VBox {

    BannerView(BannerViewModel model) {
        setId("errorBanner");
        getStyleClass().add("banner");
        visibleProperty().bind(model.showingProperty());
        managedProperty().bind(model.showingProperty());
        Label mark = new Label("!");
        mark.getStyleClass().add("banner-mark");
        Label message = new Label();
        message.setId("errorMessage");
        message.getStyleClass().add("banner-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        TextArea details = new TextArea();
        details.setId("errorDetails");
        details.getStyleClass().add("banner-details");
        details.setEditable(false);
        details.textProperty().bind(model.detailsProperty());
        details.setVisible(false);
        details.managedProperty().bind(details.visibleProperty());
        Hyperlink toggle = new Hyperlink("Details");
        toggle.setId("errorDetailsToggle");
        toggle.setOnAction(e -> {
            details.setVisible(!details.isVisible());
            toggle.setText(details.isVisible() ? "Hide details" : "Details");
        });
        toggle.visibleProperty().bind(model.detailsProperty().isNotEmpty());
        Button close = new Button("Dismiss");
        close.setId("errorDismiss");
        close.setOnAction(e -> model.dismiss());
        HBox row = new HBox(10, mark, message, toggle, close);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(row, details);
    }
}
