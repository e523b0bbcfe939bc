package dev.shmlab.app;

import dev.shmlab.layout.ParticipantSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A latency histogram over fixed 1-2-5 bins, estimated from the percentiles participants publish
 * (p50, p90, p99, p99.9, max): each participant's distribution is interpolated linearly in
 * log(latency) between those points, its lower half between p50/2 and p50, and participants are
 * weighted by how many latencies they measured.
 */
public final class LatencyHistogram {
    /** Bin edges in nanoseconds: a bin holds [edge i, edge i+1). */
    static final long[] EDGES = {0, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
        1_000_000, 2_000_000, 5_000_000, 10_000_000, Long.MAX_VALUE};
    private static final double[] FRACTIONS = {0, 0.5, 0.9, 0.99, 0.999, 1.0};

    /** One bar: its label and the share of messages in percent. */
    public record Bin(String label, double percent) {
    }

    private LatencyHistogram() {
    }

    /** The bins from the first to the last non-empty one; empty when no participant measured latency. */
    public static List<Bin> estimate(List<ParticipantSnapshot> participants) {
        double[] mass = new double[EDGES.length - 1];
        double total = 0;
        for (ParticipantSnapshot p : participants) {
            if (p.latencyCount() == 0 || p.p50Nanos() <= 0) {
                continue;
            }
            double[] xs = {p.p50Nanos() / 2.0, p.p50Nanos(), p.p90Nanos(), p.p99Nanos(), p.p999Nanos(), p.maxNanos()};
            for (int b = 0; b < mass.length; b++) {
                mass[b] += p.latencyCount() * (cdf(xs, EDGES[b + 1]) - cdf(xs, EDGES[b]));
            }
            total += p.latencyCount();
        }
        return bins(mass, total);
    }

    private static List<Bin> bins(double[] mass, double total) {
        List<Bin> out = new ArrayList<>();
        if (total == 0) {
            return out;
        }
        int first = 0;
        int last = mass.length - 1;
        while (first < last && mass[first] <= 0) {
            first++;
        }
        while (last > first && mass[last] <= 0) {
            last--;
        }
        for (int b = first; b <= last; b++) {
            out.add(new Bin(label(b), 100 * mass[b] / total));
        }
        return out;
    }

    /** The estimated share of latencies below x, given the points (xs[i], FRACTIONS[i]). */
    static double cdf(double[] xs, double x) {
        if (x <= xs[0]) {
            return 0;
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double lo = Math.log(Math.max(1, xs[i - 1]));
                double hi = Math.log(Math.max(1, xs[i]));
                double t = hi > lo ? (Math.log(x) - lo) / (hi - lo) : 1;
                return FRACTIONS[i - 1] + t * (FRACTIONS[i] - FRACTIONS[i - 1]);
            }
        }
        return 1;
    }

    static String label(int bin) {
        long lo = EDGES[bin];
        long hi = EDGES[bin + 1];
        if (lo == 0) {
            return "< " + number(hi) + " " + unit(hi);
        }
        if (hi == Long.MAX_VALUE) {
            return "≥ " + number(lo) + " " + unit(lo);
        }
        if (unit(lo).equals(unit(hi))) {
            return number(lo) + "–" + number(hi) + " " + unit(hi);
        }
        return number(lo) + " " + unit(lo) + "–" + number(hi) + " " + unit(hi);
    }

    private static String unit(long nanos) {
        return nanos < 1_000_000 ? "µs" : "ms";
    }

    private static long number(long nanos) {
        return nanos < 1_000_000 ? nanos / 1_000 : nanos / 1_000_000;
    }
}
