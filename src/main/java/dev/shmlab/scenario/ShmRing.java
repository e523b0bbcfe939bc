package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import dev.shmlab.sync.FutexWord;
import dev.shmlab.sync.WaitStrategy;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * A single-producer, single-consumer byte ring in shared memory, the same as the C reference's
 * ({@code tput.ring_*}): the writer copies into the ring and publishes how far it got, the reader
 * copies out and publishes how far it read, so both copy at the same time. Pieces of at most
 * {@link #CHUNK_BYTES} are published at once. Each side keeps the other's counter cached and
 * refreshes it only when the ring looks full (writer) or empty (reader).
 *
 * <pre>
 *     0 long head            bytes the writer published (release)
 *     8 int  headWord        (int) head, counted futex word (value, waiters)  — futex waits
 *    16 int  readerSleeping  1 while the reader is about to sleep             — semaphore waits
 *   128 long tail            bytes the reader consumed (release)
 *   136 int  tailWord        (int) tail, counted futex word (value, waiters)
 *   144 int  writerSleeping
 *  4096 data[CAPACITY_BYTES]
 * </pre>
 *
 * head and tail sit 128 bytes apart so the adjacent-line prefetcher does not couple them. A
 * counter never runs more than {@link #CAPACITY_BYTES} ahead of the other, so its low 32 bits
 * change whenever it does: that is what the futex words hold.
 */
public final class ShmRing {
    public static final int CAPACITY_BYTES = 4 << 20;
    public static final int CHUNK_BYTES = 64 << 10;
    static final long HEAD_OFFSET = 0;
    static final long HEAD_WORD_OFFSET = 8;
    static final long READER_SLEEPING_OFFSET = 16;
    static final long TAIL_OFFSET = 128;
    static final long TAIL_WORD_OFFSET = 136;
    static final long WRITER_SLEEPING_OFFSET = 144;
    static final long DATA_OFFSET = 4096;
    public static final long TOTAL_LENGTH = DATA_OFFSET + CAPACITY_BYTES;

    private static final int MASK = CAPACITY_BYTES - 1;

    private final SharedMemory memory;
    private final MemorySegment data;
    private final Waiting waiting;
    private final PeerWatch peer;
    private final boolean writer;
    private long own;
    private long other;

    /**
     * One end of the ring at the start of {@code memory}: the writer's when {@code writer}, else the
     * reader's. The ring must be zero-filled before either end uses it.
     */
    public ShmRing(SharedMemory memory, boolean writer, Waiting waiting, PeerWatch peer) {
        this.memory = memory;
        this.data = memory.segment().asSlice(DATA_OFFSET, CAPACITY_BYTES);
        this.waiting = waiting;
        waiting.attach(memory);
        this.peer = peer;
        this.writer = writer;
        this.own = memory.getLongAcquire(writer ? HEAD_OFFSET : TAIL_OFFSET);
        this.other = memory.getLongAcquire(writer ? TAIL_OFFSET : HEAD_OFFSET);
    }

    /** Copies lengthBytes of message into the ring; false when the run stops while the ring is full. */
    public boolean write(MemorySegment message, long lengthBytes) {
        long off = 0;
        while (off < lengthBytes) {
            if (own - other == CAPACITY_BYTES && !awaitOther()) {
                return false;
            }
            int pos = (int) (own & MASK);
            long n = Math.min(Math.min(lengthBytes - off, CAPACITY_BYTES - (own - other)), Math.min(CAPACITY_BYTES - pos, CHUNK_BYTES));
            MemorySegment.copy(message, off, data, pos, n);
            off += n;
            own += n;
            waiting.announce(memory, HEAD_OFFSET, own);
        }
        return true;
    }

    /** Copies the next lengthBytes out of the ring into message; false when the run stops while it is empty. */
    public boolean read(MemorySegment message, long lengthBytes) {
        long off = 0;
        while (off < lengthBytes) {
            if (own == other && !awaitOther()) {
                return false;
            }
            int pos = (int) (own & MASK);
            long n = Math.min(Math.min(lengthBytes - off, other - own), Math.min(CAPACITY_BYTES - pos, CHUNK_BYTES));
            MemorySegment.copy(data, pos, message, off, n);
            off += n;
            own += n;
            waiting.announce(memory, TAIL_OFFSET, own);
        }
        return true;
    }

    /** Refreshes the other side's counter, waiting until it moves; false when the run stops. */
    private boolean awaitOther() {
        long watched = writer ? TAIL_OFFSET : HEAD_OFFSET;
        long seen = other;
        other = memory.getLongAcquire(watched);
        if (other != seen) {
            return true;
        }
        boolean moved = waiting.awaitMove(memory, watched, seen, peer.sliceNanos())
                || peer.awaitSlowly(peer.peerName() + (writer ? " to make room in the ring" : " to fill the ring"),
                        nanos -> waiting.awaitMove(memory, watched, seen, nanos));
        other = memory.getLongAcquire(watched);
        return moved;
    }

    /**
     * How the two ends wait for each other. A counter's owner calls {@link #announce} after every
     * piece; the other end calls {@link #awaitMove} when the ring looks full or empty.
     */
    public abstract static sealed class Waiting permits SpinYield, Futex, Semaphores {
        /** Pauses before an end yields or sleeps: the C reference's SPIN_LIMIT. */
        static final int SPINS = 100;

        /** Called once by the ring end that uses this strategy, before any wait. */
        void attach(SharedMemory memory) {
        }

        /** Checks the counter up to spins times with a pause between; true as soon as it moved. */
        static boolean spinBriefly(SharedMemory memory, long counterOffset, long seen, int spins) {
            for (int i = 0; i < spins; i++) {
                if (memory.getLongAcquire(counterOffset) != seen) {
                    return true;
                }
                Thread.onSpinWait();
            }
            return false;
        }

        /** Publishes the counter at offset (store-release) and wakes the other end if it may sleep. */
        abstract void announce(SharedMemory memory, long counterOffset, long value);

        /** Waits at most timeoutNanos until the counter at offset is no longer {@code seen}. */
        abstract boolean awaitMove(SharedMemory memory, long counterOffset, long seen, long timeoutNanos);
    }

    /** Spins {@value #SPINS} times, then yields on every further check: the C reference's default. */
    public static final class SpinYield extends Waiting {

        @Override
        void announce(SharedMemory memory, long counterOffset, long value) {
            memory.putLongRelease(counterOffset, value);
        }

        @Override
        boolean awaitMove(SharedMemory memory, long counterOffset, long seen, long timeoutNanos) {
            long deadline = System.nanoTime() + timeoutNanos;
            int spins = 0;
            while (memory.getLongAcquire(counterOffset) == seen) {
                if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                    if (System.nanoTime() - deadline > 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Spins briefly, then sleeps in FUTEX_WAIT on the counter's word; a wake costs a syscall only when someone sleeps. */
    public static final class Futex extends Waiting {
        private FutexWord headWord;
        private FutexWord tailWord;

        @Override
        void attach(SharedMemory memory) {
            headWord = FutexWord.counted(memory, HEAD_WORD_OFFSET);
            tailWord = FutexWord.counted(memory, TAIL_WORD_OFFSET);
        }

        @Override
        void announce(SharedMemory memory, long counterOffset, long value) {
            memory.putLongRelease(counterOffset, value);
            FutexWord word = word(counterOffset);
            // Release: the counter above is visible to whoever sees the new word value.
            word.setRelease((int) value);
            word.wakeAll();
        }

        @Override
        boolean awaitMove(SharedMemory memory, long counterOffset, long seen, long timeoutNanos) {
            if (spinBriefly(memory, counterOffset, seen, SPINS)) {
                return true;
            }
            FutexWord word = word(counterOffset);
            return word.waitWhile((int) seen, timeoutNanos) || memory.getLongAcquire(counterOffset) != seen;
        }

        private FutexWord word(long counterOffset) {
            return counterOffset == HEAD_OFFSET ? headWord : tailWord;
        }
    }

    /**
     * Spins briefly, then raises a "sleeping" flag and sleeps on a semaphore; the other end posts
     * only after taking the flag down, so a semaphore never holds more than one unit. Whoever of
     * the two takes the flag down decides: if the sleeper did, nobody posts; if the owner did, the
     * sleeper consumes its post.
     */
    public static final class Semaphores extends Waiting {
        private final CountingSemaphore dataReady;
        private final CountingSemaphore roomReady;

        /** dataReady: the reader sleeps on it; roomReady: the writer sleeps on it. */
        public Semaphores(CountingSemaphore dataReady, CountingSemaphore roomReady) {
            this.dataReady = dataReady;
            this.roomReady = roomReady;
        }

        @Override
        void announce(SharedMemory memory, long counterOffset, long value) {
            // Volatile: the counter store is ordered before the load of the sleeper's flag below.
            memory.putLongVolatile(counterOffset, value);
            long flag = sleepingFlag(counterOffset);
            if (memory.getIntVolatile(flag) == 1 && memory.compareAndSetInt(flag, 1, 0)) {
                semaphore(counterOffset).release();
            }
        }

        @Override
        boolean awaitMove(SharedMemory memory, long counterOffset, long seen, long timeoutNanos) {
            if (spinBriefly(memory, counterOffset, seen, SPINS)) {
                return true;
            }
            long flag = sleepingFlag(counterOffset);
            // Volatile: the flag store is ordered before the re-check of the counter.
            memory.putIntVolatile(flag, 1);
            if (memory.getLongVolatile(counterOffset) != seen && memory.compareAndSetInt(flag, 1, 0)) {
                return true;
            }
            CountingSemaphore sem = semaphore(counterOffset);
            if (sem.acquire(Duration.ofNanos(timeoutNanos), WaitStrategy.BLOCK)) {
                return true;
            }
            // Timed out: take the flag down ourselves, or consume the post the owner is making now.
            if (!memory.compareAndSetInt(flag, 1, 0)) {
                sem.acquire(Duration.ofSeconds(1), WaitStrategy.BLOCK);
            }
            return memory.getLongAcquire(counterOffset) != seen;
        }

        /** The flag the sleeper on this counter raises: the reader sleeps on head, the writer on tail. */
        private static long sleepingFlag(long counterOffset) {
            return counterOffset == HEAD_OFFSET ? READER_SLEEPING_OFFSET : WRITER_SLEEPING_OFFSET;
        }

        private CountingSemaphore semaphore(long counterOffset) {
            return counterOffset == HEAD_OFFSET ? dataReady : roomReady;
        }
    }
}
