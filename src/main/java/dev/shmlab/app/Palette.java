package dev.shmlab.app;

import javafx.scene.paint.Color;

/** One colour per participant, the same on its node's ring and on the packets it sends. */
final class Palette {
    private static final Color[] COLOURS = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf"),
        Color.web("#bcbd22"), Color.web("#393b79"), Color.web("#ad494a"), Color.web("#637939"),
        Color.web("#ce6dbd"), Color.web("#3182bd"), Color.web("#e6550d"), Color.web("#7f7f7f"),
    };

    private Palette() {
    }

    static Color of(int participant) {
        return COLOURS[Math.floorMod(participant, COLOURS.length)];
    }
}
