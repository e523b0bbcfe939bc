package dev.shmlab.app;

import dev.shmlab.scenario.Scenario;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Every scenario with its one-line summary and the seed it comes from; selecting one selects it in the model. */
final class CatalogueView extends ListView<Scenario> {

    CatalogueView(MainViewModel model) {
        super(model.catalogue());
        setId("catalogue");
        getStyleClass().add("catalogue");
        setCellFactory(v -> new ScenarioCell());
        getSelectionModel().select(model.scenarioProperty().get());
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.scenarioProperty().set(now);
            }
        });
        model.scenarioProperty().addListener((obs, old, now) -> getSelectionModel().select(now));
        disableProperty().bind(model.canEditProperty().not());
    }

    private final class ScenarioCell extends ListCell<Scenario> {
        ScenarioCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Scenario s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(s.name());
            name.getStyleClass().add("scenario-name");
            Label seed = new Label("seed " + s.seed());
            seed.getStyleClass().add("scenario-seed");
            Label summary = new Label(s.summary());
            summary.getStyleClass().add("scenario-summary");
            summary.setWrapText(true);
            summary.maxWidthProperty().bind(CatalogueView.this.widthProperty().subtract(40));
            HBox top = new HBox(8, name, seed);
            top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(new VBox(2, top, summary));
            setText(null);
        }
    }
}
