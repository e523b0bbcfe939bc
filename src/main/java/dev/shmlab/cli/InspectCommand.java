package dev.shmlab.cli;

import dev.shmlab.ShmlabException;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.IpcObject;
import dev.shmlab.shm.IpcRef;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shmlab inspect TARGET}: an object's metadata and a hex dump of its bytes, opened read-only. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {
            "Show an object's metadata and a hex+ASCII dump of its bytes, opened read-only.",
            "%nGive exactly one target: /NAME, --sysv-id, --sysv-key, --ftok or --file. "
                    + "The dump shows the first 256 bytes unless --offset and --bytes say otherwise.%n"
        })
public final class InspectCommand implements Callable<Integer> {
    private static final String FIELD_FORMAT = "%-9s %s%n";

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

    @Override
    public Integer call() {
        SegmentAddress address = target();
        IpcObject object = IpcListing.require(IpcRef.of(address));
        if (!allowOtherOwner && !object.ownedByCurrentUser()) {
            throw new ShmlabException(IpcRef.of(address).describe() + " belongs to user " + object.owner()
                    + ", not to you; pass --allow-other-owner to read it anyway");
        }
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

    private SegmentAddress target() {
        TargetChoice<SegmentAddress> choice = new TargetChoice<SegmentAddress>()
                .add("/NAME", posixName, () -> new SegmentAddress.Posix(PosixNames.check(posixName, "/NAME")));
        return sysv.addTo(choice, Function.identity())
                .add("--file PATH", file, () -> new SegmentAddress.MappedFile(file))
                .exactlyOne();
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
