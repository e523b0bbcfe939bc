package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import dev.shmlab.sync.children.HoldAndWaitChild;
import dev.shmlab.testing.ChildJvm;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobustMutexTest {
    private static final long OFFSET = 64;

    private final TestSegment segment = TestSegment.create();
    private final RobustMutex mutex = RobustMutex.initialize(segment.memory(), OFFSET, "guard");

    @AfterEach
    void destroyMutexAndSegment() {
        try {
            mutex.destroy();
        } finally {
            segment.close();
        }
    }

    @Test
    void whenTheOwnerIsKilledHoldingItTheNextLockRecoversItAndLaterLocksAreNormal() {
        try (ChildJvm child = ChildJvm.start(HoldAndWaitChild.class, "20000", "mutex", segment.name(), Long.toString(OFFSET))) {
            child.awaitLine("holding outcome=ACQUIRED", Duration.ofSeconds(30));
            assertThat(mutex.lock(Duration.ofMillis(50))).as("held by the live child").isEqualTo(LockOutcome.TIMED_OUT);

            Os.kill((int) child.pid(), Os.SIGKILL);
            child.waitFor(Duration.ofSeconds(10));

            assertThat(mutex.lock(Duration.ofSeconds(5))).isEqualTo(LockOutcome.RECOVERED);
            mutex.unlock();
            assertThat(mutex.lock(Duration.ofSeconds(1))).isEqualTo(LockOutcome.ACQUIRED);
            mutex.unlock();
        }
    }

    @Test
    void aFreeMutexIsAcquiredAndUnlocked() {
        assertThat(mutex.lock(Duration.ZERO)).isEqualTo(LockOutcome.ACQUIRED);
        mutex.unlock();
    }

    @Test
    void aLockHeldByAnotherThreadTimesOutAfterRoughlyItsTimeout() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            mutex.lock(Duration.ofSeconds(5));
            locked.countDown();
            await(done);
            mutex.unlock();
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            long startNanos = System.nanoTime();
            LockOutcome outcome = mutex.lock(Duration.ofMillis(100));

            assertThat(outcome).isEqualTo(LockOutcome.TIMED_OUT);
            assertThat(outcome.acquired()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isBetween(Duration.ofMillis(95), Duration.ofMillis(1100));
        } finally {
            done.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void unlockingAMutexThisThreadDoesNotHoldFailsWithEperm() {
        assertThatThrownBy(mutex::unlock)
                .isInstanceOf(NativeException.class)
                .hasMessageStartingWith("pthread_mutex_unlock(label=guard, offset=64): EPERM")
                .extracting(e -> ((NativeException) e).errno()).isEqualTo(Errno.EPERM);
    }

    @Test
    void aMisalignedMutexIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> RobustMutex.initialize(segment.memory(), OFFSET + 4, "guard"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("misaligned pthread_mutex_t: offset=68, alignment=8");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
