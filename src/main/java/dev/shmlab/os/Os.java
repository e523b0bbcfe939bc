package dev.shmlab.os;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.linux.Fcntl;
import com.sun.jna.platform.linux.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The one place that makes native calls. Every method checks the return value, reads errno at
 * once, retries {@code EINTR}, turns the expected "not now" answers ({@code EAGAIN},
 * {@code ETIMEDOUT}) into results and throws {@link NativeException} for everything else.
 *
 * <p>Addresses are plain {@code long}s so no JNA type leaves this package. Methods that name an
 * {@code object} use it only for the exception message ({@code "/name"}, {@code "key=0x41…"}).
 */
public final class Os {
    public static final int O_RDONLY = Fcntl.O_RDONLY;
    public static final int O_WRONLY = Fcntl.O_WRONLY;
    public static final int O_RDWR = Fcntl.O_RDWR;
    public static final int O_CREAT = Fcntl.O_CREAT;
    public static final int O_EXCL = Fcntl.O_EXCL;
    public static final int O_NONBLOCK = 04000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;

    public static final int PROT_READ = Mman.PROT_READ;
    public static final int PROT_WRITE = Mman.PROT_WRITE;
    public static final int MAP_SHARED = Mman.MAP_SHARED;
    public static final int MS_SYNC = Mman.MS_SYNC;

    public static final int IPC_PRIVATE = 0;
    public static final int IPC_CREAT = 01000;
    public static final int IPC_EXCL = 02000;
    public static final int IPC_NOWAIT = 04000;
    public static final int IPC_RMID = 0;
    public static final int IPC_STAT = 2;
    public static final int SHM_RDONLY = 010000;
    public static final int SEM_UNDO = 0x1000;
    public static final int GETPID = 11;
    public static final int GETVAL = 12;
    public static final int GETNCNT = 14;
    public static final int GETZCNT = 15;
    public static final int SETVAL = 16;

    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;

    /** sizeof(sem_t) on x86-64 glibc. */
    public static final int SEM_T_SIZE = 32;
    /** sizeof(pthread_mutex_t) on x86-64 glibc. */
    public static final int PTHREAD_MUTEX_T_SIZE = 40;

    private static final long SYS_FUTEX = 202;
    /** sizeof(cpu_set_t) * 8 in glibc: the CPUs a mask can name. */
    private static final int CPU_SET_BITS = 1024;
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int PTHREAD_PROCESS_SHARED = 1;
    private static final int PTHREAD_MUTEX_ROBUST = 1;
    private static final long MAP_FAILED = -1L;

    /** struct stat (x86-64): st_mode at 24, st_uid at 28, st_gid at 32, st_size at 48; 144 bytes. */
    private static final int STAT_SIZE = 144;
    /** struct shmid_ds (x86-64); 112 bytes. */
    private static final int SHMID_DS_SIZE = 112;
    /** struct semid_ds (x86-64): sem_nsems at 80; 104 bytes. */
    private static final int SEMID_DS_SIZE = 104;

    /** Per-thread scratch memory for sembuf and its timeout, so System V waits never allocate. */
    private static final ThreadLocal<Memory> SCRATCH = ThreadLocal.withInitial(() -> new Memory(64));

    private Os() {
    }

    // ------------------------------------------------------------------ files and POSIX shm

    /** shm_open; returns the fd. */
    public static int shmOpen(String name, int flags, int mode) {
        while (true) {
            int fd = LibC.INSTANCE.shm_open(name, flags | O_CLOEXEC, mode);
            if (fd >= 0) {
                return fd;
            }
            int errno = Native.getLastError();
            if (errno != Errno.EINTR) {
                throw new NativeException("shm_open", quote(name), errno);
            }
        }
    }

    /** shm_unlink; returns false when the name did not exist. */
    public static boolean shmUnlink(String name) {
        if (LibC.INSTANCE.shm_unlink(name) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.ENOENT) {
            return false;
        }
        throw new NativeException("shm_unlink", quote(name), errno);
    }

