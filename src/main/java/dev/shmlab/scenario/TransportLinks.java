package dev.shmlab.scenario;

import static dev.shmlab.scenario.TransportsDescriptor.*;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.SharedMemory;
import dev.shmlab.sync.CountingSemaphore;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Opens one side's links for a transport: the echo link the latency test uses and the stream link
 * the throughput test uses (the same link for kernel transports). Every rendezvous is timed: each
 * side publishes how far its setup got in a counted futex word of the control page and waits for
 * the other's, so a peer that dies during setup fails this side instead of hanging it.
 */
final class TransportLinks implements AutoCloseable {
    /** The sync objects each transport describes in the segment, in index order. */
    static final List<String> SEMAPHORES = List.of("request", "reply", "ring data", "ring room");
    static final String UDS_FILE = "uds.sock";
    static final String FIFO_TO_READER = "to-reader";
    static final String FIFO_TO_WRITER = "to-writer";

    private final ScenarioResources opened = new ScenarioResources();
    private final SharedMemory data;
    private final boolean writer;
    private final PeerWatch peer;
    private final Rendezvous setup;
    private MessageLink echo;
    private MessageLink stream;

    private TransportLinks(SharedMemory data, boolean writer, PeerWatch peer) {
        this.data = data;
        this.writer = writer;
        this.peer = peer;
        this.setup = writer ? new Rendezvous(data, WRITER_SETUP_STAGE_OFFSET, READER_SETUP_STAGE_OFFSET, peer)
                : new Rendezvous(data, READER_SETUP_STAGE_OFFSET, WRITER_SETUP_STAGE_OFFSET, peer);
    }

