package dev.shmlab.os;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * libc calls on the hot path, bound with the JDK's foreign function interface: a call costs about
 * 20 ns more than the syscall itself on this machine, against about 170 ns through JNA's direct
 * mapping (measured on FUTEX_WAKE; a futex ping-pong between two processes drops from 1.8 µs to
 * 1.1 µs one way, C: 1.0 µs). Pointers are passed as raw {@code long} addresses. Every method
 * returns -1 and sets errno on failure unless noted; {@link #errno()} reads the errno the last
 * call of this thread left, captured by the JDK right after the call.
 */
final class LibCHot {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final int SCRATCH_BYTES = 64;

    /** Per thread: where the JDK stores errno after a call, and scratch memory for timespecs and out-values. */
    private record ThreadState(MemorySegment capture, MemorySegment scratch) {
    }

    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(() -> {
        Arena arena = Arena.ofAuto();
        return new ThreadState(arena.allocate(CAPTURE_LAYOUT), arena.allocate(SCRATCH_BYTES, 8));
    });

    /**
     * The handles, one holder class per family, each made on the family's first call. A downcall
     * handle is code generated at run time, which no ahead-of-time cache keeps: binding all twelve
     * at once cost a participant 177-222 ms at its first semaphore or futex call (4 runs), most of
     * it for families it never used. Handles of one shape (descriptor and options) share their stub.
     */
    private static final class Semaphores {
        static final MethodHandle POST = errnoCall("sem_post", JAVA_INT, JAVA_LONG);
        static final MethodHandle WAIT = errnoCall("sem_wait", JAVA_INT, JAVA_LONG);
        static final MethodHandle TRYWAIT = errnoCall("sem_trywait", JAVA_INT, JAVA_LONG);
        static final MethodHandle TIMEDWAIT = errnoCall("sem_timedwait", JAVA_INT, JAVA_LONG, JAVA_LONG);
        static final MethodHandle GETVALUE = errnoCall("sem_getvalue", JAVA_INT, JAVA_LONG, JAVA_LONG);
    }

    private static final class Syscall {
        static final MethodHandle SYSCALL = LINKER.downcallHandle(symbol("syscall"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT),
                Linker.Option.firstVariadicArg(1), CAPTURE_ERRNO);
    }

    private static final class Mutexes {
        static final MethodHandle LOCK = plainCall("pthread_mutex_lock", JAVA_INT, JAVA_LONG);
        static final MethodHandle TRYLOCK = plainCall("pthread_mutex_trylock", JAVA_INT, JAVA_LONG);
        static final MethodHandle TIMEDLOCK = plainCall("pthread_mutex_timedlock", JAVA_INT, JAVA_LONG, JAVA_LONG);
        static final MethodHandle UNLOCK = plainCall("pthread_mutex_unlock", JAVA_INT, JAVA_LONG);
    }

    private static final class MessageQueues {
        static final MethodHandle TIMEDSEND = errnoCall("mq_timedsend", JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG);
        static final MethodHandle TIMEDRECEIVE = errnoCall("mq_timedreceive", JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    }

    /** The C names bound here, for the test that checks libc exports each of them. */
    static final List<String> SYMBOLS = List.of("sem_post", "sem_wait", "sem_trywait", "sem_timedwait", "sem_getvalue", "syscall",
            "pthread_mutex_lock", "pthread_mutex_trylock", "pthread_mutex_timedlock", "pthread_mutex_unlock",
            "mq_timedsend", "mq_timedreceive");

    private LibCHot() {
    }

    /** The errno left by this thread's last call through this class. */
    static int errno() {
        return (int) ERRNO.get(STATE.get().capture(), 0L);
    }

    /** 64 bytes of this thread's scratch memory (timespecs, out-values), 8-byte aligned. */
    static MemorySegment scratch() {
        return STATE.get().scratch();
    }

    /** sem_post(3): 0, or -1 with EOVERFLOW at SEM_VALUE_MAX, EINVAL. */
    static int sem_post(long sem) {
        try {
            return (int) Semaphores.POST.invokeExact(capture(), sem);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sem_wait(3): 0, or -1 with EINTR. */
    static int sem_wait(long sem) {
        try {
            return (int) Semaphores.WAIT.invokeExact(capture(), sem);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sem_trywait(3): 0, or -1 with EAGAIN when the value is 0. */
    static int sem_trywait(long sem) {
        try {
            return (int) Semaphores.TRYWAIT.invokeExact(capture(), sem);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sem_timedwait(3): 0, or -1 with ETIMEDOUT at the absolute CLOCK_REALTIME deadline, EINTR. */
    static int sem_timedwait(long sem, long absTimespec) {
        try {
            return (int) Semaphores.TIMEDWAIT.invokeExact(capture(), sem, absTimespec);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sem_getvalue(3): stores the value (never negative on Linux) at valuePtr; 0 or -1. */
    static int sem_getvalue(long sem, long valuePtr) {
        try {
            return (int) Semaphores.GETVALUE.invokeExact(capture(), sem, valuePtr);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * syscall(2) with SYS_futex: FUTEX_WAIT returns 0 after a wake, or -1 with EAGAIN (the word was
     * not the expected value), ETIMEDOUT, EINTR; FUTEX_WAKE returns the number of waiters woken.
     */
    static long syscall(long number, long uaddr, int op, int val, long timeout, long uaddr2, int val3) {
        try {
            return (long) Syscall.SYSCALL.invokeExact(capture(), number, uaddr, op, val, timeout, uaddr2, val3);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** pthread_mutex_lock(3): 0, EOWNERDEAD (acquired; previous owner died), ENOTRECOVERABLE. Returns the error, no errno. */
    static int pthread_mutex_lock(long mutex) {
        try {
            return (int) Mutexes.LOCK.invokeExact(mutex);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** pthread_mutex_trylock(3): 0, EBUSY, EOWNERDEAD, ENOTRECOVERABLE. */
    static int pthread_mutex_trylock(long mutex) {
        try {
            return (int) Mutexes.TRYLOCK.invokeExact(mutex);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** pthread_mutex_timedlock(3): 0, ETIMEDOUT at the absolute CLOCK_REALTIME deadline, EOWNERDEAD, ENOTRECOVERABLE. */
    static int pthread_mutex_timedlock(long mutex, long absTimespec) {
        try {
            return (int) Mutexes.TIMEDLOCK.invokeExact(mutex, absTimespec);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** pthread_mutex_unlock(3): 0, or EPERM when the caller does not own it. */
    static int pthread_mutex_unlock(long mutex) {
        try {
            return (int) Mutexes.UNLOCK.invokeExact(mutex);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** mq_timedsend(3): 0, or -1 with ETIMEDOUT at the absolute CLOCK_REALTIME deadline (queue full), EMSGSIZE, EINTR. */
    static int mq_timedsend(int mqdes, long msg, long len, int prio, long absTimespec) {
        try {
            return (int) MessageQueues.TIMEDSEND.invokeExact(capture(), mqdes, msg, len, prio, absTimespec);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** mq_timedreceive(3): the message length, or -1 with ETIMEDOUT, EMSGSIZE (buffer smaller than mq_msgsize), EINTR. */
    static long mq_timedreceive(int mqdes, long msg, long len, long prioPtr, long absTimespec) {
        try {
            return (long) MessageQueues.TIMEDRECEIVE.invokeExact(capture(), mqdes, msg, len, prioPtr, absTimespec);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static MemorySegment capture() {
        return STATE.get().capture();
    }

    private static MethodHandle errnoCall(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args), CAPTURE_ERRNO);
    }

    private static MethodHandle plainCall(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args));
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc does not export " + name));
    }

    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed unexpectedly", t);
    }
}
