package dev.shmlab.sync.children;

import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import dev.shmlab.sync.SpinFlag;
import java.time.Duration;

/**
 * A strictly alternating exchange between two processes, run by a test and its child alike. The
 * first player writes an odd sequence number with a plain store and passes the baton; the second
 * takes it, checks the number, writes the next even one and passes it back. Only the baton orders
 * those plain stores, so a baton that does not synchronise shows up as a wrong sequence.
 */
public final class HandOff {
    public static final long SEQUENCE_OFFSET = 0;
    /** The sem_t the first player releases. */
    public static final long PING_OFFSET = 64;
    /** The sem_t the second player releases. */
    public static final long PONG_OFFSET = 128;
    /** A counted futex word: whose turn it is (1 first player, 2 second). */
    public static final long TURN_OFFSET = 192;
    /** How long the first turn may take: the other player's JVM is still starting. */
    public static final Duration START_UP_TIMEOUT = Duration.ofSeconds(30);

    private HandOff() {
    }

    /** One player's way to hand the turn over and to wait for it to come back. */
    public interface Baton {
        void pass();

        boolean take(Duration timeout);
    }

    /** A baton over two semaphores: passing releases the peer's, taking acquires one's own. */
    public static Baton semaphores(CountingSemaphore mine, CountingSemaphore peers) {
        return new Baton() {
            @Override
            public void pass() {
                peers.release();
            }

            @Override
            public boolean take(Duration timeout) {
                return mine.acquire(timeout);
            }
        };
    }

    /** A baton over one flag holding whose turn it is; {@code me} is 1 or 2. */
    public static Baton flag(SpinFlag turn, int me) {
        return new Baton() {
            @Override
            public void pass() {
                turn.setRelease(3 - me);
            }

            @Override
            public boolean take(Duration timeout) {
                return turn.await(me, timeout);
            }
        };
    }

    /**
     * Plays rounds as the first or second player; returns null, or what went wrong as key=value
     * text. The first turn may take {@link #START_UP_TIMEOUT} (the other JVM is starting), every
     * later one less than turnTimeout: a turn seen only when its wait ran out counts as lost, since
     * a waiter re-checks after every sleep and would otherwise hide a lost wake-up as a slow turn.
     */
    public static String play(Baton baton, SharedMemory mem, boolean first, int rounds, Duration turnTimeout) {
        for (int round = 0; round < rounds; round++) {
            int ask = 2 * round + 1;
            int answer = ask + 1;
            if (first) {
                mem.putInt(SEQUENCE_OFFSET, ask);
                baton.pass();
            }
            Duration timeout = round == 0 ? START_UP_TIMEOUT : turnTimeout;
            long startNanos = System.nanoTime();
            if (!baton.take(timeout) || System.nanoTime() - startNanos >= timeout.toNanos()) {
                return "turn-lost round=" + round + " timeoutMillis=" + timeout.toMillis();
            }
            int seen = mem.getInt(SEQUENCE_OFFSET);
            int expected = first ? answer : ask;
            if (seen != expected) {
                return "sequence round=" + round + " expected=" + expected + " seen=" + seen;
            }
            if (!first) {
                mem.putInt(SEQUENCE_OFFSET, answer);
                baton.pass();
            }
        }
        return null;
    }
}
