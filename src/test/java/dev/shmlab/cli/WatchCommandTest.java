package dev.shmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.launch.RunResult;
import dev.shmlab.testing.ScenarioRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code shmlab watch} against a real round-robin run: the table names the scenario and every
 * participant with its counters, the counters move between two tables, and the run itself is not
 * disturbed (no failure, every message accounted for).
 */
class WatchCommandTest {
    private final ScenarioRun runs = new ScenarioRun();

    @Test
    void oneTableShowsTheScenarioAndEveryParticipantAtOnce() {
        try (Run run = runs.start("round-robin", Map.of("clients", "3", "messages", "10000000"), RunOptions.defaults())) {
            Cli.Run watch = Cli.shmlab("watch", run.segment().address().display(), "--count", "1");

            assertThat(watch.exitCode()).as(watch.err()).isZero();
            assertThat(watch.out()).contains("round-robin  " + run.segment().address().display());
            assertThat(participantRows(watch.stdout())).hasSize(3);
            assertThat(watch.out()).contains("named semaphore semName");
            run.requestStop();
            assertThat(run.await().failures()).isEmpty();
        }
    }

    @Test
    void theCountersRiseFromOneTableToTheNextWithoutDisturbingTheRun() {
        try (Run run = runs.start("round-robin", Map.of("clients", "2", "messages", "10000000"), RunOptions.defaults())) {
            Cli.Run watch = Cli.shmlab("watch", run.segment().address().display(), "--count", "2", "--interval", "500ms");

            assertThat(watch.exitCode()).as(watch.err()).isZero();
            List<String[]> rows = participantRows(watch.stdout());
            assertThat(rows).hasSize(4);
            long firstSent = Long.parseLong(rows.get(0)[4]);
            long laterSent = Long.parseLong(rows.get(2)[4]);
            assertThat(laterSent).as("client-1's sent, half a second later").isGreaterThan(firstSent);
            run.requestStop();
            RunResult result = runs.report(run.await());
            assertThat(result.failures()).as("a watched run's failures").isEmpty();
            assertThat(result.integrityHeld()).isTrue();
        }
    }

    /** The participant rows of every table printed, split into cells. */
    private static List<String[]> participantRows(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("client-")).map(l -> l.strip().split("\\s+")).toList();
    }
}
