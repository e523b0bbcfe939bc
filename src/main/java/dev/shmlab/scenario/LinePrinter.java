package dev.shmlab.scenario;

/**
 * Prints a participant's per-message lines without letting the terminal set the pace: the first
 * {@link #FREE_LINES} lines all appear, then at most one per {@link #INTERVAL_NANOS}; the lines
 * held back are counted and reported.
 */
public final class LinePrinter {
    static final int FREE_LINES = 10;
    static final long INTERVAL_NANOS = 100_000_000L;

    private final RoleContext context;
    private final boolean unlimited;
    private long printed;
    private long skipped;
    private long lastNanos;

    public LinePrinter(RoleContext context, boolean unlimited) {
        this.context = context;
        this.unlimited = unlimited;
    }

    /** Whether a line offered now would be printed; call {@link #print} if so, {@link #skip} if not. */
    public boolean due(long nowNanos) {
        return unlimited || printed < FREE_LINES || nowNanos - lastNanos >= INTERVAL_NANOS;
    }

    public void print(String line, long nowNanos) {
        if (skipped > 0 && !unlimited) {
            context.out("(" + skipped + " similar lines not shown)");
            skipped = 0;
        }
        context.out(line);
        printed++;
        lastNanos = nowNanos;
    }

    public void skip() {
        skipped++;
    }

    /** Reports the lines held back since the last printed one. */
    public void finish() {
        if (skipped > 0) {
            context.out("(" + skipped + " similar lines not shown)");
            skipped = 0;
        }
    }
}
