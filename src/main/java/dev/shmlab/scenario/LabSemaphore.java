package dev.shmlab.scenario;

import dev.shmlab.layout.ParticipantPublisher;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.layout.SyncObjectRecord;
import dev.shmlab.sync.CountingSemaphore;
import java.time.Duration;

/**
 * One of the lab's semaphores as a role uses it: opened by sync-object index, waited on in bounded
 * slices (a stop or the peer timeout ends the wait), and shown to the window as it is used — the
 * participant publishes WAITING on it only when it really has to wait, and, used as a lock, the
 * sync record names the holder.
 */
final class LabSemaphore implements AutoCloseable {
    private final RoleContext ctx;
    private final int index;
    private final CountingSemaphore semaphore;
    private final SyncObjectRecord record;
    private final ParticipantPublisher stats;
    private final String what;

    LabSemaphore(RoleContext ctx, int index) {
        this.ctx = ctx;
        this.index = index;
        this.semaphore = SyncObjects.openSemaphore(ctx.lab(), index);
        this.record = ctx.lab().syncObject(index);
        this.stats = ctx.stats();
        this.what = "semaphore " + record.label();
    }

    /** sem_wait: takes one unit; false when the run is stopping. */
    boolean acquire() {
        if (semaphore.tryAcquire()) {
            return true;
        }
        stats.waitingOn(index);
        long start = System.nanoTime();
        boolean acquired = PeerWait.until(ctx, what, nanos -> semaphore.acquire(Duration.ofNanos(nanos)));
        stats.waitNanos += System.nanoTime() - start;
        stats.state(ParticipantState.RUNNING);
        return acquired;
    }

    /** sem_post: gives one unit back. */
    void release() {
        semaphore.release();
    }

    /** sem_wait used as a lock: on success this participant is the holder, in its critical section. */
    boolean lock() {
        if (!acquire()) {
            return false;
        }
        record.acquiredBy(ctx.index(), System.nanoTime());
        stats.state(ParticipantState.CRITICAL);
        return true;
    }

    /** sem_post used as an unlock: clears the holder, then releases. */
    void unlock() {
        record.releasedBy(ctx.index());
        semaphore.release();
        stats.state(ParticipantState.RUNNING);
    }

    String label() {
        return record.label();
    }

    @Override
    public void close() {
        semaphore.close();
    }
}
