package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.cli.Main;
import dev.shmlab.os.Os;
import dev.shmlab.os.ProcStat;
import dev.shmlab.testing.ChildJvm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process running a lab is killed: its participants leave by themselves and clean removes the rest. */
class ParentDeathTest {

    @Test
    void participantsExitWithinTwoSecondsOfTheirParentsDeathAndCleanRemovesWhatIsLeft() throws Exception {
        List<ProcessHandle> participants;
        java.util.Set<Long> pids = new java.util.HashSet<>();
        try (ChildJvm launcher = ChildJvm.start(Main.class, "run", "round-robin", "--messages", "10000000")) {
            launcher.awaitLine("has received a message", Duration.ofSeconds(30));
            participants = launcher.process().toHandle().children().toList();
            assertThat(participants).hasSize(3);
            pids.add(launcher.pid());
            participants.forEach(p -> pids.add(p.pid()));
            long killed = System.nanoTime();
            Os.kill((int) launcher.pid(), Os.SIGKILL);
            for (ProcessHandle p : participants) {
                long nanos = exitedAfter(p.pid(), killed);
                System.out.println("participant exited " + nanos / 1_000_000 + " ms after its parent was killed");
                assertThat(Duration.ofNanos(nanos)).isLessThanOrEqualTo(Duration.ofSeconds(2));
            }
        }
        assertThat(dev.shmlab.shm.ObjectRegistry.entries()).as("the dead run's objects are still there")
                .anyMatch(e -> e.creatorPid() == launcherPid(pids, participants));
        String cleaned;
        try (ChildJvm clean = ChildJvm.start(Main.class, "clean")) {
            assertThat(clean.waitFor(Duration.ofSeconds(30))).as(clean.output()).isZero();
            cleaned = clean.output();
        }
        System.out.println(cleaned);
        dev.shmlab.testing.RunLeftovers.assertNoneLeftBy(pids);
    }

    /** The one pid of the set that is not a participant: the launcher's. */
    private static long launcherPid(java.util.Set<Long> pids, List<ProcessHandle> participants) {
        return pids.stream().filter(p -> participants.stream().noneMatch(h -> h.pid() == p)).findFirst().orElseThrow();
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
