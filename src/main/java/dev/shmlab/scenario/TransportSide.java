package dev.shmlab.scenario;

import static dev.shmlab.scenario.TransportsDescriptor.*;

import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;
import java.util.Locale;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;

/**
 * One side of a {@code transports} run. The writer runs the latency test (it sends, the reader
 * echoes, one-way = round trip / 2, as the C reference measures it) and then the stream test (it
 * sends as fast as the transport takes messages, the reader receives and checks them). Each test
 * warms up for a while first and is then measured up to a message count or a time cap. Every
 * message is checked on arrival — sequence, size, checksum — and the first and last message of
 * each test byte for byte.
 */
final class TransportSide implements AutoCloseable {
    static final int WRITER = 0;
    static final int READER = 1;
    /** Small messages check the clock and publish counters only every this many messages. */
    private static final int CLOCK_EVERY = 64;

    private final RoleContext ctx;
    private final boolean writer;
    private final SharedMemory data;
    private final ParticipantPublisher stats;
    private final TransportsScenario.Settings settings;
    private final WireMessage message;
    private final TransportLinks links;

    private TransportSide(RoleContext ctx, boolean writer, TransportsScenario.Settings settings, TransportLinks links) {
        this.ctx = ctx;
        this.writer = writer;
        this.data = ctx.data();
        this.stats = ctx.stats();
        this.settings = settings;
        this.message = new WireMessage(settings.sizeBytes());
        this.links = links;
    }

    /** Pins and publishes this thread, opens the links and runs the role; quietly returns on a stop. */
    static void run(RoleContext ctx, int role) {
        TransportsScenario.Settings settings = TransportsScenario.Settings.of(ctx.params());
        boolean writer = role == WRITER;
        settings.cpuFor(writer).ifPresent(Os::pinCurrentThread);
        ctx.data().putIntRelease(writer ? WRITER_TID_OFFSET : READER_TID_OFFSET, Os.gettid());
        PeerWatch peer = new PeerWatch(ctx, writer ? READER : WRITER, writer ? "the reader" : "the writer");
        TransportLinks links = TransportLinks.open(settings.transport(), writer, peer, settings.sizeBytes(), settings.ring());
        if (links == null) {
            return;
        }
        try (TransportSide side = new TransportSide(ctx, writer, settings, links)) {
            if (writer) {
                side.writer();
            } else {
                side.reader();
            }
        }
    }

    private void writer() {
        boolean going = !settings.latency() || latencyWriter();
        links.latencyDone();
        going = going && (!settings.stream() || streamWriter());
        if (going) {
            phase(Phase.DONE);
        }
    }

    private void reader() {
        ctx.out("Receiver ready on " + settings.describe() + TransportLinks.where(settings.transport(), data) + ".");
        boolean going = !settings.latency() || readUntilLast(links.echo(), LATENCY_FINAL_SEQ_OFFSET, true);
        links.latencyDone();
        going = going && (!settings.stream() || readUntilLast(links.stream(), STREAM_FINAL_SEQ_OFFSET, false));
        if (going && settings.stream()) {
            reportStream();
        }
        ctx.out("Reader received " + stats.received + " messages (" + stats.bytesReceived + " payload bytes); lost " + stats.lost
                + ", duplicated " + stats.duplicated + ", corrupted " + stats.corrupted + ".");
    }

    // ------------------------------------------------------------------ latency

    private boolean latencyWriter() {
        MessageLink link = links.echo();
        long seq = warmUp(Phase.LATENCY_WARMUP, 1, s -> roundTrip(link, s, false));
        if (seq < 0) {
            return false;
        }
        phase(Phase.LATENCY_MEASURED);
        long start = System.nanoTime();
        long prev = start;
        for (long measured = 1; ; measured++) {
            boolean last = measured == settings.count() || prev - start >= settings.durationNanos();
            if (last) {
                // Release: the reader learns that this is the last message before the message itself.
                data.putLongRelease(LATENCY_FINAL_SEQ_OFFSET, seq + 1);
            }
            if (!roundTrip(link, ++seq, last)) {
                return false;
            }
            long now = System.nanoTime();
            stats.recordLatency((now - prev) / 2);
            prev = now;
            if ((measured & (CLOCK_EVERY - 1)) == 0) {
                stats.publishIfDue(now);
            }
            if (last) {
                reportLatency(measured);
                return true;
            }
        }
    }

    /** Sends message seq and checks the echo that comes back. */
    private boolean roundTrip(MessageLink link, long seq, boolean last) {
        if (!ctx.checkpoint(0)) {
            return false;
        }
        send(link, seq, last);
        if (!ctx.checkpoint(1) || !link.receive(message.bytes(), message.lengthBytes())) {
            return false;
        }
        account(seq, READER, WRITER, seq == 1 || last);
        return true;
    }

