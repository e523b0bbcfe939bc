package dev.shmlab.shm;

/**
 * A mapped shared-memory segment of one backend. Closing unmaps (or detaches); {@link #remove()}
 * deletes the kernel object so no new process can open it. Both are idempotent.
 */
public interface Segment extends AutoCloseable {
    Backend backend();

    /** How to find it again: a POSIX name, a System V key and id, or a file path. */
    SegmentAddress address();

    /** The mapped bytes. */
    SharedMemory memory();

    default long sizeBytes() {
        return memory().sizeBytes();
    }

    /** The uid of the user who owns the kernel object. */
    int ownerUid();

    /** Whether this process created the kernel object (and so should remove it). */
    boolean created();

    /** Unmaps or detaches. The kernel object stays until {@link #remove()}. */
    @Override
    void close();

    /** Deletes the kernel object (shm_unlink, IPC_RMID, or the file) and forgets it in the registry. */
    void remove();
}
