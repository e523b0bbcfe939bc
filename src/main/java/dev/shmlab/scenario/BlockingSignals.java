package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;

/**
 * Slot signals that block in the kernel without a timeout, exactly as the C reference's ping-pong
 * does ({@code lat.futex_shared}: FUTEX_WAIT on the word, FUTEX_WAKE after every store;
 * {@code lat.sem_unnamed_pshared}: sem_post and sem_wait), for the transports benchmark. A timed
 * wait arms a kernel timer on every sleep, which costs about 10% of a hand-over on this machine;
 * the bound these waits lack comes from a {@link Watchdog} that wakes them when the run stops, the
 * peer dies or goes silent.
 */
final class BlockingSignals {
    private BlockingSignals() {
    }

    /** Throws (or, for a stop, returns false) once the watchdog fired. */
    private static boolean aborted(Watchdog watchdog) {
        if (!watchdog.fired()) {
            return false;
        }
        if (watchdog.stopping()) {
            return true;
        }
        throw new ShmlabException(watchdog.reason());
    }

    /** A plain futex on the flag: FUTEX_WAKE after every store, FUTEX_WAIT without a timeout. */
    static final class Futex extends SlotSignal {
        private final long address;
        private final Watchdog watchdog;

        Futex(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName) {
            super(memory, flagOffset, context, peer, peerName);
            this.address = memory.address(flagOffset, Integer.BYTES);
            PeerWatch watch = new PeerWatch(context, peer, peerName);
            this.watchdog = new Watchdog("futex", watch, () -> memory.getIntAcquire(flagOffset), () -> Os.futexWake(address, Integer.MAX_VALUE));
        }

        @Override
        public void publish(int value) {
            memory.putIntRelease(flagOffset, value);
            Os.futexWake(address, 1);
        }

        @Override
        boolean awaitSlice(int expected, long timeoutNanos) {
            int observed;
            while ((observed = memory.getIntAcquire(flagOffset)) != expected) {
                if (aborted(watchdog)) {
                    return false;
                }
                Os.futexWaitUntimed(address, observed);
            }
            return true;
        }

        @Override
        public void close() {
            watchdog.close();
        }
    }

    /** A semaphore per direction: store the flag and sem_post; sem_wait without a timeout, then read the flag. */
    static final class Semaphores extends SlotSignal {
        private final long toPeer;
        private final long toMe;
        private final Watchdog watchdog;

        /** toPeer and toMe: addresses of the two sem_t, initialised by the launcher. */
        Semaphores(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName, long toPeer, long toMe) {
            super(memory, flagOffset, context, peer, peerName);
            this.toPeer = toPeer;
            this.toMe = toMe;
            PeerWatch watch = new PeerWatch(context, peer, peerName);
            this.watchdog = new Watchdog("semaphore", watch, () -> memory.getIntAcquire(flagOffset), () -> Os.semPost(toMe, "reply"));
        }

        @Override
        public void publish(int value) {
            memory.putIntRelease(flagOffset, value);
            Os.semPost(toPeer, "request");
        }

        @Override
        boolean awaitSlice(int expected, long timeoutNanos) {
            if (aborted(watchdog)) {
                return false;
            }
            Os.semWait(toMe, "reply");
            if (aborted(watchdog)) {
                return false;
            }
            int observed = memory.getIntAcquire(flagOffset);
            if (observed != expected) {
                throw new ShmlabException("semaphore posted but the flag is " + observed + ", expected " + expected);
            }
            return true;
        }

        @Override
        public void close() {
            watchdog.close();
        }
    }
}
