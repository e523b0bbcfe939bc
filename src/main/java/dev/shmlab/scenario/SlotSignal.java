package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import dev.shmlab.sync.FutexWord;
import dev.shmlab.sync.WaitStrategy;
import java.time.Duration;

/**
 * How the two sides of a single slot tell each other that the slot's flag changed, and how they
 * wait for it: pure spinning (the seed's way, a deliberate benchmark), spin-then-yield, a futex on
 * the flag, or a pair of semaphores beside it. Every wait is sliced so the role can notice a stop
 * or a dead peer; a peer silent for the whole peer timeout fails the role.
 */
public abstract class SlotSignal implements AutoCloseable {
    /** Spins between checks of the clock in the pure-spin wait. */
    private static final int SPINS_PER_CLOCK_CHECK = 1 << 12;
    /** Spins before yielding in the yield mode (the C reference's SPIN_LIMIT). */
    private static final int YIELD_AFTER_SPINS = 100;

    protected final SharedMemory memory;
    protected final long flagOffset;
    private final PeerWatch peer;

    SlotSignal(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName) {
        this.memory = memory;
        this.flagOffset = flagOffset;
        this.peer = new PeerWatch(context, peer, peerName);
    }

    /** Publishes a new flag value to the peer. */
    public abstract void publish(int value);

    /**
     * Waits until the flag equals expected; false only when the run is stopping. The first slice
     * runs without any allocation: this is the hot path of every slot hand-off.
     */
    public final boolean await(int expected) {
        if (awaitSlice(expected, peer.sliceNanos())) {
            return true;
        }
        return peer.awaitSlowly(peer.peerName() + " to set the flag to " + expected, nanos -> awaitSlice(expected, nanos));
    }

    abstract boolean awaitSlice(int expected, long timeoutNanos);

    public int flag() {
        return memory.getIntAcquire(flagOffset);
    }

    /** Releases what the signal itself holds (nothing for most; the semaphores belong to the run). */
    @Override
    public void close() {
    }

    /** Pure busy-wait with Thread.onSpinWait: the seed's spin lock. */
    static final class Spin extends SlotSignal {
        Spin(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName) {
            super(memory, flagOffset, context, peer, peerName);
        }

        @Override
        public void publish(int value) {
            memory.putIntRelease(flagOffset, value);
        }

        /** The clock is first read after {@value #SPINS_PER_CLOCK_CHECK} spins: a hand-over that comes sooner never pays for it. */
        @Override
        boolean awaitSlice(int expected, long timeoutNanos) {
            long deadline = 0;
            boolean timing = false;
            int spins = 0;
            while (memory.getIntAcquire(flagOffset) != expected) {
                Thread.onSpinWait();
                if (++spins == SPINS_PER_CLOCK_CHECK) {
                    spins = 0;
                    long now = System.nanoTime();
                    if (!timing) {
                        timing = true;
                        deadline = now + timeoutNanos;
                    } else if (now - deadline > 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Spins {@value #YIELD_AFTER_SPINS} times, then yields the CPU on every further check. */
    static final class Yield extends SlotSignal {
        Yield(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName) {
            super(memory, flagOffset, context, peer, peerName);
        }

        @Override
        public void publish(int value) {
            memory.putIntRelease(flagOffset, value);
        }

        @Override
        boolean awaitSlice(int expected, long timeoutNanos) {
            long deadline = 0;
            int spins = 0;
            while (memory.getIntAcquire(flagOffset) != expected) {
                if (spins < YIELD_AFTER_SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    if (spins++ == YIELD_AFTER_SPINS) {
                        deadline = System.nanoTime() + timeoutNanos;
                    }
                    Thread.yield();
                    if (System.nanoTime() - deadline > 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** FUTEX_WAIT on the flag itself; the sender wakes only when someone sleeps there. */
    static final class Futex extends SlotSignal {
        private final FutexWord word;

        Futex(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName) {
            super(memory, flagOffset, context, peer, peerName);
            this.word = FutexWord.counted(memory, flagOffset);
        }

        @Override
        public void publish(int value) {
            word.setRelease(value);
            word.wakeAll();
        }

        /** Sleeps at once for the whole slice; the clock is read only if a wake-up was not the one awaited. */
        @Override
        boolean awaitSlice(int expected, long timeoutNanos) {
            int observed = word.getAcquire();
            if (observed == expected) {
                return true;
            }
            if (!word.waitWhile(observed, timeoutNanos)) {
                return word.getAcquire() == expected;
            }
            long deadline = System.nanoTime() + timeoutNanos;
            while ((observed = word.getAcquire()) != expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                word.waitWhile(observed, left);
            }
            return true;
        }
    }

    /** A semaphore per direction: the sender stores the flag and posts; the receiver waits, then reads it. */
    static final class Semaphores extends SlotSignal {
        private final CountingSemaphore toPeer;
        private final CountingSemaphore toMe;

        Semaphores(SharedMemory memory, long flagOffset, RoleContext context, int peer, String peerName,
                   CountingSemaphore toPeer, CountingSemaphore toMe) {
            super(memory, flagOffset, context, peer, peerName);
            this.toPeer = toPeer;
            this.toMe = toMe;
        }

        @Override
        public void publish(int value) {
            memory.putIntRelease(flagOffset, value);
            toPeer.release();
        }

        @Override
        boolean awaitSlice(int expected, long timeoutNanos) {
            if (!toMe.acquire(Duration.ofNanos(timeoutNanos), WaitStrategy.BLOCK)) {
                return false;
            }
            int observed = memory.getIntAcquire(flagOffset);
            if (observed != expected) {
                throw new ShmlabException("semaphore posted but the flag is " + observed + ", expected " + expected);
            }
            return true;
        }
    }
}
