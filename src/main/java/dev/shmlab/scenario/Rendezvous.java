package dev.shmlab.scenario;

import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.WaitStrategy;

/**
 * Two roles stepping through a setup together: each publishes how far it got in its own counted
 * futex word and waits, timed, for the other's. A peer that dies half-way fails the wait instead of
 * hanging it.
 */
final class Rendezvous {
    private final SharedMemory data;
    private final long mine;
    private final long theirs;
    private final PeerWatch peer;

    /** mineOffset and theirsOffset: counted futex words ({@code FutexWord.COUNTED_LENGTH} bytes) in data. */
    Rendezvous(SharedMemory data, long mineOffset, long theirsOffset, PeerWatch peer) {
        this.data = data;
        this.mine = mineOffset;
        this.theirs = theirsOffset;
        this.peer = peer;
    }

    /** Publishes that this side reached stage. */
    void reach(int stage) {
        data.putIntRelease(mine, stage);
        WaitStrategy.signal(data, mine);
    }

    /** Waits until the peer reached stage; false when the run stops. */
    boolean awaitPeer(int stage) {
        return peer.awaitSlowly(peer.peerName() + " to reach setup stage " + stage,
                nanos -> WaitStrategy.BACKOFF.awaitInt(data, theirs, v -> v >= stage, nanos));
    }

    /** Publishes stage and waits for the peer to reach it too. */
    boolean meet(int stage) {
        reach(stage);
        return awaitPeer(stage);
    }
}
