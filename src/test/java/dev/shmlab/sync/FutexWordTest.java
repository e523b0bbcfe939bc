package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.children.FutexSleeperChild;
import dev.shmlab.testing.ChildJvm;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FutexWordTest {
    private static final long TIMEOUT_NANOS = Duration.ofMillis(100).toNanos();

    private final TestSegment segment = TestSegment.create();
    private final SharedMemory mem = segment.memory();

    @AfterEach
    void removeSegment() {
        segment.close();
    }

    @Test
    void aSleeperInAnotherProcessWakesPromptlyWhenTheWordChangesAndIsWoken() throws InterruptedException {
        FutexWord word = FutexWord.counted(mem, FutexSleeperChild.WORD_OFFSET);
        try (ChildJvm child = ChildJvm.start(FutexSleeperChild.class, segment.name(), "20000")) {
            assertThat(awaitWaiters(word)).as("child counted as a sleeper; %s", child.output()).isTrue();
            // The count goes up just before FUTEX_WAIT; this leaves the child time to enter the kernel.
            Thread.sleep(200);

            mem.putLongRelease(FutexSleeperChild.STORED_AT_OFFSET, System.nanoTime());
            word.setRelease(1);
            int woken = word.wakeAll();

            String line = child.awaitLine("woke=", Duration.ofSeconds(20));
            assertThat(woken).as("sleepers the wake reached").isEqualTo(1);
            assertThat(line).startsWith("woke=true");
            assertThat(Long.parseLong(line.substring(line.indexOf("sinceStoreMicros=") + 17)))
                    .as("microseconds from the store to the child running again, under half a sleep slice")
                    .isLessThan(WaitStrategy.MAX_SLEEP_NANOS / 2_000);
        }
    }

    @Test
    void waitWhileReturnsFalseAfterRoughlyItsTimeoutWhileTheWordKeepsItsValue() {
        for (FutexWord word : new FutexWord[] {FutexWord.plain(mem, 0), FutexWord.counted(mem, 8)}) {
            long startNanos = System.nanoTime();

            assertThat(word.waitWhile(0, TIMEOUT_NANOS)).isFalse();
            assertThat(System.nanoTime() - startNanos).isBetween(TIMEOUT_NANOS, TIMEOUT_NANOS + Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void waitWhileReturnsTrueAtOnceWhenTheWordAlreadyDiffers() {
        FutexWord word = FutexWord.counted(mem, 0);
        word.setRelease(5);

        assertThat(word.waitWhile(0, Duration.ofSeconds(10).toNanos())).isTrue();
    }

    @Test
    void aCountedWordCountsItsSleeperUntilTheWakeAndThenDropsToZero() throws Exception {
        FutexWord word = FutexWord.counted(mem, 0);
        CompletableFuture<Boolean> sleeper = CompletableFuture.supplyAsync(() -> word.waitWhile(0, Duration.ofSeconds(10).toNanos()));
        assertThat(awaitWaiters(word)).isTrue();

        word.setRelease(1);
        word.wakeAll();

        assertThat(sleeper.get(WaitStrategy.MAX_SLEEP_NANOS / 2, TimeUnit.NANOSECONDS)).as("woken within half a sleep slice").isTrue();
        assertThat(word.waiters()).isZero();
    }

    @Test
    void aWakeOfACountedWordNobodySleepsOnMakesNoSyscallAndWakesNobody() {
        FutexWord word = FutexWord.counted(mem, 0);
        word.setRelease(1);

        assertThat(word.wakeAll()).isZero();
    }

    @Test
    void aMisalignedOrOutOfRangeWordIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> FutexWord.counted(mem, 6))
                .isInstanceOf(InvalidInputException.class).hasMessage("misaligned counted futex word: offset=6, alignment=4");
        assertThatThrownBy(() -> FutexWord.plain(mem, TestSegment.SIZE_BYTES))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("futex word does not fit: offset=4096");
    }

    @Test
    void aPlainWordKeepsNoCountOfWaiters() {
        assertThatThrownBy(() -> FutexWord.plain(mem, 0).waiters()).isInstanceOf(IllegalStateException.class);
    }

    private static boolean awaitWaiters(FutexWord word) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (word.waiters() == 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
