package dev.shmlab.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.os.ProcStat;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.testing.Participants;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sampling thread looks at a participant's process at most every 50 ms; a snapshot asked for
 * from outside ({@link Monitor#sample()}, e.g. the final one of a run) looks afresh. A participant
 * stopped by SIGSTOP is STOPPED in the very next such snapshot, while the thread keeps sampling.
 */
class MonitorProcessLookTest {
    @Test
    void aSnapshotAskedForLooksAtTheProcessesAfresh() throws Exception {
        Scenario race = Catalog.byName("race");
        ScenarioParams params = ScenarioParams.of(race.parameters(), Map.of("clients", "2", "messages", "3"), race.name());
        try (Run run = Run.start(race, params, RunOptions.defaults().withStartPaused(true).withTimeout(Duration.ofSeconds(60)),
                (i, name, line, error) -> { });
             Monitor monitor = Monitor.of(run.lab(), run.segment().address().display(), Duration.ofMillis(1)).start()) {
            ParticipantSnapshot paused = Participants.awaitPausedOn(run, 0, 0);
            awaitSampled(monitor, ParticipantState.PAUSED);
            for (int round = 0; round < 5; round++) {
                signal("STOP", paused.pid());
                try {
                    assertThat(monitor.sample().participants().getFirst().state()).as("right after SIGSTOP, round " + round)
                            .isEqualTo(ParticipantState.STOPPED);
                } finally {
                    signal("CONT", paused.pid());
                }
                assertThat(monitor.sample().participants().getFirst().state()).as("right after SIGCONT, round " + round)
                        .isEqualTo(ParticipantState.PAUSED);
                // Let the sampling thread take a look of its own before the next round.
                Thread.sleep(20);
            }
        }
    }

    private static void awaitSampled(Monitor monitor, ParticipantState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            LabSnapshot s = monitor.latest();
            if (s != null && s.participants().getFirst().state() == state) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the sampling thread never saw client-1 " + state);
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
        assertThat(kill.waitFor()).as("kill -" + name).isZero();
        // SIGSTOP and SIGCONT take effect when delivered, which kill(2) does not wait for.
        boolean stop = name.equals("STOP");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline && ProcStat.read(pid).map(ProcStat::stopped).orElse(false) != stop) {
            Thread.sleep(1);
        }
    }
}
