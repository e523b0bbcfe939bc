package dev.shmlab.app;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * A participant in the routing view: a circle filled with its state's colour and ringed with its
 * own colour (the colour of its packets), its name inside, the state as a word underneath.
 */
final class ParticipantNodeView extends VBox {
    private final NodeViewModel model;
    private final Circle circle = new Circle(40);
    private PseudoClass statePseudoClass;

    ParticipantNodeView(NodeViewModel model, String id) {
        this.model = model;
        setId(id);
        getStyleClass().add("participant-node");
        setAlignment(Pos.CENTER);
        setSpacing(3);
        setMouseTransparent(true);
        // Drawn from a bitmap kept between frames: the packets moving over the routing view
        // repaint it every frame, and without a GPU rasterising each circle, ring and label
        // again was a third of the frame. The bitmap is redrawn when the node changes.
        setCache(true);
        circle.getStyleClass().add("node-circle");
        circle.setStroke(Palette.of(model.index()));
        Label inside = new Label(model.shortName());
        inside.getStyleClass().add("node-short-name");
        Label name = new Label(model.name());
        name.getStyleClass().add("node-name");
        Label badge = new Label();
        badge.getStyleClass().add("state-badge");
        badge.textProperty().bind(model.badgeProperty());
        badge.visibleProperty().bind(model.badgeProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        Label detail = new Label();
        detail.getStyleClass().add("node-detail");
        detail.textProperty().bind(model.detailProperty());
        getChildren().addAll(new StackPane(circle, inside), name, badge, detail);
        model.stateProperty().addListener((obs, old, now) -> restyle());
        restyle();
    }

    /**
     * The state is a pseudo-class ({@code :state-running}…): changing one re-matches only the
     * rules that name it, where changing a style class rebuilds the node's styles — many times a
     * second at full speed.
     */
    private void restyle() {
        if (statePseudoClass != null) {
            pseudoClassStateChanged(statePseudoClass, false);
        }
        statePseudoClass = statePseudoClass(model.styleName());
        pseudoClassStateChanged(statePseudoClass, true);
    }

    /** The pseudo-class of a state's style name ({@code running} → {@code :state-running}). */
    static PseudoClass statePseudoClass(String styleName) {
        return PseudoClass.getPseudoClass("state-" + styleName);
    }

    void setRadius(double radius) {
        circle.setRadius(radius);
    }

    /** Puts the name, badge and detail above the circle (for nodes in the upper half, away from the spokes). */
    void setLabelsAbove(boolean above) {
        Node circleStack = getChildren().stream().filter(n -> n instanceof StackPane).findFirst().orElseThrow();
        boolean isAbove = getChildren().getLast() == circleStack;
        if (above != isAbove) {
            getChildren().remove(circleStack);
            if (above) {
                getChildren().add(circleStack);
            } else {
                getChildren().addFirst(circleStack);
            }
        }
    }

    /** Hides the detail line where nodes are packed tightly. */
    void setCompact(boolean compact) {
        Label detail = (Label) lookup(".node-detail");
        detail.setVisible(!compact);
        detail.setManaged(!compact);
    }

    double radius() {
        return circle.getRadius();
    }

    NodeViewModel model() {
        return model;
    }
}
