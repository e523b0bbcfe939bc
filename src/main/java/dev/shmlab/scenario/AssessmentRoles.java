package dev.shmlab.scenario;

import static dev.shmlab.scenario.BackendAssessmentScenario.*;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.SegmentSteps;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.FutexWord;
import dev.shmlab.sync.WaitStrategy;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The writer and reader of {@code backend-assessment}. Both walk the same plan (backend by
 * backend, size by size, warm-up then measured repetitions); each times its own steps and, after
 * every backend and size, stores the median and p99 of each in the results area.
 *
 * <pre>
 * pointer record (POINTER_LENGTH bytes; in the mailbox and on the socket):
 *   0 long seq   8 long sentNanos   16 int backend   20 int key (System V)   24 long sizeBytes   32 char[224] name or path
 * </pre>
 */
final class AssessmentRoles implements AutoCloseable {
    static final int POINTER_LENGTH = 256;
    private static final long P_SEQ = 0;
    private static final long P_SENT_NANOS = 8;
    private static final long P_BACKEND = 16;
    private static final long P_KEY = 20;
    private static final long P_SIZE = 24;
    private static final long P_NAME = 32;
    private static final int P_NAME_LENGTH = 224;
    private static final String SOCKET_FILE = "notify.sock";
    private static final int STAGE_RESULTS_WRITTEN = 2;

    private final RoleContext ctx;
    private final boolean writer;
    private final SharedMemory data;
    private final ParticipantPublisher stats;
    private final PeerWatch peer;
    private final Rendezvous setup;
    private final FutexWord posted;
    private final FutexWord acked;
    private final Arena arena = Arena.ofConfined();
    private final SharedMemory pointer;
    private final List<Backend> backends;
    private final List<Long> sizes;
    private final int reps;
    private final int warmup;
    private final Path directory;
    private ChannelLink socket;

    private AssessmentRoles(RoleContext ctx, boolean writer) {
        this.ctx = ctx;
        this.writer = writer;
        this.data = ctx.data();
        this.stats = ctx.stats();
        this.peer = new PeerWatch(ctx, writer ? 1 : 0, writer ? "the reader" : "the writer");
        this.setup = writer ? new Rendezvous(data, WRITER_STAGE_OFFSET, READER_STAGE_OFFSET, peer)
                : new Rendezvous(data, READER_STAGE_OFFSET, WRITER_STAGE_OFFSET, peer);
        this.posted = FutexWord.counted(data, POSTED_OFFSET);
        this.acked = FutexWord.counted(data, ACKED_OFFSET);
        this.pointer = SharedMemory.of(arena.allocate(POINTER_LENGTH, 8));
        this.backends = backends(ctx.params());
        this.sizes = sizes(ctx.params());
        this.reps = ctx.params().getInt("reps");
        this.warmup = ctx.params().getInt("warmup");
        this.directory = RunDirectory.read(data, DIRECTORY_OFFSET, DIRECTORY_LENGTH);
    }

    static void run(RoleContext ctx, boolean writer) {
        try (AssessmentRoles roles = new AssessmentRoles(ctx, writer)) {
            if (!roles.connect()) {
                return;
            }
            if (writer) {
                roles.write();
            } else {
                roles.read();
            }
        }
    }

