package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.monitor.Monitor;
import dev.shmlab.monitor.SyncObjectSnapshot;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.shm.SegmentAddress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shmlab watch TARGET}: a live terminal table of a running shmlab segment, refreshed every
 * interval, like AeronStat. It maps the segment read-only; Ctrl-C leaves it untouched.
 */
@Command(name = "watch", description = {
        "Show a running shmlab segment live: participants, states, counters, rates and semaphores.",
        "The segment is mapped read-only; Ctrl-C leaves it untouched."})
public final class WatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The POSIX name of the lab segment, e.g. /shmlab-round-robin-1a2b3c.")
    private String name;

    @ArgGroup(exclusive = true)
    private Other other;

    static final class Other {
        @Option(names = "--sysv-id", paramLabel = "ID", description = "A System V lab segment by id.")
        Integer sysvId;

        @Option(names = "--file", paramLabel = "PATH", description = "A file-backed lab segment.")
        java.nio.file.Path file;
    }

    @Option(names = "--interval", paramLabel = "DURATION", description = "Time between tables (default 1s).")
    private String interval = "1s";

    private static final Duration FIRST_SAMPLE_LIMIT = Duration.ofSeconds(5);

    @Option(names = "--count", paramLabel = "N", description = "Print N tables, then exit (default: until the run ends).")
    private long count = Long.MAX_VALUE;

    @Option(names = "--allow-other-owner", description = "Watch a segment that belongs to another user.")
    private boolean allowOtherOwner;

    @Override
    public Integer call() throws InterruptedException {
        SegmentAddress address = target();
        long intervalMs = (long) ParamSpec.durationMs("interval", 1000, 10, 3_600_000, "").parse(interval);
        if (count < 1) {
            throw new InvalidInputException("--count: must be 1 or more (got " + count + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Monitor monitor = Monitor.open(address, Duration.ofMillis(Math.min(intervalMs, 50)), allowOtherOwner).start()) {
            Map<Integer, Long> lastSent = new HashMap<>();
            for (long n = 0; n < count; n++) {
                Thread.sleep(n == 0 ? Math.min(intervalMs, 100) : intervalMs);
                if (monitor.failure() != null) {
                    throw new dev.shmlab.ShmlabException(address.display() + ": " + monitor.failure());
                }
                LabSnapshot s = monitor.latest();
                long waitedNanos = 0;
                while (s == null) {
                    // The first sample has not been taken yet: a table only counts once it is printed.
                    if (waitedNanos > FIRST_SAMPLE_LIMIT.toNanos()) {
                        throw new dev.shmlab.ShmlabException(address.display() + ": no sample within "
                                + FIRST_SAMPLE_LIMIT.toSeconds() + " s; is the machine overloaded?");
                    }
                    Thread.sleep(10);
                    waitedNanos += 10_000_000L;
                    s = monitor.latest();
                }
                out.print(render(s, lastSent, intervalMs));
                out.flush();
                if (s.allFinished()) {
                    out.println("every participant has finished; the run is over.");
                    break;
                }
            }
        }
        return Main.EXIT_OK;
    }

    private SegmentAddress target() {
        int given = (name != null ? 1 : 0) + (other != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("watch: give exactly one target: NAME, --sysv-id ID or --file PATH");
        }
        if (name != null) {
            return new SegmentAddress.Posix(name);
        }
        return other.sysvId != null ? new SegmentAddress.SysVId(other.sysvId) : new SegmentAddress.MappedFile(other.file);
    }

    static String render(LabSnapshot s, Map<Integer, Long> lastSent, long intervalMs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n%s  %s  run %.1f s  %s  pace %d ms  sync %s  %.0f msg/s  %.2f MB/s%n",
                s.scenario(), s.segment(), s.runNanos() / 1e9, s.command().name().toLowerCase(Locale.ROOT), s.paceNanos() / 1_000_000,
                s.syncEnabled() ? "on" : "OFF", s.messagesPerSecond(), s.bytesPerSecond() / 1e6));
        String row = "%-12s %8s %-9s %5s %11s %11s %10s %6s %6s %7s %10s %10s%n";
        b.append(String.format(Locale.ROOT, row, "participant", "pid", "state", "step", "sent", "received", "msg/s", "lost", "dup",
                "corrupt", "p50", "p99"));
        for (ParticipantSnapshot p : s.participants()) {
            long previous = lastSent.getOrDefault(p.index(), p.sent());
            lastSent.put(p.index(), p.sent());
            b.append(String.format(Locale.ROOT, row, p.name(), p.pid(), p.state().name().toLowerCase(Locale.ROOT), p.step(), p.sent(),
                    p.received(), (p.sent() - previous) * 1000 / Math.max(1, intervalMs), p.lost(), p.duplicated(), p.corrupted(),
                    micros(p.latencyCount(), p.p50Nanos()), micros(p.latencyCount(), p.p99Nanos())));
        }
        for (SyncObjectSnapshot o : s.syncObjects()) {
            b.append(String.format(Locale.ROOT, "%s %s: value %s, holder %s, waiting %s, acquisitions %d%n",
                    o.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), o.label(), o.value() < 0 ? "-" : Integer.toString(o.value()),
                    o.holder() < 0 ? "none" : name(s, o.holder()), o.waiters().isEmpty() ? "nobody" : o.waiters().stream().map(i -> name(s, i)).toList(),
                    o.acquisitions()));
        }
        return b.toString();
    }

    private static String name(LabSnapshot s, int index) {
        return index < s.participants().size() ? s.participants().get(index).name() : "#" + index;
    }

    private static String micros(long samples, long nanos) {
        return samples == 0 ? "-" : String.format(Locale.ROOT, "%.2fus", nanos / 1e3);
    }
}
