package dev.shmlab.app;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The context menu of one participant (its node in the routing view, its row in the table): Kill
 * (SIGKILL), Stop (SIGSTOP), Continue (SIGCONT) and Restart, each enabled only when it can do
 * something to the participant as it is now. Restart, where it cannot work, stays in the menu
 * greyed and says why in its tooltip (a disabled item would show no tooltip).
 */
final class FaultMenu extends ContextMenu {
    static final String UNAVAILABLE = "unavailable";

    private final FaultsViewModel model;
    private final int participant;
    private final MenuItem kill = item("killItem", "Kill (SIGKILL)");
    private final MenuItem stop = item("stopItem", "Stop (SIGSTOP)");
    private final MenuItem resume = item("continueItem", "Continue (SIGCONT)");
    private final Label restartLabel = new Label("Restart");
    private final CustomMenuItem restart = new CustomMenuItem(restartLabel);
    private final Tooltip restartTip = new Tooltip();

    FaultMenu(FaultsViewModel model, int participant) {
        this.model = model;
        this.participant = participant;
        getStyleClass().add("fault-menu");
        kill.setOnAction(e -> model.kill(participant));
        stop.setOnAction(e -> model.stop(participant));
        resume.setOnAction(e -> model.resume(participant));
        restart.setId("restartItem");
        restartLabel.setId("restartLabel");
        restartTip.setShowDelay(Duration.millis(250));
        restartTip.setWrapText(true);
        restartTip.setMaxWidth(420);
        restart.setOnAction(e -> {
            if (!restartLabel.getStyleClass().contains(UNAVAILABLE)) {
                model.restart(participant);
            }
        });
        getItems().addAll(kill, stop, resume, new SeparatorMenuItem(), restart);
        setOnShowing(e -> refresh());
    }

    /** Enables what can be done to the participant now. */
    void refresh() {
        FaultsViewModel.Actions now = model.actions(participant);
        kill.setDisable(!now.kill());
        stop.setDisable(!now.stop());
        resume.setDisable(!now.resume());
        boolean unavailable = now.restartRefusal().isPresent();
        restart.setHideOnClick(!unavailable);
        restartLabel.getStyleClass().remove(UNAVAILABLE);
        if (unavailable) {
            restartLabel.getStyleClass().add(UNAVAILABLE);
            restartTip.setText("Restart is not possible now: " + now.restartRefusal().get() + ".");
        } else {
            restartTip.setText("Start a new process into this participant's slot; it goes on from what its predecessor recorded.");
        }
        restartLabel.setTooltip(restartTip);
    }

    private static MenuItem item(String id, String text) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        return item;
    }
}