    /** open(2) of a regular file; returns the fd. */
    public static int open(String path, int flags, int mode) {
        while (true) {
            int fd = LibC.INSTANCE.open(path, flags | O_CLOEXEC, mode);
            if (fd >= 0) {
                return fd;
            }
            int errno = Native.getLastError();
            if (errno != Errno.EINTR) {
                throw new NativeException("open", quote(path), errno);
            }
        }
    }

    /** fchmod: the exact permission bits, whatever the process's umask removed at creation. */
    public static void fchmod(int fd, int mode, String object) {
        if (LibC.INSTANCE.fchmod(fd, mode) != 0) {
            throw new NativeException("fchmod", object + ", 0" + Integer.toOctalString(mode), Native.getLastError());
        }
    }

    /** chmod of a file this process just created (a named semaphore's file in /dev/shm). */
    public static void chmod(String path, int mode) {
        if (LibC.INSTANCE.chmod(path, mode) != 0) {
            throw new NativeException("chmod", quote(path) + ", 0" + Integer.toOctalString(mode), Native.getLastError());
        }
    }

    public static void ftruncate(int fd, long sizeBytes, String object) {
        while (LibC.INSTANCE.ftruncate(fd, sizeBytes) != 0) {
            int errno = Native.getLastError();
            if (errno != Errno.EINTR) {
                throw new NativeException("ftruncate", object + ", " + sizeBytes, errno);
            }
        }
    }

    /** What fstat(2) says of an open file. */
    public record FileStat(int mode, int uid, int gid, long sizeBytes) {
    }

    public static FileStat fstat(int fd, String object) {
        try (Memory buf = new Memory(STAT_SIZE)) {
            if (LibC.INSTANCE.fstat(fd, buf) != 0) {
                throw new NativeException("fstat", object, Native.getLastError());
            }
            return new FileStat(buf.getInt(24), buf.getInt(28), buf.getInt(32), buf.getLong(48));
        }
    }

    /** mmap(MAP_SHARED) of a whole object; returns the address. */
    public static long mmap(long lengthBytes, int prot, int fd, String object) {
        Pointer p = LibC.INSTANCE.mmap(null, lengthBytes, prot, MAP_SHARED, fd, 0);
        long address = Pointer.nativeValue(p);
        if (address == MAP_FAILED || p == null) {
            throw new NativeException("mmap", object + ", " + lengthBytes, Native.getLastError());
        }
        return address;
    }

    public static void munmap(long address, long lengthBytes) {
        if (LibC.INSTANCE.munmap(new Pointer(address), lengthBytes) != 0) {
            throw new NativeException("munmap", hex(address) + ", " + lengthBytes, Native.getLastError());
        }
    }

    public static void msync(long address, long lengthBytes, String object) {
        if (LibC.INSTANCE.msync(new Pointer(address), lengthBytes, MS_SYNC) != 0) {
            throw new NativeException("msync", object, Native.getLastError());
        }
    }

    /** close(2); EINTR is not retried because Linux has released the fd either way. */
    public static void close(int fd) {
        if (LibC.INSTANCE.close(fd) != 0) {
            int errno = Native.getLastError();
            if (errno != Errno.EINTR) {
                throw new NativeException("close", "fd=" + fd, errno);
            }
        }
    }

    /** mkfifo(3): creates a named pipe at path with the mode (before the umask). */
    public static void mkfifo(String path, int mode) {
        if (LibC.INSTANCE.mkfifo(path, mode) != 0) {
            throw new NativeException("mkfifo", quote(path), Native.getLastError());
        }
    }

    // ------------------------------------------------------------------ System V shared memory

    public static int ftok(String path, int projId) {
        int key = LibC.INSTANCE.ftok(path, projId);
        if (key == -1) {
            throw new NativeException("ftok", quote(path) + ", " + projId, Native.getLastError());
        }
        return key;
    }

