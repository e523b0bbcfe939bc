package dev.shmlab.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpinFlagTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(100);
    /** Less than one sleep slice: a lost wake-up would still end the wait, one slice late. */
    private static final long WAKE_WITHIN_MILLIS = WaitStrategy.MAX_SLEEP_NANOS / 2_000_000;

    private final TestSegment segment = TestSegment.create();

    @AfterEach
    void removeSegment() {
        segment.close();
    }

    @ParameterizedTest
    @EnumSource(WaitStrategy.class)
    void awaitReturnsFalseAfterRoughlyItsTimeoutWhenTheValueNeverComes(WaitStrategy strategy) {
        SpinFlag flag = SpinFlag.of(segment.memory(), 0, strategy);

        long startNanos = System.nanoTime();
        boolean seen = flag.await(1, SHORT_TIMEOUT);

        assertThat(seen).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isBetween(SHORT_TIMEOUT, SHORT_TIMEOUT.plusSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(WaitStrategy.class)
    void aValueSetByAnotherThreadEndsTheAwait(WaitStrategy strategy) throws Exception {
        SpinFlag flag = SpinFlag.of(segment.memory(), 0, strategy);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> flag.await(1, Duration.ofSeconds(10)));
        Thread.sleep(SHORT_TIMEOUT);

        flag.setRelease(1);

        assertThat(waiter.get(WAKE_WITHIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void compareAndSetChangesTheValueOnlyFromTheExpectedOne() {
        SpinFlag flag = SpinFlag.of(segment.memory(), 0);

        assertThat(flag.compareAndSet(1, 2)).isFalse();
        assertThat(flag.compareAndSet(0, 2)).isTrue();
        assertThat(flag.getAcquire()).isEqualTo(2);
    }

    @Test
    void aWinningCompareAndSetWakesAWaiterSleepingInTheKernel() throws Exception {
        SpinFlag flag = SpinFlag.of(segment.memory(), 0, WaitStrategy.BLOCK);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> flag.await(3, Duration.ofSeconds(10)));
        Thread.sleep(SHORT_TIMEOUT);

        assertThat(flag.compareAndSet(0, 3)).isTrue();

        assertThat(waiter.get(WAKE_WITHIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void signalAfterAStoreWakesAnAwaitIntOnTheSameWord() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(
                () -> WaitStrategy.BLOCK.awaitInt(segment.memory(), 8, value -> value >= 2, Duration.ofSeconds(10).toNanos()));
        Thread.sleep(SHORT_TIMEOUT);

        segment.memory().putIntRelease(8, 2);
        WaitStrategy.signal(segment.memory(), 8);

        assertThat(waiter.get(WAKE_WITHIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    }
}
