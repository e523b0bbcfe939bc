package dev.shmlab.sync;

import dev.shmlab.os.Os;
import java.time.Duration;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A POSIX {@code sem_t}, named or placed in a segment. An acquire tries {@code sem_trywait}, keeps
 * trying while its {@link WaitStrategy} spins and yields, then sleeps in {@code sem_timedwait}.
 * Not for use after {@link #close()}; close only when no thread of this process uses it.
 */
public abstract sealed class PosixSemaphore implements CountingSemaphore permits NamedSemaphore, SharedSemaphore {
    /** SEM_VALUE_MAX on Linux: the largest value a POSIX semaphore can hold. */
    public static final int MAX_VALUE = Integer.MAX_VALUE;

    private final long address;
    private final String object;
    private final Supplier<Boolean> attempt;
    private final LongFunction<Boolean> sleep;
    private volatile boolean closed;

    PosixSemaphore(long address, String object) {
        this.address = address;
        this.object = object;
        this.attempt = () -> Os.semTryWait(address, object) ? Boolean.TRUE : null;
        this.sleep = sleepNanos -> Os.semTimedWait(address, sleepNanos, object) ? Boolean.TRUE : null;
    }

    @Override
    public final boolean acquire(Duration timeout, WaitStrategy strategy) {
        long timeoutNanos = WaitStrategy.toNanos(timeout);
        checkOpen();
        return strategy.await(attempt, sleep, timeoutNanos) != null;
    }

    @Override
    public final boolean tryAcquire() {
        checkOpen();
        return Os.semTryWait(address, object);
    }

    @Override
    public final void release() {
        checkOpen();
        Os.semPost(address, object);
    }

    @Override
    public final int value() {
        checkOpen();
        return Os.semGetValue(address, object);
    }

    final long address() {
        return address;
    }

    final String object() {
        return object;
    }

    /** Marks this handle closed; true only for the first call, which must then release it. */
    final synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("semaphore is closed: " + object);
        }
    }

    static int checkInitialValue(int initialValue) {
        return Checks.range(initialValue, 0, MAX_VALUE, "initial value");
    }
}