    /** The reader listens on a UNIX socket in the run's directory, the writer connects. */
    private boolean connect() {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(directory.resolve(SOCKET_FILE));
        try {
            SocketChannel channel;
            if (writer) {
                if (!setup.awaitPeer(1)) {
                    return false;
                }
                channel = SocketChannel.open(address);
                setup.reach(1);
            } else {
                try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                    server.bind(address, 1);
                    if (!setup.meet(1)) {
                        return false;
                    }
                    channel = server.accept();
                }
            }
            socket = new ChannelLink("notify socket", channel, channel, peer);
            return true;
        } catch (IOException e) {
            throw new ShmlabException("notify socket " + address.getPath() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ writer

    private void write() {
        if (walk(this::writerRepetition, true) && setup.awaitPeer(STAGE_RESULTS_WRITTEN)) {
            printTable();
        }
    }

    /** One repetition of one side: k counts all repetitions; samples is null in a warm-up. */
    @FunctionalInterface
    private interface Repetition {
        boolean run(int k, Backend b, WireMessage message, long[][] samples, int r);
    }

    /**
     * Walks the plan both sides share — backend by backend, size by size, warm-up then measured
     * repetitions — and stores this side's medians and p99s after each size; false when the run stops.
     */
    private boolean walk(Repetition repetition, boolean byWriter) {
        int k = 0;
        for (Backend b : backends) {
            for (int s = 0; s < sizes.size(); s++) {
                long[][] samples = new long[Step.values().length][reps];
                WireMessage message = new WireMessage(Math.toIntExact(sizes.get(s)));
                for (int r = -warmup; r < reps; r++) {
                    if (!ctx.checkpoint(0) || !repetition.run(++k, b, message, r < 0 ? null : samples, r)) {
                        return false;
                    }
                }
                store(b, s, samples, byWriter);
            }
        }
        return true;
    }

    /** One message's trip, writer's side; samples null for a warm-up repetition. */
    private boolean writerRepetition(int k, Backend b, WireMessage message, long[][] samples, int r) {
        String name = switch (b) {
            case POSIX -> PosixNames.random("assess");
            case FILE -> directory.resolve("segment-" + k).toString();
            case SYSV -> null;
        };
        message.prepare(k, 0, 1, false);
        int length = message.lengthBytes();
        if (name != null) {
            // Recorded before it exists: killed right after creating it, the run still removes it.
            SegmentSteps.registerAhead(b, name);
        }
        long t0 = System.nanoTime();
        SegmentSteps.Handle h = SegmentSteps.create(b, name, length);
        long t1 = System.nanoTime();
        SegmentSteps.register(h);
        long t2 = System.nanoTime();
        SegmentSteps.size(h);
        long t3 = System.nanoTime();
        SharedMemory mapping = SegmentSteps.map(h);
        long t4 = System.nanoTime();
        MemorySegment.copy(message.bytes(), 0, mapping.segment(), 0, length);
        long t5 = System.nanoTime();
        record(samples, r, Step.CREATE, t1 - t0, Step.SIZE, t3 - t2, Step.MAP, t4 - t3, Step.FIRST_WRITE, t5 - t4);
        stats.sent++;
        stats.bytesSent += message.sizeBytes();
        if ((k & 63) == 1 || ctx.isPaced()) {
            ctx.hop(k, 0, 1, message.sizeBytes());
        }
        if (!notifyReader(k, h)) {
            return false;
        }
        long t6 = System.nanoTime();
        SegmentSteps.unmap(h, mapping);
        long t7 = System.nanoTime();
        SegmentSteps.remove(h);
        long t8 = System.nanoTime();
        SegmentSteps.forget(h);
        record(samples, r, Step.WRITER_UNMAP, t7 - t6, Step.REMOVE, t8 - t7, null, 0, null, 0);
        return true;
    }

    /** Sends the pointer through the futex, then through the socket; returns once the reader is done with the message. */
    private boolean notifyReader(int k, SegmentSteps.Handle h) {
        pointer.putLong(P_SEQ, k);
        pointer.putInt(P_BACKEND, h.backend().ordinal());
        pointer.putInt(P_KEY, h.key());
        pointer.putLong(P_SIZE, h.sizeBytes());
        pointer.putCString(P_NAME, P_NAME_LENGTH, h.name() == null ? "" : h.name());
        MemorySegment.copy(pointer.segment(), 0, data.segment(), MAILBOX_OFFSET, POINTER_LENGTH);
        data.putLong(MAILBOX_OFFSET + P_SENT_NANOS, System.nanoTime());
        // Release: the mailbox above is visible to the reader once it sees k.
        posted.setRelease(k);
        posted.wakeAll();
        if (!await(acked, WaitStrategy.BACKOFF, v -> v >= 2 * k - 1, "the reader to take the pointer from the futex")) {
            return false;
        }
        pointer.putLong(P_SENT_NANOS, System.nanoTime());
        return socket.send(pointer.segment(), POINTER_LENGTH)
                && await(acked, WaitStrategy.BACKOFF, v -> v >= 2 * k, "the reader to read message " + k);
    }

    // ------------------------------------------------------------------ reader

    private void read() {
        if (!walk(this::readerRepetition, false)) {
            return;
        }
        ctx.out("Reader received " + stats.received + " messages; lost " + stats.lost + ", duplicated " + stats.duplicated
                + ", corrupted " + stats.corrupted + ".");
        setup.reach(STAGE_RESULTS_WRITTEN);
    }

    /** One message's trip, reader's side: sleeps in FUTEX_WAIT for the pointer, then blocks in read for it. */
    private boolean readerRepetition(int k, Backend b, WireMessage message, long[][] samples, int r) {
        if (!await(posted, WaitStrategy.BLOCK, v -> v >= k, "the writer to post pointer " + k)) {
            return false;
        }
        long futexNanos = System.nanoTime() - data.getLong(MAILBOX_OFFSET + P_SENT_NANOS);
        checkPointer(data.getLong(MAILBOX_OFFSET + P_SEQ), k, b, data.getInt(MAILBOX_OFFSET + P_BACKEND), "futex");
        acked.setRelease(2 * k - 1);
        acked.wakeAll();
        if (!socket.receive(pointer.segment(), POINTER_LENGTH)) {
            return false;
        }
        long socketNanos = System.nanoTime() - pointer.getLong(P_SENT_NANOS);
        checkPointer(pointer.getLong(P_SEQ), k, b, pointer.getInt(P_BACKEND), "socket");
        int length = message.lengthBytes();
        long t0 = System.nanoTime();
        SegmentSteps.Handle h = SegmentSteps.open(b, pointer.getCString(P_NAME, P_NAME_LENGTH), pointer.getInt(P_KEY), pointer.getLong(P_SIZE));
        long t1 = System.nanoTime();
        SharedMemory mapping = SegmentSteps.map(h);
        long t2 = System.nanoTime();
        MemorySegment.copy(mapping.segment(), 0, message.bytes(), 0, length);
        long t3 = System.nanoTime();
        SegmentSteps.unmap(h, mapping);
        long t4 = System.nanoTime();
        account(message, k);
        acked.setRelease(2 * k);
        acked.wakeAll();
        record(samples, r, Step.NOTIFY_FUTEX, futexNanos, Step.NOTIFY_SOCKET, socketNanos, Step.READER_OPEN, t1 - t0, Step.READER_MAP, t2 - t1);
        record(samples, r, Step.READ, t3 - t2, Step.READER_UNMAP, t4 - t3, null, 0, null, 0);
        return true;
    }

    private static void checkPointer(long seq, int k, Backend b, int backend, String via) {
        if (seq != k || backend != b.ordinal()) {
            throw new ShmlabException("the pointer from the " + via + " is for message " + seq + " (backend " + backend
                    + "), expected message " + k + " (" + b.cliName() + ")");
        }
    }

    private void account(WireMessage message, int k) {
        switch (message.check(k, 0, 1, false)) {
            case INTACT -> {
                stats.received++;
                stats.bytesReceived += message.sizeBytes();
            }
            case DUPLICATE -> stats.duplicated++;
            case GAP -> stats.lost++;
            case CORRUPT -> stats.corrupted++;
        }
        stats.lastSeq = k;
        stats.publishIfDue(System.nanoTime());
    }

    // ------------------------------------------------------------------ results

    /** Records up to four step timings of measured repetition r (nothing in a warm-up). */
    private static void record(long[][] samples, int r, Step a, long aNanos, Step b, long bNanos, Step c, long cNanos, Step d, long dNanos) {
        if (samples == null) {
            return;
        }
        samples[a.ordinal()][r] = aNanos;
        samples[b.ordinal()][r] = bNanos;
        if (c != null) {
            samples[c.ordinal()][r] = cNanos;
        }
        if (d != null) {
            samples[d.ordinal()][r] = dNanos;
        }
    }

    /** Median and p99 (the C suite's definition: sorted[n/2], sorted[(n-1)*0.99]) of this side's steps. */
    private void store(Backend b, int sizeIndex, long[][] samples, boolean byWriter) {
        for (Step step : Step.values()) {
            if (step.byWriter() != byWriter) {
                continue;
            }
            long[] s = samples[step.ordinal()].clone();
            Arrays.sort(s);
            long offset = resultOffset(b, sizeIndex, step);
            data.putLong(offset, s[s.length / 2]);
            data.putLongRelease(offset + 8, s[(int) ((s.length - 1) * 0.99)]);
        }
    }

    private void printTable() {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-7s %-8s %-4s", "backend", "size", "ns"));
        for (Step step : Step.values()) {
            header.append(String.format(Locale.ROOT, " %13s", step.label()));
        }
        ctx.out(header.toString());
        for (Backend b : backends) {
            for (int s = 0; s < sizes.size(); s++) {
                for (int stat = 0; stat < 2; stat++) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-7s %-8s %-4s", stat == 0 ? b.cliName() : "",
                            stat == 0 ? sizeText(sizes.get(s)) : "", stat == 0 ? "p50" : "p99"));
                    for (Step step : Step.values()) {
                        long v = data.getLongAcquire(resultOffset(b, s, step) + 8L * stat);
                        row.append(String.format(Locale.ROOT, " %13s", b == Backend.SYSV && step == Step.SIZE ? "-" : Long.toString(v)));
                    }
                    ctx.out(row.toString());
                }
            }
        }
        ctx.out("(" + reps + " repetitions per row after " + warmup + " unmeasured; System V sizes the segment in shmget, so "
                + "'size' is part of 'create'; 'map' includes closing the descriptor)");
    }

    private boolean await(FutexWord word, WaitStrategy strategy, IntPredicate condition, String what) {
        return strategy.awaitInt(word, condition, peer.sliceNanos())
                || peer.awaitSlowly(what, nanos -> strategy.awaitInt(word, condition, nanos));
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } finally {
            arena.close();
        }
    }
}
