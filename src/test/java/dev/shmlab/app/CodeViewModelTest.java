package dev.shmlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.LabSnapshot;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which line the code view highlights for a snapshot, without a window: only steps the participants really published. */
class CodeViewModelTest {
    private final CodeViewModel model = new CodeViewModel();

    @BeforeEach
    void twoRoundRobinClients() {
        Scenario s = Catalog.byName("round-robin");
        model.show(s, s.plan(ScenarioParams.of(s.parameters(), Map.of("clients", "2"), s.name())));
    }

    @Test
    void everyParticipantGetsItsRolesListing() {
        assertThat(model.listings()).extracting(CodeListing::name).containsExactly("client-1", "client-2");
        assertThat(model.listings().getFirst().lines()).contains("sem_wait(sem);  /* enter the critical section */");
    }

    @Test
    void atFullSpeedNoLineIsHighlighted() {
        model.update(snapshot(ControlBlock.Command.RUN, 0, p(0, ParticipantState.RUNNING, 3, 500), p(1, ParticipantState.RUNNING, 1, 500)));

        assertThat(highlights()).containsExactly(-1, -1);
        assertThat(model.captionProperty().get()).startsWith("At full speed");
    }

    @Test
    void pausedParticipantsShowTheStepTheyPublished() {
        model.update(snapshot(ControlBlock.Command.PAUSE, 0, p(0, ParticipantState.PAUSED, 4, 500), p(1, ParticipantState.PAUSED, 1, 300)));

        assertThat(highlights()).containsExactly(4, 1);
    }

    @Test
    void aParticipantBlockedSinceBeforeThePauseGetsNoHighlightUntilItMoves() {
        model.update(snapshot(ControlBlock.Command.RUN, 0, p(0, ParticipantState.RUNNING, 0, 500), p(1, ParticipantState.WAITING, 7, 300)));
        model.update(snapshot(ControlBlock.Command.PAUSE, 0, p(0, ParticipantState.PAUSED, 5, 501), p(1, ParticipantState.WAITING, 7, 300)));
        assertThat(highlights()).containsExactly(5, -1);
        assertThat(model.captionProperty().get()).contains("blocked before the pause");

        model.update(snapshot(ControlBlock.Command.PAUSE, 0, p(0, ParticipantState.PAUSED, 5, 501), p(1, ParticipantState.PAUSED, 3, 301)));
        assertThat(highlights()).containsExactly(5, 3);
    }

    @Test
    void pacedParticipantsThatPassedACheckpointShowTheirStepWhileWaiting() {
        model.update(snapshot(ControlBlock.Command.RUN, 200_000_000, p(0, ParticipantState.CRITICAL, 3, 40), p(1, ParticipantState.WAITING, 2, 30)));
        model.update(snapshot(ControlBlock.Command.RUN, 200_000_000, p(0, ParticipantState.CRITICAL, 4, 41), p(1, ParticipantState.WAITING, 2, 31)));

        assertThat(highlights()).containsExactly(4, 2);
    }

    private List<Integer> highlights() {
        return model.listings().stream().map(l -> l.currentLineProperty().get()).toList();
    }

    private static LabSnapshot snapshot(ControlBlock.Command command, long paceNanos, ParticipantSnapshot... ps) {
        return new LabSnapshot(1_000_000_000L, 1_000_000_000L, "round-robin", "/shmlab-test", command, paceNanos, true, List.of(ps),
                List.of(), List.of(), 0, 0, 0, 0);
    }

    private static ParticipantSnapshot p(int index, ParticipantState state, int step, long stepsTaken) {
        return new ParticipantSnapshot(index, "client-" + (index + 1), 1000 + index, index == 1 ? 1 : 0, state, step, -1, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, stepsTaken, 0);
    }
}
