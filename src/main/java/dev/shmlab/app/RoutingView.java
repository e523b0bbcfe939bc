package dev.shmlab.app;

import dev.shmlab.layout.ParticipantState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;

/**
 * The participants on an ellipse around the shared segment. Spokes and packets are shapes in a
 * layer under the nodes, moved once per frame ({@link #draw}); a packet travels from its sender
 * into the segment and out to its receiver, in its sender's colour. A participant in its critical
 * section has a thick spoke: it holds the segment.
 *
 * <p>Shapes rather than a canvas: a canvas that changes is repainted whole every frame, while
 * moving shapes repaint only the small areas they leave and enter — without a GPU that is most
 * of the difference between a window that keeps up and one that takes a CPU from the run.
 */
final class RoutingView extends Pane {
    private static final double MARGIN = 12;
    private static final double PACKET_RADIUS = 11;
    private static final Color SPOKE = Color.web("#d5dbe1");
    private static final Color CRITICAL = Color.web("#6a1b9a");

    private final RoutingViewModel model;
    /** Spokes, the holders' spokes, then packets: under the nodes. */
    private final Group layer = new Group();
    /** The thin spokes change only with the layout: drawn from a kept bitmap. */
    private final Group spokeGroup = new Group();
    private final List<Line> spokes = new ArrayList<>();
    /** A thick spoke over the thin one while its participant holds the segment. */
    private final List<Line> holds = new ArrayList<>();
    /**
     * Packet shapes per sender, each in its sender's colour for good: a shape that changed colour
     * would be rasterised again, and with many senders that happened to most packets every frame.
     */
    private final List<List<PacketShape>> shapesBySender = new ArrayList<>();
    private final VBox segmentBox = new VBox();
    private final Label rate = new Label();
    /** More participants than this get compact nodes (no detail line, smaller circles). */
    private static final int COMPACT_ABOVE = 8;
    private final List<ParticipantNodeView> nodeViews = new ArrayList<>();
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double cx;
    private double cy;
    private boolean drewPackets;
    private boolean stale = true;

    private final String ids;

    /** The window's routing view, with the ids tests look for ({@code routingLayer}, {@code participant-node-0}…). */
    RoutingView(RoutingViewModel model) {
        this(model, "");
    }

    /** A routing view whose node ids start with {@code idPrefix} (e.g. {@code attached}: {@code attachedRoutingLayer}, {@code attached-node-0}). */
    RoutingView(RoutingViewModel model, String idPrefix) {
        this.model = model;
        this.ids = idPrefix;
        setId(id("routingView"));
        getStyleClass().add("routing");
        setMinSize(300, 240);
        spokeGroup.setCache(true);
        layer.getChildren().add(spokeGroup);
        layer.setMouseTransparent(true);
        layer.setManaged(false);
        layer.setId(id("routingLayer"));
        Label title = new Label("shared memory");
        title.getStyleClass().add("segment-title");
        Label name = new Label();
        name.getStyleClass().add("segment-name");
        name.textProperty().bind(model.segmentTextProperty());
        segmentBox.getChildren().addAll(title, name);
        segmentBox.getStyleClass().add("segment-box");
        segmentBox.setAlignment(Pos.CENTER);
        segmentBox.setId(id("segmentBox"));
        rate.setId(id("rateLabel"));
        rate.getStyleClass().add("rate-label");
        rate.textProperty().bind(model.rateTextProperty());
        rate.visibleProperty().bind(model.rateTextProperty().isNotEmpty());
        getChildren().addAll(layer, segmentBox, rate);
        model.nodes().addListener((ListChangeListener<NodeViewModel>) change -> rebuildNodes());
        rebuildNodes();
    }

