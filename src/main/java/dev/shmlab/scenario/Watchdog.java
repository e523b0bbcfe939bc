package dev.shmlab.scenario;

import java.util.function.LongSupplier;

/**
 * The bound on a role's untimed blocking calls (a read on a pipe or socket, a FUTEX_WAIT or
 * sem_wait without a timeout, as the C reference makes them). Every wait slice it checks whether
 * the run is stopping, the peer is gone, or nothing moved for the peer timeout; once one is true it
 * records why and runs its wake action — close the channels, FUTEX_WAKE the word, post the
 * semaphore — and repeats the action every slice until closed, so a waiter that fell asleep just
 * after one wake is caught by the next. The waiter checks {@link #fired()} before it sleeps and
 * after it wakes.
 */
final class Watchdog implements AutoCloseable {
    private final PeerWatch peer;
    private final LongSupplier progress;
    private final Runnable wake;
    private final Thread thread;
    private volatile String reason;
    private volatile boolean closed;

    /**
     * Watches a role that waits on peer; progress is any number that changes whenever a message
     * moves (a counter, the shared flag); wake unblocks the waiter.
     */
    Watchdog(String name, PeerWatch peer, LongSupplier progress, Runnable wake) {
        this.peer = peer;
        this.progress = progress;
        this.wake = wake;
        this.thread = Thread.ofPlatform().daemon().name(name + "-watchdog").start(this::watch);
    }

    /** Whether the watchdog has woken the waiter for good. */
    boolean fired() {
        return reason != null;
    }

    /** Why it fired ("the run is stopping", "the reader is gone" …), or null. */
    String reason() {
        return reason;
    }

    /** Whether it fired because the run was told to stop (not a failure). */
    boolean stopping() {
        return reason != null && peer.context().stopRequested();
    }

    private void watch() {
        long sliceMillis = Math.max(1, peer.sliceNanos() / 1_000_000);
        long timeoutNanos = peer.context().peerTimeout().toNanos();
        long seen = progress.getAsLong();
        long quietSince = System.nanoTime();
        while (!closed) {
            try {
                Thread.sleep(sliceMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (reason == null) {
                long now = System.nanoTime();
                long current = progress.getAsLong();
                if (current != seen) {
                    seen = current;
                    quietSince = now;
                }
                reason = peer.context().stopRequested() ? "the run is stopping"
                        : !peer.peerAlive() ? peer.peerName() + " is gone"
                        : now - quietSince > timeoutNanos ? "nothing moved for " + peer.context().peerTimeout().toSeconds() + " s"
                        : null;
            }
            if (reason != null && !closed) {
                wake.run();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
