package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.scenario.Catalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every scenario of the engine runs end to end with real participant processes. */
class ScenarioRunsTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RunResult run(String scenario, Map<String, String> params) {
        return Runs.run(Catalog.byName(scenario), params, lines);
    }

    @Test
    void pingPongLatencyDeliversEveryMessageBothWays() {
        RunResult r = run("ping-pong", Map.of("count", "2000", "size", "64", "warmup", "100"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.total(ParticipantSnapshot::received)).isEqualTo(2 * 2100);
        assertThat(lines).anyMatch(l -> l.startsWith("[writer] Latency per message: "));
        assertThat(lines).anyMatch(l -> l.equals("[reader] Received 64 bytes. First char: A"));
    }

    @Test
    void handshakePrintsTheSeedsLines() {
        RunResult r = run("handshake", Map.of());
        assertThat(r.exitCode()).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("[P1] [P1] Wrote: counter=5, message=\"Message #5 from Writer Process (PID: "));
        assertThat(lines).contains("[P2] [P2] Total messages read: 5");
    }

    @Test
    void roundRobinRoutesEveryMessage() {
        RunResult r = run("round-robin", Map.of());
        assertThat(r.exitCode()).isZero();
        assertThat(r.total(ParticipantSnapshot::sent)).isEqualTo(90);
        assertThat(r.total(ParticipantSnapshot::received)).isEqualTo(90);
        assertThat(lines).contains("[client-1] Client 1 has received a message from client 3:");
    }

    @Test
    void raceWithoutSynchronisationCountsTheDamage() {
        RunResult r = run("race", Map.of("sync", "none"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.findings()).anyMatch(f -> f.bad());
    }

    @Test
    void raceWithTheSemaphoreLosesNothing() {
        RunResult r = run("race", Map.of("messages", "500"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.integrityHeld()).isTrue();
        assertThat(r.total(ParticipantSnapshot::received)).isEqualTo(4 * 500);
    }

    @Test
    void aMessageDamagedOnPurposeIsCountedAsCorrupted() {
        RunResult r = run("ping-pong", Map.of("count", "100", "warmup", "0", "corrupt-every", "10", "mode", "throughput"));
        assertThat(r.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(r.total(ParticipantSnapshot::corrupted)).isEqualTo(10);
        assertThat(r.total(ParticipantSnapshot::received)).isEqualTo(90);
    }

    @Test
    void roundRobinCountsDamagedMessagesPerReceiver() {
        RunResult r = run("round-robin", Map.of("messages", "20", "corrupt-every", "5"));
        assertThat(r.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(r.total(ParticipantSnapshot::corrupted)).isEqualTo(3 * 4);
    }
}
