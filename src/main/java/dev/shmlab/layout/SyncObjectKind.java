package dev.shmlab.layout;

/** The kinds of synchronisation object a lab segment describes. */
public enum SyncObjectKind {
    NONE, NAMED_SEMAPHORE, UNNAMED_SEMAPHORE, SYSV_SEMAPHORE, ROBUST_MUTEX, FUTEX, SPIN_FLAG;

    public static SyncObjectKind of(int code) {
        return code >= 0 && code < values().length ? values()[code] : NONE;
    }
}
