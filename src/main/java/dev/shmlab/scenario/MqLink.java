package dev.shmlab.scenario;

import dev.shmlab.os.Os;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Messages over a pair of POSIX message queues. A queue message holds at most
 * {@code fragmentBytes} (the queue's mq_msgsize, itself at most /proc/sys/fs/mqueue/msgsize_max,
 * 8 KiB by default), so a larger message travels as several queue messages. Sends and receives
 * are timed (mq_timedsend, mq_timedreceive), one wait slice at a time.
 */
final class MqLink implements MessageLink {
    private final int out;
    private final int in;
    private final int fragmentBytes;
    private final PeerWatch peer;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment scratch;
    private long lastLength;

    MqLink(int out, int in, int fragmentBytes, PeerWatch peer) {
        this.out = out;
        this.in = in;
        this.fragmentBytes = fragmentBytes;
        this.peer = peer;
        this.scratch = arena.allocate(fragmentBytes, 8);
    }

    @Override
    public boolean send(MemorySegment message, int lengthBytes) {
        long base = message.address();
        for (int off = 0; off < lengthBytes; off += fragmentBytes) {
            long address = base + off;
            long n = Math.min(fragmentBytes, lengthBytes - off);
            if (!Os.mqTimedSend(out, address, n, peer.sliceNanos())
                    && !peer.awaitSlowly(peer.peerName() + " to make room in its queue", nanos -> Os.mqTimedSend(out, address, n, nanos))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean receive(MemorySegment message, int lengthBytes) {
        int off = 0;
        while (off < lengthBytes) {
            int need = lengthBytes - off;
            // mq_timedreceive insists on room for a whole mq_msgsize: a short tail lands in scratch first.
            boolean direct = need >= fragmentBytes;
            long n = fragment(direct ? message.address() + off : scratch.address());
            if (n < 0) {
                return false;
            }
            if (n != Math.min(fragmentBytes, need)) {
                throw new dev.shmlab.ShmlabException("mq: a queue message of " + n + " bytes where " + Math.min(fragmentBytes, need) + " were due");
            }
            if (!direct) {
                MemorySegment.copy(scratch, 0, message, off, n);
            }
            off += (int) n;
        }
        return true;
    }

    /** Receives one queue message at address (room for fragmentBytes); its length, or -1 when the run stops. */
    private long fragment(long address) {
        long n = Os.mqTimedReceive(in, address, fragmentBytes, peer.sliceNanos());
        if (n >= 0) {
            return n;
        }
        boolean got = peer.awaitSlowly(peer.peerName() + " to send on its queue",
                nanos -> (lastLength = Os.mqTimedReceive(in, address, fragmentBytes, nanos)) >= 0);
        return got ? lastLength : -1;
    }

    @Override
    public void close() {
        try {
            Os.mqClose(out);
        } finally {
            try {
                Os.mqClose(in);
            } finally {
                arena.close();
            }
        }
    }
}
