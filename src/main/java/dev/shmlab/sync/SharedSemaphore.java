package dev.shmlab.sync;

import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;

/**
 * An unnamed process-shared POSIX semaphore ({@code sem_init} with pshared=1) placed inside a
 * segment: {@link #LENGTH} bytes at an offset aligned to {@link #ALIGNMENT}. The memory must stay
 * mapped while the semaphore is used.
 */
public final class SharedSemaphore extends PosixSemaphore {
    /** sizeof(sem_t). */
    public static final int LENGTH = Os.SEM_T_SIZE;
    /** alignof(sem_t): its 64-bit counter is updated atomically. */
    public static final int ALIGNMENT = 8;

    private final String label;
    private boolean destroyed;

    private SharedSemaphore(long address, String label, long offset) {
        super(address, Checks.placed(label, offset));
        this.label = label;
    }

    /** Initialises a semaphore at offset; no other process may be using that place yet. */
    public static SharedSemaphore initialize(SharedMemory mem, long offset, int initialValue, String label) {
        checkInitialValue(initialValue);
        long address = Checks.placement(mem, offset, LENGTH, ALIGNMENT, true, "sem_t");
        Os.semInitShared(address, initialValue, Checks.placed(label, offset));
        return new SharedSemaphore(address, label, offset);
    }

    /** Uses the semaphore another process initialised at offset. */
    public static SharedSemaphore attach(SharedMemory mem, long offset, String label) {
        return new SharedSemaphore(Checks.placement(mem, offset, LENGTH, ALIGNMENT, true, "sem_t"), label, offset);
    }

    /** What messages call this semaphore. */
    public String label() {
        return label;
    }

    /** Stops using it here; the sem_t stays in the segment for the others. */
    @Override
    public void close() {
        markClosed();
    }

    /** sem_destroy, then closes; only when no process uses it any more. Later calls do nothing. */
    public synchronized void destroy() {
        if (!destroyed) {
            destroyed = true;
            markClosed();
            Os.semDestroy(address(), object());
        }
    }
}