    private void reportLatency(long rounds) {
        Histogram h = stats.latencyHistogram();
        ctx.out(String.format(Locale.ROOT, "%s, %d B: one-way latency p50 %.3f us, p99 %.3f us, p99.9 %.3f us, max %.3f us over %d round trips",
                settings.describe(), settings.sizeBytes(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, rounds));
    }

    // ------------------------------------------------------------------ stream

    private boolean streamWriter() {
        MessageLink link = links.stream();
        long seq = warmUp(Phase.STREAM_WARMUP, CLOCK_EVERY, s -> ctx.checkpoint(0) && send(link, s, false));
        if (seq < 0) {
            return false;
        }
        long start = System.nanoTime();
        data.putLong(STREAM_FIRST_MEASURED_SEQ_OFFSET, seq + 1);
        data.putLongRelease(STREAM_START_NANOS_OFFSET, start);
        phase(Phase.STREAM_MEASURED);
        boolean timeOver = false;
        for (long measured = 1; ; measured++) {
            boolean last = measured == settings.count() || timeOver;
            if (last) {
                data.putLongRelease(STREAM_FINAL_SEQ_OFFSET, seq + 1);
            }
            if (!ctx.checkpoint(0) || !send(link, ++seq, last)) {
                return false;
            }
            if (last) {
                return true;
            }
            if (settings.sizeBytes() >= 4096 || (measured & (CLOCK_EVERY - 1)) == 0) {
                long now = System.nanoTime();
                timeOver = now - start >= settings.durationNanos();
                stats.publishIfDue(now);
            }
        }
    }

    /** Receives until the message whose sequence the writer announced as the last; echoes when asked. */
    private boolean readUntilLast(MessageLink link, long finalSeqOffset, boolean echo) {
        long receivedBefore = stats.received;
        for (long seq = 1; ; seq++) {
            if (!ctx.checkpoint(1) || !link.receive(message.bytes(), message.lengthBytes())) {
                return false;
            }
            // Acquire: pairs with the writer's release before it sent its last message.
            boolean last = seq == data.getLongAcquire(finalSeqOffset);
            account(seq, WRITER, READER, seq == 1 || last);
            if (echo) {
                message.seal(message.seq(), READER, WRITER, seq == 1 || last);
                if (!ctx.checkpoint(2) || !link.send(message.bytes(), message.lengthBytes())) {
                    return false;
                }
                stats.sent++;
                stats.bytesSent += settings.sizeBytes();
            }
            if ((seq & (CLOCK_EVERY - 1)) == 0) {
                stats.publishIfDue(System.nanoTime());
            }
            if (last) {
                if (!echo) {
                    data.putLong(STREAM_VERIFIED_OFFSET, stats.received - receivedBefore);
                    data.putLongRelease(STREAM_END_NANOS_OFFSET, System.nanoTime());
                }
                return true;
            }
        }
    }

    private void reportStream() {
        long first = data.getLongAcquire(STREAM_FIRST_MEASURED_SEQ_OFFSET);
        long messages = data.getLongAcquire(STREAM_FINAL_SEQ_OFFSET) - first + 1;
        long nanos = data.getLongAcquire(STREAM_END_NANOS_OFFSET) - data.getLongAcquire(STREAM_START_NANOS_OFFSET);
        double seconds = nanos / 1e9;
        ctx.out(String.format(Locale.ROOT, "%s, %d B: stream %.0f messages/s, %.1f MB/s (%d messages in %.3f ms, %s)",
                settings.describe(), settings.sizeBytes(), messages / seconds, messages * (double) settings.sizeBytes() / 1e6 / seconds,
                messages, nanos / 1e6, settings.streamDescription()));
    }

    // ------------------------------------------------------------------ messages

    /**
     * Publishes the phase, then runs step(seq) for seq = 1, 2 … until the warm-up time has passed,
     * reading the clock every stepsPerClockRead steps; returns the last seq, or -1 when the run stops.
     */
    private long warmUp(Phase warmup, int stepsPerClockRead, LongPredicate step) {
        phase(warmup);
        long seq = 0;
        long end = System.nanoTime() + settings.warmupNanos();
        while (System.nanoTime() - end < 0) {
            for (int i = 0; i < stepsPerClockRead; i++) {
                if (!step.test(++seq)) {
                    return -1;
                }
            }
        }
        return seq;
    }

    /** Prepares message seq in the private buffer and sends it; counts it. */
    private boolean send(MessageLink link, long seq, boolean last) {
        message.prepare(seq, WRITER, READER, settings.fullCheck() || seq == 1 || last);
        if (settings.corruptEvery() > 0 && seq % settings.corruptEvery() == 0) {
            message.damage();
        }
        if (!link.send(message.bytes(), message.lengthBytes())) {
            return false;
        }
        stats.sent++;
        stats.bytesSent += settings.sizeBytes();
        stats.lastSeq = seq;
        if ((seq & 63) == 1 || ctx.isPaced()) {
            ctx.hop(seq, WRITER, READER, settings.sizeBytes());
        }
        return true;
    }

    /** Checks the message just received against the sequence and direction expected, and counts it. */
    private void account(long expectedSeq, int from, int to, boolean byteForByte) {
        switch (message.check(expectedSeq, from, to, settings.fullCheck() || byteForByte)) {
            case INTACT -> {
                stats.received++;
                stats.bytesReceived += settings.sizeBytes();
            }
            case DUPLICATE -> stats.duplicated++;
            case GAP -> {
                stats.lost += message.seq() - expectedSeq;
                stats.received++;
            }
            case CORRUPT -> stats.corrupted++;
        }
        stats.lastSeq = message.seq();
    }

    private void phase(Phase phase) {
        data.putIntRelease(PHASE_OFFSET, phase.ordinal());
    }

    @Override
    public void close() {
        links.close();
    }
}
