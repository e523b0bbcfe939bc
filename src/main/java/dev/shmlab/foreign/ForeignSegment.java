package dev.shmlab.foreign;

import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import dev.shmlab.sync.NamedSemaphore;
import dev.shmlab.sync.SysVSemaphoreSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** {@code SHM_DEST} in a System V segment's mode: IPC_RMID was called, the segment goes with its last detach. */
    private static final int SHM_DEST = 01000;

    private final Segment segment;
    private final LayoutDescription layout;
    private final Decoder decoder;
    /** The inode of a POSIX object or file when it was opened (-1 for System V), to tell it from a new one of that name. */
    private final long inode;

    private ForeignSegment(Segment segment, LayoutDescription layout) {
        this.segment = segment;
        this.layout = layout;
        this.decoder = new Decoder(layout);
        this.inode = pathOf(segment.address()).map(ForeignSegment::inodeOf).orElse(-1L);
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
            return new ForeignSegment(segment, layout);
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
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

    /**
     * Why the foreign program's object is gone, if it is: a POSIX object unlinked (or replaced by a
     * new one of that name), a System V segment marked for removal ({@code IPC_RMID}) or removed. The
     * mapping itself stays readable until {@link #close()}; the object is never opened again.
     */
    public Optional<String> removal() {
        SegmentAddress address = segment.address();
        Optional<Path> path = pathOf(address);
        if (path.isPresent()) {
            long now = inodeOf(path.get());
            return now == inode ? Optional.empty()
                    : Optional.of(address.display() + (now < 0 ? " was removed" : " was removed and made again") + " by its program");
        }
        int id = switch (address) {
            case SegmentAddress.SysVKey k -> k.id();
            case SegmentAddress.SysVId i -> i.id();
            default -> -1;
        };
        try {
            Os.ShmStat stat = Os.shmStat(id);
            return (stat.mode() & SHM_DEST) != 0
                    ? Optional.of(address.display() + " was removed by its program (IPC_RMID)")
                    : Optional.empty();
        } catch (NativeException e) {
            return Optional.of(address.display() + " was removed by its program");
        }
    }

    private static Optional<Path> pathOf(SegmentAddress address) {
        return switch (address) {
            case SegmentAddress.Posix p -> Optional.of(Path.of("/dev/shm", p.name().substring(1)));
            case SegmentAddress.MappedFile f -> Optional.of(f.path());
            default -> Optional.empty();
        };
    }

    /** The file's inode, -1 when it is gone. */
    private static long inodeOf(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new ShmlabException("cannot read the attributes of " + path + ": " + e.getMessage(), e);
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
