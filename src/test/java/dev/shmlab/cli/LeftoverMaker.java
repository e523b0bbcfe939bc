package dev.shmlab.cli;

import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.shm.Segment;
import dev.shmlab.shm.SegmentAddress;
import dev.shmlab.shm.Segments;

/**
 * A process that creates an object the way shmlab does (so it is registered with this process as
 * its creator) and exits without removing it: the leftover a crashed participant leaves behind.
 *
 * <p>{@code posix NAME}, {@code sysv KEY} (prints {@code id=N}), or {@code register-posix NAME}
 * (only the registry entry, for a name the test fills itself).
 */
public final class LeftoverMaker {
    private LeftoverMaker() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "posix" -> Segments.createPosix(args[1], 4096, Segments.DEFAULT_MODE).close();
            case "sysv" -> {
                Segment segment = Segments.createSysV(Integer.decode(args[1]), 4096, Segments.DEFAULT_MODE);
                System.out.println("id=" + ((SegmentAddress.SysVKey) segment.address()).id());
                segment.close();
            }
            case "register-posix" -> ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SHM, args[1], -1, 0);
            default -> throw new IllegalArgumentException("unknown leftover: " + args[0]);
        }
        System.out.println("left " + args[0] + " " + args[1]);
    }
}
