package dev.shmlab.scenario;

/**
 * How items go through the bounded buffer: the seed's three semaphores around an in/out pair, or a
 * lock-free ring whose producers and consumers wait on a sequence word per slot. Implementations call
 * the role's checkpoints at the lines of their own pseudo-code.
 */
sealed interface BufferRing extends AutoCloseable permits SemaphoreRing, LockFreeRing {
    /** Puts one item into the next free slot; false when the run is stopping. */
    boolean put(long seq, int producer, long sentNanos);

    /** Takes the next item; false when every item has been claimed or the run is stopping. */
    boolean take(RingSlots.Item into);

    /** The consumer's pseudo-code step that checks an item. */
    int consumeStep();

    /** What the producers wait on, in words ("an empty slot"). */
    String describe();

    @Override
    void close();
}
