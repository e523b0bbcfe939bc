package dev.shmlab.sync;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.PosixNames;
import java.nio.charset.StandardCharsets;

/**
 * A POSIX named semaphore ({@code sem_open}), which glibc keeps in {@code /dev/shm/sem.NAME}.
 * {@link #close()} drops this process's handle; {@link #unlink()} removes the name.
 */
public final class NamedSemaphore extends PosixSemaphore {
    /** The longest name after its '/': {@code sem.} plus the name must fit NAME_MAX (255) bytes. */
    public static final int MAX_NAME_BYTES = 251;
    /** The default mode of created semaphores: owner read/write only. */
    public static final int DEFAULT_MODE = 0600;

    private final String name;
    private boolean unlinked;

    private NamedSemaphore(long address, String name) {
        super(address, "\"" + name + "\"");
        this.name = name;
    }

    /** Creates a new semaphore exclusively with mode 0600. */
    public static NamedSemaphore create(String name, int initialValue) {
        return create(name, initialValue, DEFAULT_MODE);
    }

    /** Creates a new semaphore exclusively (O_CREAT|O_EXCL) and records it in the registry. */
    public static NamedSemaphore create(String name, int initialValue, int mode) {
        checkName(name);
        checkInitialValue(initialValue);
        Checks.mode(mode);
        // Recorded before it exists, so a process killed right after sem_open still leaves a trace clean can follow.
        ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SEM, name, -1, 0);
        long sem;
        try {
            sem = Os.semOpen(name, Os.O_CREAT | Os.O_EXCL, mode, initialValue);
        } catch (RuntimeException e) {
            ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SEM, name, -1);
            throw e;
        }
        try {
            // sem_open applies the umask; the semaphore's file gets exactly the requested bits.
            Os.chmod("/dev/shm/sem." + name.substring(1), mode);
        } catch (RuntimeException e) {
            try {
                Os.semClose(sem);
                Os.semUnlink(name);
                ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SEM, name, -1);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new NamedSemaphore(sem, name);
    }

    /** Opens an existing semaphore. */
    public static NamedSemaphore open(String name) {
        checkName(name);
        return new NamedSemaphore(Os.semOpen(name, 0, 0, 0), name);
    }

    /** Checks a semaphore name before any call: a POSIX name of at most {@link #MAX_NAME_BYTES} after its '/'. */
    public static String checkName(String name) {
        PosixNames.check(name, "semaphore name");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length - 1;
        if (bytes > MAX_NAME_BYTES) {
            throw new InvalidInputException("semaphore name: at most " + MAX_NAME_BYTES
                    + " bytes after the '/', as /dev/shm keeps it as sem.NAME (got " + bytes + ")");
        }
        return name;
    }

    /** The POSIX name, e.g. {@code /shmlab-turn}. */
    public String name() {
        return name;
    }

    /** sem_close: drops this process's handle. The semaphore stays until {@link #unlink()}. */
    @Override
    public void close() {
        if (markClosed()) {
            Os.semClose(address());
        }
    }

    /**
     * sem_unlink and forgets the registry entry; processes that have it open keep using it. Only the
     * first call acts; returns whether it removed the name.
     */
    public synchronized boolean unlink() {
        if (unlinked) {
            return false;
        }
        unlinked = true;
        boolean removed = Os.semUnlink(name);
        ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SEM, name, -1);
        return removed;
    }
}
