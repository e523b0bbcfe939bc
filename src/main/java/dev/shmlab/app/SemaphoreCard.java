package dev.shmlab.app;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** One semaphore: its value in large type, holder, waiters, and a step chart of its recent values. */
final class SemaphoreCard extends VBox {
    private static final double TIMELINE_WIDTH = 300;
    private static final double TIMELINE_HEIGHT = 64;
    private final SemaphoreViewModel model;
    private final Canvas timeline = new Canvas(TIMELINE_WIDTH, TIMELINE_HEIGHT);

    SemaphoreCard(SemaphoreViewModel model) {
        this.model = model;
        getStyleClass().add("semaphore-card");
        setId("semaphore-" + model.label());
        Label title = new Label(model.label());
        title.getStyleClass().add("semaphore-title");
        Label kind = new Label(model.kind());
        kind.getStyleClass().add("semaphore-kind");
        Label value = new Label();
        value.getStyleClass().add("semaphore-value");
        value.textProperty().bind(model.valueProperty());
        Label valueCaption = new Label("value");
        valueCaption.getStyleClass().add("semaphore-kind");
        HBox valueRow = new HBox(8, value, valueCaption);
        valueRow.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        getChildren().addAll(title, kind, valueRow);
        if (model.knowsHolders()) {
            getChildren().addAll(line("held by ", model.holderProperty()), line("waiting: ", model.waitersProperty()),
                    line("acquired ", model.acquisitionsProperty()));
        }
        getChildren().addAll(timeline, caption());
        model.revisionProperty().addListener((obs, old, now) -> drawTimeline());
        drawTimeline();
    }

    private static Label line(String prefix, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().add("semaphore-line");
        label.textProperty().bind(javafx.beans.binding.Bindings.concat(prefix, text));
        return label;
    }

    private static Label caption() {
        Label caption = new Label("value over the last ~10 s");
        caption.getStyleClass().add("semaphore-kind");
        return caption;
    }

    private void drawTimeline() {
        GraphicsContext g = timeline.getGraphicsContext2D();
        g.setFill(Color.web("#f2f5f8"));
        g.fillRect(0, 0, TIMELINE_WIDTH, TIMELINE_HEIGHT);
        int[] values = model.timeline();
        int max = 1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        double step = TIMELINE_WIDTH / SemaphoreViewModel.TIMELINE_POINTS;
        double x0 = TIMELINE_WIDTH - values.length * step;
        g.setStroke(Color.web("#1565c0"));
        g.setLineWidth(2);
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                open = false;
                continue;
            }
            double y = TIMELINE_HEIGHT - 6 - (TIMELINE_HEIGHT - 12) * values[i] / max;
            if (open) {
                g.lineTo(x0 + i * step, y);
            } else {
                g.moveTo(x0 + i * step, y);
                open = true;
            }
        }
        g.stroke();
    }
}
