package dev.shmlab.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ParticipantSnapshot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what was observed for use elsewhere: the metrics as CSV (a time series from snapshots, of
 * a live run through {@link SnapshotHistory} or of a {@link Replay}) and, for a replay, the run
 * summary as JSON. The summary of a live run is {@code dev.shmlab.launch.RunReport.writeJson}.
 *
 * <p>The CSV has one row per snapshot and participant, so a spreadsheet can pivot it either way:
 * {@value #CSV_HEADER}. {@code time_s} counts from the first snapshot; the run columns repeat on
 * each participant's row; {@code sent_per_s} is the participant's rate since the previous snapshot;
 * the latency columns are empty while there are no samples.
 */
public final class Export {
    public static final String CSV_HEADER = "time_s,run_messages_per_s,run_bytes_per_s,participant,state,step,sent,received,"
            + "bytes_sent,bytes_received,lost,duplicated,corrupted,wait_s,sent_per_s,p50_us,p99_us";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Export() {
    }

    /** Writes the metrics CSV of a recording to a file, naming participants as its header does. */
    public static void writeMetricsCsv(Replay replay, Path file) {
        writeMetricsCsv(replay.snapshots(), replay.header().participants(), file);
    }

    /**
     * Writes the metrics CSV to a file (UTF-8, header line first). {@code names} name participants
     * whose record was not claimed yet at a snapshot (the run's planned names; may be empty).
     */
    public static void writeMetricsCsv(List<LabSnapshot> snapshots, List<String> names, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            metricsCsv(snapshots, names, out);
        } catch (IOException e) {
            throw new ShmlabException("cannot write the CSV " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the metrics CSV, header line first, lines ending in {@code \n}. */
    public static void metricsCsv(List<LabSnapshot> snapshots, List<String> names, Appendable out) throws IOException {
        out.append(CSV_HEADER).append('\n');
        if (snapshots.isEmpty()) {
            return;
        }
        long origin = snapshots.getFirst().timeNanos();
        Map<Integer, long[]> previous = new HashMap<>();
        for (LabSnapshot s : snapshots) {
            for (ParticipantSnapshot p : s.participants()) {
                long[] before = previous.put(p.index(), new long[] {s.timeNanos(), p.sent()});
                double rate = before == null || s.timeNanos() == before[0] ? 0 : (p.sent() - before[1]) * 1e9 / (s.timeNanos() - before[0]);
                out.append(String.format(Locale.ROOT, "%.6f,%.1f,%.1f,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%.6f,%.1f,%s,%s\n",
                        (s.timeNanos() - origin) / 1e9, s.messagesPerSecond(), s.bytesPerSecond(), csvText(name(p, names)),
                        p.state().name().toLowerCase(Locale.ROOT), p.step(), p.sent(), p.received(), p.bytesSent(), p.bytesReceived(),
                        p.lost(), p.duplicated(), p.corrupted(), p.waitNanos() / 1e9, rate,
                        micros(p.latencyCount(), p.p50Nanos()), micros(p.latencyCount(), p.p99Nanos())));
            }
        }
    }

    /** The summary of a recorded run, from its header and last snapshot, in the shape of a live run's summary. */
    public static Map<String, Object> summary(Replay replay) {
        LabSnapshot last = replay.snapshots().getLast();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", replay.header().scenario());
        root.put("parameters", replay.header().parameters());
        root.put("segment", replay.header().segment());
        root.put("recordedAt", replay.header().recordedAt().toString());
        root.put("durationSeconds", replay.durationNanos() / 1e9);
        root.put("finished", last.allFinished());
        List<Map<String, Object>> participants = new ArrayList<>();
        for (ParticipantSnapshot p : last.participants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("state", p.state().name().toLowerCase(Locale.ROOT));
            m.put("sent", p.sent());
            m.put("received", p.received());
            m.put("bytesSent", p.bytesSent());
            m.put("bytesReceived", p.bytesReceived());
            m.put("lost", p.lost());
            m.put("duplicated", p.duplicated());
            m.put("corrupted", p.corrupted());
            m.put("waitNanos", p.waitNanos());
            m.put("latencySamples", p.latencyCount());
            m.put("latencyNanos", Map.of("p50", p.p50Nanos(), "p90", p.p90Nanos(), "p99", p.p99Nanos(), "p999", p.p999Nanos(), "max", p.maxNanos()));
            participants.add(m);
        }
        root.put("participants", participants);
        root.put("totals", Map.of("sent", last.totalSent(), "received", last.totalReceived(), "lost", last.totalLost(),
                "duplicated", last.totalDuplicated(), "corrupted", last.totalCorrupted()));
        return root;
    }

    /** Writes {@link #summary(Replay)} as indented JSON. */
    public static void writeSummaryJson(Replay replay, Path file) {
        try {
            JSON.writeValue(file.toFile(), summary(replay));
        } catch (IOException e) {
            throw new ShmlabException("cannot write the summary " + file + ": " + e.getMessage(), e);
        }
    }

    /** A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break. */
    static String csvText(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String name(ParticipantSnapshot p, List<String> names) {
        return !p.name().isEmpty() || p.index() < 0 || p.index() >= names.size() ? p.name() : names.get(p.index());
    }

    private static String micros(long samples, long nanos) {
        return samples == 0 ? "" : String.format(Locale.ROOT, "%.3f", nanos / 1e3);
    }
}
