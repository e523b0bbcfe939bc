package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.LabSegment;
import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.shm.Backend;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Seed 000: a writer and a reader share one slot. In latency mode the reader echoes every message
 * (one-way latency = round trip / 2); in throughput mode the writer fills the slot, the reader
 * copies it out and clears the flag (the seed's handshake). Every message carries a sequence
 * number and a checksum and is checked in the receiver's private copy of it. A side checks a
 * message after it has answered it (echoed or released the slot) and fills its next message while
 * the current one is in flight, so the checksums run while the peer works, not between the two
 * hand-offs of a round trip.
 *
 * <pre>
 * data area:    0 flag (int; futex sleepers at 4)
 *               8 message header: 0 seq (long) 8 from 12 to 16 size 20 checksum (ints), relative to 8
 *             128 measured time ns (long)  136 measured messages (long), written by the writer at the end
 *             192 payload: byte 0 = 'A' + (seq-1) % 26, seq in every 4 KiB word and the last 8 bytes
 * </pre>
 *
 * <p>The header shares the flag's cache line: a hand-off of a small message then moves two lines
 * between the CPUs (flag with header, payload), as the C reference's does, not three.
 */
public final class PingPongScenario implements Scenario {
    static final long FLAG_OFFSET = 0;
    static final long MEASURED_NANOS_OFFSET = 128;
    static final long MEASURED_COUNT_OFFSET = 136;
    static final long HEADER_OFFSET = 8;
    static final long PAYLOAD_OFFSET = 192;
    static final int WRITER = 0;
    /** How often the writer looks whether the reader is ready, before the first message. */
    private static final long READY_POLL_NANOS = 50_000;
    /** Stamp words each side processes before the first message, so that the checks are compiled. */
    private static final long WARM_UP_WORDS = 200_000;
    static final int READER = 1;
    public static final long MAX_SIZE_BYTES = 128L << 20;

    private static final List<String> SYNC_MODES = List.of("spin", "yield", "futex", "sem", "named-sem");

    @Override
    public String name() {
        return "ping-pong";
    }

    /**
     * Below this many messages (warm-up included) ping-pong runs on the quick compiler. The
     * optimising compiler's code for the per-message path is ready only after some ten thousand
     * messages, and until then its compiles take a vCPU from the two sides: one cold 10 MiB message
     * ran at 0.49x (spin) and 0.78x (yield) the C reference beside them, 0.91x and 0.95x without.
     */
    static final long PEAK_SPEED_MESSAGES = 10_000;

    @Override
    public boolean measuresPeakSpeed(ScenarioParams params) {
        return params.getLong("warmup") + params.getLong("count") >= PEAK_SPEED_MESSAGES;
    }

    @Override
    public String summary() {
        return "a writer and a reader share one slot: latency per message and MB/s over size and count";
    }

    @Override
    public String seed() {
        return "000";
    }

    @Override
    public String description() {
        return "The seed's POSIX writer/reader with a spin flag, made measurable: latency mode echoes every message and "
                + "reports one-way latency percentiles; throughput mode reproduces the seed's single-slot hand-off and "
                + "reports MB/s. Choose how the sides wait (spin, yield, futex, semaphores) and where the slot lives "
                + "(POSIX, System V, a mapped file). Every message is checked by sequence number and checksum. The reader "
                + "releases the slot before it prints its line (the seed's reader prints first and keeps the writer waiting).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.choice("mode", "latency", List.of("latency", "throughput"), "echo every message, or stream one way"),
                ParamSpec.size("size", 1024, 1, MAX_SIZE_BYTES, "bytes per message"),
                ParamSpec.integer("count", 1000, 1, 100_000_000, "messages measured"),
                ParamSpec.integer("warmup", 1000, 0, 10_000_000, "messages exchanged first and not measured"),
                ParamSpec.choice("sync", "spin", SYNC_MODES, "how each side waits for the other"),
                ParamSpec.choice("backend", "posix", List.of("posix", "sysv", "file"), "where the segment lives"),
                ParamSpec.choice("verify", "stamped", List.of("stamped", "full"), "checksum sampled words or every byte"),
                ParamSpec.integer("corrupt-every", 0, 0, 1_000_000_000, "fault injection: the writer damages every Nth message after checksumming it (0 = never)"));
    }

    @Override
    public RunPlan plan(ScenarioParams p) {
        String sync = p.getString("sync");
        List<RunPlan.SyncObject> objects = switch (sync) {
            case "sem" -> List.of(new RunPlan.SyncObject(SyncObjectKind.UNNAMED_SEMAPHORE, "request"),
                    new RunPlan.SyncObject(SyncObjectKind.UNNAMED_SEMAPHORE, "reply"));
            case "named-sem" -> List.of(new RunPlan.SyncObject(SyncObjectKind.NAMED_SEMAPHORE, "request"),
                    new RunPlan.SyncObject(SyncObjectKind.NAMED_SEMAPHORE, "reply"));
            case "futex" -> List.of(new RunPlan.SyncObject(SyncObjectKind.FUTEX, "flag"));
            default -> List.of(new RunPlan.SyncObject(SyncObjectKind.SPIN_FLAG, "ready"));
        };
        Backend backend = Backend.valueOf(p.getString("backend").toUpperCase(Locale.ROOT));
        return new RunPlan(backend, List.of(new RunPlan.Participant("writer", WRITER), new RunPlan.Participant("reader", READER)),
                objects, 1024, PAYLOAD_OFFSET + p.getLong("size"));
    }

    @Override
    public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
        ScenarioResources resources = new ScenarioResources();
        RunPlan plan = plan(params);
        for (int i = 0; i < plan.syncObjects().size(); i++) {
            SyncObjects.create(lab, plan, i, 0, resources);
        }
        return resources;
    }

    /** The writer's measurement: per message, and MB/s in throughput mode (MB = 10^6 bytes). */
    @Override
    public List<Finding> verdict(LabSegment lab, ScenarioParams params) {
        long nanos = lab.data().getLongAcquire(MEASURED_NANOS_OFFSET);
        long count = lab.data().getLongAcquire(MEASURED_COUNT_OFFSET);
        if (count == 0 || nanos == 0) {
            return List.of();
        }
        boolean latency = params.getString("mode").equals("latency");
        long perMessage = nanos / count / (latency ? 2 : 1);
        List<Finding> findings = new java.util.ArrayList<>(List.of(
                new Finding("measured messages", count, false),
                new Finding(latency ? "mean one-way latency (ns)" : "mean time per message (ns)", perMessage, false)));
        if (!latency) {
            findings.add(new Finding("throughput (MB/s)", Math.round(params.getLong("size") * (double) count / 1e6 / (nanos / 1e9)), false));
        }
        return findings;
    }

    @Override
    public List<String> pseudoCode(int role) {
        return role == WRITER
                ? List.of("fill(buf, 'A' + i % 26, size);", "memcpy(shm->buffer, buf, size);", "shm->ready = i;  /* release */",
                "while (shm->ready != reply) ;  /* wait */", "i++;")
                : List.of("while (shm->ready != i) ;  /* wait */", "memcpy(buf, shm->buffer, size);",
                "shm->ready = reply;  /* release (latency mode: after copying the echo back) */",
                "printf(\"Received %zu bytes. First char: %c\\n\", size, buf[0]);  /* after the release */");
    }

    @Override
    public void run(int role, RoleContext ctx) {
        try (Side side = new Side(ctx, role)) {
            if (role == WRITER) {
                side.write();
            } else {
                side.read();
            }
        }
    }

    /** One side of the slot, with its private message buffers. */
    private static final class Side implements AutoCloseable {
        private final RoleContext ctx;
        private final int role;
        private final ParticipantPublisher stats;
        private final SharedMemory data;
        private final MemorySegment slot;
        private final Arena arena = Arena.ofConfined();
        /** This side's outgoing message (the writer's, or the reader's echo); null for a reader streaming. */
        private final MemorySegment out;
        /** The private copy of the last message in (the reader's, or the writer's echo); null for a writer streaming. */
        private final MemorySegment in;
        private long inSeq;
        private int inFrom;
        private int inTo;
        private int inSize;
        private int inChecksum;
        private final int size;
        private final long count;
        private final long warmup;
        private final boolean latency;
        private final boolean fullCheck;
        private final SlotSignal signal;
        private final long corruptEvery;
        private final List<AutoCloseable> opened = new ArrayList<>();

        Side(RoleContext ctx, int role) {
            this.ctx = ctx;
            this.role = role;
            this.stats = ctx.stats();
            ScenarioParams p = ctx.params();
            this.data = ctx.data();
            this.size = Math.toIntExact(p.getLong("size"));
            this.count = p.getLong("count");
            this.warmup = p.getLong("warmup");
            this.latency = p.getString("mode").equals("latency");
            this.fullCheck = p.getString("verify").equals("full");
            this.slot = data.segment().asSlice(PAYLOAD_OFFSET, size);
            this.out = role == WRITER || latency ? privateBuffer() : null;
            this.in = role == READER || latency ? privateBuffer() : null;
            this.signal = signalFor(p.getString("sync"));
            this.corruptEvery = p.getLong("corrupt-every");
        }

        private MemorySegment privateBuffer() {
            MemorySegment buffer = arena.allocate(size, 4096);
            for (int i = 0; i < size; i++) {
                buffer.set(ValueLayout.JAVA_BYTE, i, (byte) ('a' + i % 26));
            }
            return buffer;
        }

        private SlotSignal signalFor(String sync) {
            int peer = 1 - role;
            String peerName = role == WRITER ? "the reader" : "the writer";
            return switch (sync) {
                case "spin" -> new SlotSignal.Spin(data, FLAG_OFFSET, ctx, peer, peerName);
                case "yield" -> new SlotSignal.Yield(data, FLAG_OFFSET, ctx, peer, peerName);
                case "futex" -> new SlotSignal.Futex(data, FLAG_OFFSET, ctx, peer, peerName);
                default -> {
                    CountingSemaphore request = open(SyncObjects.openSemaphore(ctx.lab(), 0));
                    CountingSemaphore reply = open(SyncObjects.openSemaphore(ctx.lab(), 1));
                    yield role == WRITER
                            ? new SlotSignal.Semaphores(data, FLAG_OFFSET, ctx, peer, peerName, request, reply)
                            : new SlotSignal.Semaphores(data, FLAG_OFFSET, ctx, peer, peerName, reply, request);
                }
            };
        }

        private <T extends AutoCloseable> T open(T resource) {
            opened.add(resource);
            return resource;
        }

        /** The writer's loop; the checkpoints are the lines of {@code pseudoCode(WRITER)}. */
        void write() {
            warmUp();
            // Like the C reference, nothing is sent or timed before the reader is ready.
            if (!PeerWait.until(ctx, "the reader to be ready", this::readerReady)) {
                return;
            }
            long total = warmup + count;
            long measuredStart = 0;
            long prev = System.nanoTime();
            long echoIn = 0;
            try {
                int checksum = fill(1, WRITER, READER);
                for (long seq = 1; seq <= total; seq++) {
                    // Line 0 (fill): message seq was filled while the one before it was in flight.
                    if (!ctx.checkpoint(0)) {
                        return;
                    }
                    if (seq == warmup + 1) {
                        measuredStart = System.nanoTime();
                        prev = measuredStart;
                    }
                    ctx.checkpoint(1);
                    copyOut(seq, WRITER, READER, checksum);
                    ctx.checkpoint(2);
                    signal.publish(latency ? (int) (2 * seq - 1) : (int) seq);
                    // While message seq is in flight: check the echo of the one before, fill the next.
                    if (echoIn != 0) {
                        check(echoIn, READER, WRITER);
                        echoIn = 0;
                    }
                    if (seq < total) {
                        checksum = fill(seq + 1, WRITER, READER);
                    }
                    ctx.checkpoint(3);
                    if (!signal.await(latency ? (int) (2 * seq) : 0)) {
                        return;
                    }
                    if (latency) {
                        copyIn();
                        echoIn = seq;
                        if (ctx.isPaced()) {
                            // Slowed or stepped, the counters should show the echo now, not a message later.
                            check(echoIn, READER, WRITER);
                            echoIn = 0;
                        }
                    }
                    long now = System.nanoTime();
                    ctx.checkpoint(4);
                    if (seq > warmup) {
                        stats.recordLatency(latency ? (now - prev) / 2 : now - prev);
                    }
                    prev = now;
                    stats.publishIfDue(now);
                }
            } finally {
                if (echoIn != 0) {
                    check(echoIn, READER, WRITER);
                }
            }
            // Up to the last hand-off, as the C reference times it: the bookkeeping after it (the
            // first recordLatency and publish are still interpreted) is no part of the transfer.
            long measuredNanos = prev - measuredStart;
            data.putLong(MEASURED_COUNT_OFFSET, count);
            data.putLongRelease(MEASURED_NANOS_OFFSET, measuredNanos);
            report(measuredNanos);
        }

        /** The reader's loop; the checkpoints are the lines of {@code pseudoCode(READER)}. */
        void read() {
            ctx.out("Shared memory receiver ready.");
            warmUp();
            stats.state(ParticipantState.WAITING); // the writer starts once it sees this
            LinePrinter lines = new LinePrinter(ctx, false);
            long total = warmup + count;
            int echoChecksum = latency ? fill(1, READER, WRITER) : 0;
            for (long seq = 1; seq <= total; seq++) {
                if (!ctx.checkpoint(0)) {
                    return;
                }
                int expected = latency ? (int) (2 * seq - 1) : (int) seq;
                if (!signal.await(expected)) {
                    return;
                }
                if (seq == 1) {
                    stats.state(ParticipantState.RUNNING);
                }
                ctx.checkpoint(1);
                copyIn();
                char first = (char) in.get(ValueLayout.JAVA_BYTE, 0);
                ctx.checkpoint(2);
                if (latency) {
                    copyOut(seq, READER, WRITER, echoChecksum);
                    signal.publish((int) (2 * seq));
                } else {
                    signal.publish(0);
                }
                // After the release, while the writer goes on: check the copy, fill the next echo.
                check(seq, WRITER, READER);
                if (latency && seq < total) {
                    echoChecksum = fill(seq + 1, READER, WRITER);
                }
                // After the release too, unlike the seed: the writer does not wait while a line is printed.
                ctx.checkpoint(3);
                if ((seq & 63) == 1 || ctx.isPaced()) {
                    long now = System.nanoTime();
                    if (lines.due(now)) {
                        lines.print(receivedLine(first), now);
                    } else {
                        lines.skip();
                    }
                    stats.publishIfDue(now);
                }
            }
            lines.finish();
            ctx.out("Reader received " + stats.received + " messages (" + stats.bytesReceived + " bytes); "
                    + "lost " + stats.lost + ", duplicated " + stats.duplicated + ", corrupted " + stats.corrupted + ".");
        }

        /**
         * Runs the per-message code on this side's private buffer until it is compiled, and links
         * the line's string concatenation (bootstrapped on first use): a single cold message then
         * times the transfer through the slot's untouched pages, as the C reference does, not the
         * interpreter. The slot itself is not touched.
         */
        private void warmUp() {
            long words = Math.max(1, size / Checksums.STAMP_STRIDE);
            long rounds = Math.clamp(WARM_UP_WORDS / words, 20, 20_000);
            long header = Checksums.header(0, role, 1 - role, size);
            MemorySegment buffer = out != null ? out : in;
            for (long i = 0; i < rounds; i++) {
                Checksums.stamp(buffer, size, i);
                Checksums.stamped(header, buffer, size);
            }
            receivedLine('A');
        }

        private String receivedLine(char first) {
            return "Received " + size + " bytes. First char: " + first;
        }

        /** Whether the reader published that it waits for message 1 (or got further) within timeoutNanos. */
        private boolean readerReady(long timeoutNanos) {
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                boolean ready = ctx.lab().participant(READER).read()
                        .map(s -> s.state().ordinal() >= ParticipantState.WAITING.ordinal()).orElse(false);
                if (ready || System.nanoTime() - deadline > 0) {
                    return ready;
                }
                LockSupport.parkNanos(READY_POLL_NANOS);
            }
        }

        /** Fills the outgoing buffer for message seq and returns its checksum. */
        private int fill(long seq, int from, int to) {
            out.set(ValueLayout.JAVA_BYTE, 0, (byte) ('A' + (seq - 1) % 26));
            Checksums.stamp(out, size, seq);
            long header = Checksums.header(seq, from, to, size);
            return fullCheck ? Checksums.full(header, out, size) : Checksums.stamped(header, out, size);
        }

        /** Copies the outgoing buffer into the slot and writes the message header. */
        private void copyOut(long seq, int from, int to, int checksum) {
            MemorySegment.copy(out, 0, slot, 0, size);
            if (corruptEvery > 0 && role == WRITER && seq % corruptEvery == 0) {
                slot.set(ValueLayout.JAVA_BYTE, 0, (byte) ~slot.get(ValueLayout.JAVA_BYTE, 0));
            }
            data.putLong(HEADER_OFFSET, seq);
            data.putInt(HEADER_OFFSET + 8, from);
            data.putInt(HEADER_OFFSET + 12, to);
            data.putInt(HEADER_OFFSET + 16, size);
            data.putInt(HEADER_OFFSET + 20, checksum);
            stats.sent++;
            stats.bytesSent += size;
            stats.lastSeq = seq;
            if (role == from && (seq & 63) == 1 || ctx.isPaced()) {
                ctx.hop(seq, from, to, size);
            }
        }

        /**
         * Copies the slot and its header into this side's private copy, before the slot is handed
         * back; {@link #check} judges them after.
         */
        private void copyIn() {
            inSeq = data.getLong(HEADER_OFFSET);
            inFrom = data.getInt(HEADER_OFFSET + 8);
            inTo = data.getInt(HEADER_OFFSET + 12);
            inSize = data.getInt(HEADER_OFFSET + 16);
            inChecksum = data.getInt(HEADER_OFFSET + 20);
            MemorySegment.copy(slot, 0, in, 0, size);
        }

        /** Checks the private copy of the message expected as expectedSeq (sequence, direction, checksum) and counts it. */
        private void check(long expectedSeq, int from, int to) {
            long header = Checksums.header(inSeq, inFrom, inTo, inSize);
            int actual = fullCheck ? Checksums.full(header, in, size) : Checksums.stamped(header, in, size);
            if (inSeq == expectedSeq && actual == inChecksum && inFrom == from && inTo == to) {
                stats.received++;
                stats.bytesReceived += size;
            } else if (inSeq < expectedSeq) {
                stats.duplicated++;
            } else if (inSeq > expectedSeq) {
                stats.lost += inSeq - expectedSeq;
                stats.received++;
            } else {
                stats.corrupted++;
            }
            stats.lastSeq = inSeq;
        }

        private void report(long measuredNanos) {
            var h = stats.latencyHistogram();
            double meanMs = measuredNanos / 1e6 / Math.max(1, count) / (latency ? 2 : 1);
            if (latency) {
                ctx.out(String.format(Locale.ROOT, "Latency per message: %.6f ms", meanMs));
            } else {
                double mbPerS = (double) size * count / 1e6 / (measuredNanos / 1e9);
                ctx.out(String.format(Locale.ROOT, "Throughput: %.2f MB/s", mbPerS));
                ctx.out(String.format(Locale.ROOT, "Time per message: %.6f ms", meanMs));
            }
            ctx.out(String.format(Locale.ROOT, "%s of %d messages of %d bytes: p50 %.3f us, p90 %.3f us, p99 %.3f us, p99.9 %.3f us, max %.3f us",
                    latency ? "One-way latency" : "Hand-off time", count, size,
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3));
        }

        @Override
        public void close() {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new ShmlabException("could not close " + c + ": " + e.getMessage(), e);
                }
            }
            arena.close();
        }
    }
}
