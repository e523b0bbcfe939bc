package dev.shmlab.layout;

import static dev.shmlab.layout.LabLayoutDescriptor.*;

import dev.shmlab.shm.SharedMemory;

/**
 * One synchronisation object of a run: what it is, its label, who holds it (written by the holder
 * right after acquiring and right before releasing) and 64 bytes of storage holding the object
 * itself (a sem_t, a pthread_mutex_t, a futex word) or the POSIX name of a named semaphore.
 */
public final class SyncObjectRecord {
    private final SharedMemory memory;

    SyncObjectRecord(SharedMemory memory) {
        this.memory = memory;
    }

    public void describe(SyncObjectKind kind, String label) {
        memory.putCString(S_LABEL_OFFSET, S_LABEL_LENGTH, label);
        memory.putInt(S_HOLDER_OFFSET, -1);
        memory.putIntRelease(S_KIND_OFFSET, kind.ordinal());
    }

    public SyncObjectKind kind() {
        return SyncObjectKind.of(memory.getIntAcquire(S_KIND_OFFSET));
    }

    public String label() {
        return memory.getCString(S_LABEL_OFFSET, S_LABEL_LENGTH);
    }

    /** The storage area: the in-segment object itself, or the name of a named semaphore. */
    public SharedMemory storage() {
        return memory.slice(S_STORAGE_OFFSET, S_STORAGE_LENGTH);
    }

    public void setPosixName(String name) {
        memory.putCString(S_STORAGE_OFFSET, S_STORAGE_LENGTH, name);
    }

    public String posixName() {
        return memory.getCString(S_STORAGE_OFFSET, S_STORAGE_LENGTH);
    }

    public void setSysV(int id, int semIndex) {
        memory.putInt(S_SYSV_ID_OFFSET, id);
        memory.putInt(S_SEM_INDEX_OFFSET, semIndex);
    }

    public int sysvId() {
        return memory.getInt(S_SYSV_ID_OFFSET);
    }

    public int semIndex() {
        return memory.getInt(S_SEM_INDEX_OFFSET);
    }

    /** Called by a participant right after it acquired the object. */
    public void acquiredBy(int participantIndex, long nowNanos) {
        memory.putLong(S_HOLDER_SINCE_NANOS_OFFSET, nowNanos);
        memory.getAndAddLong(S_ACQUISITIONS_OFFSET, 1);
        memory.putIntRelease(S_HOLDER_OFFSET, participantIndex);
    }

    /** Called by the holder right before it releases the object. */
    public void releasedBy(int participantIndex) {
        memory.compareAndSetInt(S_HOLDER_OFFSET, participantIndex, -1);
    }

    public int holder() {
        return memory.getIntAcquire(S_HOLDER_OFFSET);
    }

    public long holderSinceNanos() {
        return memory.getLong(S_HOLDER_SINCE_NANOS_OFFSET);
    }

    public long acquisitions() {
        return memory.getLongAcquire(S_ACQUISITIONS_OFFSET);
    }
}
