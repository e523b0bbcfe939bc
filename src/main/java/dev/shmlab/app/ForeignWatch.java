package dev.shmlab.app;

import dev.shmlab.foreign.DecodedSnapshot;
import dev.shmlab.foreign.ForeignSegment;
import dev.shmlab.foreign.Hop;
import dev.shmlab.foreign.HopTracker;
import dev.shmlab.foreign.LayoutDescription;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcRef;
import dev.shmlab.shm.SegmentAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Another program's segment as the window watches it: the read-only mapping, one sampler thread
 * that decodes it every {@link #SAMPLE_INTERVAL}, the message hops its source and destination
 * fields reveal, and whether the program has removed it. Every method is safe from any thread.
 *
 * <p>Only the sampler thread reads the mapping, and it unmaps it on its way out: when the object is
 * removed, shrinks, or the window detaches. The object is never opened again after that; the last
 * snapshot stays readable.
 */
final class ForeignWatch implements AutoCloseable {
    /** 50 samples a second: a program that passes messages by hand is seen at every step. */
    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(20);
    private static final long REMOVAL_CHECK_NANOS = 250_000_000L;
    private static final int MAX_QUEUED_HOPS = 1_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ForeignSegment foreign;
    private final HopTracker hopTracker;
    private final String segmentText;
    private final AtomicReference<DecodedSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<String> ending = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Hop> hops = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedHops = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long samples;

    private ForeignWatch(ForeignSegment foreign) {
        this.foreign = foreign;
        this.hopTracker = foreign.layout().derivesHops() ? new HopTracker(foreign.layout()) : null;
        this.segmentText = foreign.address().display();
        DecodedSnapshot first = foreign.sample();
        latest.set(first);
        if (hopTracker != null) {
            hopTracker.next(first);
        }
        this.sampler = Thread.ofPlatform().daemon().name("foreign-sampler").start(this::loop);
    }

    /**
     * Finds the object, maps it read-only, checks the layout fits and takes the first sample. Throws
     * with one plain line (no such object, not yours, layout too large…); on failure nothing stays mapped.
     */
    static ForeignWatch open(SegmentAddress address, LayoutDescription layout, boolean allowOtherOwner) {
        IpcListing.require(IpcRef.of(address));
        ForeignSegment foreign = ForeignSegment.open(address, layout, allowOtherOwner);
        try {
            return new ForeignWatch(foreign);
        } catch (RuntimeException e) {
            foreign.close();
            throw e;
        }
    }

    private void loop() {
        long interval = SAMPLE_INTERVAL.toNanos();
        long next = System.nanoTime();
        long nextCheck = next + REMOVAL_CHECK_NANOS;
        try {
            while (running) {
                if (System.nanoTime() - nextCheck >= 0) {
                    nextCheck += REMOVAL_CHECK_NANOS;
                    Optional<String> removal = foreign.removal();
                    if (removal.isPresent()) {
                        end(removal.get() + "; the values shown are the last ones read");
                        return;
                    }
                }
                sampleOnce();
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    LockSupport.parkNanos(sleep);
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (InternalError e) {
            // The JVM turns SIGBUS from a mapping whose object shrank into this error.
            end(segmentText + " shrank under shmlab (a read past its new end faulted)");
        } catch (RuntimeException e) {
            end("reading " + segmentText + " failed: " + e.getMessage());
        } finally {
            running = false;
            foreign.close();
        }
    }

    private void sampleOnce() {
        DecodedSnapshot s = foreign.sample();
        latest.set(s);
        samples++;
        if (hopTracker == null) {
            return;
        }
        for (Hop hop : hopTracker.next(s)) {
            hops.add(hop);
            if (queuedHops.incrementAndGet() > MAX_QUEUED_HOPS && hops.poll() != null) {
                queuedHops.decrementAndGet();
            }
        }
    }

    private void end(String why) {
        ending.compareAndSet(null, why);
    }

    /** The newest snapshot (after the end, the last one taken). */
    DecodedSnapshot latest() {
        return latest.get();
    }

    /** The hops seen since the previous call, oldest first. */
    List<Hop> drainHops() {
        List<Hop> out = new ArrayList<>();
        Hop hop;
        while ((hop = hops.poll()) != null) {
            queuedHops.decrementAndGet();
            out.add(hop);
        }
        return out;
    }

    /** Why sampling stopped by itself (the object was removed or shrank), or null while it goes on. */
    String ending() {
        return ending.get();
    }

    boolean sampling() {
        return running;
    }

    long samples() {
        return samples;
    }

    LayoutDescription layout() {
        return foreign.layout();
    }

    /** Whether the layout's roles turn the program's writes into message hops. */
    boolean derivesHops() {
        return hopTracker != null;
    }

    /** The object as opened: {@code sysv key=0x41… id=7}, {@code /myshm}. */
    String segmentText() {
        return segmentText;
    }

    long sizeBytes() {
        return foreign.sizeBytes();
    }

    /** Stops sampling and waits until the sampler has unmapped the segment. Idempotent. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(sampler);
        try {
            if (!sampler.join(CLOSE_TIMEOUT)) {
                throw new IllegalStateException("the sampler of " + segmentText + " did not stop within " + CLOSE_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
