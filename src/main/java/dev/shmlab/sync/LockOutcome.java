package dev.shmlab.sync;

/** What a timed lock of a {@link RobustMutex} came to. */
public enum LockOutcome {
    /** The caller holds the lock. */
    ACQUIRED,
    /**
     * The caller holds the lock, but its previous owner died holding it. The lock was already made
     * consistent again; the data it protects may be half-updated and is the caller's to repair.
     */
    RECOVERED,
    /** The caller does not hold the lock: the timeout ran out. */
    TIMED_OUT;

    /** Whether the caller now holds the lock. */
    public boolean acquired() {
        return this != TIMED_OUT;
    }
}
