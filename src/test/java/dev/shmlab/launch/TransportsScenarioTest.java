package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.TransportsScenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The transports scenario end to end: two real processes ping-pong, then stream, over each
 * transport, and every message is checked on arrival (both ways in the ping-pong).
 */
class TransportsScenarioTest {
    private static final Scenario TRANSPORTS = new TransportsScenario();
    private static final int COUNT = 300;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RunResult run(Map<String, String> given) {
        Map<String, String> params = new HashMap<>(Map.of("count", Integer.toString(COUNT), "warmup", "20ms", "duration", "10s"));
        params.putAll(given);
        return Runs.run(TRANSPORTS, params, lines);
    }

    private static long finding(RunResult r, String name) {
        return r.findings().stream().filter(f -> f.name().equals(name)).mapToLong(Scenario.Finding::value).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + name + " in " + r.findings()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shm-spin", "shm-futex", "shm-sem", "pipe", "uds", "tcp", "mq"})
    void everyMessageOfThePingPongAndTheStreamArrivesIntact(String transport) {
        RunResult r = run(Map.of("transport", transport, "size", "100"));

        assertThat(r.exitCode()).as(r.failures().toString()).isZero();
        ParticipantSnapshot writer = r.participants().get(0).last();
        ParticipantSnapshot reader = r.participants().get(1).last();
        long latencyRounds = finding(r, TransportsScenario.LATENCY_ROUNDS);
        long warmupRounds = writer.received() - latencyRounds;
        assertThat(latencyRounds).isEqualTo(COUNT);
        assertThat(finding(r, TransportsScenario.STREAM_MESSAGES)).isEqualTo(COUNT);
        assertThat(finding(r, TransportsScenario.STREAM_UNVERIFIED)).isZero();
        assertThat(writer.integrityFailures() + reader.integrityFailures()).isZero();
        assertThat(reader.received()).as("every request and every streamed message, warm-up included")
                .isEqualTo(writer.sent());
        assertThat(reader.sent()).as("one echo per request").isEqualTo(latencyRounds + warmupRounds);
        assertThat(finding(r, TransportsScenario.LATENCY_P50_NANOS)).isPositive();
        assertThat(finding(r, TransportsScenario.STREAM_BYTES_PER_SECOND)).isPositive();
    }

    @Test
    void largeMessagesWrapTheRingAndSplitIntoSeveralQueueMessages() {
        RunResult ring = run(Map.of("transport", "shm-futex", "mode", "stream", "size", "1M", "count", "12"));
        RunResult queue = run(Map.of("transport", "mq", "mode", "stream", "size", "100K", "count", "20"));

        assertThat(ring.exitCode()).as(ring.failures().toString()).isZero();
        assertThat(finding(ring, TransportsScenario.STREAM_UNVERIFIED)).isZero();
        assertThat(queue.exitCode()).as(queue.failures().toString()).isZero();
        assertThat(finding(queue, TransportsScenario.STREAM_UNVERIFIED)).isZero();
        assertThat(queue.participants().get(1).last().bytesReceived()).isEqualTo(queue.participants().get(0).last().bytesSent());
    }

    @Test
    void theSingleSlotStreamHandsEveryMessageOver() {
        RunResult r = run(Map.of("transport", "shm-sem", "mode", "stream", "stream", "slot", "size", "5000"));

        assertThat(r.exitCode()).as(r.failures().toString()).isZero();
        assertThat(finding(r, TransportsScenario.STREAM_MESSAGES)).isEqualTo(COUNT);
        assertThat(finding(r, TransportsScenario.STREAM_UNVERIFIED)).isZero();
    }

    @Test
    void messagesDamagedOnPurposeAreCountedAsCorrupted() {
        RunResult r = run(Map.of("transport", "pipe", "mode", "stream", "corrupt-every", "50", "warmup", "0"));

        assertThat(r.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(r.participants().get(1).last().corrupted()).isEqualTo(COUNT / 50);
        assertThat(finding(r, TransportsScenario.STREAM_UNVERIFIED)).isEqualTo(COUNT / 50);
    }

    @Test
    void theMessageQueuesAreGoneAfterTheRun() {
        RunResult r = run(Map.of("transport", "mq", "mode", "latency", "count", "10"));

        assertThat(r.exitCode()).isZero();
        Matcher m = Pattern.compile("queues (/\\S+) to the reader, (/\\S+) to the writer").matcher(String.join("\n", lines));
        assertThat(m.find()).as("the reader names its queues").isTrue();
        for (String queue : List.of(m.group(1), m.group(2))) {
            assertThatThrownBy(() -> Os.mqOpen(queue, Os.O_RDONLY, 0, 0, 0))
                    .isInstanceOfSatisfying(NativeException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        }
    }

    @Test
    void aSlotStreamOverAKernelTransportIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> TRANSPORTS.plan(ScenarioParams.of(TRANSPORTS.parameters(), Map.of("transport", "tcp", "stream", "slot"),
                TRANSPORTS.name()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("--stream slot");
    }
}
