package dev.shmlab.monitor;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Records a run to a file in the {@link Recording} format: every hop, and the snapshots — one at
 * least every interval, plus every snapshot in which something a person would see changed (a
 * command, a participant's state, step or wait, a holder), so a stepped run replays step by step.
 *
 * <p>Register it as a {@link Monitor} listener; it only queues on the sampling thread, and a thread
 * of its own compresses and writes. {@link #close()} writes the last snapshot it was given, the
 * {@code end} line, and closes the file. If the writer falls behind by more than
 * {@value #QUEUE_CAPACITY} samples, samples are dropped and counted in the {@code end} line.
 */
public final class Recorder implements Consumer<LabSnapshot>, AutoCloseable {
    /** The longest time between two recorded snapshots when nothing changes: 20 ms, 50 per second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(20);
    private static final int QUEUE_CAPACITY = 50_000;

    /** One sample to write: its hops always, the snapshot itself only when {@code keep}. */
    private record Item(LabSnapshot snapshot, boolean hops, boolean keep) {
    }

    private static final Item CLOSE = new Item(null, false, false);

    private final Path file;
    private final Writer out;
    private final long intervalNanos;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private LabSnapshot lastKept;
    private LabSnapshot lastSeen;
    private boolean lastSeenKept;
    private long droppedSnapshots;
    private long droppedHops;
    private long snapshotsWritten;
    private long hopsWritten;
    private volatile IOException failure;
    private boolean closed;

    private Recorder(Path file, Writer out, long intervalNanos) {
        this.file = file;
        this.out = out;
        this.intervalNanos = intervalNanos;
        this.writer = Thread.ofPlatform().daemon().name("recorder").start(this::drain);
    }

    /** Creates (or replaces) the file and writes the header; snapshots come through {@link #accept}. */
    public static Recorder create(Path file, Recording.Header header) {
        Writer out = null;
        try {
            out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8));
            out.write(Recording.headerLine(header));
            out.write('\n');
            return new Recorder(file, out, Math.max(1, header.intervalNanos()));
        } catch (IOException e) {
            closeQuietly(out);
            throw new ShmlabException("cannot record to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Takes one sample; thread-safe and quick (it only queues). */
    @Override
    public synchronized void accept(LabSnapshot s) {
        if (closed) {
            return;
        }
        boolean keep = lastKept == null || s.timeNanos() - lastKept.timeNanos() >= intervalNanos || changed(lastKept, s);
        if (queue.offer(new Item(s, true, keep))) {
            if (keep) {
                lastKept = s;
            }
            lastSeen = s;
            lastSeenKept = keep;
        } else {
            droppedSnapshots += keep ? 1 : 0;
            droppedHops += s.events().size();
        }
    }

    /** Writes the last sample if it was skipped, the end line, and closes the file; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (lastSeen != null && !lastSeenKept) {
                putUninterruptibly(new Item(lastSeen, false, true));
            }
            putUninterruptibly(CLOSE);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (failure == null) {
                out.write(Recording.endLine(new Recording.End(snapshotsWritten, hopsWritten, droppedSnapshots, droppedHops)));
                out.write('\n');
            }
            out.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw new ShmlabException("could not write the recording " + file + ": " + failure.getMessage(), failure);
        }
    }

    public Path file() {
        return file;
    }

    private void drain() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == CLOSE) {
                    return;
                }
                if (failure == null) {
                    write(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Item item) {
        try {
            if (item.hops()) {
                for (MessageEvent e : item.snapshot().events()) {
                    out.write(Recording.hopLine(e));
                    out.write('\n');
                    hopsWritten++;
                }
            }
            if (item.keep()) {
                out.write(Recording.snapshotLine(item.snapshot()));
                out.write('\n');
                snapshotsWritten++;
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Whether something a person watching would notice changed between two snapshots: the control
     * block, a participant finishing, dying or being stopped, and — while paused or paced, when
     * each step is meant to be seen — any state, step, wait or holder.
     */
    static boolean changed(LabSnapshot a, LabSnapshot b) {
        if (a.command() != b.command() || a.paceNanos() != b.paceNanos() || a.syncEnabled() != b.syncEnabled()
                || a.participants().size() != b.participants().size() || a.syncObjects().size() != b.syncObjects().size()) {
            return true;
        }
        boolean slow = b.command() != ControlBlock.Command.RUN || b.paceNanos() > 0;
        for (int i = 0; i < a.participants().size(); i++) {
            ParticipantSnapshot p = a.participants().get(i);
            ParticipantSnapshot q = b.participants().get(i);
            if (p.state() != q.state() && (slow || settled(p.state()) || settled(q.state()))) {
                return true;
            }
            if (slow && (p.step() != q.step() || p.stepsTaken() != q.stepsTaken() || p.waitingOn() != q.waitingOn())) {
                return true;
            }
        }
        for (int i = 0; slow && i < a.syncObjects().size(); i++) {
            if (a.syncObjects().get(i).holder() != b.syncObjects().get(i).holder()
                    || !a.syncObjects().get(i).waiters().equals(b.syncObjects().get(i).waiters())) {
                return true;
            }
        }
        return false;
    }

    /** States that last: finished, or stopped by a signal (not the flicker of a run at full speed). */
    private static boolean settled(ParticipantState state) {
        return state.isFinal() || state == ParticipantState.STOPPED || state == ParticipantState.STARTING;
    }

    private void putUninterruptibly(Item item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Writer w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException ignored) {
                // already failing: the first error is the one reported
            }
        }
    }
}
