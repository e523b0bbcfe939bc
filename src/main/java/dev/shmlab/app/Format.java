package dev.shmlab.app;

import java.util.Locale;

/** How numbers read on a projected screen: grouped digits, units a person expects. */
final class Format {
    private Format() {
    }

    /** 1234567 as "1,234,567". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A byte count as "512 B", "40.0 KB", "122.9 MB" (powers of 1000, as rates are read). */
    static String bytes(double bytes) {
        if (bytes < 1000) {
            return String.format(Locale.ROOT, "%d B", Math.round(bytes));
        }
        if (bytes < 1e6) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        }
        if (bytes < 1e9) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** A latency or wait in nanoseconds as "850 ns", "15.8 µs", "2.08 ms", "1.2 s"; "–" when there is none. */
    static String latency(long nanos) {
        if (nanos <= 0) {
            return "–";
        }
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A run time as "0:07", "12:03", "1:02:03". */
    static String clock(long nanos) {
        long s = Math.max(0, nanos) / 1_000_000_000L;
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A rate as "6,012 msg/s". */
    static String rate(double perSecond) {
        return count(Math.round(perSecond)) + " msg/s";
    }
}
