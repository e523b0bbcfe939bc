package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ControlBlock;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.os.Os;
import dev.shmlab.scenario.Scenario.Finding;
import dev.shmlab.testing.KernelObjects;
import dev.shmlab.testing.ScenarioRun;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A mutex-counter worker is SIGKILLed while it holds the robust mutex: the next worker to lock
 * it gets EOWNERDEAD, makes it consistent and says so, and the survivors finish with an exact
 * counter. The worker is stepped into its critical section with the control block's per-participant
 * step grant, so it is certainly holding the mutex when it dies.
 */
class RobustMutexRecoveryTest {
    /** The pseudo-code step of the increment, inside the critical section. */
    private static final int INCREMENT_STEP = 1;
    private static final int INCREMENTS = 20_000;

    private final ScenarioRun runs = new ScenarioRun();

    @Test
    void killingTheHolderLetsTheOthersRecoverTheMutexAndFinish() throws Exception {
        KernelObjects before = KernelObjects.now();
        RunResult r;
        try (Run run = runs.start("mutex-counter", Map.of("processes", "4", "increments", Integer.toString(INCREMENTS)),
                RunOptions.defaults().withStartPaused(true))) {
            awaitUntil("worker-1 paused before its first lock", () -> worker1(run, s -> s.state() == ParticipantState.PAUSED));
            run.lab().participant(0).grantStep();
            awaitUntil("worker-1 holding the mutex at the increment",
                    () -> worker1(run, s -> s.step() == INCREMENT_STEP) && run.lab().syncObject(0).holder() == 0);
            assertThat(run.signal(0, Os.SIGKILL)).isTrue();
            run.control().setCommand(ControlBlock.Command.RUN);
            r = runs.report(run.await());
        }
        assertThat(r.failures()).anyMatch(f -> f.startsWith("participant worker-1 (pid ") && f.endsWith("died: killed by SIGKILL"));
        assertThat(r.exitCode()).as("a killed participant fails the run").isEqualTo(RunResult.EXIT_FAILED);
        assertThat(runs.lines()).anyMatch(l -> l.matches("\\[worker-[234]\\] Worker [234]: lock RECOVERED \\(EOWNERDEAD\\): worker-1 died "
                + "holding the mutex; pthread_mutex_consistent\\(\\) done; counter 0 matches the increments recorded: kept"));
        for (int survivor = 1; survivor < 4; survivor++) {
            ParticipantSnapshot s = r.participants().get(survivor).last();
            assertThat(s.state()).as(s.name()).isEqualTo(ParticipantState.DONE);
            assertThat(s.sent()).as(s.name()).isEqualTo(INCREMENTS);
        }
        assertThat(r.findings()).containsExactly(
                new Finding("lost updates (expected 60000 increments made of 4×20000 = 80000 planned, got 60000)", 0, false),
                new Finding("mutex recoveries (an owner died holding it)", 1, false));
        // Other test runs may share this machine's /dev/shm: only this scenario's names count.
        assertThat(KernelObjects.now().newSince(before).devShm()).noneMatch(name -> name.contains("mutex-counter"));
    }

    /** Whether worker-1's record, read consistently, shows this (false while it is being written). */
    private static boolean worker1(Run run, Predicate<ParticipantSnapshot> condition) {
        return run.lab().participant(0).read().map(condition::test).orElse(false);
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not reached within 20 s: " + what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
