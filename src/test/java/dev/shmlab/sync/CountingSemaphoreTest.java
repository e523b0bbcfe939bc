package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.testing.TestNames;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every kind of {@link CountingSemaphore} does alike, on real kernel objects. */
class CountingSemaphoreTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(100);
    /** Generous: only a wait that never ends (or ends far too late) should fail. */
    private static final Duration LATE = Duration.ofSeconds(1);

    private final Undo undo = new Undo();

    enum Kind { NAMED, IN_SEGMENT, SYSTEM_V }

    @AfterEach
    void undoEverything() throws Exception {
        undo.undoAll();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theValueCountsReleasedUnitsAndTryAcquireTakesThem(Kind kind) {
        CountingSemaphore semaphore = create(kind, 1);
        semaphore.release();

        assertThat(semaphore.value()).isEqualTo(2);
        assertThat(semaphore.tryAcquire()).isTrue();
        assertThat(semaphore.tryAcquire()).isTrue();
        assertThat(semaphore.tryAcquire()).as("nothing left").isFalse();
        assertThat(semaphore.value()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAcquireWithAUnitAvailableReturnsAtOnce(Kind kind) {
        CountingSemaphore semaphore = create(kind, 1);

        assertThat(semaphore.acquire(Duration.ZERO)).isTrue();
        assertThat(semaphore.value()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTimedAcquireOnAZeroSemaphoreReturnsFalseAfterRoughlyItsTimeoutWithEveryStrategy(Kind kind) {
        CountingSemaphore semaphore = create(kind, 0);
        for (WaitStrategy strategy : WaitStrategy.values()) {
            long startNanos = System.nanoTime();
            boolean acquired = semaphore.acquire(SHORT_TIMEOUT, strategy);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);

            assertThat(acquired).as(strategy.name()).isFalse();
            assertThat(elapsed).as(strategy.name()).isBetween(SHORT_TIMEOUT.minusMillis(5), SHORT_TIMEOUT.plus(LATE));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReleaseFromAnotherThreadEndsAnAcquireSleepingInTheKernel(Kind kind) throws Exception {
        CountingSemaphore semaphore = create(kind, 0);
        CompletableFuture<Void> releaser = CompletableFuture.runAsync(() -> {
            sleep(SHORT_TIMEOUT);
            semaphore.release();
        });

        long startNanos = System.nanoTime();
        boolean acquired = semaphore.acquire(Duration.ofSeconds(10), WaitStrategy.BLOCK);

        assertThat(acquired).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(SHORT_TIMEOUT.plus(LATE));
        releaser.get(5, TimeUnit.SECONDS);
    }

    private CountingSemaphore create(Kind kind, int initialValue) {
        return switch (kind) {
            case NAMED -> {
                NamedSemaphore semaphore = NamedSemaphore.create(TestNames.posix(), initialValue);
                undo.push(semaphore::unlink);
                yield undo.push(semaphore);
            }
            case IN_SEGMENT -> {
                TestSegment segment = undo.push(TestSegment.create());
                SharedSemaphore semaphore = SharedSemaphore.initialize(segment.memory(), 0, initialValue, "test");
                undo.push(semaphore::destroy);
                yield semaphore;
            }
            case SYSTEM_V -> {
                SysVSemaphoreSet set = SysVSemaphoreSet.create(TestNames.sysvKey(), 1);
                undo.push(set::remove);
                set.setValue(0, initialValue);
                yield set.member(0, false);
            }
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
