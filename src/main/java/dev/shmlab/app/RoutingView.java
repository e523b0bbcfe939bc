package dev.shmlab.app;

import dev.shmlab.layout.ParticipantState;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * The participants on an ellipse around the shared segment. Packets and spokes are drawn on a
 * canvas under the nodes, once per frame ({@link #draw}); a packet travels from its sender into
 * the segment and out to its receiver, in its sender's colour. A participant in its critical
 * section has a thick spoke: it holds the segment.
 */
final class RoutingView extends Pane {
    private static final double MARGIN = 12;
    private static final double PACKET_RADIUS = 11;
    private static final Color SPOKE = Color.web("#d5dbe1");
    private static final Color CRITICAL = Color.web("#6a1b9a");

    private final RoutingViewModel model;
    private final Canvas canvas = new Canvas();
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

    /** The window's routing view, with the ids tests look for ({@code routingCanvas}, {@code participant-node-0}…). */
    RoutingView(RoutingViewModel model) {
        this(model, "");
    }

    /** A routing view whose node ids start with {@code idPrefix} (e.g. {@code attached}: {@code attachedRoutingCanvas}, {@code attached-node-0}). */
    RoutingView(RoutingViewModel model, String idPrefix) {
        this.model = model;
        this.ids = idPrefix;
        setId(id("routingView"));
        getStyleClass().add("routing");
        setMinSize(300, 240);
        canvas.setMouseTransparent(true);
        canvas.setId(id("routingCanvas"));
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
        getChildren().addAll(canvas, segmentBox, rate);
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
        canvas.setWidth(w);
        canvas.setHeight(h);
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
            v.relocate(xs[i] - v.getWidth() / 2, above ? ys[i] - (v.getHeight() - radius) : ys[i] - radius);
        }
    }

    /** Participant 0 at the top, the others clockwise. */
    private static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    /** Draws spokes and packets for this frame; skips the work when nothing moved. */
    void draw(long nowNanos) {
        List<Packet> packets = model.packets();
        if (packets.isEmpty() && !drewPackets && !stale) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawSpokes(g);
        for (Packet p : packets) {
            drawPacket(g, p, nowNanos);
        }
        drewPackets = !packets.isEmpty();
        stale = false;
    }

    private void drawSpokes(GraphicsContext g) {
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 0; i < Math.min(xs.length, nodeViews.size()); i++) {
            boolean holds = nodeViews.get(i).model().stateProperty().get() == ParticipantState.CRITICAL;
            g.setStroke(holds ? CRITICAL : SPOKE);
            g.setLineWidth(holds ? 8 : 3);
            g.strokeLine(xs[i], ys[i], cx, cy);
        }
    }

    private void drawPacket(GraphicsContext g, Packet p, long nowNanos) {
        if (p.from() >= xs.length || p.to() >= xs.length) {
            return;
        }
        Color colour = Palette.of(p.from());
        for (int trail = 3; trail >= 0; trail--) {
            double t = p.progress(nowNanos) - trail * 0.025;
            if (t < 0) {
                continue;
            }
            double[] at = along(p, t);
            double r = PACKET_RADIUS * (1 - trail * 0.2);
            g.setFill(trail == 0 ? colour : colour.deriveColor(0, 1, 1, 0.25));
            g.fillOval(at[0] - r, at[1] - r, 2 * r, 2 * r);
            if (trail == 0) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(2);
                g.strokeOval(at[0] - r, at[1] - r, 2 * r, 2 * r);
            }
        }
    }

    /** The point a fraction t along sender → segment → receiver. */
    private double[] along(Packet p, double t) {
        if (t < 0.5) {
            double u = t * 2;
            return new double[] {xs[p.from()] + (cx - xs[p.from()]) * u, ys[p.from()] + (cy - ys[p.from()]) * u};
        }
        double u = (t - 0.5) * 2;
        return new double[] {cx + (xs[p.to()] - cx) * u, cy + (ys[p.to()] - cy) * u};
    }
}
