package dev.shmlab.monitor;

import static dev.shmlab.layout.ParticipantState.*;
import static dev.shmlab.monitor.Snapshots.counters;
import static dev.shmlab.monitor.Snapshots.participant;
import static dev.shmlab.monitor.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.SyncObjectKind;
import dev.shmlab.monitor.Explainer.Sentence;
import dev.shmlab.monitor.Explainer.Tone;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain-words explanation of hand-built snapshots: exact sentences for exact situations. */
class ExplainerTest {
    private static final PseudoCode CODE = new PseudoCode(Map.of(0, List.of(
            "wait_for_turn(CLIENT_NO);",
            "sem_wait(sem);  /* enter the critical section */",
            "    ShmPTR->packet_no++;",
            "sem_post(sem);")));
    private static final long SECOND = 1_000_000_000L;

    private final Explainer explainer = new Explainer(CODE);

    @Test
    void aWaiterIsToldWhoHoldsTheSemaphoreAndForHowLong() {
        LabSnapshot s = snapshot()
                .with(participant(0, "client-1", CRITICAL, 2, -1))
                .with(participant(1, "client-2", WAITING, 1, 0))
                .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, 0, 1_200_000_000L, List.of(1))
                .build();

        assertThat(texts(s)).contains(
                "client-2 is waiting in sem_wait on semName: its value is 0 because client-1 has held it for 1.2 s.",
                "client-1 is in its critical section, holding semName for 1.2 s.");
        assertThat(sentenceAbout(s, 1).tone()).isEqualTo(Tone.ATTENTION);
    }

    @Test
    void aDeadHolderIsNamedAndTheOthersAreToldTheyWillTimeOut() {
        LabSnapshot s = snapshot()
                .with(participant(0, "client-1", WAITING, 1, 0))
                .with(participant(1, "client-2", WAITING, 1, 0))
                .with(participant(2, "client-3", DEAD, 2, -1))
                .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, 2, 3 * SECOND, List.of(0, 1))
                .build();

        assertThat(texts(s)).contains(
                "client-3 is dead (its process is gone) while holding semName: the others will time out.",
                "client-1 is waiting in sem_wait on semName: its value is 0 because client-3 died holding it, so the wait will time out.");
        assertThat(sentenceAbout(s, 2).tone()).isEqualTo(Tone.TROUBLE);
        assertThat(sentenceAbout(s, 0).tone()).isEqualTo(Tone.TROUBLE);
    }

    @Test
    void aDeadOwnerOfTheRobustMutexIsRecoveredNotWaitedOut() {
        LabSnapshot s = snapshot()
                .with(participant(0, "worker-1", DEAD, 2, -1))
                .with(participant(1, "worker-2", WAITING, 1, 0))
                .object(SyncObjectKind.ROBUST_MUTEX, "counter lock", 0, 0, SECOND / 2, List.of(1))
                .build();

        assertThat(texts(s)).contains(
                "worker-1 is dead (its process is gone) while holding counter lock: the next participant to lock it is told its owner died and recovers it.",
                "worker-2 is waiting in pthread_mutex_lock on counter lock: its value is 0 because worker-1 died holding it; "
                        + "the lock will report that its owner died, and the next owner recovers it.");
    }

    @Test
    void aPausedRunSaysHowToGoOnAndWhichLineEachParticipantIsBefore() {
        LabSnapshot s = snapshot().command(ControlBlock.Command.PAUSE)
                .with(participant(0, "client-1", PAUSED, 1, -1))
                .with(participant(1, "client-2", PAUSED, 2, -1))
                .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, 1, 40_000_000L, List.of())
                .build();

        assertThat(texts(s)).containsExactly(
                "The run is paused: press Step to let every participant take one step.",
                "client-1 is paused before line 2: sem_wait(sem);  /* enter the critical section */",
                "client-2 is paused, holding semName, before line 3: ShmPTR->packet_no++;");
    }

    @Test
    void aWaiterWhoseHolderIsPausedOrStoppedIsToldSo() {
        LabSnapshot paused = snapshot().command(ControlBlock.Command.PAUSE)
                .with(participant(0, "client-1", PAUSED, 2, -1))
                .with(participant(1, "client-2", WAITING, 1, 0))
                .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, 0, 350_000_000L, List.of(1))
                .build();
        LabSnapshot stopped = snapshot()
                .with(participant(0, "client-1", STOPPED, 2, -1))
                .with(participant(1, "client-2", WAITING, 1, 0))
                .object(SyncObjectKind.UNNAMED_SEMAPHORE, "mutex", 0, 0, 350_000_000L, List.of(1))
                .build();

        assertThat(texts(paused)).contains(
                "client-2 is waiting in sem_wait on semName: its value is 0 because client-1 has held it for 350 ms and is paused.");
        assertThat(texts(stopped)).contains(
                "client-1 is stopped (SIGSTOP): it makes no progress until it is continued (SIGCONT). It holds mutex, so whoever needs it waits.",
                "client-2 is waiting in sem_wait on mutex: its value is 0 because client-1 holds it and is stopped (SIGSTOP).");
    }

    @Test
    void aWaiterOnAnObjectNobodyHoldsWaitsForAPost() {
        LabSnapshot s = snapshot()
                .with(participant(0, "P1", RUNNING, 0, -1))
                .with(participant(1, "P2", WAITING, 3, 0))
                .with(participant(2, "client-3", WAITING, 1, 1))
                .object(SyncObjectKind.FUTEX, "ready", -1, -1, 0, List.of(1))
                .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, -1, 0, List.of(2))
                .build();

        assertThat(texts(s)).contains(
                "P2 is waiting in futex_wait on ready: it waits until another participant changes it and wakes it.",
                "client-3 is waiting in sem_wait on semName: its value is 0 and nobody holds it: it waits until another participant posts it (sem_post).");
    }

    @Test
    void atFullSpeedTheStaleStepIsNotPresentedAsTheCurrentLine() {
        LabSnapshot fast = snapshot().rate(12_345.4)
                .with(counters(0, "client-1", RUNNING, 2, -1, 120, 118))
                .build();
        LabSnapshot paced = snapshot().pace(200_000_000L)
                .with(counters(0, "client-1", RUNNING, 2, -1, 120, 118))
                .build();

        assertThat(texts(fast)).containsExactly("The run is at full speed: 12345 messages/s.", "client-1 is running: sent 120, received 118.");
        assertThat(texts(paced)).containsExactly("The run is paced at 200 ms per step, so each step can be followed.",
                "client-1 is on line 3: ShmPTR->packet_no++;");
    }

    @Test
    void damageAndSynchronisationOffAreSaidOnceForTheRun() {
        LabSnapshot s = snapshot().syncOff()
                .with(new dev.shmlab.layout.ParticipantSnapshot(0, "client-1", 1000, 0, RUNNING, 0, -1, 0, 0, 0,
                        10, 9, 640, 576, 2, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .build();

        List<Sentence> sentences = explainer.explain(s);
        assertThat(sentences).filteredOn(x -> x.participant() == -1).extracting(Sentence::text).contains(
                "Synchronisation is off: the participants skip sem_wait and sem_post, so their writes can collide.",
                "So far 2 messages were lost, 1 duplicated and 3 corrupted; each was caught by its sequence number or checksum.");
    }

    @Test
    void aFinishedRunSaysItIsOverWithItsTotals() {
        LabSnapshot s = snapshot()
                .with(counters(0, "writer", DONE, 4, -1, 1000, 0))
                .with(counters(1, "reader", DONE, 3, -1, 0, 1000))
                .build();

        assertThat(texts(s)).containsExactly("The run is over: 1000 messages sent, 1000 received.",
                "writer has finished: sent 1000, received 0.", "reader has finished: sent 0, received 1000.");
    }

    @Test
    void theSameSnapshotAlwaysGivesTheSameSentences() {
        LabSnapshot s = snapshot()
                .with(participant(0, "client-1", CRITICAL, 2, -1))
                .with(participant(1, "client-2", WAITING, 1, 0))
                .object(SyncObjectKind.NAMED_SEMAPHORE, "semName", 0, 0, 1_200_000_000L, List.of(1))
                .build();

        assertThat(explainer.explain(s)).isEqualTo(explainer.explain(s)).isEqualTo(new Explainer(CODE).explain(s));
    }

    @Test
    void theListingOfEveryRoleComesFromTheScenario() {
        Scenario handshake = Catalog.byName("handshake");
        PseudoCode code = PseudoCode.of(handshake, ScenarioParams.of(handshake.parameters(), Map.of(), "handshake"));

        assertThat(code.byRole()).containsOnlyKeys(0, 1);
        assertThat(code.lines(1)).isEqualTo(handshake.pseudoCode(1));
        assertThat(code.line(0, 99)).isEmpty();
    }

    @Test
    void aParticipantStillStartingIsCalledByItsPlannedName() {
        LabSnapshot s = snapshot().with(participant(0, "", STARTING, 0, -1)).with(participant(1, "", STARTING, 0, -1)).build();

        assertThat(new Explainer(CODE, List.of("P1", "P2")).explain(s)).extracting(Sentence::text).endsWith(
                "P1 is starting: its process is loading and has not reached its first line yet.",
                "P2 is starting: its process is loading and has not reached its first line yet.");
        assertThat(texts(s)).contains("participant 1 is starting: its process is loading and has not reached its first line yet.");
    }

    @Test
    void durationsReadTheWayAPersonSaysThem() {
        assertThat(Explainer.duration(1_249_000_000L)).isEqualTo("1.2 s");
        assertThat(Explainer.duration(350_400_000L)).isEqualTo("350 ms");
        assertThat(Explainer.duration(20_000L)).isEqualTo("less than a millisecond");
        assertThat(Explainer.duration(-5)).isEqualTo("less than a millisecond");
    }

    private List<String> texts(LabSnapshot s) {
        return explainer.explain(s).stream().map(Sentence::text).toList();
    }

    private Sentence sentenceAbout(LabSnapshot s, int participant) {
        return explainer.explain(s).stream().filter(x -> x.participant() == participant).findFirst().orElseThrow();
    }
}
