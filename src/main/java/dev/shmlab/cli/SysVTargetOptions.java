package dev.shmlab.cli;

import dev.shmlab.shm.SegmentAddress;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The System V ways to name a segment, shared by the commands that take a target. */
public final class SysVTargetOptions {
    @Option(names = "--sysv-id", paramLabel = "ID", description = "A System V segment by id, as 'shmlab ls' or 'ipcs -m' shows it.")
    Integer id;

    @Option(names = "--sysv-key", paramLabel = "KEY", description = "A System V segment by key, decimal or 0x-hex such as 0x4101002a.")
    String key;

    @Option(names = "--ftok", paramLabel = "PATH:ID", description = "A System V segment by the key ftok(PATH, ID) gives, such as /tmp/MemDispatch:65.")
    String ftok;

    /** Adds the three forms to a choice of targets, each address turned into the command's kind of target. */
    <T> TargetChoice<T> addTo(TargetChoice<T> choice, Function<SegmentAddress, T> target) {
        return choice.add("--sysv-id ID", id, () -> target.apply(new SegmentAddress.SysVId(id)))
                .add("--sysv-key KEY", key, () -> target.apply(SegmentAddress.parseKey(key)))
                .add("--ftok PATH:ID", ftok, () -> target.apply(SegmentAddress.parseFtok(ftok)));
    }
}
