package dev.shmlab.app;

import dev.shmlab.monitor.Explainer;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What is happening, in sentences: one per participant, coloured by tone (and never by colour alone: the words say it). */
final class ExplanationView extends VBox {
    private final VBox sentences = new VBox();

    ExplanationView(ExplanationViewModel model) {
        setId("explanationView");
        getStyleClass().add("explanation-view");
        Label title = new Label("What is happening");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        sentences.setId("explanationText");
        sentences.getStyleClass().add("explanation-sentences");
        ScrollPane scroll = new ScrollPane(sentences);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("explanation-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
        model.sentences().addListener((ListChangeListener<Explainer.Sentence>) change -> show(model));
        show(model);
    }

    private void show(ExplanationViewModel model) {
        sentences.getChildren().setAll(model.sentences().stream().map(ExplanationView::label).toList());
    }

    private static Label label(Explainer.Sentence s) {
        Label l = new Label(s.text());
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll("explanation-sentence", "tone-" + s.tone().name().toLowerCase(Locale.ROOT));
        return l;
    }
}
