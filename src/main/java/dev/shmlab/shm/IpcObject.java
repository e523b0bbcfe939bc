package dev.shmlab.shm;

import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry.Kind;

/**
 * One shared-memory object or semaphore as the kernel shows it, plus what shmlab's registry knows.
 *
 * @param kind             POSIX or System V, segment or semaphore (or a mapped file)
 * @param name             the POSIX name ({@code /x}) or file path; null for System V
 * @param key              the System V key (0 for IPC_PRIVATE and for everything else)
 * @param id               the System V id; -1 for POSIX objects and files
 * @param ownerUid         the owning user's uid
 * @param owner            the owning user's name (the uid as text when it has none)
 * @param mode             the permission bits, e.g. {@code 0600}
 * @param sizeBytes        the size in bytes; -1 for System V semaphore sets
 * @param semaphoreCount   how many semaphores a System V set holds; -1 for everything else
 * @param attachCount      how many processes have a System V segment attached; -1 when unknown
 * @param creator          the creating process, null when nobody knows it
 * @param last             the last process to attach or detach (System V), null when unknown
 * @param createdByShmlab  whether shmlab's registry records creating this very object
 */
public record IpcObject(Kind kind, String name, int key, int id, int ownerUid, String owner, int mode,
        long sizeBytes, int semaphoreCount, long attachCount, ProcessRef creator, ProcessRef last,
        boolean createdByShmlab) {

    /** A process the kernel or the registry names, and whether it is still running. */
    public record ProcessRef(long pid, boolean alive) {
    }

    /** How to find this object again. */
    public IpcRef ref() {
        return new IpcRef(kind, name, key, id);
    }

    /** Whether the current effective user owns it. */
    public boolean ownedByCurrentUser() {
        return ownerUid == Os.geteuid();
    }

    /** A short label for lists: {@code posix-shm /x}, {@code sysv-shm key=0x5e00002a id=7}. */
    public String label() {
        String what = switch (kind) {
            case SYSV_SHM, SYSV_SEM -> (key == 0 ? "key=IPC_PRIVATE" : Os.keyText(key)) + " id=" + id;
            default -> name;
        };
        return IpcRef.label(kind) + " " + what;
    }
}
