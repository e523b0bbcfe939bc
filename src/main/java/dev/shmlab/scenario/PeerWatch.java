package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;

/**
 * The peer a role waits for. A hot wait first tries one whole slice on its own (no allocation, no
 * bookkeeping); only when that slice passes without the event does it come here, to go on slice by
 * slice while noticing a stop request, the peer's death and the peer timeout.
 */
public final class PeerWatch {
    private final RoleContext context;
    private final int peer;
    private final String peerName;
    private final long sliceNanos;

    /** Watches participant {@code peer}, called {@code peerName} in messages ("the reader"). */
    public PeerWatch(RoleContext context, int peer, String peerName) {
        this.context = context;
        this.peer = peer;
        this.peerName = peerName;
        this.sliceNanos = context.waitSlice().toNanos();
    }

    /** How long one slice of a wait lasts before stop and peer are checked. */
    public long sliceNanos() {
        return sliceNanos;
    }

    public String peerName() {
        return peerName;
    }

    public RoleContext context() {
        return context;
    }

    /** Whether the peer still runs (its process exists and it has not failed). */
    public boolean peerAlive() {
        return context.peerAlive(peer);
    }

    /**
     * Goes on waiting slice by slice for {@code what} (e.g. "the reader to set the flag to 4");
     * false when the run is stopping, an exception when the peer is gone or silent for the peer
     * timeout.
     */
    public boolean awaitSlowly(String what, PeerWait.Slice slice) {
        return PeerWait.until(context, what, nanos -> {
            if (slice.await(nanos)) {
                return true;
            }
            // A peer ended by the run's stop is not a failure: the wait then returns false.
            if (!context.peerAlive(peer) && !context.stopRequested()) {
                throw new ShmlabException(peerName + " is gone while waiting for " + what);
            }
            return false;
        });
    }
}
