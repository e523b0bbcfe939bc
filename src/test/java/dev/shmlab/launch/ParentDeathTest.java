package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.cli.Main;
import dev.shmlab.os.Os;
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
            Os.kill((int) launcher.pid(), Os.SIGKILL);
            long killed = System.nanoTime();
            for (ProcessHandle p : participants) {
                p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
        assertThat(KernelObjects.now().newSince(before).isEmpty()).as("the dead run's objects are still there").isFalse();
        try (ChildJvm clean = ChildJvm.start(Main.class, "clean")) {
            assertThat(clean.waitFor(Duration.ofSeconds(30))).as(clean.output()).isZero();
        }
        assertThat(KernelObjects.now().newSince(before).isEmpty()).as("left after clean: %s", KernelObjects.now().newSince(before)).isTrue();
    }
}
