package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.cli.Main;
import dev.shmlab.os.Os;
import dev.shmlab.os.ProcStat;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.KernelObjects;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process running a lab is killed: its participants leave by themselves and clean removes the rest. */
class ParentDeathTest {

    @Test
    void participantsExitWithinTwoSecondsOfTheirParentsDeathAndCleanRemovesWhatIsLeft() throws Exception {
        KernelObjects before = KernelObjects.now();
        List<ProcessHandle> participants;
        try (ChildJvm launcher = ChildJvm.start(Main.class, "run", "round-robin", "--messages", "10000000")) {
            launcher.awaitLine("has received a message", Duration.ofSeconds(30));
            participants = launcher.process().toHandle().children().toList();
            assertThat(participants).hasSize(3);
            long killed = System.nanoTime();
            Os.kill((int) launcher.pid(), Os.SIGKILL);
            for (ProcessHandle p : participants) {
                long nanos = exitedAfter(p.pid(), killed);
                System.out.println("participant exited " + nanos / 1_000_000 + " ms after its parent was killed");
                assertThat(Duration.ofNanos(nanos)).isLessThanOrEqualTo(Duration.ofSeconds(2));
            }
        }
        assertThat(KernelObjects.now().newSince(before).isEmpty()).as("the dead run's objects are still there").isFalse();
        String cleaned;
        try (ChildJvm clean = ChildJvm.start(Main.class, "clean")) {
            assertThat(clean.waitFor(Duration.ofSeconds(30))).as(clean.output()).isZero();
            cleaned = clean.output();
        }
        assertThat(KernelObjects.now().newSince(before).isEmpty()).as("left after clean: %s; clean said: %s",
                KernelObjects.now().newSince(before), cleaned).isTrue();
    }

    /**
     * When the process exited, counted from {@code since}: gone, or a zombie. Orphans are reaped by
     * init, which may take its time, so a zombie counts as exited.
     */
    private static long exitedAfter(long pid, long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcStat.read(pid).map(ProcStat::zombie).orElse(true)) {
                return System.nanoTime() - since;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("participant " + pid + " still running 10 s after its parent died");
    }
}
