package dev.shmlab.sync;

import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;
import java.time.Duration;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A process-shared robust {@code pthread_mutex_t} placed inside a segment: {@link #LENGTH} bytes at
 * an offset aligned to {@link #ALIGNMENT}. When its owner dies holding it, the next {@link #lock}
 * gets it with {@link LockOutcome#RECOVERED}. The thread that locked it must be the one to unlock
 * it. The memory must stay mapped while the mutex is used.
 */
public final class RobustMutex implements AutoCloseable {
    /** sizeof(pthread_mutex_t). */
    public static final int LENGTH = Os.PTHREAD_MUTEX_T_SIZE;
    /** alignof(pthread_mutex_t). */
    public static final int ALIGNMENT = 8;

    private final long address;
    private final String object;
    private final Supplier<LockOutcome> attempt;
    private final LongFunction<LockOutcome> sleep;
    private volatile boolean closed;
    private boolean destroyed;

    private RobustMutex(long address, String object) {
        this.address = address;
        this.object = object;
        this.attempt = () -> outcome(Os.mutexTryLock(address, object));
        this.sleep = sleepNanos -> outcome(Os.mutexTimedLock(address, sleepNanos, object));
    }

    /** Initialises a PTHREAD_PROCESS_SHARED, PTHREAD_MUTEX_ROBUST mutex at offset; nobody may use that place yet. */
    public static RobustMutex initialize(SharedMemory mem, long offset, String label) {
        long address = Checks.placement(mem, offset, LENGTH, ALIGNMENT, true, "pthread_mutex_t");
        Os.mutexInitSharedRobust(address, Checks.placed(label, offset));
        return new RobustMutex(address, Checks.placed(label, offset));
    }

    /** Uses the mutex another process initialised at offset. */
    public static RobustMutex attach(SharedMemory mem, long offset, String label) {
        long address = Checks.placement(mem, offset, LENGTH, ALIGNMENT, true, "pthread_mutex_t");
        return new RobustMutex(address, Checks.placed(label, offset));
    }

    /** Locks, waiting at most timeout with {@link WaitStrategy#BACKOFF}. */
    public LockOutcome lock(Duration timeout) {
        return lock(timeout, WaitStrategy.BACKOFF);
    }

    /** Locks, waiting at most timeout as the strategy says; a dead owner's lock is made consistent and taken. */
    public LockOutcome lock(Duration timeout, WaitStrategy strategy) {
        long timeoutNanos = WaitStrategy.toNanos(timeout);
        checkOpen();
        LockOutcome outcome = strategy.await(attempt, sleep, timeoutNanos);
        return outcome != null ? outcome : LockOutcome.TIMED_OUT;
    }

    /** Unlocks; fails with EPERM when the calling thread does not hold it. */
    public void unlock() {
        checkOpen();
        Os.mutexUnlock(address, object);
    }

    final long address() {
        return address;
    }

    /** Stops using it here; the mutex stays in the segment for the others. */
    @Override
    public void close() {
        closed = true;
    }

    /** pthread_mutex_destroy, then closes; only when it is unlocked and nobody uses it. Later calls do nothing. */
    public synchronized void destroy() {
        if (!destroyed) {
            destroyed = true;
            closed = true;
            Os.mutexDestroy(address, object);
        }
    }

    private LockOutcome outcome(Os.LockResult result) {
        return switch (result) {
            case ACQUIRED -> LockOutcome.ACQUIRED;
            case ACQUIRED_OWNER_DIED -> {
                Os.mutexConsistent(address, object);
                yield LockOutcome.RECOVERED;
            }
            case TIMED_OUT -> null;
        };
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("mutex is closed: " + object);
        }
    }
}
