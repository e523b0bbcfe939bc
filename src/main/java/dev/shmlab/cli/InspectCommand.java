package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.ShmlabException;
import dev.shmlab.foreign.ForeignSegment;
import dev.shmlab.foreign.LayoutDescription;
import dev.shmlab.foreign.SegmentLocation;
import dev.shmlab.foreign.SemaphoreSpec;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.IpcRef;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shmlab inspect TARGET}: an object's metadata and a hex dump of its bytes, or with
 * {@code --layout} its fields decoded one by one (live with {@code --watch}); opened read-only.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {
            "Show an object's metadata and a hex+ASCII dump of its bytes, opened read-only.",
            "%nGive exactly one target: /NAME, --sysv-id, --sysv-key, --ftok or --file. "
                    + "The dump shows the first 256 bytes unless --offset and --bytes say otherwise.",
            "%nWith --layout FILE the segment is decoded field by field instead (name, type, offset, value), after checking "
                    + "the layout fits the segment; the target may then come from the layout's \"segment\". "
                    + "--watch samples again every --interval and marks changed fields with '*'.%n"
        })
public final class InspectCommand implements Callable<Integer> {
    private static final String FIELD_FORMAT = "%-9s %s%n";
    /** The layouts in resources/layouts, for the help text (LayoutDescription.SHIPPED lists them for code). */
    private static final String SHIPPED = "seed000-shm_region, seed001-handshake, seed004-memory";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "/NAME", description = "A POSIX shared-memory object such as /myshm.")
    private String posixName;

    @Mixin
    private SysVTargetOptions sysv;

    @Option(names = "--file", paramLabel = "PATH", description = "A regular file, mapped read-only.")
    private Path file;

    @Option(names = "--bytes", paramLabel = "N", converter = DumpRange.NumberConverter.class,
            description = "How many bytes to dump (default: 256, or the whole object when smaller).")
    private Long bytes;

    @Option(names = "--offset", paramLabel = "N", converter = DumpRange.NumberConverter.class,
            description = "Where the dump starts, in bytes from the start of the object (default: 0).")
    private Long offset;

    @Option(names = "--allow-other-owner", description = "Read an object that belongs to another user.")
    private boolean allowOtherOwner;

    @Option(names = "--layout", paramLabel = "FILE",
            description = "Decode the segment with this layout description: a JSON file, or a shipped one (" + SHIPPED + ").")
    private String layout;

    @Option(names = "--watch", description = "With --layout: sample again every --interval until Ctrl-C, marking changes with '*'.")
    private boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", description = "With --watch: the time between samples (default 500ms).")
    private String interval = "500ms";

    @Option(names = "--count", paramLabel = "N", description = "With --layout: print N samples, then exit (default 1, or until Ctrl-C with --watch).")
    private Long count;

    @Option(names = "--semaphore", paramLabel = "LABEL=WHERE",
            description = "With --layout: watch the semaphore LABEL at /NAME (POSIX named) or sysv:KEY[,INDEX] instead of where the layout says, or in addition. Repeatable.")
    private List<String> semaphores = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (layout != null) {
            return inspectLayout();
        }
        if (watch || count != null || !semaphores.isEmpty()) {
            throw new InvalidInputException("--watch, --count and --semaphore go with --layout FILE");
        }
        SegmentAddress address = target();
        IpcObject object = existingObject(address);
        if (object.sizeBytes() == 0) {
            throw new ShmlabException(IpcRef.of(address).describe() + " is empty (size 0): there is nothing to dump");
        }
        DumpRange.of(offset, bytes, object.sizeBytes());
        try (Segment segment = Segments.open(sameObject(address, object), true)) {
            DumpRange range = DumpRange.of(offset, bytes, segment.sizeBytes());
            PrintWriter out = spec.commandLine().getOut();
            printMetadata(out, object, range);
            out.println();
            HexDump.write(out, segment.memory(), range.offset(), range.lengthBytes());
        }
        return Main.EXIT_OK;
    }

    private int inspectLayout() throws InterruptedException {
        if (offset != null || bytes != null) {
            throw new InvalidInputException("--offset and --bytes choose the range of the hex dump; they do not go with --layout");
        }
        long intervalMs = (long) ParamSpec.durationMs("interval", 500, 10, 3_600_000, "").parse(interval);
        if (count != null && count < 1) {
            throw new InvalidInputException("--count: must be 1 or more (got " + count + ")");
        }
        LayoutDescription description = LayoutDescription.load(layout);
        for (String semaphore : semaphores) {
            description = description.withSemaphore(SemaphoreSpec.parse(semaphore));
        }
        SegmentLocation fromLayout = description.segment().orElse(null);
        SegmentAddress address = targetChoice().atMostOne().orElseGet(() -> {
            if (fromLayout == null) {
                throw new InvalidInputException("give a target: the layout " + layout + " names no segment");
            }
            return fromLayout.resolve();
        });
        IpcObject object = existingObject(address);
        try (ForeignSegment foreign = ForeignSegment.open(sameObject(address, object), description, allowOtherOwner)) {
            long samples = count != null ? count : watch ? Long.MAX_VALUE : 1;
            new LayoutView(spec.commandLine().getOut(), foreign, LayoutView.terminalTakesBold(), watch || samples > 1).run(samples, intervalMs);
        }
        return Main.EXIT_OK;
    }

    /** The object at the address, refused when it belongs to someone else (unless allowed). */
    private IpcObject existingObject(SegmentAddress address) {
        IpcObject object = IpcListing.require(IpcRef.of(address));
        if (!allowOtherOwner && !object.ownedByCurrentUser()) {
            throw new ShmlabException(IpcRef.of(address).describe() + " belongs to user " + object.owner()
                    + ", not to you; pass --allow-other-owner to read it anyway");
        }
        return object;
    }

    private SegmentAddress target() {
        return targetChoice().exactlyOne();
    }

    private TargetChoice<SegmentAddress> targetChoice() {
        TargetChoice<SegmentAddress> choice = new TargetChoice<SegmentAddress>()
                .add("/NAME", posixName, () -> new SegmentAddress.Posix(PosixNames.check(posixName, "/NAME")));
        return sysv.addTo(choice, Function.identity())
                .add("--file PATH", file, () -> new SegmentAddress.MappedFile(file));
    }

    /** A System V key is opened by the id just described, so metadata and bytes are of one segment. */
    private static SegmentAddress sameObject(SegmentAddress address, IpcObject object) {
        return address instanceof SegmentAddress.SysVKey key ? new SegmentAddress.SysVKey(key.key(), object.id()) : address;
    }

    private static void printMetadata(PrintWriter out, IpcObject object, DumpRange range) {
        out.printf(FIELD_FORMAT, "kind", Describe.kind(object));
        if (object.id() >= 0) {
            out.printf(FIELD_FORMAT, "key", Describe.key(object.key()));
            out.printf(FIELD_FORMAT, "id", object.id());
        } else {
            out.printf(FIELD_FORMAT, "name", object.name());
        }
        out.printf(FIELD_FORMAT, "size", object.sizeBytes() + " bytes");
        out.printf(FIELD_FORMAT, "owner", object.owner() + " (uid " + object.ownerUid() + ")");
        out.printf(FIELD_FORMAT, "mode", Describe.mode(object));
        if (object.attachCount() >= 0) {
            out.printf(FIELD_FORMAT, "attached", object.attachCount() + " (before this inspect attached)");
        }
        out.printf(FIELD_FORMAT, "creator", object.creator() == null ? "unknown" : Describe.process(object.creator()));
        if (object.last() != null) {
            out.printf(FIELD_FORMAT, "last", Describe.process(object.last()));
        }
        out.printf(FIELD_FORMAT, "shmlab", object.createdByShmlab() ? "created by shmlab" : "not created by shmlab");
        out.printf(FIELD_FORMAT, "dump", range.lengthBytes() + " bytes from offset " + range.offset() + ", opened read-only");
    }
}
