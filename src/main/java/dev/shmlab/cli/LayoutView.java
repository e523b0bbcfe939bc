package dev.shmlab.cli;

import dev.shmlab.foreign.DecodedField;
import dev.shmlab.foreign.DecodedSnapshot;
import dev.shmlab.foreign.ForeignSegment;
import dev.shmlab.foreign.Hop;
import dev.shmlab.foreign.HopTracker;
import dev.shmlab.foreign.LayoutDescription;
import dev.shmlab.foreign.SemaphoreValue;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code inspect --layout}: prints a foreign segment field by field, once or every interval. In
 * later samples a changed field's row starts with {@code *} (and is bold on a terminal), and every
 * message hop the layout's roles reveal gets a line of its own.
 */
final class LayoutView {
    static final String CHANGED = "* ";
    static final String SAME = "  ";
    private static final String BOLD = "\u001b[1m";
    private static final String PLAIN = "\u001b[0m";

    private final PrintWriter out;
    private final ForeignSegment foreign;
    private final boolean bold;
    private final boolean watching;
    private final HopTracker hops;

    LayoutView(PrintWriter out, ForeignSegment foreign, boolean bold, boolean watching) {
        this.out = out;
        this.foreign = foreign;
        this.bold = bold;
        this.watching = watching;
        this.hops = foreign.layout().derivesHops() ? new HopTracker(foreign.layout()) : null;
    }

    /** Prints {@code samples} samples, {@code intervalMs} apart. */
    void run(long samples, long intervalMs) throws InterruptedException {
        printHeader();
        DecodedSnapshot previous = null;
        long start = 0;
        for (long n = 1; n <= samples; n++) {
            if (n > 1) {
                Thread.sleep(intervalMs);
            }
            DecodedSnapshot s = foreign.sample();
            start = n == 1 ? s.timeNanos() : start;
            List<Hop> newHops = hops == null ? List.of() : hops.next(s);
            print(s, previous, n, (s.timeNanos() - start) / 1e9, newHops);
            out.flush();
            previous = s;
        }
    }

    private void printHeader() {
        LayoutDescription layout = foreign.layout();
        out.printf("segment   %s, %d bytes, opened read-only%n", foreign.address().display(), foreign.sizeBytes());
        out.printf("layout    %s%s (%d fields, sizeof %d)%n", layout.name(), layout.description().isEmpty() ? "" : ": " + layout.description(),
                layout.fields().size(), layout.sizeBytes());
    }

    private void print(DecodedSnapshot s, DecodedSnapshot previous, long n, double seconds, List<Hop> newHops) {
        Set<String> changed = s.changedFields(previous);
        Set<String> changedSemaphores = s.changedSemaphores(previous);
        out.println();
        if (watching) {
            int count = changed.size() + changedSemaphores.size();
            out.printf(Locale.ROOT, "sample %d at +%.2f s%s%n", n, seconds,
                    previous == null ? "" : count == 0 ? ": no change" : ": " + count + (count == 1 ? " change" : " changes"));
        }
        int pathWidth = Math.max(5, s.fields().stream().mapToInt(f -> f.path().length()).max().orElse(0));
        int typeWidth = Math.max(4, s.fields().stream().mapToInt(f -> f.typeName().length()).max().orElse(0));
        String row = "%s%8s  %-" + pathWidth + "s  %-" + typeWidth + "s  %-11s  %s";
        out.println(String.format(Locale.ROOT, row, SAME, "offset", "field", "type", "role", "value").stripTrailing());
        for (DecodedField f : s.fields()) {
            line(changed.contains(f.path()), String.format(Locale.ROOT, row, "", f.offset(), f.path(), f.typeName(),
                    f.role() == null ? "" : f.role().roleName(), f.display()));
        }
        for (SemaphoreValue v : s.semaphores()) {
            line(changedSemaphores.contains(v.label()), "semaphore " + v.label() + " (" + v.spec().display() + "): " + v.display());
        }
        for (Hop hop : newHops) {
            out.println(SAME + "hop " + hop.describe());
        }
    }

    private void line(boolean changed, String text) {
        if (changed && bold) {
            out.println(BOLD + CHANGED + text + PLAIN);
        } else {
            out.println((changed ? CHANGED : SAME) + text);
        }
    }

    /** Whether stdout is a terminal that takes ANSI bold (not redirected, not NO_COLOR, not TERM=dumb). */
    static boolean terminalTakesBold() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