    public static int shmget(int key, long sizeBytes, int flags) {
        int id = LibC.INSTANCE.shmget(key, sizeBytes, flags);
        if (id < 0) {
            throw new NativeException("shmget", keyText(key) + ", " + sizeBytes, Native.getLastError());
        }
        return id;
    }

    /** shmat; returns the attach address. */
    public static long shmat(int id, boolean readOnly) {
        Pointer p = LibC.INSTANCE.shmat(id, null, readOnly ? SHM_RDONLY : 0);
        long address = Pointer.nativeValue(p);
        if (address == -1L) {
            throw new NativeException("shmat", "id=" + id, Native.getLastError());
        }
        return address;
    }

    public static void shmdt(long address) {
        if (LibC.INSTANCE.shmdt(new Pointer(address)) != 0) {
            throw new NativeException("shmdt", hex(address), Native.getLastError());
        }
    }

    /** What shmctl(IPC_STAT) says of a System V segment. */
    public record ShmStat(int key, int uid, int mode, long sizeBytes, int creatorPid, int lastPid, long attachCount) {
    }

    public static ShmStat shmStat(int id) {
        try (Memory ds = new Memory(SHMID_DS_SIZE)) {
            if (LibC.INSTANCE.shmctl(id, IPC_STAT, ds) != 0) {
                throw new NativeException("shmctl(IPC_STAT)", "id=" + id, Native.getLastError());
            }
            return new ShmStat(ds.getInt(0), ds.getInt(4), ds.getShort(20) & 0xffff, ds.getLong(48),
                    ds.getInt(80), ds.getInt(84), ds.getLong(88));
        }
    }

    /** shmctl(IPC_RMID); returns false when the id no longer exists. */
    public static boolean shmRemove(int id) {
        if (LibC.INSTANCE.shmctl(id, IPC_RMID, null) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.EINVAL || errno == Errno.EIDRM) {
            return false;
        }
        throw new NativeException("shmctl(IPC_RMID)", "id=" + id, errno);
    }

    // ------------------------------------------------------------------ System V semaphores

    public static int semget(int key, int count, int flags) {
        int id = LibC.INSTANCE.semget(key, count, flags);
        if (id < 0) {
            throw new NativeException("semget", keyText(key) + ", " + count, Native.getLastError());
        }
        return id;
    }

