package dev.shmlab.monitor;

import static dev.shmlab.layout.ParticipantState.*;
import static dev.shmlab.monitor.Snapshots.participant;
import static dev.shmlab.monitor.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.ShmlabException;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording format with hand-built snapshots: what goes in comes out, thinned sensibly, and damage is handled. */
class RecordingTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void snapshotsAndHopsComeBackExactlyAsRecorded() {
        List<LabSnapshot> recorded = List.of(
                snapshot().at(at(0)).with(participant(0, "client-1", STARTING, 0, -1)).build(),
                snapshot().at(at(30)).with(participant(0, "client-1", WAITING, 2, 0))
                        .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, -1, 0, List.of(0))
                        .event(new MessageEvent(0, at(25), 1, 0, 1, 1040)).event(new MessageEvent(1, at(28), 2, 1, 0, 1040)).build(),
                snapshot().at(at(60)).command(ControlBlock.Command.PAUSE).pace(200 * MS)
                        .with(participant(0, "client-1", PAUSED, 3, -1)).build());

        Replay replay = record(recorded, 20 * MS);

        assertThat(replay.snapshots()).containsExactlyElementsOf(recorded);
        assertThat(replay.hops()).containsExactlyElementsOf(recorded.get(1).events());
        assertThat(replay.durationNanos()).isEqualTo(60 * MS);
        assertThat(replay.end()).contains(new Recording.End(3, 2, 0, 0));
        assertThat(replay.header()).usingRecursiveComparison().isEqualTo(header(20 * MS));
    }

    @Test
    void atFullSpeedOneSnapshotPerIntervalIsKeptButEveryHop() {
        List<LabSnapshot> flickering = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            ParticipantState state = i % 2 == 0 ? CRITICAL : WAITING;
            flickering.add(snapshot().at(at(5L * i)).with(participant(0, "client-1", state, i % 9, i % 2 == 0 ? -1 : 0))
                    .event(new MessageEvent(i, at(5L * i) - 1, i, 0, 1, 8)).build());
        }

        Replay replay = record(flickering, 20 * MS);

        assertThat(replay.snapshots()).extracting(LabSnapshot::timeNanos).hasSize(26).startsWith(at(0)).endsWith(at(500));
        assertThat(replay.at(replay.durationNanos()).participants()).isEqualTo(flickering.getLast().participants());
        assertThat(replay.hops()).hasSize(101);
        assertThat(replay.at(replay.durationNanos()).events()).as("the hops since the previous kept snapshot")
                .extracting(MessageEvent::index).containsExactly(97L, 98L, 99L, 100L);
    }

    @Test
    void whilePausedEveryStepIsKept() {
        List<LabSnapshot> stepping = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stepping.add(snapshot().at(at(i)).command(ControlBlock.Command.PAUSE).with(participant(0, "client-1", PAUSED, i, -1)).build());
        }

        assertThat(record(stepping, 20 * MS).snapshots()).containsExactlyElementsOf(stepping);
    }

    @Test
    void aRecordingCutShortReplaysUpToTheCut() throws IOException {
        List<LabSnapshot> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(snapshot().at(at(i * 20L)).with(Snapshots.counters(0, "client-" + i, RUNNING, 0, -1, i, i)).build());
        }
        Path whole = dir.resolve("whole" + Recording.FILE_SUFFIX);
        write(whole, many, 20 * MS);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut" + Recording.FILE_SUFFIX);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        Replay replay = Replay.open(cut);

        assertThat(replay.end()).isEmpty();
        assertThat(replay.snapshots()).hasSizeBetween(100, 2999);
        assertThat(replay.snapshots()).containsExactlyElementsOf(many.subList(0, replay.snapshots().size()));
    }

    @Test
    void aFileThatIsNotARecordingIsRefusedWithAMessage() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        Path otherJson = dir.resolve("other.gz");
        gzip(otherJson, "{\"type\":\"header\",\"format\":\"something-else\"}\n");
        Path newer = dir.resolve("newer.gz");
        gzip(newer, "{\"type\":\"header\",\"format\":\"shmlab-recording\",\"version\":99}\n");
        Path empty = dir.resolve("empty.gz");
        gzip(empty, "");

        assertThatThrownBy(() -> Replay.open(text)).isInstanceOf(ShmlabException.class).hasMessageEndingWith("is not a shmlab recording (not gzip-compressed)");
        assertThatThrownBy(() -> Replay.open(otherJson)).hasMessage("not a shmlab recording: its first line is not a shmlab-recording header");
        assertThatThrownBy(() -> Replay.open(newer)).hasMessage("a recording of format version 99; this shmlab reads version 1");
        assertThatThrownBy(() -> Replay.open(empty)).hasMessageEndingWith("is empty, not a shmlab recording");
        assertThatThrownBy(() -> Replay.open(dir.resolve("missing.gz"))).hasMessageStartingWith("no recording at ");
    }

    @Test
    void thePlayerFollowsItsClockAtItsSpeedAndPausesAtTheEnd() {
        List<LabSnapshot> recorded = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            recorded.add(snapshot().at(at(100L * i)).with(Snapshots.counters(0, "writer", RUNNING, 0, -1, i, 0))
                    .event(new MessageEvent(i, at(100L * i) - 1, i, 0, 1, 64)).build());
        }
        AtomicLong clock = new AtomicLong(5_000 * MS);
        ReplayPlayer player = new ReplayPlayer(record(recorded, MS), clock::get);

        ReplayPlayer.Frame start = player.poll();
        assertThat(start.snapshot().totalSent()).as("paused at the start").isZero();
        assertThat(start.events()).as("the hop read with the first snapshot").extracting(MessageEvent::index).containsExactly(0L);
        player.speed(2);
        player.play();
        clock.addAndGet(150 * MS);
        ReplayPlayer.Frame frame = player.poll();
        assertThat(frame.positionNanos()).isEqualTo(300 * MS);
        assertThat(frame.snapshot().totalSent()).isEqualTo(3);
        assertThat(frame.events()).extracting(MessageEvent::index).containsExactly(1L, 2L, 3L);
        assertThat(player.poll().events()).as("each hop once").isEmpty();

        player.pause();
        clock.addAndGet(1_000 * MS);
        assertThat(player.poll().positionNanos()).isEqualTo(300 * MS);

        player.seek(750 * MS);
        player.play();
        clock.addAndGet(100 * MS);
        frame = player.poll();
        assertThat(frame.snapshot().totalSent()).isEqualTo(9);
        assertThat(frame.events()).as("hops skipped over by the seek are not replayed").extracting(MessageEvent::index).containsExactly(8L, 9L);

        clock.addAndGet(10_000 * MS);
        frame = player.poll();
        assertThat(frame.atEnd()).isTrue();
        assertThat(frame.playing()).isFalse();
        assertThat(frame.snapshot().totalSent()).isEqualTo(10);
        player.play();
        assertThat(player.poll().positionNanos()).as("play at the end starts over").isZero();
    }

    @Test
    void aHistoryKeepsOnePerIntervalAndEndsWithTheNewest() {
        SnapshotHistory history = new SnapshotHistory(java.time.Duration.ofMillis(100), 3);
        for (int i = 0; i <= 50; i++) {
            history.accept(snapshot().at(at(10L * i)).with(Snapshots.counters(0, "writer", RUNNING, 0, -1, i, 0)).build());
        }
        history.accept(snapshot().at(at(505)).with(Snapshots.counters(0, "writer", RUNNING, 0, -1, 51, 0)).build());

        assertThat(history.snapshots()).extracting(LabSnapshot::totalSent).containsExactly(30L, 40L, 50L, 51L);
    }

    @Test
    void theCsvQuotesANameWithACommaAndLeavesLatencyEmptyWithoutSamples() throws IOException {
        StringBuilder csv = new StringBuilder();
        Export.metricsCsv(List.of(
                snapshot().at(at(0)).with(Snapshots.counters(0, "odd, \"name\"", RUNNING, 1, -1, 0, 0)).build(),
                snapshot().at(at(500)).rate(20).with(Snapshots.counters(0, "odd, \"name\"", DONE, 2, -1, 10, 0)).build()), List.of(), csv);

        List<Map<String, String>> rows = Csv.parse(csv.toString());
        assertThat(csv.toString()).startsWith(Export.CSV_HEADER + "\n");
        assertThat(rows).extracting(r -> r.get("participant")).containsOnly("odd, \"name\"");
        assertThat(rows.get(1)).containsEntry("time_s", "0.500000").containsEntry("sent", "10").containsEntry("sent_per_s", "20.0")
                .containsEntry("state", "done").containsEntry("p50_us", "").containsEntry("run_messages_per_s", "20.0");
    }

    private Replay record(List<LabSnapshot> snapshots, long intervalNanos) {
        Path file = dir.resolve("run-" + System.nanoTime() + Recording.FILE_SUFFIX);
        write(file, snapshots, intervalNanos);
        return Replay.open(file);
    }

    private static void write(Path file, List<LabSnapshot> snapshots, long intervalNanos) {
        try (Recorder recorder = Recorder.create(file, header(intervalNanos))) {
            snapshots.forEach(recorder);
        }
    }

    private static Recording.Header header(long intervalNanos) {
        return new Recording.Header(Recording.VERSION, "round-robin", Map.of("clients", 3L, "print-all", false, "sync", "none"),
                List.of("client-1"), new PseudoCode(Map.of(0, List.of("a;", "b;"))), Instant.parse("2026-11-23T17:00:00Z"), "/shmlab-test",
                intervalNanos);
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long at(long millis) {
        return Snapshots.NOW_NANOS + millis * MS;
    }
}
