package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.os.Os;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A participant killed mid-run ends the run quickly, names the dead, and leaves nothing behind. */
class ParticipantDeathTest {

    @Test
    void killingAClientWithSigkillEndsTheRunWithinThreeSecondsAndCleansUp() throws Exception {
        Scenario s = Catalog.byName("round-robin");
        ScenarioParams params = ScenarioParams.of(s.parameters(), Map.of("messages", "10000000"), s.name());
        RunResult result;
        long killedAt;
        java.util.Set<Long> pids = new java.util.HashSet<>(java.util.Set.of(ProcessHandle.current().pid()));
        try (Run run = Run.start(s, params, RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            for (int i = 0; i < run.plan().participants().size(); i++) {
                pids.add(run.pid(i));
            }
            awaitTraffic(run);
            killedAt = System.nanoTime();
            assertThat(Os.kill((int) run.pid(1), Os.SIGKILL)).isTrue();
            result = run.await();
        }
        Duration toEnd = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(toEnd).isLessThan(Duration.ofSeconds(3));
        assertThat(result.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(result.failures()).anyMatch(f -> f.startsWith("participant client-2 (pid ") && f.endsWith("died: killed by SIGKILL"));
        dev.shmlab.testing.RunLeftovers.assertNoneLeftBy(pids);
    }

    private static void awaitTraffic(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (run.lab().participant(1).read().map(p -> p.received()).orElse(0L) < 10) {
            assertThat(System.nanoTime()).as("client-2 received nothing within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
