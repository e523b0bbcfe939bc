package dev.shmlab.app;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The whole window: controls and the error banner on top, catalogue and parameters on the left,
 * the routing view (with the semaphores), charts, segment inspector and log in tabs, the
 * participants table under them, the status bar at the bottom. The Attached tab watches another
 * program's segment.
 */
final class MainView extends BorderPane {
    private static final double DIVIDER = 0.66;
    private final RoutingView routing;
    private final AttachedView attached;
    private final TabPane tabs = new TabPane();

    MainView(MainViewModel model) {
        setId("mainView");
        setTop(new VBox(new ControlsView(model), new BannerView(model.banner())));
        routing = new RoutingView(model.routing());
        BorderPane routingTab = new BorderPane(routing);
        routingTab.setRight(new SemaphoresView(model.semaphores()));
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ChartsView charts = new ChartsView(model.charts());
        Tab chartsTab = tab("chartsTab", "Charts", charts);
        charts.showingProperty().bind(chartsTab.selectedProperty());
        Tab segmentTab = tab("segmentTab", "Segment", new InspectorView(model.inspector()));
        model.inspector().activeProperty().bind(segmentTab.selectedProperty());
        attached = new AttachedView(model.attached(), () -> AttachDialogView.open(getScene().getWindow(), model.attachDialog(Platform::runLater)));
        Tab attachedTab = tab("attachedTab", "Attached", attached);
        model.attached().attachedProperty().addListener((obs, old, now) -> {
            if (now) {
                tabs.getSelectionModel().select(attachedTab);
            }
        });
        tabs.getTabs().addAll(tab("routingTab", "Routing", routingTab), chartsTab, segmentTab, tab("logTab", "Log", new LogView(model.log())),
                attachedTab);
        ParticipantsView participantsView = new ParticipantsView(model.participants());
        SplitPane center = new SplitPane(tabs, participantsView);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(DIVIDER);
        // Another program's segment has no lab scenario or participants: its tab takes their room.
        VBox side = side(model);
        attachedTab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected) {
                center.getItems().remove(participantsView);
                setLeft(null);
            } else if (!center.getItems().contains(participantsView)) {
                center.getItems().add(participantsView);
                center.setDividerPositions(DIVIDER);
                setLeft(side);
            }
        });
        setLeft(side);
        setCenter(center);
        setBottom(new StatusBarView(model.status()));
    }

    private static VBox side(MainViewModel model) {
        Label title = new Label("Scenarios");
        title.getStyleClass().add("section-title");
        CatalogueView catalogue = new CatalogueView(model);
        catalogue.setPrefHeight(340);
        ParametersView parameters = new ParametersView(model);
        VBox side = new VBox(title, catalogue, parameters);
        side.getStyleClass().add("side");
        side.setPrefWidth(420);
        side.setMinWidth(280);
        VBox.setVgrow(parameters, Priority.ALWAYS);
        return side;
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    RoutingView routing() {
        return routing;
    }

    /** The routing view of the Attached tab (another program's messages). */
    RoutingView attachedRouting() {
        return attached.routing();
    }

    TabPane tabs() {
        return tabs;
    }
}
