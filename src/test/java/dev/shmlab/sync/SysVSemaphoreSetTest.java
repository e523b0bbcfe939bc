package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.sync.children.HoldAndWaitChild;
import dev.shmlab.testing.ChildJvm;
import dev.shmlab.testing.TestNames;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysVSemaphoreSetTest {
    private final int key = TestNames.sysvKey();
    private final SysVSemaphoreSet set = SysVSemaphoreSet.create(key, 2);

    @AfterEach
    void removeSet() {
        set.remove();
    }

    @Test
    void createWithAKeyThatIsTakenFailsWithEexistNamingTheKey() {
        assertThatThrownBy(() -> SysVSemaphoreSet.create(key, 1))
                .isInstanceOf(NativeException.class)
                .hasMessage("semget(" + Os.keyText(key) + ", 1): EEXIST (File exists)")
                .extracting(e -> ((NativeException) e).errno()).isEqualTo(Errno.EEXIST);
    }

    @Test
    void openingAKeyWithoutASetFailsWithEnoent() {
        int missing = TestNames.sysvKey();

        assertThatThrownBy(() -> SysVSemaphoreSet.open(missing))
                .isInstanceOf(NativeException.class)
                .hasMessage("semget(" + Os.keyText(missing) + ", 0): ENOENT (No such file or directory)");
    }

    @Test
    void openingByKeyFindsTheSameSetWithItsSize() {
        SysVSemaphoreSet opened = SysVSemaphoreSet.open(key);

        assertThat(opened.id()).isEqualTo(set.id());
        assertThat(opened.count()).isEqualTo(2);
    }

    @Test
    void theCreatedSetIsRecordedInTheRegistryUntilItIsRemoved() {
        assertThat(ObjectRegistry.find(ObjectRegistry.Kind.SYSV_SEM, null, set.id()))
                .hasValueSatisfying(entry -> assertThat(entry.key()).isEqualTo(key));

        assertThat(set.remove()).isTrue();
        assertThat(set.remove()).as("second call").isFalse();
        assertThat(ObjectRegistry.find(ObjectRegistry.Kind.SYSV_SEM, null, set.id())).isEmpty();
    }

    @Test
    void setValueSetsOneMemberOnlyAndLastPidNamesThisProcess() {
        set.setValue(1, 7);

        assertThat(set.value(0)).isZero();
        assertThat(set.value(1)).isEqualTo(7);
        set.release(0, false);
        assertThat(set.lastPid(0)).isEqualTo(Os.getpid());
    }

    @Test
    void valuesBeyondSemvmxCountsBeyondSemmslAndIndicesOutsideTheSetAreRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> set.setValue(0, SysVSemaphoreSet.MAX_VALUE + 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("semaphore value (SEMVMX): must be between 0 and 32767 (got 32768)");
        assertThatThrownBy(() -> SysVSemaphoreSet.create(TestNames.sysvKey(), Integer.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("semaphore count (SEMMSL");
        assertThatThrownBy(() -> set.value(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void waitingCountShowsAnAcquirerSleepingInTheKernel() throws Exception {
        CompletableFuture<Boolean> acquirer = CompletableFuture.supplyAsync(
                () -> set.acquire(0, Duration.ofSeconds(10), false, WaitStrategy.BLOCK));
        try {
            assertThat(poll(() -> set.waitingCount(0) == 1)).as("one waiter counted").isTrue();
        } finally {
            set.release(0, false);
        }
        assertThat(acquirer.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(set.waitingCount(0)).isZero();
    }

    @Test
    void anAcquireWithSemUndoIsGivenBackWhenItsHolderIsKilled() {
        set.setValue(0, 1);
        try (ChildJvm child = ChildJvm.start(HoldAndWaitChild.class, "20000", "sysv-undo", Integer.toString(key))) {
            child.awaitLine("holding outcome=ACQUIRED", Duration.ofSeconds(30));
            assertThat(set.value(0)).isZero();

            Os.kill((int) child.pid(), Os.SIGKILL);
            child.waitFor(Duration.ofSeconds(10));

            assertThat(set.value(0)).as("the kernel undid the child's acquire").isEqualTo(1);
            assertThat(set.acquire(0, Duration.ofSeconds(1), false)).isTrue();
        }
    }

    private static boolean poll(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
