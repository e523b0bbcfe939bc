/**
 * Watching a segment another program made: a {@link dev.shmlab.foreign.LayoutDescription} read
 * from JSON says what struct lies there; {@link dev.shmlab.foreign.ForeignSegment} maps it
 * read-only and turns it into immutable {@link dev.shmlab.foreign.DecodedSnapshot}s (fields and
 * semaphore values); {@link dev.shmlab.foreign.HopTracker} reads message hops out of successive
 * snapshots. Nothing here writes to the foreign segment or touches its semaphores beyond reading
 * their values. Depends on {@code shm} and {@code sync} only; the command line and the window use it.
 */
package dev.shmlab.foreign;
