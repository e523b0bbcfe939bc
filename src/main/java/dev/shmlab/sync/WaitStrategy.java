package dev.shmlab.sync;

import dev.shmlab.shm.SharedMemory;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * How a process waits for another: spin, yield, then sleep in the kernel — or only spin, or only
 * sleep. Every wait has a deadline, and running out of time is a result, never an exception.
 * Waits do not answer {@link Thread#interrupt()}: a thread in a syscall does not see it; the
 * deadline ends them.
 *
 * <p>This machine has 2 vCPUs and often packs two busy processes onto one of them; two pure
 * spinners there hand over only when the 4 ms scheduler tick preempts one. So every wait that is
 * not a deliberate benchmark uses {@link #BACKOFF} — except where each attempt is itself a
 * syscall (System V semaphores, see {@link SysVSemaphoreSet#DEFAULT_WAIT}): there the kernel's own
 * sleep is the block, and spinning on syscalls only delays the peer.
 *
 * <p>{@link #awaitInt} sleeps on a counted {@link FutexWord} ({@link FutexWord#COUNTED_LENGTH}
 * bytes: the value, then the number of sleepers). A writer calls {@link #signal} after its store;
 * it makes the FUTEX_WAKE syscall only when someone sleeps.
 */
public enum WaitStrategy {
    /** Busy-spin until the deadline, never sleep: lowest latency, burns a vCPU; for benchmarks only. */
    SPIN(Long.MAX_VALUE, 0),
    /** Spin briefly, yield a few times, then sleep: the default for every other wait. */
    BACKOFF(WaitStrategy.BACKOFF_SPINS, WaitStrategy.BACKOFF_YIELDS),
    /** Sleep at once after one attempt: least CPU; every hand-over pays a kernel wake-up. */
    BLOCK(0, 0);

    /**
     * Spins before yielding. A few hundred spins (tens of microseconds with the attempt itself)
     * catch a peer running on the other vCPU that answers within that time, without a wake-up;
     * longer spinning only burns the CPU a peer on this vCPU needs.
     */
    public static final int BACKOFF_SPINS = 300;

    /**
     * Yields before sleeping. Each yield hands this vCPU to a peer packed onto it, which then
     * answers at once instead of after the 4 ms tick; a peer that has not answered after a few
     * turns is itself waiting or busy, and sleeping costs less.
     */
    public static final int BACKOFF_YIELDS = 5;

    /**
     * The longest single sleep. libc's timed waits take an absolute CLOCK_REALTIME deadline: slicing
     * keeps that arithmetic far from overflow and re-arms from the monotonic deadline after a
     * clock step. One extra wake-up a second costs nothing.
     */
    static final long MAX_SLEEP_NANOS = 1_000_000_000L;

    private static final Duration MAX_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

    private final long spins;
    private final int yields;

    WaitStrategy(long spins, int yields) {
        this.spins = spins;
        this.yields = yields;
    }

    /**
     * Waits until the int at offset satisfies the condition, at most timeoutNanos; false on timeout.
     * The word must be the value of a counted {@link FutexWord} whose writers call {@link #signal}.
     */
    public boolean awaitInt(SharedMemory mem, long offset, IntPredicate condition, long timeoutNanos) {
        return awaitInt(FutexWord.counted(mem, offset), condition, timeoutNanos);
    }

    /** Waits until the word's value satisfies the condition, at most timeoutNanos; false on timeout. */
    public boolean awaitInt(FutexWord word, IntPredicate condition, long timeoutNanos) {
        Supplier<Boolean> attempt = () -> condition.test(word.getAcquire()) ? Boolean.TRUE : null;
        LongFunction<Boolean> sleep = sleepNanos -> {
            int observed = word.getAcquire();
            if (condition.test(observed)) {
                return Boolean.TRUE;
            }
            word.sleep(observed, sleepNanos);
            return attempt.get();
        };
        return await(attempt, sleep, timeoutNanos) != null;
    }

    /**
     * Wakes every sleeper of the counted futex word at offset, if there is any; call it after the
     * store that changed the value. Returns how many were woken.
     */
    public static int signal(SharedMemory mem, long offset) {
        return FutexWord.counted(mem, offset).wakeAll();
    }

    /**
     * Repeats attempt until it gives a non-null result, pausing as this strategy says, then sleeps
     * in slices of at most {@link #MAX_SLEEP_NANOS} through sleep (which gives a result or null
     * when the slice ran out). Returns null when timeoutNanos passed.
     */
    <T> T await(Supplier<T> attempt, LongFunction<T> sleep, long timeoutNanos) {
        T result = attempt.get();
        if (result != null || timeoutNanos <= 0) {
            return result;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        long pauses = spins + yields;
        for (long i = 0; i < pauses; i++) {
            if (i < spins) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            result = attempt.get();
            if (result != null || deadline - System.nanoTime() <= 0) {
                return result;
            }
        }
        while (true) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                return null;
            }
            result = sleep.apply(Math.min(leftNanos, MAX_SLEEP_NANOS));
            if (result != null) {
                return result;
            }
        }
    }

    /** A timeout in nanoseconds: negative means do not wait; beyond about 292 years it saturates. */
    static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            return 0;
        }
        return timeout.compareTo(MAX_TIMEOUT) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
    }
}
