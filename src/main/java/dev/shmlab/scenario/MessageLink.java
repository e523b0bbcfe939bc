package dev.shmlab.scenario;

import java.lang.foreign.MemorySegment;

/**
 * How one transport moves whole messages between the two roles of a {@code transports} run. Every
 * wait inside is bounded: a link returns false when the run is stopping and throws when the peer
 * is gone or silent for the peer timeout.
 */
public interface MessageLink extends AutoCloseable {
    /** Sends the first lengthBytes of message; false when the run is stopping. */
    boolean send(MemorySegment message, int lengthBytes);

    /** Receives the next message, exactly lengthBytes, into message; false when the run is stopping. */
    boolean receive(MemorySegment message, int lengthBytes);

    /** Releases what this side opened (descriptors, channels); the peer's side is its own business. */
    @Override
    void close();
}
