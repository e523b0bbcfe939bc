package dev.shmlab.app;

import dev.shmlab.layout.ParticipantState;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The right-hand column of the routing tab: one card per semaphore, then what the node colours mean. */
final class SemaphoresView extends VBox {
    private final ObservableList<SemaphoreViewModel> semaphores;
    private final VBox cards = new VBox(10);

    SemaphoresView(ObservableList<SemaphoreViewModel> semaphores) {
        this.semaphores = semaphores;
        setId("semaphoresView");
        getStyleClass().add("semaphores");
        setPrefWidth(340);
        setMinWidth(260);
        Label title = new Label("Semaphores");
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label legendTitle = new Label("Node colours");
        legendTitle.getStyleClass().add("section-title");
        getChildren().addAll(title, cards, spacer, legendTitle, legend());
        semaphores.addListener((ListChangeListener<SemaphoreViewModel>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        cards.getChildren().setAll(semaphores.stream().map(SemaphoreCard::new).toList());
        if (semaphores.isEmpty()) {
            Label none = new Label("This scenario uses no semaphore.");
            none.getStyleClass().add("semaphore-line");
            cards.getChildren().add(none);
        }
    }

    private static FlowPane legend() {
        FlowPane legend = new FlowPane(6, 6);
        legend.getStyleClass().add("legend");
        for (ParticipantState s : ParticipantState.values()) {
            Label badge = new Label(NodeViewModel.badge(s));
            badge.getStyleClass().addAll("state-badge", "state-" + s.name().toLowerCase(Locale.ROOT));
            legend.getChildren().add(badge);
        }
        return legend;
    }
}
