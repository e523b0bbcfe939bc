package dev.shmlab.sync;

import dev.shmlab.shm.SharedMemory;
import java.time.Duration;

/**
 * An int flag in shared memory with release/acquire ordering: what a process wrote before
 * {@link #setRelease} is visible to another once its {@link #getAcquire} or {@link #await} sees
 * that value. It occupies a counted {@link FutexWord} ({@link FutexWord#COUNTED_LENGTH} bytes), so
 * a waiter spins only as long as its {@link WaitStrategy} says and then sleeps.
 */
public final class SpinFlag {
    private final FutexWord word;
    private final WaitStrategy strategy;

    private SpinFlag(FutexWord word, WaitStrategy strategy) {
        this.word = word;
        this.strategy = strategy;
    }

    /** The flag at offset, waited for with {@link WaitStrategy#BACKOFF}. */
    public static SpinFlag of(SharedMemory mem, long offset) {
        return of(mem, offset, WaitStrategy.BACKOFF);
    }

    /** The flag at offset, waited for as the strategy says. */
    public static SpinFlag of(SharedMemory mem, long offset, WaitStrategy strategy) {
        return new SpinFlag(FutexWord.counted(mem, offset), strategy);
    }

    /** Store-release of the value, then wakes sleeping waiters if there are any. */
    public void setRelease(int value) {
        word.setRelease(value);
        word.wakeAll();
    }

    /** Load-acquire of the value. */
    public int getAcquire() {
        return word.getAcquire();
    }

    /** Atomically sets the value if it is {@code expected} (full fence); wakes waiters when it did. */
    public boolean compareAndSet(int expected, int value) {
        if (!word.compareAndSet(expected, value)) {
            return false;
        }
        word.wakeAll();
        return true;
    }

    /** Waits until the flag holds value, at most timeout; false when it timed out. */
    public boolean await(int value, Duration timeout) {
        return strategy.awaitInt(word, observed -> observed == value, WaitStrategy.toNanos(timeout));
    }

    /** How {@link #await} waits. */
    public WaitStrategy strategy() {
        return strategy;
    }
}
