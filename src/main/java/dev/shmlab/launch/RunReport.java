package dev.shmlab.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a {@link RunResult} into the summary table {@code shmlab run} prints, and into JSON. */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** More findings than this (a table of measurements) are left to the JSON summary; bad ones always show. */
    static final int MAX_FINDINGS_SHOWN = 24;
    private static final String ROW = "%-12s %-8s %10s %10s %12s %7s %7s %8s %10s %10s  %s%n";

    private RunReport() {
    }

    /** The summary table: one row per participant, a totals row, findings, failures and a verdict. */
    public static String table(RunResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "participant", "state", "sent", "received", "bytes", "lost", "dup", "corrupt",
                "p50", "p99", "exit"));
        for (ParticipantOutcome p : r.participants()) {
            ParticipantSnapshot s = p.last();
            out.append(String.format(Locale.ROOT, ROW, s.name(), s.state().name().toLowerCase(Locale.ROOT), s.sent(), s.received(),
                    s.bytesSent() + s.bytesReceived(), s.lost(), s.duplicated(), s.corrupted(), micros(s.latencyCount(), s.p50Nanos()),
                    micros(s.latencyCount(), s.p99Nanos()), p.exit() == null ? "" : p.exit()));
        }
        out.append(String.format(Locale.ROOT, ROW, "total", "", r.total(ParticipantSnapshot::sent), r.total(ParticipantSnapshot::received),
                r.total(s -> s.bytesSent() + s.bytesReceived()), r.total(ParticipantSnapshot::lost), r.total(ParticipantSnapshot::duplicated),
                r.total(ParticipantSnapshot::corrupted), "", "", ""));
        long good = r.findings().stream().filter(f -> !f.bad()).count();
        for (Scenario.Finding f : r.findings()) {
            if (f.bad() || good <= MAX_FINDINGS_SHOWN) {
                out.append(String.format(Locale.ROOT, "%s: %d%s%n", f.name(), f.value(), f.bad() ? "  <-- integrity broken" : ""));
            }
        }
        if (good > MAX_FINDINGS_SHOWN) {
            out.append(String.format(Locale.ROOT, "%d measurements (in the JSON summary, --json FILE)%n", good));
        }
        long aheadMillis = r.startedAhead().toMillis();
        String started = r.slowestStart().map(d -> d.toMillis() + " ms (slowest" + (aheadMillis > 0 ? "; processes started up to " + aheadMillis + " ms ahead" : "") + ")")
                .orElse("not every participant got there");
        out.append(String.format(Locale.ROOT, "wall time: %.3f s   participants running after: %s   segment: %s%n",
                r.wallTime().toNanos() / 1e9, started, r.segment()));
        if (r.placement().samples() > 0) {
            out.append(String.format(Locale.ROOT, "CPU placement: all participants on one CPU in %.0f%% of %d samples (this VM often packs busy processes onto one vCPU)%n",
                    r.placement().sameCpuPercent(), r.placement().samples()));
        }
        for (String failure : r.failures()) {
            out.append("FAILED: ").append(failure).append(System.lineSeparator());
        }
        out.append(verdict(r)).append(System.lineSeparator());
        return out.toString();
    }

    /** One line: what happened, in words. */
    public static String verdict(RunResult r) {
        if (!r.completed()) {
            return "result: the run did not complete (exit " + r.exitCode() + ")";
        }
        if (r.integrityHeld()) {
            return "result: completed; every message accounted for (exit 0)";
        }
        return r.integrityRequired()
                ? "result: completed, but integrity was broken (exit " + r.exitCode() + ")"
                : "result: completed without synchronisation; the races above were detected and counted (exit 0)";
    }

    /** The same summary as a JSON tree. */
    public static Map<String, Object> toMap(RunResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", r.scenario());
        root.put("parameters", r.params().values());
        root.put("segment", r.segment());
        root.put("wallTimeSeconds", r.wallTime().toNanos() / 1e9);
        root.put("completed", r.completed());
        root.put("integrityHeld", r.integrityHeld());
        root.put("exitCode", r.exitCode());
        root.put("sameCpuPercent", r.placement().sameCpuPercent());
        root.put("placementSamples", r.placement().samples());
        List<Map<String, Object>> participants = new ArrayList<>();
        for (ParticipantOutcome p : r.participants()) {
            ParticipantSnapshot s = p.last();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("pid", s.pid());
            m.put("state", s.state().name().toLowerCase(Locale.ROOT));
            m.put("exit", p.exit());
            m.put("exitCode", p.exitCode());
            m.put("sent", s.sent());
            m.put("received", s.received());
            m.put("bytesSent", s.bytesSent());
            m.put("bytesReceived", s.bytesReceived());
            m.put("lost", s.lost());
            m.put("duplicated", s.duplicated());
            m.put("corrupted", s.corrupted());
            m.put("waitNanos", s.waitNanos());
            m.put("runningAfterMillis", p.runningAfter().toMillis());
            m.put("startedAheadMillis", p.startedAhead().toMillis());
            m.put("latencySamples", s.latencyCount());
            m.put("latencyNanos", Map.of("p50", s.p50Nanos(), "p90", s.p90Nanos(), "p99", s.p99Nanos(), "p999", s.p999Nanos(), "max", s.maxNanos()));
            participants.add(m);
        }
        root.put("participants", participants);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Scenario.Finding f : r.findings()) {
            findings.add(Map.of("name", f.name(), "value", f.value(), "bad", f.bad()));
        }
        root.put("findings", findings);
        root.put("failures", r.failures());
        return root;
    }

    public static void writeJson(RunResult r, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toMap(r));
    }

    private static String micros(long samples, long nanos) {
        return samples == 0 ? "-" : String.format(Locale.ROOT, "%.2fus", nanos / 1e3);
    }
}
