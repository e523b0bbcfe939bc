package dev.shmlab.foreign;

import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.sync.NamedSemaphore;
import dev.shmlab.sync.SysVSemaphoreSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Another program's segment, mapped read-only and read through a layout. The layout is checked
 * against the segment's size when it is opened, so {@link #sample()} never reads out of bounds.
 * shmlab never writes to the segment and never waits on or posts the watched semaphores: it only
 * reads their values ({@code sem_getvalue}, {@code GETVAL}), opening them afresh on every sample so
 * that one removed and created again is seen.
 *
 * <p>Typical use, on one sampler thread:
 *
 * <pre>
 * try (ForeignSegment foreign = ForeignSegment.open(address, layout, false)) {
 *     HopTracker hops = layout.derivesHops() ? new HopTracker(layout) : null;
 *     while (watching) {
 *         DecodedSnapshot s = foreign.sample();
 *         List&lt;Hop&gt; newHops = hops == null ? List.of() : hops.next(s);
 *         ...hand s and newHops to the view...
 *     }
 * }
 * </pre>
 */
public final class ForeignSegment implements AutoCloseable {
    private final Segment segment;
    private final LayoutDescription layout;
    private final Decoder decoder;

    private ForeignSegment(Segment segment, LayoutDescription layout) {
        this.segment = segment;
        this.layout = layout;
        this.decoder = new Decoder(layout);
    }

    /**
     * Maps the segment read-only and checks the layout fits it. Refuses another user's segment
     * unless {@code allowOtherOwner}; a layout larger than the segment is an
     * {@link InvalidInputException} naming the field that does not fit.
     */
    public static ForeignSegment open(SegmentAddress address, LayoutDescription layout, boolean allowOtherOwner) {
        Segment segment = Segments.requireOwnedByMe(Segments.open(address, true), allowOtherOwner);
        try {
            layout.checkFits(segment.sizeBytes(), segment.address().display());
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
        return new ForeignSegment(segment, layout);
    }

    /** Opens the segment the layout itself names ({@code "segment"}); bad input when it names none. */
    public static ForeignSegment open(LayoutDescription layout, boolean allowOtherOwner) {
        SegmentLocation location = layout.segment().orElseThrow(() -> new InvalidInputException("layout " + layout.source()
                + " names no segment: give a target (/NAME, --sysv-key, --ftok …), or add \"segment\" to the layout"));
        return open(location.resolve(), layout, allowOtherOwner);
    }

    /** Reads every field and every watched semaphore now. */
    public DecodedSnapshot sample() {
        List<SemaphoreValue> values = new ArrayList<>(layout.semaphores().size());
        for (SemaphoreSpec spec : layout.semaphores()) {
            values.add(readSemaphore(spec));
        }
        return decoder.snapshot(segment.memory(), values);
    }

    /** A semaphore's value, or why it cannot be read; never throws for a semaphore that is missing. */
    static SemaphoreValue readSemaphore(SemaphoreSpec spec) {
        try {
            return switch (spec) {
                case SemaphoreSpec.Named n -> {
                    try (NamedSemaphore sem = NamedSemaphore.open(n.name())) {
                        yield SemaphoreValue.of(spec, sem.value());
                    }
                }
                case SemaphoreSpec.SysV s -> {
                    SegmentAddress.SysVKey key = (SegmentAddress.SysVKey) s.key().resolve();
                    SysVSemaphoreSet set = SysVSemaphoreSet.open(key.key());
                    yield s.index() < set.count() ? SemaphoreValue.of(spec, set.value(s.index()))
                            : SemaphoreValue.missing(spec, "the set has only " + set.count() + " semaphores");
                }
            };
        } catch (NativeException e) {
            return SemaphoreValue.missing(spec, switch (e.errno()) {
                case Errno.ENOENT, Errno.EIDRM, Errno.EINVAL -> "absent";
                case Errno.EACCES, Errno.EPERM -> "not readable: " + Errno.symbol(e.errno());
                default -> e.getMessage();
            });
        } catch (InvalidInputException e) {
            return SemaphoreValue.missing(spec, "absent: " + e.getMessage());
        } catch (ShmlabException e) {
            return SemaphoreValue.missing(spec, e.getMessage());
        }
    }

    public LayoutDescription layout() {
        return layout;
    }

    /** Where the segment is, as opened (a System V key also carries the id it was found under). */
    public SegmentAddress address() {
        return segment.address();
    }

    public long sizeBytes() {
        return segment.sizeBytes();
    }

    /** Unmaps (or detaches) the segment; the foreign program's objects stay as they are. */
    @Override
    public void close() {
        segment.close();
    }
}
