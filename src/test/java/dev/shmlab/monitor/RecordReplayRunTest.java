package dev.shmlab.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.launch.ParticipantOutcome;
import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunResult;
import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.MessageEvent;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run recorded through a monitor and replayed from the file alone: the replay ends with the
 * counters the run ended with, seeking answers for any moment, and the exports parse.
 */
class RecordReplayRunTest {
    @TempDir
    static Path dir;
    static Path file;
    static RunResult result;
    static Replay replay;

    @BeforeAll
    static void recordARoundRobinRun() {
        Scenario scenario = Catalog.byName("round-robin");
        ScenarioParams params = ScenarioParams.of(scenario.parameters(), Map.of("clients", "3", "messages", "40"), scenario.name());
        file = dir.resolve("round-robin" + Recording.FILE_SUFFIX);
        try (Run run = Run.start(scenario, params, RunOptions.defaults().withStartPaused(true).withTimeout(Duration.ofSeconds(60)),
                (i, name, line, error) -> { });
             Monitor monitor = Monitor.open(run.segment().address(), Monitor.DEFAULT_INTERVAL, false)) {
            Recorder recorder = Recorder.create(file, Recording.Header.of(scenario, params, run.segment().address().display(),
                    Recorder.DEFAULT_INTERVAL.toNanos()));
            monitor.addListener(recorder);
            monitor.start();
            run.control().setCommand(ControlBlock.Command.RUN);
            result = run.await();
            monitor.stop();
            recorder.accept(monitor.sample());
            recorder.close();
        }
        replay = Replay.open(file);
    }

    @Test
    void theReplayEndsWithTheCountersTheRunEndedWith() {
        assertThat(result.exitCode()).isZero();
        LabSnapshot last = replay.at(replay.durationNanos());
        assertThat(last.allFinished()).isTrue();
        assertThat(last.participants()).hasSameSizeAs(result.participants());
        for (int i = 0; i < result.participants().size(); i++) {
            ParticipantSnapshot run = result.participants().get(i).last();
            ParticipantSnapshot replayed = last.participants().get(i);
            assertThat(replayed).usingRecursiveComparison().comparingOnlyFields("name", "state", "sent", "received", "bytesSent",
                    "bytesReceived", "lost", "duplicated", "corrupted", "latencyCount", "p50Nanos", "p99Nanos").isEqualTo(run);
        }
        assertThat(last.totalSent()).isEqualTo(120);
        assertThat(result.participants()).extracting(ParticipantOutcome::exit).containsOnly("finished");
    }

    @Test
    void theHeaderCarriesTheScenarioItsParametersAndItsPseudoCode() {
        Recording.Header h = replay.header();
        assertThat(h.scenario()).isEqualTo("round-robin");
        assertThat(h.parameters()).containsEntry("clients", 3L).containsEntry("messages", 40L).containsEntry("print-all", false);
        assertThat(h.participants()).containsExactly("client-1", "client-2", "client-3");
        assertThat(h.pseudoCode().lines(0)).isEqualTo(Catalog.byName("round-robin").pseudoCode(0));
        assertThat(replay.end()).hasValueSatisfying(end -> {
            assertThat(end.snapshots()).isEqualTo(replay.snapshots().size());
            assertThat(end.hops()).isEqualTo(replay.hops().size()).isPositive();
            assertThat(end.droppedSnapshots() + end.droppedHops()).isZero();
        });
    }

    @Test
    void seekingShowsTheRunAsItWasThen() {
        long previousSent = -1;
        for (int tenth = 0; tenth <= 10; tenth++) {
            LabSnapshot s = replay.at(replay.durationNanos() * tenth / 10);
            assertThat(s.totalSent()).as("sent at %d/10 of the recording", tenth).isGreaterThanOrEqualTo(previousSent);
            previousSent = s.totalSent();
        }
        assertThat(replay.at(0).totalSent()).isZero();
        assertThat(replay.at(-5)).isSameAs(replay.snapshots().getFirst());
        assertThat(replay.at(Long.MAX_VALUE / 2)).isSameAs(replay.snapshots().getLast());
        LabSnapshot middle = replay.snapshots().get(replay.snapshots().size() / 2);
        assertThat(replay.at(middle.timeNanos() - replay.startNanos())).isSameAs(middle);
        assertThat(replay.snapshots()).anyMatch(s -> s.participants().stream().anyMatch(p -> p.state() == ParticipantState.STARTING));
    }

    @Test
    void theHopsBetweenTwoTimesAreThoseThatHappenedThen() {
        long half = replay.durationNanos() / 2;
        List<MessageEvent> first = replay.eventsBetween(Long.MIN_VALUE / 4, half);
        List<MessageEvent> second = replay.eventsBetween(half, replay.durationNanos());
        assertThat(first.size() + second.size()).isEqualTo(replay.hops().size());
        assertThat(first).allMatch(e -> e.timeNanos() - replay.startNanos() <= half);
        assertThat(second).allMatch(e -> e.timeNanos() - replay.startNanos() > half);
        assertThat(replay.hops()).allMatch(e -> e.from() >= 0 && e.from() < 3 && e.to() >= 0 && e.to() < 3 && e.from() != e.to());
    }

    @Test
    void theMetricsCsvParsesAndEndsWithTheFinalCounters() throws IOException {
        Path csv = dir.resolve("metrics.csv");
        Export.writeMetricsCsv(replay, csv);

        List<Map<String, String>> rows = Csv.read(csv);
        assertThat(rows).hasSize(replay.snapshots().size() * 3);
        List<Map<String, String>> lastRows = rows.subList(rows.size() - 3, rows.size());
        assertThat(lastRows).extracting(r -> r.get("participant")).containsExactly("client-1", "client-2", "client-3");
        for (int i = 0; i < 3; i++) {
            ParticipantSnapshot p = result.participants().get(i).last();
            assertThat(Long.parseLong(lastRows.get(i).get("sent"))).isEqualTo(p.sent());
            assertThat(Long.parseLong(lastRows.get(i).get("received"))).isEqualTo(p.received());
            assertThat(lastRows.get(i).get("state")).isEqualTo("done");
        }
        assertThat(rows).extracting(r -> r.get("participant")).containsOnly("client-1", "client-2", "client-3");
        assertThat(rows).allSatisfy(r -> {
            assertThat(Double.parseDouble(r.get("time_s"))).isBetween(0.0, replay.durationNanos() / 1e9 + 1e-6);
            assertThat(Double.parseDouble(r.get("sent_per_s"))).isNotNegative();
        });
    }

    @Test
    void theSummaryJsonOfTheReplayHasTheRunsTotals() throws IOException {
        Path json = dir.resolve("summary.json");
        Export.writeSummaryJson(replay, json);

        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertThat(root.get("scenario").asText()).isEqualTo("round-robin");
        assertThat(root.get("totals").get("sent").asLong()).isEqualTo(result.total(ParticipantSnapshot::sent));
        assertThat(root.get("totals").get("received").asLong()).isEqualTo(result.total(ParticipantSnapshot::received));
        assertThat(root.get("participants")).hasSize(3);
    }
}
