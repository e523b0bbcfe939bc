package dev.shmlab.app;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.monitor.LabSnapshot;
import java.util.List;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The charts' data: message and byte rates and latency percentiles over the last
 * {@value #WINDOW_SECONDS} s of run time, and a latency histogram. Points arrive a few times a
 * second, the series are bounded, and {@link #revisionProperty()} tells the view to redraw.
 */
public final class ChartsViewModel {
    public static final int WINDOW_SECONDS = 60;
    static final int POINTS_PER_SECOND = 4;
    private static final int CAPACITY = WINDOW_SECONDS * POINTS_PER_SECOND + 8;

    private final TimeSeries messages = new TimeSeries("messages/s", CAPACITY);
    private final TimeSeries megabytes = new TimeSeries("MB/s", CAPACITY);
    private final List<TimeSeries> latencies = List.of(
            new TimeSeries("p50", CAPACITY), new TimeSeries("p90", CAPACITY),
            new TimeSeries("p99", CAPACITY), new TimeSeries("p99.9", CAPACITY));
    private final ObservableList<LatencyHistogram.Bin> histogram = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper now = new ReadOnlyDoubleWrapper(this, "now");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    void clear() {
        messages.clear();
        megabytes.clear();
        latencies.forEach(TimeSeries::clear);
        histogram.clear();
        now.set(0);
        revision.set(revision.get() + 1);
    }

    void update(LabSnapshot s) {
        double t = s.runNanos() / 1e9;
        messages.add(t, s.messagesPerSecond());
        megabytes.add(t, s.bytesPerSecond() / 1e6);
        List<ParticipantSnapshot> measured = s.participants().stream().filter(p -> p.latencyCount() > 0).toList();
        if (!measured.isEmpty()) {
            latencies.get(0).add(t, slowest(measured, ParticipantSnapshot::p50Nanos));
            latencies.get(1).add(t, slowest(measured, ParticipantSnapshot::p90Nanos));
            latencies.get(2).add(t, slowest(measured, ParticipantSnapshot::p99Nanos));
            latencies.get(3).add(t, slowest(measured, ParticipantSnapshot::p999Nanos));
        }
        histogram.setAll(LatencyHistogram.estimate(s.participants()));
        now.set(t);
        revision.set(revision.get() + 1);
    }

    /** The highest value of a percentile among the participants, in microseconds. */
    private static double slowest(List<ParticipantSnapshot> ps, ToLongFunction<ParticipantSnapshot> percentile) {
        return ps.stream().mapToLong(percentile).max().orElse(0) / 1e3;
    }

    public TimeSeries messagesPerSecond() {
        return messages;
    }

    public TimeSeries megabytesPerSecond() {
        return megabytes;
    }

    /** p50, p90, p99 and p99.9 in microseconds, each the slowest participant's. */
    public List<TimeSeries> latencies() {
        return latencies;
    }

    public ObservableList<LatencyHistogram.Bin> histogram() {
        return histogram;
    }

    /** The run time of the newest point, in seconds: the right end of the time axes. */
    public ReadOnlyDoubleProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