    private void rebuildNodes() {
        getChildren().removeAll(nodeViews);
        nodeViews.clear();
        int n = model.nodes().size();
        for (NodeViewModel node : model.nodes()) {
            ParticipantNodeView view = new ParticipantNodeView(node, (ids.isEmpty() ? "participant" : ids) + "-node-" + node.index());
            node.stateProperty().addListener((obs, old, now) -> stale = true);
            // Decided here, never during layout: reordering a node's children in the middle of a
            // layout pass corrupts JavaFX's cached bounds (IndexOutOfBoundsException in a pulse).
            view.setLabelsAbove(Math.sin(angle(nodeViews.size(), n)) < -0.3);
            view.setCompact(n > COMPACT_ABOVE);
            nodeViews.add(view);
        }
        getChildren().addAll(nodeViews);
        layer.getChildren().removeAll(holds);
        spokes.clear();
        holds.clear();
        for (int i = 0; i < n; i++) {
            spokes.add(spoke(SPOKE, 3));
            Line hold = spoke(CRITICAL, 8);
            hold.setVisible(false);
            holds.add(hold);
        }
        spokeGroup.getChildren().setAll(spokes);
        // Over the thin spokes, under the packets.
        layer.getChildren().addAll(1, holds);
        xs = new double[nodeViews.size()];
        ys = new double[nodeViews.size()];
        stale = true;
        requestLayout();
    }

    /** The index of the participant whose node is at (x, y) in this view's coordinates, or -1. */
    int nodeAt(double x, double y) {
        for (ParticipantNodeView v : nodeViews) {
            if (v.getBoundsInParent().contains(x, y)) {
                return v.model().index();
            }
        }
        return -1;
    }

    private String id(String name) {
        return ids.isEmpty() ? name : ids + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        rate.autosize();
        rate.relocate(MARGIN, MARGIN);
        // The rate line keeps the top of the view: the circle of nodes fits below it.
        double top = MARGIN + rate.getHeight();
        cx = w / 2;
        cy = top + (h - top) / 2;
        segmentBox.autosize();
        segmentBox.relocate(cx - segmentBox.getWidth() / 2, cy - segmentBox.getHeight() / 2);
        placeNodes(w, h);
        stale = true;
    }

    private void placeNodes(double w, double h) {
        int n = nodeViews.size();
        if (n == 0) {
            return;
        }
        boolean compact = n > COMPACT_ABOVE;
        double radius = Math.max(20, Math.min(44, Math.min(w, h) / (compact ? 16 : 11)));
        double nodeWidth = 0;
        double nodeHeight = 0;
        for (int i = 0; i < n; i++) {
            ParticipantNodeView v = nodeViews.get(i);
            v.setRadius(radius);
            v.autosize();
            nodeWidth = Math.max(nodeWidth, v.getWidth());
            nodeHeight = Math.max(nodeHeight, v.getHeight());
        }
        double rx = Math.max(0, cx - nodeWidth / 2 - MARGIN);
        double ry = Math.max(0, Math.min(cy - (nodeHeight - radius) - MARGIN, h - cy - (nodeHeight - radius) - MARGIN));
        for (int i = 0; i < n; i++) {
            xs[i] = cx + rx * Math.cos(angle(i, n));
            ys[i] = cy + ry * Math.sin(angle(i, n));
            ParticipantNodeView v = nodeViews.get(i);
            boolean above = Math.sin(angle(i, n)) < -0.3;
            // Whole pixels: a node is drawn from its bitmap, and a bitmap at a fraction of a pixel
            // is resampled pixel by pixel every frame.
            v.relocate(Math.round(xs[i] - v.getWidth() / 2), Math.round(above ? ys[i] - (v.getHeight() - radius) : ys[i] - radius));
        }
    }

    /** Participant 0 at the top, the others clockwise. */
    private static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    /** Moves the packets and redraws the spokes for this frame; skips the work when nothing moved. */
    void draw(long nowNanos) {
        List<Packet> packets = model.packets();
        if (packets.isEmpty() && !drewPackets && !stale) {
            return;
        }
        if (stale) {
            placeSpokes();
        }
        int shown = 0;
        int[] used = new int[shapesBySender.size()];
        for (Packet p : packets) {
            if (p.from() >= xs.length || p.to() >= xs.length) {
                continue;
            }
            if (p.from() >= used.length) {
                used = Arrays.copyOf(used, p.from() + 1);
            }
            shapeFor(p.from(), used[p.from()]++).show(p, nowNanos);
            shown++;
        }
        for (int sender = 0; sender < shapesBySender.size(); sender++) {
            List<PacketShape> shapes = shapesBySender.get(sender);
            for (int i = sender < used.length ? used[sender] : 0; i < shapes.size(); i++) {
                shapes.get(i).hide();
            }
        }
        drewPackets = shown > 0;
        stale = false;
    }

