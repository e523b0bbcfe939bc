package dev.shmlab.scenario;

import dev.shmlab.ShmlabException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Channel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages over kernel byte streams (a pipe pair, a UNIX or TCP socket) with blocking reads and
 * writes, one syscall each as in C. Blocking I/O cannot time out by itself, so a {@link Watchdog}
 * bounds it: on a stop request, the peer's death or a peer silent for the peer timeout it closes
 * the channels, which ends a blocked call at once.
 */
final class ChannelLink implements MessageLink {
    private final String name;
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final List<Channel> channels = new ArrayList<>();
    private final PeerWatch peer;
    private final AtomicLong progress = new AtomicLong();
    private final Watchdog watchdog;
    private MemorySegment viewed;
    private ByteBuffer view;

    /** A link called {@code name} in messages ("pipe"), reading from in and writing to out. */
    ChannelLink(String name, ReadableByteChannel in, WritableByteChannel out, PeerWatch peer) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.peer = peer;
        channels.add(in);
        if (out != in) {
            channels.add(out);
        }
        this.watchdog = new Watchdog(name, peer, progress::get, this::closeChannels);
    }

    @Override
    public boolean send(MemorySegment message, int lengthBytes) {
        ByteBuffer buffer = view(message, lengthBytes);
        try {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            return interrupted(e, "write");
        }
        progress.lazySet(progress.get() + 1);
        return true;
    }

    @Override
    public boolean receive(MemorySegment message, int lengthBytes) {
        ByteBuffer buffer = view(message, lengthBytes);
        try {
            while (buffer.hasRemaining()) {
                if (in.read(buffer) < 0) {
                    throw new ShmlabException(name + ": " + peer.peerName() + " closed its end after "
                            + (lengthBytes - buffer.remaining()) + " of " + lengthBytes + " bytes of a message");
                }
            }
        } catch (IOException e) {
            return interrupted(e, "read");
        }
        progress.lazySet(progress.get() + 1);
        return true;
    }

    /** A ByteBuffer over the first lengthBytes of message, made once per buffer rather than per message. */
    private ByteBuffer view(MemorySegment message, int lengthBytes) {
        if (message != viewed) {
            viewed = message;
            view = message.asByteBuffer();
        }
        view.clear().limit(lengthBytes);
        return view;
    }

    /** After an I/O failure: false when the watchdog closed the channels for a stop, an exception otherwise. */
    private boolean interrupted(IOException e, String what) {
        if (!watchdog.fired() && !(e instanceof ClosedChannelException)) {
            throw new ShmlabException(name + ": " + what + " failed: " + e.getMessage(), e);
        }
        if (!watchdog.fired() || watchdog.stopping()) {
            return false;
        }
        throw new ShmlabException(name + ": " + watchdog.reason());
    }

    private void closeChannels() {
        for (Channel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing is all that is asked; a second close or a broken peer is no news
            }
        }
    }

    @Override
    public void close() {
        watchdog.close();
        closeChannels();
    }
}
