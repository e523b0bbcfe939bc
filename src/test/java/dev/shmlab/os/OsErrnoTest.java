package dev.shmlab.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.testing.TestNames;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OsErrnoTest {

    @Test
    void exclusiveCreateOfAnExistingNameFailsWithEexistNamingTheObject() {
        String name = TestNames.posix();
        int fd = Os.shmOpen(name, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL, 0600);
        try {
            assertThatThrownBy(() -> Os.shmOpen(name, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL, 0600))
                    .isInstanceOf(NativeException.class)
                    .hasMessage("shm_open(\"" + name + "\"): EEXIST (File exists)")
                    .extracting(e -> ((NativeException) e).errno()).isEqualTo(Errno.EEXIST);
        } finally {
            Os.close(fd);
            Os.shmUnlink(name);
        }
    }

    @Test
    void openingAMissingNameFailsWithEnoent() {
        String name = TestNames.posix();
        assertThatThrownBy(() -> Os.shmOpen(name, Os.O_RDWR, 0))
                .hasMessage("shm_open(\"" + name + "\"): ENOENT (No such file or directory)");
    }

    @Test
    void directMappedCallsReportErrnoToo() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sem = arena.allocate(Os.SEM_T_SIZE, 8);
            Os.semInitShared(sem.address(), 0, "test");
            assertThat(Os.semTryWait(sem.address(), "test")).as("trywait on 0 is EAGAIN, a result").isFalse();
            Os.semPost(sem.address(), "test");
            assertThat(Os.semTryWait(sem.address(), "test")).isTrue();
            Os.semDestroy(sem.address(), "test");
        }
    }

    @Test
    void aTimedSemaphoreWaitReturnsFalseAfterItsTimeout() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sem = arena.allocate(Os.SEM_T_SIZE, 8);
            Os.semInitShared(sem.address(), 0, "test");
            long start = System.nanoTime();
            assertThat(Os.semTimedWait(sem.address(), Duration.ofMillis(50).toNanos(), "test")).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
            Os.semDestroy(sem.address(), "test");
        }
    }

    @Test
    void aFutexWaitOnAnUnchangedWordTimesOut() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment word = arena.allocate(4, 4);
            assertThat(Os.futexWait(word.address(), 0, Duration.ofMillis(20).toNanos())).isFalse();
            assertThat(Os.futexWait(word.address(), 1, Duration.ofMillis(20).toNanos())).as("value differs: EAGAIN").isTrue();
        }
    }

    @Test
    void signallingAProcessThatDoesNotExistSaysSo() {
        assertThat(Os.isAlive(Os.getpid())).isTrue();
        assertThat(Os.kill(Integer.MAX_VALUE - 7, 0)).isFalse();
    }
}
