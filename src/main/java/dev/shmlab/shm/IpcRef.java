package dev.shmlab.shm;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry.Kind;
import java.nio.file.Path;

/**
 * Which kernel object is meant: a POSIX shared-memory object or semaphore by name, a System V
 * segment by id or key, a System V semaphore set by id, or a mapped file by path.
 * {@code id} is -1 and {@code key} 0 where they do not apply.
 */
public record IpcRef(Kind kind, String name, int key, int id) {

    /** A POSIX shared-memory object such as {@code /myshm}. */
    public static IpcRef posixShm(String name) {
        return new IpcRef(Kind.POSIX_SHM, PosixNames.check(name, "name"), 0, -1);
    }

    /** A POSIX named semaphore such as {@code /mysem} (the file {@code /dev/shm/sem.mysem}). */
    public static IpcRef posixSemaphore(String name) {
        return new IpcRef(Kind.POSIX_SEM, PosixNames.check(name, "--sem"), 0, -1);
    }

    /** A System V segment by id. */
    public static IpcRef sysvShmId(int id) {
        return new IpcRef(Kind.SYSV_SHM, null, 0, new SegmentAddress.SysVId(id).id());
    }

    /** A System V segment by key (its id is looked up). */
    public static IpcRef sysvShmKey(int key) {
        return new IpcRef(Kind.SYSV_SHM, null, key, -1);
    }

    /** A System V semaphore set by id. */
    public static IpcRef sysvSemaphoreId(int id) {
        if (id < 0) {
            throw new InvalidInputException("--sysv-sem-id: must be 0 or more (got " + id + ")");
        }
        return new IpcRef(Kind.SYSV_SEM, null, 0, id);
    }

    /** A regular file, by its absolute path. */
    public static IpcRef file(Path path) {
        return new IpcRef(Kind.FILE, path.toAbsolutePath().normalize().toString(), 0, -1);
    }

    /** The object a segment address names. */
    public static IpcRef of(SegmentAddress address) {
        return switch (address) {
            case SegmentAddress.Posix p -> posixShm(p.name());
            case SegmentAddress.SysVKey k when k.id() >= 0 -> new IpcRef(Kind.SYSV_SHM, null, k.key(), k.id());
            case SegmentAddress.SysVKey k -> sysvShmKey(k.key());
            case SegmentAddress.SysVId i -> sysvShmId(i.id());
            case SegmentAddress.MappedFile f -> file(f.path());
        };
    }

    /** The object a registry entry records. */
    public static IpcRef of(ObjectRegistry.Entry entry) {
        return new IpcRef(entry.kind(), entry.name(), entry.key(), entry.id());
    }

    /** Whether the object is a file in /dev/shm (a POSIX shared-memory object or named semaphore). */
    public boolean inDevShm() {
        return kind == Kind.POSIX_SHM || kind == Kind.POSIX_SEM;
    }

    /** The short label of a kind as the CLI shows it: {@code posix-shm}, {@code sysv-sem}, … */
    public static String label(Kind kind) {
        return switch (kind) {
            case POSIX_SHM -> "posix-shm";
            case POSIX_SEM -> "posix-sem";
            case SYSV_SHM -> "sysv-shm";
            case SYSV_SEM -> "sysv-sem";
            case POSIX_MQ -> "posix-mq";
            case FILE -> "file";
        };
    }

    /** A plain-words description for messages: {@code POSIX shared-memory object "/x"}. */
    public String describe() {
        return switch (kind) {
            case POSIX_SHM -> "POSIX shared-memory object \"" + name + "\"";
            case POSIX_SEM -> "POSIX named semaphore \"" + name + "\"";
            case POSIX_MQ -> "POSIX message queue \"" + name + "\"";
            case SYSV_SHM -> "System V segment with " + sysvText();
            case SYSV_SEM -> "System V semaphore set with " + sysvText();
            case FILE -> "file " + name;
        };
    }

    private String sysvText() {
        if (id >= 0) {
            return "id=" + id;
        }
        return Os.keyText(key);
    }
}
