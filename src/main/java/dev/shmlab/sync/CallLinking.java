package dev.shmlab.sync;

import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;
import java.lang.foreign.Arena;
import java.time.Duration;

/**
 * Makes a family's native calls once, on this process's private memory, before a run needs them.
 * The first call of a family binds it (code generated at run time: 90-160 ms for the first
 * family in a fresh JVM on this machine, 16-24 ms for a further one); made during a hand-off
 * instead, it stalled the peer: ping-pong's first futex or semaphore message took about 200 ms.
 * Each method leaves nothing behind.
 */
public final class CallLinking {
    private static final String LABEL = "call linking";

    private CallLinking() {
    }

    /** FUTEX_WAKE with nobody asleep, and a FUTEX_WAIT whose word differs (returns at once). */
    public static void futex() {
        try (Arena arena = Arena.ofConfined()) {
            long word = arena.allocate(FutexWord.PLAIN_LENGTH, Integer.BYTES).address();
            Os.futexWake(word, 1);
            Os.futexWait(word, 1, 1);
        }
    }

    /** A private unnamed semaphore: post, try-wait, a timed wait that expires at once, value, destroy. */
    public static void semaphores() {
        try (Arena arena = Arena.ofConfined()) {
            SharedSemaphore sem = SharedSemaphore.initialize(SharedMemory.of(arena.allocate(Os.SEM_T_SIZE, 8)), 0, 0, LABEL);
            try {
                sem.release();
                sem.tryAcquire();
                Os.semTimedWait(sem.address(), 0, LABEL);
                sem.value();
            } finally {
                sem.destroy();
            }
        }
    }

    /** A private robust mutex: try-lock, unlock, timed lock, unlock, destroy. */
    public static void mutexes() {
        try (Arena arena = Arena.ofConfined()) {
            RobustMutex mutex = RobustMutex.initialize(SharedMemory.of(arena.allocate(RobustMutex.LENGTH, RobustMutex.ALIGNMENT)), 0, LABEL);
            try {
                mutex.lock(Duration.ZERO);
                mutex.unlock();
                Os.mutexTimedLock(mutex.address(), 0, LABEL);
                mutex.unlock();
            } finally {
                mutex.destroy();
            }
        }
    }
}
