package dev.shmlab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The pseudo-code of one participant, or of all side by side, with the line each is about to
 * execute highlighted. The chooser also says whom Step advances.
 */
final class CodeView extends VBox {
    private static final String ALL_TEXT = "All side by side";

    private final CodeViewModel model;
    private final ComboBox<String> chooser = new ComboBox<>();
    private final HBox columns = new HBox();
    private final ScrollPane scroll = new ScrollPane(columns);
    /** Listeners on the shown listings' highlights, removed when the columns are rebuilt. */
    private final List<Runnable> detach = new ArrayList<>();
    private boolean syncing;

    CodeView(CodeViewModel model) {
        this.model = model;
        setId("codeView");
        getStyleClass().add("code-view");
        Label title = new Label("Code");
        title.getStyleClass().add("section-title");
        chooser.setId("codeParticipant");
        chooser.setTooltip(new Tooltip("Whose code to show; while paused, Step advances only this participant (or all)"));
        HBox top = new HBox(title, chooser);
        top.getStyleClass().add("code-header");
        top.setAlignment(Pos.CENTER_LEFT);
        columns.getStyleClass().add("code-columns");
        scroll.setId("codeScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("code-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label caption = new Label();
        caption.setId("codeCaption");
        caption.getStyleClass().add("code-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(model.captionProperty());
        getChildren().addAll(top, scroll, caption);

        chooser.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!syncing && now.intValue() >= 0) {
                model.selectedProperty().set(now.intValue() - 1);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> rebuild());
        model.listings().addListener((ListChangeListener<CodeListing>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        syncing = true;
        try {
            List<String> choices = new ArrayList<>();
            choices.add(ALL_TEXT);
            model.listings().forEach(l -> choices.add(l.name()));
            if (!chooser.getItems().equals(choices)) {
                chooser.getItems().setAll(choices);
            }
            chooser.getSelectionModel().select(model.selectedProperty().get() + 1);
        } finally {
            syncing = false;
        }
        detach.forEach(Runnable::run);
        detach.clear();
        columns.getChildren().clear();
        int selected = model.selectedProperty().get();
        for (CodeListing listing : model.listings()) {
            if (selected == CodeViewModel.ALL || selected == listing.participant()) {
                VBox column = column(listing);
                HBox.setHgrow(column, Priority.ALWAYS);
                columns.getChildren().add(column);
            }
        }
    }

    private VBox column(CodeListing listing) {
        Label name = new Label(listing.name());
        name.getStyleClass().add("code-name");
        VBox column = new VBox(name);
        column.setId("code-listing-" + listing.participant());
        column.getStyleClass().add("code-listing");
        column.setMinWidth(0);
        List<Label> lines = new ArrayList<>();
        for (int i = 0; i < listing.lines().size(); i++) {
            Label line = new Label(String.format("%2d  %s", i + 1, listing.lines().get(i)));
            line.setId("code-line-" + listing.participant() + "-" + i);
            line.getStyleClass().add("code-line");
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            lines.add(line);
        }
        column.getChildren().addAll(lines);
        ChangeListener<Number> mark = (obs, old, now) -> mark(lines, now.intValue());
        listing.currentLineProperty().addListener(mark);
        detach.add(() -> listing.currentLineProperty().removeListener(mark));
        mark(lines, listing.currentLineProperty().get());
        return column;
    }

    private void mark(List<Label> lines, int current) {
        for (int i = 0; i < lines.size(); i++) {
            List<String> classes = lines.get(i).getStyleClass();
            classes.remove("current-line");
            if (i == current) {
                classes.add("current-line");
            }
        }
        if (current >= 0) {
            scrollTo(lines.get(current));
        }
    }

    /** Scrolls the listing so that the line is in view, a third down from the top, when it is not in view already. */
    private void scrollTo(Label line) {
        double viewport = scroll.getViewportBounds().getHeight();
        double content = columns.getHeight();
        if (content <= viewport || line.getScene() == null) {
            return;
        }
        Bounds b = columns.sceneToLocal(line.localToScene(line.getBoundsInLocal()));
        double top = scroll.getVvalue() * (content - viewport);
        if (b.getMinY() < top || b.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.clamp((b.getMinY() - viewport / 3) / (content - viewport), 0, 1));
        }
    }
}
