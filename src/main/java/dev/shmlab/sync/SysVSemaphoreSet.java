package dev.shmlab.sync;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.ObjectRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A System V semaphore set ({@code semget}). Operations with {@code undo} use SEM_UNDO: the kernel
 * reverses them when the process exits, even by SIGKILL — right for a lock taken and given back by
 * the same process, wrong for a hand-off where one process releases what another acquired. The set
 * lives until {@link #remove()}; {@link #close()} holds nothing to release.
 */
public final class SysVSemaphoreSet implements AutoCloseable {
    /** SEMVMX: the largest value a System V semaphore can hold. */
    public static final int MAX_VALUE = 32767;
    /** The default mode of created sets: owner read/write only. */
    public static final int DEFAULT_MODE = 0600;
    /**
     * How acquires wait unless told otherwise. Every attempt is a syscall that takes the set's lock,
     * which the releasing process needs too, so spinning slows the very hand-off it waits for:
     * measured here with two threads, 10–25 µs a round trip with BLOCK against 0.8–2 ms with BACKOFF.
     */
    public static final WaitStrategy DEFAULT_WAIT = WaitStrategy.BLOCK;

    private static final Path SEM_LIMITS = Path.of("/proc/sys/kernel/sem");
    private static final int DEFAULT_MAX_COUNT = 32000;

    private final int key;
    private final int id;
    private final int count;
    private boolean removed;

    private SysVSemaphoreSet(int key, int id, int count) {
        this.key = key;
        this.id = id;
        this.count = count;
    }

    /** Creates a new set of count semaphores (all 0) exclusively with mode 0600. */
    public static SysVSemaphoreSet create(int key, int count) {
        return create(key, count, DEFAULT_MODE);
    }

    /** Creates a new set of count semaphores (all 0) exclusively (IPC_CREAT|IPC_EXCL) and records it in the registry. */
    public static SysVSemaphoreSet create(int key, int count, int mode) {
        Checks.range(count, 1, maxCount(), "semaphore count (SEMMSL, /proc/sys/kernel/sem)");
        Checks.mode(mode);
        int id = Os.semget(key, count, Os.IPC_CREAT | Os.IPC_EXCL | mode);
        try {
            ObjectRegistry.register(ObjectRegistry.Kind.SYSV_SEM, null, id, key);
        } catch (RuntimeException e) {
            try {
                Os.semRemove(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new SysVSemaphoreSet(key, id, count);
    }

    /** Opens the existing set of a key. */
    public static SysVSemaphoreSet open(int key) {
        if (key == Os.IPC_PRIVATE) {
            throw new InvalidInputException("key: IPC_PRIVATE (0) names no existing set");
        }
        int id = Os.semget(key, 0, 0);
        return new SysVSemaphoreSet(key, id, Os.semCount(id));
    }

    /** Takes one unit of semaphore index, waiting at most timeout as {@link #DEFAULT_WAIT} says; false on timeout. */
    public boolean acquire(int index, Duration timeout, boolean undo) {
        return acquire(index, timeout, undo, DEFAULT_WAIT);
    }

    /** Takes one unit of semaphore index, waiting at most timeout as the strategy says; false on timeout. */
    public boolean acquire(int index, Duration timeout, boolean undo, WaitStrategy strategy) {
        long timeoutNanos = WaitStrategy.toNanos(timeout);
        Objects.checkIndex(index, count);
        int flags = undo ? Os.SEM_UNDO : 0;
        Supplier<Boolean> attempt = () -> Os.semop(id, index, -1, flags | Os.IPC_NOWAIT, 0) ? Boolean.TRUE : null;
        LongFunction<Boolean> sleep = sleepNanos -> Os.semop(id, index, -1, flags, sleepNanos) ? Boolean.TRUE : null;
        return strategy.await(attempt, sleep, timeoutNanos) != null;
    }

    /** Takes one unit of semaphore index if one is there now. */
    public boolean tryAcquire(int index, boolean undo) {
        Objects.checkIndex(index, count);
        return Os.semop(id, index, -1, (undo ? Os.SEM_UNDO : 0) | Os.IPC_NOWAIT, 0);
    }

    /** Gives one unit of semaphore index back, waking a waiter if there is one. */
    public void release(int index, boolean undo) {
        Objects.checkIndex(index, count);
        Os.semop(id, index, 1, undo ? Os.SEM_UNDO : 0, 0);
    }

    /** GETVAL: the value of semaphore index. */
    public int value(int index) {
        return Os.semctl(id, Objects.checkIndex(index, count), Os.GETVAL);
    }

    /** SETVAL: sets semaphore index to value (0 to {@link #MAX_VALUE}), clearing every process's undo for it. */
    public void setValue(int index, int value) {
        Objects.checkIndex(index, count);
        Checks.range(value, 0, MAX_VALUE, "semaphore value (SEMVMX)");
        Os.semSetValue(id, index, value);
    }

    /** GETNCNT: how many processes wait for semaphore index to grow. */
    public int waitingCount(int index) {
        return Os.semctl(id, Objects.checkIndex(index, count), Os.GETNCNT);
    }

    /** GETPID: the process that last operated on semaphore index (0 when none has). */
    public int lastPid(int index) {
        return Os.semctl(id, Objects.checkIndex(index, count), Os.GETPID);
    }

    /** One semaphore of the set seen as a {@link CountingSemaphore}; closing it does nothing. */
    public CountingSemaphore member(int index, boolean undo) {
        Objects.checkIndex(index, count);
        return new Member(this, index, undo);
    }

    /** The kernel's id of the set, as {@code ipcs -s} shows it. */
    public int id() {
        return id;
    }

    /** The key the set was created or opened with. */
    public int key() {
        return key;
    }

    /** How many semaphores the set holds. */
    public int count() {
        return count;
    }

    /** IPC_RMID, waking every waiter with EIDRM, and forgets the registry entry. Only the first call acts. */
    public synchronized boolean remove() {
        if (removed) {
            return false;
        }
        removed = true;
        boolean existed = Os.semRemove(id);
        ObjectRegistry.forget(ObjectRegistry.Kind.SYSV_SEM, null, id);
        return existed;
    }

    /** Nothing to release: a System V set is not held open by a process. */
    @Override
    public void close() {
        // the kernel keeps no per-process handle; remove() deletes the set
    }

    @Override
    public String toString() {
        return "sysv semaphore set " + Os.keyText(key) + " id=" + id + " count=" + count;
    }

    /** SEMMSL, the first field of /proc/sys/kernel/sem: the most semaphores a set may hold. */
    private static int maxCount() {
        try {
            return Integer.parseInt(Files.readString(SEM_LIMITS).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_MAX_COUNT;
        }
    }

    private record Member(SysVSemaphoreSet set, int index, boolean undo) implements CountingSemaphore {
        @Override
        public boolean acquire(Duration timeout) {
            return set.acquire(index, timeout, undo);
        }

        @Override
        public boolean acquire(Duration timeout, WaitStrategy strategy) {
            return set.acquire(index, timeout, undo, strategy);
        }

        @Override
        public boolean tryAcquire() {
            return set.tryAcquire(index, undo);
        }

        @Override
        public void release() {
            set.release(index, undo);
        }

        @Override
        public int value() {
            return set.value(index);
        }

        @Override
        public void close() {
            // a member view holds nothing
        }
    }
}
