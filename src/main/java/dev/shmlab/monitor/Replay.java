package dev.shmlab.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shmlab.ShmlabException;
import dev.shmlab.layout.MessageEvent;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A recorded run, loaded whole, answering for any moment without a single process or kernel
 * object: the snapshot at a time and the hops between two times. Times are offsets in nanoseconds
 * from the first recorded snapshot ({@code 0} to {@link #durationNanos()}). Immutable and
 * thread-safe; {@link ReplayPlayer} adds a clock with pause, seek and speed.
 */
public final class Replay {
    private final Recording.Header header;
    private final List<LabSnapshot> snapshots;
    private final long[] times;
    private final List<MessageEvent> hops;
    private final Recording.End end;

    private Replay(Recording.Header header, List<LabSnapshot> snapshots, List<MessageEvent> hops, Recording.End end) {
        this.header = header;
        this.snapshots = List.copyOf(snapshots);
        this.times = snapshots.stream().mapToLong(LabSnapshot::timeNanos).toArray();
        this.hops = List.copyOf(hops);
        this.end = end;
    }

    /**
     * Reads a recording. A recording cut short (its recorder was killed) replays up to where it
     * stops; a file that is not a recording, or holds no snapshot, is refused with a message.
     */
    public static Replay open(Path file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
            return read(file, in);
        } catch (NoSuchFileException e) {
            throw new ShmlabException("no recording at " + file);
        } catch (ZipException e) {
            throw new ShmlabException(file + " is not a shmlab recording (not gzip-compressed)");
        } catch (IOException e) {
            throw new ShmlabException("cannot read the recording " + file + ": " + e.getMessage(), e);
        }
    }

    private static Replay read(Path file, BufferedReader in) throws IOException {
        Recording.Header header = null;
        List<LabSnapshot> snapshots = new ArrayList<>();
        List<MessageEvent> hops = new ArrayList<>();
        List<MessageEvent> pending = new ArrayList<>();
        Recording.End end = null;
        String line;
        try {
            while ((line = in.readLine()) != null) {
                JsonNode n = parse(file, line, in);
                if (n == null) {
                    break;
                }
                if (header == null) {
                    header = Recording.header(n);
                    continue;
                }
                switch (n.path("type").asText()) {
                    case Recording.HOP -> {
                        MessageEvent e = Recording.hop(n);
                        pending.add(e);
                        hops.add(e);
                    }
                    case Recording.SNAPSHOT -> {
                        snapshots.add(Recording.snapshot(n, pending));
                        pending = new ArrayList<>();
                    }
                    case Recording.END -> end = Recording.end(n);
                    default -> {
                        // a line type from a newer shmlab: skipped, as the format promises
                    }
                }
            }
        } catch (EOFException e) {
            // cut short: keep what was complete
        }
        if (header == null) {
            throw new ShmlabException(file + " is empty, not a shmlab recording");
        }
        if (snapshots.isEmpty()) {
            throw new ShmlabException("the recording " + file + " holds no snapshot");
        }
        snapshots.sort(Comparator.comparingLong(LabSnapshot::timeNanos));
        hops.sort(Comparator.comparingLong(MessageEvent::timeNanos).thenComparingLong(MessageEvent::index));
        return new Replay(header, snapshots, hops, end);
    }

    /** One line as JSON; null when it is a last line cut in half (the recorder was killed while writing it). */
    private static JsonNode parse(Path file, String line, BufferedReader in) throws IOException {
        try {
            return Recording.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            boolean last;
            try {
                last = in.readLine() == null;
            } catch (EOFException cut) {
                last = true;
            }
            if (last) {
                return null;
            }
            throw new ShmlabException("the recording " + file + " is damaged: " + e.getOriginalMessage());
        }
    }

    public Recording.Header header() {
        return header;
    }

    public PseudoCode pseudoCode() {
        return header.pseudoCode();
    }

    /** Every recorded snapshot, oldest first. */
    public List<LabSnapshot> snapshots() {
        return snapshots;
    }

    /** Every recorded hop, oldest first. */
    public List<MessageEvent> hops() {
        return hops;
    }

    /** The counts of the end line; empty when the recorder never closed. */
    public Optional<Recording.End> end() {
        return Optional.ofNullable(end);
    }

    /** The monotonic time of the first snapshot: offset 0. */
    public long startNanos() {
        return times[0];
    }

    /** From the first snapshot to the last. */
    public long durationNanos() {
        return times[times.length - 1] - times[0];
    }

    /** The last snapshot taken at or before {@code offsetNanos} (the first one before the start, the last one after the end). */
    public LabSnapshot at(long offsetNanos) {
        return snapshots.get(indexAt(offsetNanos));
    }

    /** The index in {@link #snapshots()} of the snapshot {@link #at} returns. */
    public int indexAt(long offsetNanos) {
        long t = times[0] + Math.max(0, offsetNanos);
        int lo = 0;
        int hi = times.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The offset of snapshot {@code index}, for a scrubber's ticks. */
    public long offsetOf(int index) {
        return times[index] - times[0];
    }

    /** The hops that happened after {@code fromOffsetNanos} and at or before {@code toOffsetNanos}, oldest first. */
    public List<MessageEvent> eventsBetween(long fromOffsetNanos, long toOffsetNanos) {
        long from = times[0] + fromOffsetNanos;
        long to = times[0] + toOffsetNanos;
        int first = firstHopAfter(from);
        int last = firstHopAfter(to);
        return first >= last ? List.of() : hops.subList(first, last);
    }

    private int firstHopAfter(long t) {
        int lo = 0;
        int hi = hops.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hops.get(mid).timeNanos() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
