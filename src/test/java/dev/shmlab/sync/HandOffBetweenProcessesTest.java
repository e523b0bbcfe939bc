package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.sync.children.HandOff;
import dev.shmlab.sync.children.HandOffChild;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.TestNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The turn passes back and forth between this JVM and a child JVM thousands of times, in order. */
class HandOffBetweenProcessesTest {
    private static final int ROUNDS = 3000;
    /** Pure spinners packed onto one vCPU hand over once per 4 ms tick: fewer rounds keep it short. */
    private static final int SPIN_ROUNDS = 300;
    /**
     * Shorter than one sleep slice ({@link WaitStrategy#MAX_SLEEP_NANOS}): a lost wake-up would
     * only delay a turn by a slice, so it must fail the round instead; a healthy turn takes
     * microseconds.
     */
    private static final Duration TURN_TIMEOUT = Duration.ofNanos(WaitStrategy.MAX_SLEEP_NANOS * 9 / 10);

    private final Undo undo = new Undo();
    private final TestSegment segment = undo.push(TestSegment.create());

    @AfterEach
    void undoEverything() throws Exception {
        undo.undoAll();
    }

    @Test
    void aPairOfNamedSemaphoresHandsTheTurnBetweenTwoProcesses() {
        String pingName = TestNames.posix();
        String pongName = TestNames.posix();
        NamedSemaphore ping = created(NamedSemaphore.create(pingName, 0));
        NamedSemaphore pong = created(NamedSemaphore.create(pongName, 0));

        playAgainstChild(HandOff.semaphores(pong, ping), ROUNDS, "named", pingName, pongName);
    }

    @Test
    void aPairOfSemaphoresInsideTheSegmentHandsTheTurnBetweenTwoProcesses() {
        SharedSemaphore ping = SharedSemaphore.initialize(segment.memory(), HandOff.PING_OFFSET, 0, "ping");
        SharedSemaphore pong = SharedSemaphore.initialize(segment.memory(), HandOff.PONG_OFFSET, 0, "pong");
        undo.push(ping::destroy);
        undo.push(pong::destroy);

        playAgainstChild(HandOff.semaphores(pong, ping), ROUNDS, "in-segment");
    }

    @Test
    void aSystemVSemaphorePairHandsTheTurnBetweenTwoProcesses() {
        SysVSemaphoreSet set = SysVSemaphoreSet.create(TestNames.sysvKey(), 2);
        undo.push(set::remove);

        long childPid = playAgainstChild(HandOff.semaphores(set.member(1, false), set.member(0, false)), ROUNDS,
                "sysv", Integer.toString(set.key()));

        assertThat(set.lastPid(0)).as("the child took the last ping").isEqualTo(childPid);
    }

    @ParameterizedTest
    @EnumSource(WaitStrategy.class)
    void aSpinFlagHandsTheTurnBetweenTwoProcesses(WaitStrategy strategy) {
        SpinFlag turn = SpinFlag.of(segment.memory(), HandOff.TURN_OFFSET, strategy);
        int rounds = strategy == WaitStrategy.SPIN ? SPIN_ROUNDS : ROUNDS;

        playAgainstChild(HandOff.flag(turn, 1), rounds, "flag", strategy.name());

        assertThat(FutexWord.counted(segment.memory(), HandOff.TURN_OFFSET).waiters()).as("sleepers left counted").isZero();
    }

    private NamedSemaphore created(NamedSemaphore semaphore) {
        undo.push(semaphore::unlink);
        return undo.push(semaphore);
    }

    /** Plays first against a {@link HandOffChild} given the baton arguments; returns the child's pid. */
    private long playAgainstChild(HandOff.Baton baton, int rounds, String... batonArgs) {
        List<String> args = new ArrayList<>(List.of(segment.name(), Integer.toString(rounds),
                Long.toString(TURN_TIMEOUT.toMillis())));
        args.addAll(List.of(batonArgs));
        try (ChildJvm child = ChildJvm.start(HandOffChild.class.getName(), args)) {
            String error = HandOff.play(baton, segment.memory(), true, rounds, TURN_TIMEOUT);
            int exitCode = child.waitFor(HandOff.START_UP_TIMEOUT);

            assertThat(error).as("parent side; child said: %s", child.output()).isNull();
            assertThat(exitCode).as(child.output()).isZero();
            assertThat(child.stdout()).contains("ok rounds=" + rounds);
            return child.pid();
        }
    }
}
