package dev.shmlab.bench;

import java.util.Locale;

/**
 * Where two threads ran while something was measured: how many samples found both on the same CPU.
 * {@code pinned} says whether they were told where to run (split, same) or left to the scheduler.
 */
public record Placement(int samples, int sameCpu, String cpus) {
    public static final Placement NONE = new Placement(0, 0, "");

    /** Percentage of samples with both on one CPU, or -1 without samples. */
    public double sameCpuPercent() {
        return samples == 0 ? -1 : 100.0 * sameCpu / samples;
    }

    /** "0%", "100%", "37%" — or "-" without samples. */
    public String text() {
        return samples == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", sameCpuPercent());
    }
}