    /**
     * semtimedop with one operation; returns false when the timeout expired (or, with IPC_NOWAIT,
     * when it would block).
     */
    public static boolean semop(int semId, int semNum, int op, int flags, long timeoutNanos) {
        Memory scratch = SCRATCH.get();
        scratch.setShort(0, (short) semNum);
        scratch.setShort(2, (short) op);
        scratch.setShort(4, (short) flags);
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            scratch.setLong(16, left / 1_000_000_000L);
            scratch.setLong(24, left % 1_000_000_000L);
            if (LibC.INSTANCE.semtimedop(semId, scratch, 1, scratch.share(16)) == 0) {
                return true;
            }
            int errno = Native.getLastError();
            if (errno == Errno.EAGAIN) {
                return false;
            }
            if (errno != Errno.EINTR) {
                throw new NativeException("semtimedop", "id=" + semId + ", sem=" + semNum + ", op=" + op, errno);
            }
        }
    }

    /** semctl for a query command (GETVAL, GETPID, GETNCNT, GETZCNT). */
    public static int semctl(int semId, int semNum, int cmd) {
        int value = LibC.INSTANCE.semctl(semId, semNum, cmd);
        if (value < 0) {
            throw new NativeException("semctl", "id=" + semId + ", sem=" + semNum + ", cmd=" + cmd, Native.getLastError());
        }
        return value;
    }

    /** semctl(IPC_STAT): how many semaphores the set holds. */
    public static int semCount(int semId) {
        try (Memory ds = new Memory(SEMID_DS_SIZE)) {
            if (LibC.INSTANCE.semctl(semId, 0, IPC_STAT, ds) != 0) {
                throw new NativeException("semctl(IPC_STAT)", "id=" + semId, Native.getLastError());
            }
            return (int) ds.getLong(80);
        }
    }

    public static void semSetValue(int semId, int semNum, int value) {
        if (LibC.INSTANCE.semctl(semId, semNum, SETVAL, value) != 0) {
            throw new NativeException("semctl(SETVAL)", "id=" + semId + ", sem=" + semNum, Native.getLastError());
        }
    }

    /** semctl(IPC_RMID); returns false when the set no longer exists. */
    public static boolean semRemove(int semId) {
        if (LibC.INSTANCE.semctl(semId, 0, IPC_RMID) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.EINVAL || errno == Errno.EIDRM) {
            return false;
        }
        throw new NativeException("semctl(IPC_RMID)", "id=" + semId, errno);
    }

    // ------------------------------------------------------------------ POSIX semaphores

    /** sem_open; returns the sem_t address. */
    public static long semOpen(String name, int flags, int mode, int value) {
        Pointer p = LibC.INSTANCE.sem_open(name, flags, mode, value);
        if (p == null) {
            throw new NativeException("sem_open", quote(name), Native.getLastError());
        }
        return Pointer.nativeValue(p);
    }

    public static void semClose(long sem) {
        if (LibC.INSTANCE.sem_close(new Pointer(sem)) != 0) {
            throw new NativeException("sem_close", hex(sem), Native.getLastError());
        }
    }

    /** sem_unlink; returns false when the name did not exist. */
    public static boolean semUnlink(String name) {
        if (LibC.INSTANCE.sem_unlink(name) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.ENOENT) {
            return false;
        }
        throw new NativeException("sem_unlink", quote(name), errno);
    }

    /** sem_init with pshared=1: a semaphore other processes can use through shared memory. */
    public static void semInitShared(long sem, int value, String object) {
        if (LibC.INSTANCE.sem_init(new Pointer(sem), 1, value) != 0) {
            throw new NativeException("sem_init", object, Native.getLastError());
        }
    }

    public static void semDestroy(long sem, String object) {
        if (LibC.INSTANCE.sem_destroy(new Pointer(sem)) != 0) {
            throw new NativeException("sem_destroy", object, Native.getLastError());
        }
    }

    public static void semPost(long sem, String object) {
        if (LibCHot.sem_post(sem) != 0) {
            throw new NativeException("sem_post", object, LibCHot.errno());
        }
    }

    /**
     * sem_wait without a timeout, as C benchmarks make it; EINTR is retried. The caller must have
     * something that posts for sure should the peer never do so.
     */
    public static void semWait(long sem, String object) {
        while (LibCHot.sem_wait(sem) != 0) {
            int errno = LibCHot.errno();
            if (errno != Errno.EINTR) {
                throw new NativeException("sem_wait", object, errno);
            }
        }
    }

    /** sem_trywait; false when the value was 0. */
    public static boolean semTryWait(long sem, String object) {
        while (LibCHot.sem_trywait(sem) != 0) {
            int errno = LibCHot.errno();
            if (errno == Errno.EAGAIN) {
                return false;
            }
            if (errno != Errno.EINTR) {
                throw new NativeException("sem_trywait", object, errno);
            }
        }
        return true;
    }

    /** sem_timedwait for at most timeoutNanos; false when it expired. */
    public static boolean semTimedWait(long sem, long timeoutNanos, String object) {
        MemorySegment scratch = LibCHot.scratch();
        writeRealtimeDeadline(scratch, timeoutNanos);
        while (LibCHot.sem_timedwait(sem, scratch.address()) != 0) {
            int errno = LibCHot.errno();
            if (errno == Errno.ETIMEDOUT) {
                return false;
            }
            if (errno != Errno.EINTR) {
                throw new NativeException("sem_timedwait", object, errno);
            }
        }
        return true;
    }

    public static int semGetValue(long sem, String object) {
        MemorySegment scratch = LibCHot.scratch();
        if (LibCHot.sem_getvalue(sem, scratch.address()) != 0) {
            throw new NativeException("sem_getvalue", object, LibCHot.errno());
        }
        return scratch.get(ValueLayout.JAVA_INT, 0);
    }

    // ------------------------------------------------------------------ futex

    /**
     * FUTEX_WAIT on a shared (not private) word: sleeps while the word holds {@code expected}, at
     * most timeoutNanos. Returns false only on timeout; true after a wake, a spurious wake-up or
     * when the word already differed (EAGAIN), so the caller re-checks its condition.
     */
    public static boolean futexWait(long address, int expected, long timeoutNanos) {
        MemorySegment timespec = LibCHot.scratch();
        timespec.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
        long r = LibCHot.syscall(SYS_FUTEX, address, FUTEX_WAIT, expected, timespec.address(), 0, 0);
        if (r == 0) {
            return true;
        }
        int errno = LibCHot.errno();
        return switch (errno) {
            case Errno.ETIMEDOUT -> false;
            case Errno.EAGAIN, Errno.EINTR -> true;
            default -> throw new NativeException("futex(FUTEX_WAIT)", hex(address), errno);
        };
    }

    /**
     * FUTEX_WAIT without a timeout, as C benchmarks make it (a timed wait arms a kernel timer, about
     * 70 ns more per wait here). Returns after a wake, a spurious wake-up or at once when the word
     * already differs; the caller re-checks its condition, and must have something that wakes it
     * for sure should the peer never do so (see the transports scenario's watchdog).
     */
    public static void futexWaitUntimed(long address, int expected) {
        long r = LibCHot.syscall(SYS_FUTEX, address, FUTEX_WAIT, expected, 0, 0, 0);
        if (r != 0) {
            int errno = LibCHot.errno();
            if (errno != Errno.EAGAIN && errno != Errno.EINTR) {
                throw new NativeException("futex(FUTEX_WAIT)", hex(address), errno);
            }
        }
    }

    /** FUTEX_WAKE; returns how many waiters were woken. */
    public static int futexWake(long address, int count) {
        long r = LibCHot.syscall(SYS_FUTEX, address, FUTEX_WAKE, count, 0, 0, 0);
        if (r < 0) {
            throw new NativeException("futex(FUTEX_WAKE)", hex(address), LibCHot.errno());
        }
        return (int) r;
    }

    // ------------------------------------------------------------------ process-shared robust mutex

    /** Initialises a PTHREAD_PROCESS_SHARED, PTHREAD_MUTEX_ROBUST mutex at the address. */
    public static void mutexInitSharedRobust(long mutex, String object) {
        try (Memory attr = new Memory(16)) {
            check(LibC.INSTANCE.pthread_mutexattr_init(attr), "pthread_mutexattr_init", object);
            try {
                check(LibC.INSTANCE.pthread_mutexattr_setpshared(attr, PTHREAD_PROCESS_SHARED),
                        "pthread_mutexattr_setpshared", object);
                check(LibC.INSTANCE.pthread_mutexattr_setrobust(attr, PTHREAD_MUTEX_ROBUST),
                        "pthread_mutexattr_setrobust", object);
                check(LibC.INSTANCE.pthread_mutex_init(new Pointer(mutex), attr), "pthread_mutex_init", object);
            } finally {
                LibC.INSTANCE.pthread_mutexattr_destroy(attr);
            }
        }
    }

    /** The outcome of a timed lock of a robust mutex. */
    public enum LockResult {
        /** Acquired normally. */
        ACQUIRED,
        /** Acquired, but the previous owner died holding it: make it consistent before unlocking. */
        ACQUIRED_OWNER_DIED,
        /** Not acquired within the timeout. */
        TIMED_OUT
    }

    public static LockResult mutexTryLock(long mutex, String object) {
        int rc = LibCHot.pthread_mutex_trylock(mutex);
        return switch (rc) {
            case 0 -> LockResult.ACQUIRED;
            case Errno.EOWNERDEAD -> LockResult.ACQUIRED_OWNER_DIED;
            case Errno.EBUSY -> LockResult.TIMED_OUT;
            default -> throw new NativeException("pthread_mutex_trylock", object, rc);
        };
    }

    public static LockResult mutexTimedLock(long mutex, long timeoutNanos, String object) {
        MemorySegment scratch = LibCHot.scratch();
        writeRealtimeDeadline(scratch, timeoutNanos);
        int rc = LibCHot.pthread_mutex_timedlock(mutex, scratch.address());
        return switch (rc) {
            case 0 -> LockResult.ACQUIRED;
            case Errno.EOWNERDEAD -> LockResult.ACQUIRED_OWNER_DIED;
            case Errno.ETIMEDOUT -> LockResult.TIMED_OUT;
            default -> throw new NativeException("pthread_mutex_timedlock", object, rc);
        };
    }

    public static void mutexConsistent(long mutex, String object) {
        check(LibC.INSTANCE.pthread_mutex_consistent(new Pointer(mutex)), "pthread_mutex_consistent", object);
    }

    public static void mutexUnlock(long mutex, String object) {
        check(LibCHot.pthread_mutex_unlock(mutex), "pthread_mutex_unlock", object);
    }

    public static void mutexDestroy(long mutex, String object) {
        check(LibC.INSTANCE.pthread_mutex_destroy(new Pointer(mutex)), "pthread_mutex_destroy", object);
    }

    // ------------------------------------------------------------------ POSIX message queues

    /** mq_open with the given capacity; returns the queue descriptor. */
    public static int mqOpen(String name, int flags, int mode, long maxMessages, long messageSizeBytes) {
        try (Memory attr = new Memory(64)) {
            attr.clear();
            attr.setLong(8, maxMessages);
            attr.setLong(16, messageSizeBytes);
            int mq = LibC.INSTANCE.mq_open(name, flags, mode, (flags & O_CREAT) != 0 ? attr : null);
            if (mq < 0) {
                throw new NativeException("mq_open", quote(name), Native.getLastError());
            }
            return mq;
        }
    }

    /**
     * mq_timedsend of lengthBytes at the address, waiting at most timeoutNanos for room in a full
     * queue; false when the time ran out.
     */
    public static boolean mqTimedSend(int mq, long address, long lengthBytes, long timeoutNanos) {
        MemorySegment scratch = LibCHot.scratch();
        writeRealtimeDeadline(scratch, timeoutNanos);
        while (LibCHot.mq_timedsend(mq, address, lengthBytes, 0, scratch.address()) != 0) {
            int errno = LibCHot.errno();
            if (errno == Errno.ETIMEDOUT) {
                return false;
            }
            if (errno != Errno.EINTR) {
                throw new NativeException("mq_timedsend", "mqd=" + mq + ", " + lengthBytes, errno);
            }
        }
        return true;
    }

    /** mq_timedreceive into the buffer; returns the message length, or -1 on timeout. */
    public static long mqTimedReceive(int mq, long address, long capacityBytes, long timeoutNanos) {
        MemorySegment scratch = LibCHot.scratch();
        writeRealtimeDeadline(scratch, timeoutNanos);
        while (true) {
            long n = LibCHot.mq_timedreceive(mq, address, capacityBytes, 0, scratch.address());
            if (n >= 0) {
                return n;
            }
            int errno = LibCHot.errno();
            if (errno == Errno.ETIMEDOUT) {
                return -1;
            }
            if (errno != Errno.EINTR) {
                throw new NativeException("mq_timedreceive", "mqd=" + mq, errno);
            }
        }
    }

    public static void mqClose(int mq) {
        if (LibC.INSTANCE.mq_close(mq) != 0) {
            throw new NativeException("mq_close", "mqd=" + mq, Native.getLastError());
        }
    }

    /** mq_unlink; returns false when the name did not exist. */
    public static boolean mqUnlink(String name) {
        if (LibC.INSTANCE.mq_unlink(name) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.ENOENT) {
            return false;
        }
        throw new NativeException("mq_unlink", quote(name), errno);
    }

    // ------------------------------------------------------------------ processes

    public static int getpid() {
        return LibC.INSTANCE.getpid();
    }

    /**
     * geteuid(2). Read once from /proc/self/status (the second field of its {@code Uid:} line:
     * real, effective, saved, filesystem), so that the paths a participant takes to attach need
     * no JNA; shmlab never changes its user. The call itself where /proc cannot be read.
     */
    public static int geteuid() {
        return EffectiveUid.VALUE;
    }

    private static final class EffectiveUid {
        static final int VALUE = read();

        private static int read() {
            try {
                for (String line : ProcFiles.read(java.nio.file.Path.of("/proc/self/status")).split("\n")) {
                    if (line.startsWith("Uid:")) {
                        return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // fall back to the call
            }
            return LibC.INSTANCE.geteuid();
        }
    }

    /** The calling thread's id: its entry in /proc/PID/task/. */
    public static int gettid() {
        return LibC.INSTANCE.gettid();
    }

    /** Restricts the calling thread (only it, not its process) to one CPU; the scheduler moves it there at once. */
    public static void pinCurrentThread(int cpu) {
        if (cpu < 0 || cpu >= CPU_SET_BITS) {
            throw new IllegalArgumentException("cpu=" + cpu + ", must be between 0 and " + (CPU_SET_BITS - 1));
        }
        try (Memory mask = new Memory(CPU_SET_BITS / 8)) {
            mask.clear();
            mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
            if (LibC.INSTANCE.sched_setaffinity(0, CPU_SET_BITS / 8, mask) != 0) {
                throw new NativeException("sched_setaffinity", "cpu=" + cpu, Native.getLastError());
            }
        }
    }

    /** kill(2); returns false when the process does not exist (ESRCH). */
    public static boolean kill(int pid, int signal) {
        if (pid <= 0) {
            throw new IllegalArgumentException("refusing to signal pid=" + pid);
        }
        if (LibC.INSTANCE.kill(pid, signal) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == Errno.ESRCH) {
            return false;
        }
        throw new NativeException("kill", "pid=" + pid + ", sig=" + signal, errno);
    }

    /** Whether a process with this PID exists (kill(pid, 0); EPERM means it exists but is not ours). */
    public static boolean isAlive(int pid) {
        if (pid <= 0) {
            return false;
        }
        if (LibC.INSTANCE.kill(pid, 0) == 0) {
            return true;
        }
        return Native.getLastError() == Errno.EPERM;
    }

    public static String strerror(int errno) {
        return LibC.INSTANCE.strerror(errno);
    }

    // ------------------------------------------------------------------ helpers

    /** Writes now(CLOCK_REALTIME) + timeoutNanos as a timespec at offset 0 of the scratch memory. */
    private static void writeRealtimeDeadline(MemorySegment scratch, long timeoutNanos) {
        java.time.Instant now = java.time.Instant.now();
        long nanos = now.getNano() + Math.max(0, timeoutNanos);
        scratch.set(ValueLayout.JAVA_LONG, 0, now.getEpochSecond() + nanos / 1_000_000_000L);
        scratch.set(ValueLayout.JAVA_LONG, 8, nanos % 1_000_000_000L);
    }

    private static void check(int rc, String call, String object) {
        if (rc != 0) {
            throw new NativeException(call, object, rc);
        }
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** How a System V key is shown: {@code key=0x4101002a}. */
    public static String keyText(int key) {
        return "key=0x" + String.format("%08x", key);
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
