package dev.shmlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.launch.Run;
import dev.shmlab.launch.RunOptions;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.monitor.Monitor;
import dev.shmlab.monitor.SyncObjectSnapshot;
import dev.shmlab.os.NativeException;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.testing.Participants;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Step mode with real participant processes: a run started paused moves only when a step is
 * granted, one checkpoint per grant, and the step a participant publishes is the pseudo-code line
 * it is about to execute — checked against what the kernel objects show before and after.
 */
class StepThroughTest {
    /** Longer than a paused participant's sleep slice (50 ms), so a step it wrongly took would show. */
    private static final long SETTLE_MILLIS = 120;

    @Test
    void aStepGrantedToParticipantZeroAdvancesOnlyItByOneLine() throws InterruptedException {
        Scenario handshake = Catalog.byName("handshake");
        try (Run run = startPaused(handshake, Map.of())) {
            awaitPausedAt(run, 0, 0, 0);
            awaitPausedAt(run, 1, 0, 0);
            int key = SegmentAddress.ftok(run.lab().ftokPath().orElseThrow(), 65).key();

            assertThat(line(handshake, 0, stepOf(run, 0))).startsWith("key = ftok(");
            stepAndExpect(run, handshake, 0, 1, "id = shmget(");
            assertThatThrownBy(() -> Segments.openSysV(new SegmentAddress.SysVKey(key), true)).as("no segment before shmget")
                    .isInstanceOf(NativeException.class);

            stepAndExpect(run, handshake, 0, 3, "while (shm->ready)");
            try (Segment shm = Segments.openSysV(new SegmentAddress.SysVKey(key), true)) {
                stepAndExpect(run, handshake, 0, 4, "shm->counter = i;");
                assertThat(shm.memory().getIntAcquire(HandshakeScenario.COUNTER_OFFSET)).as("counter before line 4 ran").isZero();

                stepAndExpect(run, handshake, 0, 5, "shm->ready = 1;");
                assertThat(shm.memory().getIntAcquire(HandshakeScenario.COUNTER_OFFSET)).as("counter after line 4 ran").isEqualTo(1);
                assertThat(shm.memory().getIntAcquire(HandshakeScenario.READY_OFFSET)).as("ready before line 5 ran").isZero();

                stepAndExpect(run, handshake, 0, 3, "while (shm->ready)");
                assertThat(shm.memory().getIntAcquire(HandshakeScenario.READY_OFFSET)).as("ready after line 5 ran").isEqualTo(1);
            }
            ParticipantSnapshot reader = snapshot(run, 1);
            assertThat(reader.step()).isZero();
            assertThat(reader.stepsTaken()).isZero();
            assertThat(reader.received()).isZero();
        }
    }

    @Test
    void roundRobinStepsMatchTheSemaphoreTheyWaitOnHoldAndPost() throws InterruptedException {
        Scenario roundRobin = Catalog.byName("round-robin");
        try (Run run = startPaused(roundRobin, Map.of("clients", "2", "messages", "2"));
             Monitor monitor = Monitor.of(run.lab(), "step-test", Monitor.DEFAULT_INTERVAL)) {
            awaitPausedAt(run, 0, 1, 0);
            awaitPausedAt(run, 1, 0, 0);
            assertThat(semaphore(monitor).value()).as("semName before client 2 posts it").isZero();

            // client-2 starts the exchange: line 0 writes message 0 and posts the semaphore.
            stepAndExpect(run, roundRobin, 1, 1, "wait_for_turn(");
            assertThat(semaphore(monitor).value()).isEqualTo(1);

            stepAndExpect(run, roundRobin, 0, 2, "sem_wait(sem);");
            assertThat(semaphore(monitor)).extracting(SyncObjectSnapshot::value, SyncObjectSnapshot::holder).containsExactly(1, -1);

            stepAndExpect(run, roundRobin, 0, 3, "if (ShmPTR->destClientNo == CLIENT_NO)");
            assertThat(semaphore(monitor)).extracting(SyncObjectSnapshot::value, SyncObjectSnapshot::holder).containsExactly(0, 0);

            stepAndExpect(run, roundRobin, 0, 4, "printf(\"Client %d has received");
            stepAndExpect(run, roundRobin, 0, 5, "ShmPTR->srcClientNo = CLIENT_NO;");
            assertThat(snapshot(run, 0).received()).as("received once the printf line ran").isEqualTo(1);
            stepAndExpect(run, roundRobin, 0, 6, "ShmPTR->packet_no++;");
            assertThat(snapshot(run, 0).sent()).as("sent counts from the packet_no line").isZero();
            stepAndExpect(run, roundRobin, 0, 8, "sem_post(sem);");
            assertThat(snapshot(run, 0).sent()).isEqualTo(1);
            assertThat(semaphore(monitor)).extracting(SyncObjectSnapshot::value, SyncObjectSnapshot::holder).containsExactly(0, 0);

            stepAndExpect(run, roundRobin, 0, 1, "wait_for_turn(");
            assertThat(semaphore(monitor)).extracting(SyncObjectSnapshot::value, SyncObjectSnapshot::holder).containsExactly(1, -1);

            ParticipantSnapshot initiator = snapshot(run, 1);
            assertThat(initiator.step()).isEqualTo(1);
            assertThat(initiator.stepsTaken()).isEqualTo(1);
        }
    }

