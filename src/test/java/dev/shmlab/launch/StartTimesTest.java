package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.testing.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run says when its participants were running only if every one of them got there; a
 * participant starts without starting other processes.
 */
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

    @Test
    void aParticipantRunsNoOtherProgram(@TempDir Path dir) throws IOException {
        assumeThat(Programs.runs("strace", "-V")).as("strace is not installed: the check of what a participant runs is skipped").isTrue();
        // The reader's own command under strace, which writes down every program its process tree runs
        // (-D: strace is not the reader's parent, so the reader still sees this process as its parent).
        Path trace = dir.resolve("execve.txt");
        List<String> own = ParticipantCommand.forParticipant("posix:/unused", 1, true);
        List<String> traced = new ArrayList<>(List.of("strace", "-D", "-f", "-qq", "-e", "trace=execve", "-e", "signal=none", "-o", trace.toString()));
        traced.addAll(own.subList(0, own.size() - 3));

        // Round-robin's clients use a named semaphore, and so load libc through JNA.
        Scenario roundRobin = Catalog.byName("round-robin");
        RunResult r;
        try (Run run = Run.start(roundRobin, ScenarioParams.of(roundRobin.parameters(), Map.of("messages", "2"), "round-robin"),
                RunOptions.defaults().withParticipantProgram(1, traced).withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            r = run.await();
        }

        assertThat(r.exitCode()).as(String.join("; ", r.failures())).isZero();
        List<String> programs = Files.readAllLines(trace).stream().filter(l -> l.contains("execve(") && !l.contains("ENOENT")).toList();
        // Only the participant's java; JNA would run ldconfig -p had it not been told where libc is.
        assertThat(programs).hasSize(1).allSatisfy(l -> assertThat(l).contains("execve(\"" + own.getFirst() + "\""));
    }

    private static RunResult run(RunOptions options) {
        try (Run run = Run.start(PING_PONG, ScenarioParams.of(PING_PONG.parameters(), Map.of("count", "50"), "ping-pong"),
                options.withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            return run.await();
        }
    }
}
