package dev.shmlab.sync;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;
import java.lang.invoke.VarHandle;

/**
 * A 32-bit word in shared memory that processes sleep on with FUTEX_WAIT and wake with FUTEX_WAKE.
 * The futex is shared, not private: the kernel finds it by the physical page, so every process
 * that maps the segment, at whatever address, meets on the same word.
 *
 * <pre>
 *   plain: PLAIN_LENGTH bytes      counted: COUNTED_LENGTH bytes
 *   +----------+                   +----------+----------+
 *   |  value   |                   |  value   | waiters  |
 *   +----------+                   +----------+----------+
 *   0          4                   0          4          8
 * </pre>
 *
 * <p>A counted word keeps the number of sleepers beside the value, so {@link #wake} skips the
 * syscall when nobody sleeps; every sleeper and waker must then use the counted form. A plain word
 * (for a layout someone else made) always makes the syscall. A sleeper killed while asleep leaves
 * the count raised: later wakes make a needless syscall but never lose a wake-up.
 */
public final class FutexWord {
    /** Where the value sits, from the word's offset. */
    public static final int VALUE_OFFSET = 0;
    /** Where a counted word keeps its number of sleepers, from the word's offset. */
    public static final int WAITERS_OFFSET = 4;
    /** Bytes a plain word occupies. */
    public static final int PLAIN_LENGTH = 4;
    /** Bytes a counted word occupies: value and waiters. */
    public static final int COUNTED_LENGTH = 8;

    private final SharedMemory mem;
    private final long offset;
    private final long address;
    private final boolean counted;

    private FutexWord(SharedMemory mem, long offset, boolean counted) {
        this.address = Checks.placement(mem, offset, counted ? COUNTED_LENGTH : PLAIN_LENGTH, Integer.BYTES, counted,
                counted ? "counted futex word" : "futex word");
        this.mem = mem;
        this.offset = offset;
        this.counted = counted;
    }

    /** A plain word at offset: wakes always make the syscall. */
    public static FutexWord plain(SharedMemory mem, long offset) {
        return new FutexWord(mem, offset, false);
    }

    /** A counted word at offset (value, then waiters): wakes skip the syscall when nobody sleeps. */
    public static FutexWord counted(SharedMemory mem, long offset) {
        return new FutexWord(mem, offset, true);
    }

    /** Whether this word keeps a count of sleepers beside its value. */
    public boolean isCounted() {
        return counted;
    }

    /** Load-acquire of the value: what the writer stored before its release is visible after it. */
    public int getAcquire() {
        return mem.getIntAcquire(offset + VALUE_OFFSET);
    }

    /** Store-release of the value: this process's earlier stores are visible before it. Wakes nobody. */
    public void setRelease(int value) {
        mem.putIntRelease(offset + VALUE_OFFSET, value);
    }

    /** Atomically sets the value if it is {@code expected} (full fence). Wakes nobody. */
    public boolean compareAndSet(int expected, int value) {
        return mem.compareAndSetInt(offset + VALUE_OFFSET, expected, value);
    }

    /** How many processes or threads sleep on a counted word right now (or are about to). */
    public int waiters() {
        if (!counted) {
            throw new IllegalStateException("a plain futex word keeps no count of waiters: offset=" + offset);
        }
        return mem.getIntVolatile(offset + WAITERS_OFFSET);
    }

    /** Sleeps while the value is {@code expected}, at most timeoutNanos; false when it timed out. */
    public boolean waitWhile(int expected, long timeoutNanos) {
        return WaitStrategy.BLOCK.awaitInt(this, value -> value != expected, timeoutNanos);
    }

    /** Wakes at most count sleepers; call it after the store that changed the value. Returns how many woke. */
    public int wake(int count) {
        if (count < 1) {
            throw new InvalidInputException("wake count: must be 1 or more (got " + count + ")");
        }
        if (counted) {
            // Orders the caller's store of the value before this load of the count; pairs with the
            // sleeper's increment, so a sleeper this skips is bound to see the new value.
            VarHandle.fullFence();
            if (mem.getIntVolatile(offset + WAITERS_OFFSET) == 0) {
                return 0;
            }
        }
        return Os.futexWake(address, count);
    }

    /** Wakes every sleeper; returns how many woke. */
    public int wakeAll() {
        return wake(Integer.MAX_VALUE);
    }

    /** One FUTEX_WAIT while the value is {@code expected}, at most timeoutNanos; may return early. */
    void sleep(int expected, long timeoutNanos) {
        if (!counted) {
            Os.futexWait(address, expected, timeoutNanos);
            return;
        }
        // A full-barrier increment: a waker that then reads a count of 0 stored its value before it,
        // so FUTEX_WAIT, which compares the value in the kernel, returns at once.
        mem.getAndAddInt(offset + WAITERS_OFFSET, 1);
        try {
            Os.futexWait(address, expected, timeoutNanos);
        } finally {
            mem.getAndAddInt(offset + WAITERS_OFFSET, -1);
        }
    }
}
