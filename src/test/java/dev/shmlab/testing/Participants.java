package dev.shmlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.launch.Run;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import java.time.Duration;
import java.util.function.Predicate;

/** Reading and waiting for the published records of a run's participants, for tests that drive a run step by step. */
public final class Participants {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Participants() {
    }

    /** Participant {@code who}'s record as published now (null while it is mid-update or not yet claimed). */
    public static ParticipantSnapshot snapshot(Run run, int who) {
        return run.lab().participant(who).read().orElse(null);
    }

    /** Waits until participant {@code who}'s record satisfies the condition; fails the test after 20 s. */
    public static ParticipantSnapshot await(Run run, int who, Predicate<ParticipantSnapshot> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ParticipantSnapshot s = snapshot(run, who);
            if (s != null && condition.test(s)) {
                return s;
            }
            assertThat(System.nanoTime()).as("waited %s for %s; last seen %s", PATIENCE, what, s).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    /** Waits until participant {@code who} is paused on pseudo-code line {@code step}. */
    public static ParticipantSnapshot awaitPausedOn(Run run, int who, int step) throws InterruptedException {
        return await(run, who, s -> s.state() == ParticipantState.PAUSED && s.step() == step, "participant " + who + " paused on step " + step);
    }
}