    /**
     * Opens the links of one side; null when the run was told to stop during setup. {@code ring}
     * chooses the ring (true) or the single-slot hand-off for shared-memory streams.
     */
    static TransportLinks open(Transport transport, boolean writer, PeerWatch peer, long sizeBytes, boolean ring) {
        RoleContext ctx = peer.context();
        TransportLinks links = new TransportLinks(ctx.data(), writer, peer);
        try {
            boolean ready = switch (transport) {
                case SHM_SPIN, SHM_FUTEX, SHM_SEM -> links.openSharedMemory(transport, sizeBytes, ring);
                case PIPE -> links.openPipe();
                case UDS, TCP -> links.openSocket(transport == Transport.UDS);
                case MQ -> links.openQueues();
            };
            if (!ready) {
                links.close();
                return null;
            }
            return links;
        } catch (IOException e) {
            links.close();
            throw new ShmlabException(transport.cliName() + ": setup failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            links.close();
            throw e;
        }
    }

    MessageLink echo() {
        return echo;
    }

    /** Where the messages go, for the reader's first line: the queues, the FIFOs' directory, the socket. */
    static String where(Transport transport, SharedMemory data) {
        return switch (transport) {
            case MQ -> " (queues " + data.getCString(MQ_TO_READER_OFFSET, MQ_NAME_LENGTH) + " to the reader, "
                    + data.getCString(MQ_TO_WRITER_OFFSET, MQ_NAME_LENGTH) + " to the writer)";
            case PIPE -> " (FIFOs in " + RunDirectory.read(data, DIRECTORY_OFFSET, DIRECTORY_LENGTH) + ")";
            case UDS -> " (socket " + RunDirectory.read(data, DIRECTORY_OFFSET, DIRECTORY_LENGTH).resolve(UDS_FILE) + ")";
            case TCP -> " (127.0.0.1:" + data.getIntAcquire(TCP_PORT_OFFSET) + ")";
            default -> " (lab segment)";
        };
    }

    MessageLink stream() {
        return stream;
    }

    /** The latency test is over: a shared-memory echo link, separate from the stream's, is closed now. */
    void latencyDone() {
        if (echo != stream) {
            echo.close();
        }
    }

    private boolean openSharedMemory(Transport transport, long sizeBytes, boolean ring) {
        RoleContext ctx = peer.context();
        int peerIndex = writer ? 1 : 0;
        SharedMemory ringMemory = data.slice(ringOffset(sizeBytes), ShmRing.TOTAL_LENGTH);
        ShmRing.Waiting waiting;
        SlotSignal echoSignal;
        SlotSignal handoffSignal;
        switch (transport) {
            case SHM_SPIN -> {
                echoSignal = new SlotSignal.Spin(data, ECHO_FLAG_OFFSET, ctx, peerIndex, peer.peerName());
                handoffSignal = new SlotSignal.Spin(data, HANDOFF_FLAG_OFFSET, ctx, peerIndex, peer.peerName());
                waiting = new ShmRing.SpinYield();
            }
            case SHM_FUTEX -> {
                echoSignal = new BlockingSignals.Futex(data, ECHO_FLAG_OFFSET, ctx, peerIndex, peer.peerName());
                handoffSignal = new SlotSignal.Futex(data, HANDOFF_FLAG_OFFSET, ctx, peerIndex, peer.peerName());
                waiting = new ShmRing.Futex();
            }
            default -> {
                CountingSemaphore request = keep(SyncObjects.openSemaphore(ctx.lab(), 0));
                CountingSemaphore reply = keep(SyncObjects.openSemaphore(ctx.lab(), 1));
                CountingSemaphore toPeer = writer ? request : reply;
                CountingSemaphore toMe = writer ? reply : request;
                long requestAddress = semaphoreAddress(ctx, 0);
                long replyAddress = semaphoreAddress(ctx, 1);
                echoSignal = new BlockingSignals.Semaphores(data, ECHO_FLAG_OFFSET, ctx, peerIndex, peer.peerName(),
                        writer ? requestAddress : replyAddress, writer ? replyAddress : requestAddress);
                handoffSignal = new SlotSignal.Semaphores(data, HANDOFF_FLAG_OFFSET, ctx, peerIndex, peer.peerName(), toPeer, toMe);
                waiting = new ShmRing.Semaphores(keep(SyncObjects.openSemaphore(ctx.lab(), 2)), keep(SyncObjects.openSemaphore(ctx.lab(), 3)));
            }
        }
        echo = keep(new SlotLinks.Echo(data, SLOT_OFFSET, echoSignal, writer));
        stream = ring ? new SlotLinks.Ring(new ShmRing(ringMemory, writer, waiting, peer))
                : new SlotLinks.Handoff(data, SLOT_OFFSET, handoffSignal);
        return true;
    }

    /** The sem_t of sync object index, in the lab segment's sync records (initialised by the launcher). */
    private static long semaphoreAddress(RoleContext ctx, int index) {
        return ctx.lab().syncObject(index).storage().address(0, Os.SEM_T_SIZE);
    }

    /**
     * A FIFO per direction. Opening one end of a FIFO blocks until the other end is open, so each
     * side first holds its incoming FIFO open for reading without blocking; then both open their
     * outgoing FIFO for writing (a reader is there), then their incoming one for reading (a writer
     * is there), meet once more so that nobody writes before both read ends are open, and drop
     * the placeholder.
     */
    private boolean openPipe() throws IOException {
        Path dir = RunDirectory.read(data, DIRECTORY_OFFSET, DIRECTORY_LENGTH);
        Path incoming = dir.resolve(writer ? FIFO_TO_WRITER : FIFO_TO_READER);
        Path outgoing = dir.resolve(writer ? FIFO_TO_READER : FIFO_TO_WRITER);
        int placeholder = Os.open(incoming.toString(), Os.O_RDONLY | Os.O_NONBLOCK, 0);
        try {
            if (!setup.meet(1)) {
                return false;
            }
            FileChannel out = keep(FileChannel.open(outgoing, StandardOpenOption.WRITE));
            if (!setup.meet(2)) {
                return false;
            }
            FileChannel in = keep(FileChannel.open(incoming, StandardOpenOption.READ));
            // Nobody sends before both read ends are open: a peer that wrote everything into the
            // pipe's buffer and closed its end first would leave this open(2) waiting for a writer
            // that never comes.
            if (!setup.meet(3)) {
                return false;
            }
            echo = keep(new ChannelLink("pipe", in, out, peer));
            stream = echo;
            return true;
        } finally {
            Os.close(placeholder);
        }
    }

    /** The reader listens (a UNIX socket in the run's directory, or 127.0.0.1 on a free port), the writer connects. */
    private boolean openSocket(boolean unix) throws IOException {
        SocketChannel channel;
        if (writer) {
            if (!setup.awaitPeer(1)) {
                return false;
            }
            channel = keep(unix ? SocketChannel.open(udsAddress()) : SocketChannel.open(loopback(data.getIntAcquire(TCP_PORT_OFFSET))));
            setup.reach(1);
        } else {
            ServerSocketChannel server = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    : ServerSocketChannel.open(StandardProtocolFamily.INET);
            try (server) {
                server.bind(unix ? udsAddress() : loopback(0), 1);
                if (!unix) {
                    data.putIntRelease(TCP_PORT_OFFSET, ((InetSocketAddress) server.getLocalAddress()).getPort());
                }
                if (!setup.meet(1)) {
                    return false;
                }
                // The writer connected before it raised its stage: accept returns at once.
                channel = keep(server.accept());
            }
        }
        if (!unix) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        echo = keep(new ChannelLink(unix ? "uds" : "tcp", channel, channel, peer));
        stream = echo;
        return true;
    }

    /** Both queues exist (the launcher made them); each side opens its sending end and its receiving end. */
    private boolean openQueues() {
        String toReader = data.getCString(MQ_TO_READER_OFFSET, MQ_NAME_LENGTH);
        String toWriter = data.getCString(MQ_TO_WRITER_OFFSET, MQ_NAME_LENGTH);
        int fragmentBytes = data.getIntAcquire(MQ_FRAGMENT_BYTES_OFFSET);
        int out = Os.mqOpen(writer ? toReader : toWriter, Os.O_WRONLY, 0, 0, 0);
        int in;
        try {
            in = Os.mqOpen(writer ? toWriter : toReader, Os.O_RDONLY, 0, 0, 0);
        } catch (RuntimeException e) {
            Os.mqClose(out);
            throw e;
        }
        echo = keep(new MqLink(out, in, fragmentBytes, peer));
        stream = echo;
        return true;
    }

    private UnixDomainSocketAddress udsAddress() {
        return UnixDomainSocketAddress.of(RunDirectory.read(data, DIRECTORY_OFFSET, DIRECTORY_LENGTH).resolve(UDS_FILE));
    }

    /** 127.0.0.1 and nothing else: the benchmark never listens beyond this machine. */
    private static InetSocketAddress loopback(int port) throws IOException {
        InetAddress address = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        if (!(address instanceof Inet4Address)) {
            throw new IOException("127.0.0.1 is not an IPv4 address here");
        }
        return new InetSocketAddress(address, port);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        return opened.add(resource);
    }

    /** Closes everything this side opened, last first. */
    @Override
    public void close() {
        opened.close();
    }
}
