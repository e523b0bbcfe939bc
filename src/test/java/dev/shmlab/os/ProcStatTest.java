package dev.shmlab.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What /proc says of real processes: this JVM and a plain single-threaded program. */
class ProcStatTest {

    @Test
    void aJvmsRoleThreadIsTheThreadRunningMainNotTheFirstThread() {
        long pid = ProcessHandle.current().pid();
        // Surefire runs the tests on the launcher's main thread, as a participant runs its role.
        assertThat(Thread.currentThread().getName()).isEqualTo("main");

        assertThat(ProcStat.roleThread(pid)).contains((long) Os.gettid());
        assertThat(ProcStat.roleThread(pid)).isNotEqualTo(java.util.Optional.of(pid));
    }

    @Test
    void aSingleThreadedProgramsRoleThreadIsItsOnlyThread() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(ProcStat.roleThread(sleeper.pid())).contains(sleeper.pid());
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(ProcStat.roleThread(sleeper.pid())).isEmpty();
    }

    @Test
    void theAgeOfAProcessIsMeasuredFromItsStartToWithinAFewTicks() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        long startedNanos = System.nanoTime();
        try {
            Thread.sleep(300);
            Duration age = ProcStat.age(sleeper.pid()).orElseThrow();
            Duration sinceStart = Duration.ofNanos(System.nanoTime() - startedNanos);
            assertThat(age).isBetween(sinceStart.minusMillis(60), sinceStart.plusMillis(60));
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theEffectiveUserReadFromProcIsTheOneTheKernelGives() {
        assertThat(Os.geteuid()).isEqualTo(LibC.INSTANCE.geteuid());
    }
}
