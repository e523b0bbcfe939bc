package dev.shmlab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench result as one text table (references first), as CSV and as JSON. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final List<String> COLUMNS = List.of("kind", "transport", "stream", "size_bytes", "p50_ns", "p99_ns", "p999_ns",
            "round_trips", "msgs_per_s", "mb_per_s", "copy_mb_per_s", "of_copy", "lat_same_cpu_pct", "stream_same_cpu_pct", "cpus", "status");
    private static final String ROW = "%-10s %-9s %8s %9s %9s %9s %13s %10s %10s %8s  %-7s %s%n";

    private BenchReport() {
    }

    /** The table: a heading line, the reference lines, the transport lines, and what the columns mean. */
    public static void table(BenchResult r, PrintWriter out) {
        Map<String, Object> m = r.machine();
        BenchPlan p = r.plan();
        out.printf(Locale.ROOT, "shmlab bench: %s CPUs (%s), %s, %s; load %s%n", m.get("cpus"), m.get("cpuModel"), m.get("kernel"),
                m.get("java"), m.get("loadAverage"));
        out.printf(Locale.ROOT, "each test: %d ms warm-up, then at most %d messages or %d ms; CPUs %s%n%n", p.warmupMs(), p.count(),
                p.durationMs(), p.cpus());
        out.printf(Locale.ROOT, ROW, "transport", "stream", "size", "p50 ns", "p99 ns", "p99.9 ns", "msgs/s", "MB/s", "copy MB/s",
                "of copy", "same CPU", "status");
        List<BenchRow> all = new ArrayList<>(r.references());
        all.addAll(r.rows());
        for (BenchRow row : all) {
            out.printf(Locale.ROOT, ROW, row.name(), row.stream(), sizeText(row.sizeBytes()), nanos(row.p50Nanos()), nanos(row.p99Nanos()),
                    nanos(row.p999Nanos()), rate(row.messagesPerSecond()), mb(row.mbPerSecond()), mb(row.copyMbPerSecond()),
                    percent(row.fractionOfCopy()), placement(row), row.status());
        }
        out.printf(Locale.ROOT, "%np50/p99/p99.9: one-way latency (round trip / 2) of the ping-pong; msgs/s and MB/s "
                + "(10^6 bytes/s of payload): the stream test; copy MB/s: one thread copying a message of that size in this process "
                + "(the ceiling), 'of copy' the stream's share of it; cache-line: two threads of this process bouncing one cache line "
                + "(the floor). same CPU: share of samples of /proc/PID/task/TID/stat that found writer and reader on one CPU, "
                + "latency test / stream test. %.1f s in all.%n", r.wallSeconds());
    }

    private static String placement(BenchRow row) {
        if (row.kind().equals("reference")) {
            return row.latencyPlacement() == Placement.NONE ? "" : row.latencyPlacement().text();
        }
        return row.latencyPlacement().text() + "/" + row.streamPlacement().text();
    }

    /** One line per row, the columns of {@link #COLUMNS}. */
    public static void writeCsv(BenchResult r, Path file) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        List<BenchRow> all = new ArrayList<>(r.references());
        all.addAll(r.rows());
        for (BenchRow row : all) {
            csv.append(String.join(",", List.of(row.kind(), row.name(), row.stream(), Long.toString(row.sizeBytes()),
                    Long.toString(row.p50Nanos()), Long.toString(row.p99Nanos()), Long.toString(row.p999Nanos()),
                    Long.toString(row.roundTrips()), number(row.messagesPerSecond()), number(row.mbPerSecond()),
                    number(row.copyMbPerSecond()), fraction(row.fractionOfCopy()), number(row.latencyPlacement().sameCpuPercent()),
                    number(row.streamPlacement().sameCpuPercent()), quote(row.latencyPlacement().cpus().isEmpty()
                            ? r.plan().cpus() : row.latencyPlacement().cpus()), quote(row.status())))).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** The machine, the plan and every row as a JSON document. */
    public static void writeJson(BenchResult r, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", r.machine());
        BenchPlan p = r.plan();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("transports", p.transports().stream().map(t -> t.cliName()).toList());
        plan.put("sizesBytes", p.sizesBytes());
        plan.put("count", p.count());
        plan.put("durationMs", p.durationMs());
        plan.put("warmupMs", p.warmupMs());
        plan.put("stream", p.stream().name().toLowerCase(Locale.ROOT));
        plan.put("cpus", p.cpus());
        plan.put("quick", p.quick());
        root.put("plan", plan);
        root.put("references", r.references().stream().map(BenchReport::toMap).toList());
        root.put("rows", r.rows().stream().map(BenchReport::toMap).toList());
        root.put("wallSeconds", r.wallSeconds());
        root.put("allOk", r.allOk());
        JSON.writeValue(file.toFile(), root);
    }

    private static Map<String, Object> toMap(BenchRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", row.kind());
        m.put("transport", row.name());
        m.put("stream", row.stream());
        m.put("sizeBytes", row.sizeBytes());
        m.put("p50Nanos", nullIfNegative(row.p50Nanos()));
        m.put("p99Nanos", nullIfNegative(row.p99Nanos()));
        m.put("p999Nanos", nullIfNegative(row.p999Nanos()));
        m.put("roundTrips", nullIfNegative(row.roundTrips()));
        m.put("messagesPerSecond", nullIfNaN(row.messagesPerSecond()));
        m.put("mbPerSecond", nullIfNaN(row.mbPerSecond()));
        m.put("copyMbPerSecond", nullIfNaN(row.copyMbPerSecond()));
        m.put("fractionOfCopy", nullIfNaN(row.fractionOfCopy()));
        m.put("latencySameCpuPercent", nullIfNegative(row.latencyPlacement().sameCpuPercent()));
        m.put("streamSameCpuPercent", nullIfNegative(row.streamPlacement().sameCpuPercent()));
        m.put("latencyPlacementSamples", row.latencyPlacement().samples());
        m.put("streamPlacementSamples", row.streamPlacement().samples());
        m.put("status", row.status());
        return m;
    }

    /** 1 B, 64 B, 1 KiB, 64 KiB, 1 MiB; other sizes in bytes. */
    public static String sizeText(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }

    private static String nanos(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String mb(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String number(double v) {
        return Double.isNaN(v) || v < 0 ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fraction(double v) {
        return Double.isNaN(v) || v < 0 ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static Object nullIfNegative(double v) {
        return v < 0 ? null : v;
    }

    private static Object nullIfNegative(long v) {
        return v < 0 ? null : v;
    }

    private static Object nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** {@code shmlab bench startup}'s times as JSON: per kind, each round's times and its slowest, in milliseconds. */
    public static void writeJson(StartupBench.Result r, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toMap(r));
    }

    private static Map<String, Object> toMap(StartupBench.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", r.machine());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("processes", r.plan().processes());
        plan.put("rounds", r.plan().rounds());
        plan.put("scenario", StartupBench.SCENARIO);
        root.put("plan", plan);
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (StartupBench.Kind kind : r.kinds()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("label", kind.label());
            k.put("until", kind.until());
            k.put("slowestPerRoundMillis", Arrays.stream(r.slowestPerRound(kind)).mapToDouble(BenchReport::toMillis).boxed().toList());
            List<List<Double>> rounds = r.nanos().get(kind).stream()
                    .map(round -> Arrays.stream(round).mapToDouble(BenchReport::toMillis).boxed().toList()).toList();
            k.put("roundsMillis", rounds);
            kinds.put(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), k);
        }
        root.put("kinds", kinds);
        root.put("wallSeconds", r.wallSeconds());
        return root;
    }

    private static double toMillis(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
