package dev.shmlab.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.testing.Participants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The explanation of a real run, driven step by step: two race clients with the named semaphore,
 * one made to hold it while the other blocks in sem_wait. The sentences come from what the monitor
 * samples out of the segment and the kernel semaphore, not from a script of the scenario.
 */
class ExplainerRunTest {
    private static final String HELD_FOR = "(less than a millisecond|\\d+ ms|\\d+\\.\\d s)";

    @Test
    void aPausedRunExplainsWhoHoldsTheSemaphoreAndWhoWaitsForIt() throws InterruptedException {
        Scenario race = Catalog.byName("race");
        ScenarioParams params = ScenarioParams.of(race.parameters(), Map.of("clients", "2", "messages", "3"), race.name());
        Explainer explainer = new Explainer(PseudoCode.of(race, params));
        try (Run run = Run.start(race, params, RunOptions.defaults().withStartPaused(true).withTimeout(Duration.ofSeconds(60)),
                (i, name, line, error) -> { });
             Monitor monitor = Monitor.of(run.lab(), run.segment().address().display(), Monitor.DEFAULT_INTERVAL)) {
            Participants.awaitPausedOn(run, 0, 0);
            Participants.awaitPausedOn(run, 1, 0);
            assertThat(explain(explainer, monitor)).containsExactly(
                    "The run is paused: press Step to let every participant take one step.",
                    "client-1 is paused before line 1: sem_wait(sem);  /* skipped when synchronisation is off */",
                    "client-2 is paused before line 1: sem_wait(sem);  /* skipped when synchronisation is off */");

            run.lab().participant(0).grantStep();
            Participants.awaitPausedOn(run, 0, 1);
            run.lab().participant(1).grantStep();
            Participants.await(run, 1, s -> s.state() == ParticipantState.WAITING, "client-2 blocked in sem_wait");
            List<String> blocked = explain(explainer, monitor);
            assertThat(blocked.get(1)).isEqualTo("client-1 is paused, holding semName, before line 2: if (!slot_full) {");
            assertThat(blocked.get(2)).matches("client-2 is waiting in sem_wait on semName: its value is 0 because client-1 has held it for "
                    + HELD_FOR + " and is paused\\.");

            stepUntilBackOnTheFirstLine(run);
            Participants.awaitPausedOn(run, 1, 1);
            assertThat(explain(explainer, monitor)).containsExactly(
                    "The run is paused: press Step to let every participant take one step.",
                    "client-1 is paused before line 1: sem_wait(sem);  /* skipped when synchronisation is off */",
                    "client-2 is paused, holding semName, before line 2: if (!slot_full) {");
        }
    }

    /** Steps client-1 through its critical section until it has posted the semaphore and is back at sem_wait. */
    private static void stepUntilBackOnTheFirstLine(Run run) throws InterruptedException {
        for (int grants = 0; grants < 10; grants++) {
            long taken = Participants.snapshot(run, 0).stepsTaken();
            run.lab().participant(0).grantStep();
            var s = Participants.await(run, 0, p -> p.stepsTaken() > taken && p.state() == ParticipantState.PAUSED, "client-1 to take a step");
            if (s.step() == 0) {
                return;
            }
        }
        throw new AssertionError("client-1 did not come back to sem_wait within 10 steps");
    }

    private static List<String> explain(Explainer explainer, Monitor monitor) {
        return explainer.explain(monitor.sample()).stream().map(Explainer.Sentence::text).toList();
    }
}
