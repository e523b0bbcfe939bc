package dev.shmlab.sync;

import java.time.Duration;

/**
 * A counting semaphore shared between processes: a POSIX named one, a POSIX one inside a segment,
 * or one member of a System V set. Waits are bounded; a timeout is a result, not an exception.
 */
public interface CountingSemaphore extends AutoCloseable {

    /**
     * Takes one unit, waiting at most timeout the way that suits the kind ({@link WaitStrategy#BACKOFF}
     * unless it says otherwise); false when it timed out.
     */
    default boolean acquire(Duration timeout) {
        return acquire(timeout, WaitStrategy.BACKOFF);
    }

    /** Takes one unit, waiting at most timeout as the strategy says; false when it timed out. */
    boolean acquire(Duration timeout, WaitStrategy strategy);

    /** Takes one unit if one is there now; false otherwise. */
    boolean tryAcquire();

    /** Gives one unit back, waking a waiter if there is one. */
    void release();

    /** The current value (a snapshot: other processes may change it at once). */
    int value();

    /** Releases what this process holds to reach the semaphore; the semaphore itself stays. */
    @Override
    void close();
}
