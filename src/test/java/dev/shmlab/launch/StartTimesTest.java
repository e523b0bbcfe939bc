package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run says when its participants were running only if every one of them got there. */
class StartTimesTest {
    private static final Scenario PING_PONG = Catalog.byName("ping-pong");

    @Test
    void aRunWhoseParticipantsAllRanSaysWhenTheSlowestDid() {
        RunResult r = run(RunOptions.defaults());

        assertThat(r.exitCode()).as(String.join("; ", r.failures())).isZero();
        assertThat(r.slowestStart()).hasValueSatisfying(d -> assertThat(d).isPositive()
                .isEqualTo(r.participants().stream().map(ParticipantOutcome::runningAfter).max(Duration::compareTo).orElseThrow()));
        assertThat(RunReport.table(r)).contains("participants running after: " + r.slowestStart().orElseThrow().toMillis() + " ms (slowest)");
    }

    @Test
    void aParticipantThatNeverRanLeavesTheStartTimeUnsaid() {
        RunResult r = run(RunOptions.defaults().withParticipantProgram(1, List.of("/bin/false")));

        assertThat(r.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(r.participants().get(1).runningAfter()).isZero();
        assertThat(r.slowestStart()).isEmpty();
        assertThat(RunReport.table(r)).contains("participants running after: not every participant got there");
    }

    private static RunResult run(RunOptions options) {
        try (Run run = Run.start(PING_PONG, ScenarioParams.of(PING_PONG.parameters(), Map.of("count", "50"), "ping-pong"),
                options.withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            return run.await();
        }
    }
}