    private static Run startPaused(Scenario scenario, Map<String, String> params) {
        return Run.start(scenario, ScenarioParams.of(scenario.parameters(), params, scenario.name()),
                RunOptions.defaults().withStartPaused(true).withTimeout(Duration.ofSeconds(60)), (i, name, line, error) -> {
                    if (error) {
                        System.err.println("[" + name + "] " + line);
                    }
                });
    }

    /**
     * Grants one step to participant {@code who}, waits until it paused again one step further, and
     * checks that it now publishes {@code expectedStep}, that this line reads as expected and that
     * no other participant moved.
     */
    private static void stepAndExpect(Run run, Scenario scenario, int who, int expectedStep, String linePrefix) throws InterruptedException {
        int count = run.plan().participants().size();
        ParticipantSnapshot[] before = new ParticipantSnapshot[count];
        for (int i = 0; i < count; i++) {
            before[i] = snapshot(run, i);
        }
        run.lab().participant(who).grantStep();
        ParticipantSnapshot after = Participants.await(run, who,
                s -> s.stepsTaken() == before[who].stepsTaken() + 1 && s.state() == ParticipantState.PAUSED,
                "participant " + who + " to take one step from line " + before[who].step());
        Thread.sleep(SETTLE_MILLIS);
        assertThat(snapshot(run, who).stepsTaken()).as("steps taken by participant %d after one grant", who)
                .isEqualTo(before[who].stepsTaken() + 1);
        assertThat(after.step()).as("the line participant %d is on", who).isEqualTo(expectedStep);
        assertThat(line(scenario, after.role(), after.step()).strip()).startsWith(linePrefix);
        for (int i = 0; i < count; i++) {
            if (i != who) {
                ParticipantSnapshot other = snapshot(run, i);
                assertThat(other.step()).as("step of participant %d, not granted any", i).isEqualTo(before[i].step());
                assertThat(other.stepsTaken()).as("steps taken by participant %d, not granted any", i).isEqualTo(before[i].stepsTaken());
            }
        }
    }

    private static void awaitPausedAt(Run run, int who, int step, long stepsTaken) throws InterruptedException {
        Participants.await(run, who, s -> s.state() == ParticipantState.PAUSED && s.step() == step && s.stepsTaken() == stepsTaken,
                "participant " + who + " paused on line " + step);
    }

    private static ParticipantSnapshot snapshot(Run run, int who) {
        return Participants.snapshot(run, who);
    }

    private static int stepOf(Run run, int who) {
        return snapshot(run, who).step();
    }

    private static String line(Scenario scenario, int role, int step) {
        assertThat(step).as("step id").isBetween(0, scenario.pseudoCode(role).size() - 1);
        return scenario.pseudoCode(role).get(step);
    }

    private static SyncObjectSnapshot semaphore(Monitor monitor) {
        return monitor.sample().syncObjects().get(RoundRobinScenario.SEMAPHORE);
    }
}
