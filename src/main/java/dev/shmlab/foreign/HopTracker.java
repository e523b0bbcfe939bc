package dev.shmlab.foreign;

import java.util.List;
import java.util.OptionalLong;

/**
 * Derives message hops from successive snapshots of a layout with source and destination roles.
 * With a sequence field, a hop is a change of the sequence; without one, a change of source,
 * destination or text. The first snapshot only sets the baseline. Not thread-safe: feed it from the
 * one thread that samples.
 */
public final class HopTracker {
    private final String sequence;
    private final String source;
    private final String destination;
    private final String text;
    private DecodedSnapshot previous;

    public HopTracker(LayoutDescription layout) {
        if (!layout.derivesHops()) {
            throw new IllegalArgumentException("layout " + layout.name() + " has no source and destination fields");
        }
        this.sequence = layout.fieldWith(FieldRole.SEQUENCE).map(PlacedField::path).orElse(null);
        this.source = layout.fieldWith(FieldRole.SOURCE).orElseThrow().path();
        this.destination = layout.fieldWith(FieldRole.DESTINATION).orElseThrow().path();
        this.text = layout.fieldWith(FieldRole.TEXT).map(PlacedField::path).orElse(null);
    }

    /** The hops between the previous snapshot and this one: none or one (earlier ones show as missed). */
    public List<Hop> next(DecodedSnapshot snapshot) {
        DecodedSnapshot before = previous;
        previous = snapshot;
        if (before == null) {
            return List.of();
        }
        if (sequence != null) {
            long was = longOf(before, sequence);
            long now = longOf(snapshot, sequence);
            if (now == was) {
                return List.of();
            }
            long missed = now > was ? now - was - 1 : 0;
            return List.of(hop(snapshot, OptionalLong.of(now), missed));
        }
        boolean moved = changed(before, snapshot, source) || changed(before, snapshot, destination) || text != null && changed(before, snapshot, text);
        return moved ? List.of(hop(snapshot, OptionalLong.empty(), 0)) : List.of();
    }

    private Hop hop(DecodedSnapshot s, OptionalLong seq, long missed) {
        String message = text == null ? "" : s.field(text).map(f -> f.value() instanceof Value.Text t ? t.text() : f.display()).orElse("");
        return new Hop(seq, longOf(s, source), longOf(s, destination), message, s.timeNanos(), missed);
    }

    private static boolean changed(DecodedSnapshot before, DecodedSnapshot now, String path) {
        return now.field(path).orElseThrow().changedFrom(before.field(path).orElseThrow());
    }

    private static long longOf(DecodedSnapshot s, String path) {
        return s.field(path).orElseThrow().longValue();
    }
}
