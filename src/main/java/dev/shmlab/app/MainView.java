package dev.shmlab.app;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The whole window: controls and the error banner on top, catalogue and parameters on the left,
 * the routing view (with the semaphores), charts, segment inspector and log in tabs with the
 * plain-words explanation beside them, the step-through code under them, then the participants
 * table, the status bar at the bottom. The Attached tab watches another program's segment; while
 * it is shown, the lab's side panel, code and table give it their room.
 */
final class MainView extends BorderPane {
    private static final double[] DIVIDERS = {0.62, 0.82};
    private final RoutingView routing;
    private final AttachedView attached;
    private final TabPane tabs = new TabPane();
    private final ControlsView controls;

    MainView(MainViewModel model) {
        setId("mainView");
        controls = new ControlsView(model);
        setTop(new VBox(controls, new ReplayBarView(model.replay(), model::backToLive), new BannerView(model.banner())));
        VBox side = side(model);
        // Scaled up for a projector, the scenarios give way to the run: at most 30% of the window.
        side.maxWidthProperty().bind(widthProperty().multiply(0.3));
        setLeft(side);
        routing = new RoutingView(model.routing());
        BorderPane routingTab = new BorderPane(routing);
        routingTab.setTop(raceBar(model));
        routingTab.setRight(new SemaphoresView(model.semaphores()));
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab chartsTab = lazyTab("chartsTab", "Charts", tab -> {
            ChartsView charts = new ChartsView(model.charts());
            charts.showingProperty().bind(tab.selectedProperty());
            return charts;
        });
        Tab segmentTab = lazyTab("segmentTab", "Segment", tab -> {
            model.inspector().activeProperty().bind(tab.selectedProperty());
            return new InspectorView(model.inspector());
        });
        attached = new AttachedView(model.attached(), () -> AttachDialogView.open(getScene().getWindow(), model.attachDialog(Platform::runLater)));
        Tab attachedTab = tab("attachedTab", "Attached", attached);
        model.attached().attachedProperty().addListener((obs, old, now) -> {
            if (now) {
                // The tab appears with the first segment attached and stays, to attach again.
                if (!tabs.getTabs().contains(attachedTab)) {
                    tabs.getTabs().add(attachedTab);
                }
                tabs.getSelectionModel().select(attachedTab);
            }
        });
        tabs.getTabs().addAll(tab("routingTab", "Routing", routingTab), chartsTab, segmentTab, lazyTab("logTab", "Log", tab -> new LogView(model.log())));
        ParticipantsView table = new ParticipantsView(model.participants());
        table.setRowMenu(index -> new FaultMenu(model.faults(), index));
        routing.setOnContextMenuRequested(e -> {
            int index = routing.nodeAt(e.getX(), e.getY());
            if (index >= 0) {
                new FaultMenu(model.faults(), index).show(routing, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                model.code().selectedProperty().set(now.intValue());
            }
        });
        model.code().selectedProperty().addListener((obs, old, now) -> {
            if (now.intValue() < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != now.intValue()) {
                table.getSelectionModel().select(now.intValue());
            }
        });
        ExplanationView explanation = new ExplanationView(model.explanation());
        SplitPane upper = new SplitPane(tabs, explanation);
        upper.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(explanation, false);
        CodeView code = new CodeView(model.code());
        SplitPane center = new SplitPane(upper, code, table);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(DIVIDERS);
        // Another program's segment has no lab scenario, code or participants: its tab takes their room.
        attachedTab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected) {
                center.getItems().removeAll(code, table);
                upper.getItems().remove(explanation);
                setLeft(null);
            } else if (!center.getItems().contains(table)) {
                upper.getItems().add(explanation);
                upper.setDividerPositions(0.72);
                center.getItems().addAll(code, table);
                center.setDividerPositions(DIVIDERS);
                setLeft(side);
            }
        });
        setCenter(center);
        setBottom(new StatusBarView(model.status()));
    }

    private static VBox side(MainViewModel model) {
        Label title = new Label("Scenarios");
        title.getStyleClass().add("section-title");
        CatalogueView catalogue = new CatalogueView(model);
        catalogue.setPrefHeight(340);
        ParametersView parameters = new ParametersView(model);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, LessonView.menu(model));
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox side = new VBox(header, catalogue, parameters, new LessonView(model.lessons()));
        side.getStyleClass().add("side");
        VBox.setVgrow(parameters, Priority.ALWAYS);
        return side;
    }

    /**
     * Above the routing view, only for scenarios that read it as they go: the live Synchronisation
     * check box and the damage counted so far beside it.
     */
    private static javafx.scene.layout.HBox raceBar(MainViewModel model) {
        CheckBox sync = new CheckBox("Synchronisation");
        sync.setId("syncToggle");
        sync.getStyleClass().add("sync-toggle");
        sync.setTooltip(new Tooltip("While a run of race, semaphore-counter or mutex-counter goes on: untick to let the participants skip "
                + "their guard (lost and corrupted updates rise, in red), tick to guard again (they stop rising)"));
        sync.selectedProperty().bindBidirectional(model.faults().syncOnProperty());
        sync.disableProperty().bind(model.faults().canToggleSyncProperty().not().or(model.canPauseProperty().not()));
        sync.setMinWidth(Region.USE_PREF_SIZE);
        // Only where the scenario reads it as it goes: elsewhere the routing view keeps its room.
        sync.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.scenarioProperty().get() != null && model.scenarioProperty().get().syncSwitchable(), model.scenarioProperty()));
        sync.managedProperty().bind(sync.visibleProperty());
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(12, sync, damageLabel(model.faults()));
        bar.setId("raceBar");
        bar.getStyleClass().add("race-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.visibleProperty().bind(sync.visibleProperty());
        bar.managedProperty().bind(sync.visibleProperty());
        return bar;
    }

    /** The damage counted so far (lost updates; lost, duplicated, corrupted messages), red once there is any. */
    private static Label damageLabel(FaultsViewModel faults) {
        Label damage = new Label();
        damage.setId("damageLabel");
        damage.getStyleClass().add("damage-label");
        damage.setMouseTransparent(true);
        damage.textProperty().bind(faults.damageTextProperty());
        damage.visibleProperty().bind(damage.textProperty().isNotEmpty());
        faults.damagedProperty().addListener((obs, old, bad) -> {
            damage.getStyleClass().remove("integrity-bad");
            if (bad) {
                damage.getStyleClass().add("integrity-bad");
            }
        });
        return damage;
    }

    /**
     * A tab whose content is made when it is first selected: the window shows sooner without the
     * styling and layout of views nobody has looked at yet. Their models run from the start.
     */
    private static Tab lazyTab(String id, String title, java.util.function.Function<Tab, javafx.scene.Node> content) {
        Tab tab = tab(id, title, null);
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.apply(tab));
            }
        });
        return tab;
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

    ControlsView controls() {
        return controls;
    }
}