    /** The k-th packet shape of a sender, made when it is first needed. */
    private PacketShape shapeFor(int sender, int k) {
        while (shapesBySender.size() <= sender) {
            shapesBySender.add(new ArrayList<>());
        }
        List<PacketShape> shapes = shapesBySender.get(sender);
        if (k == shapes.size()) {
            PacketShape shape = new PacketShape(Palette.of(sender));
            shapes.add(shape);
            layer.getChildren().add(shape.group);
        }
        return shapes.get(k);
    }

    private void placeSpokes() {
        for (int i = 0; i < Math.min(xs.length, spokes.size()); i++) {
            // Setting an unchanged end changes nothing: the cached thin spokes stay as they are.
            for (Line line : List.of(spokes.get(i), holds.get(i))) {
                line.setStartX(xs[i]);
                line.setStartY(ys[i]);
                line.setEndX(cx);
                line.setEndY(cy);
            }
            holds.get(i).setVisible(nodeViews.get(i).model().stateProperty().get() == ParticipantState.CRITICAL);
        }
    }

    /** The ends are under the node and the segment box: plain ends are cheaper to draw. */
    private static Line spoke(Color colour, double width) {
        Line line = new Line();
        line.setStroke(colour);
        line.setStrokeWidth(width);
        line.setStrokeLineCap(StrokeLineCap.BUTT);
        return line;
    }

    /** One packet: the disc in its sender's colour on a white rim, and a fading trail of three smaller discs behind it. */
    private final class PacketShape {
        private static final int TRAIL = 3;
        private final Group group = new Group();
        private final Circle rim = new Circle(PACKET_RADIUS + 1.5, Color.WHITE);
        private final Circle disc = new Circle(PACKET_RADIUS);
        /** The rim and the disc, moved together. */
        private final Group head = new Group(rim, disc);
        private final Circle[] trail = new Circle[TRAIL];

        PacketShape(Color colour) {
            disc.setFill(colour);
            Color faded = colour.deriveColor(0, 1, 1, 0.25);
            for (int k = 0; k < TRAIL; k++) {
                trail[k] = new Circle(PACKET_RADIUS * (1 - (TRAIL - k) * 0.2), faded);
            }
            // Each disc is rasterised once and then copied to wherever it moves (whole pixels, so
            // the copy is exact): moving a packet costs a copy, not drawing circles again.
            head.setCache(true);
            for (Circle c : trail) {
                c.setCache(true);
            }
            group.getChildren().addAll(trail);
            group.getChildren().add(head);
        }

        void show(Packet p, long nowNanos) {
            double t = p.progress(nowNanos);
            place(head, p, t);
            for (int k = 0; k < TRAIL; k++) {
                double tk = t - (TRAIL - k) * 0.025;
                trail[k].setVisible(tk >= 0);
                if (tk >= 0) {
                    place(trail[k], p, tk);
                }
            }
            group.setVisible(true);
        }

        void hide() {
            group.setVisible(false);
        }

        /**
         * Moves a shape centred on (0, 0) to the point a fraction t along sender → segment →
         * receiver (whole pixels: the shape is drawn from its bitmap).
         */
        private void place(javafx.scene.Node shape, Packet p, double t) {
            boolean in = t < 0.5;
            double u = in ? t * 2 : (t - 0.5) * 2;
            double fromX = in ? xs[p.from()] : cx;
            double fromY = in ? ys[p.from()] : cy;
            double toX = in ? cx : xs[p.to()];
            double toY = in ? cy : ys[p.to()];
            shape.setTranslateX(Math.round(fromX + (toX - fromX) * u));
            shape.setTranslateY(Math.round(fromY + (toY - fromY) * u));
        }
    }
}
