package dev.shmlab.foreign;

import dev.shmlab.InvalidInputException;
import dev.shmlab.shm.PosixNames;
import dev.shmlab.shm.SegmentAddress;
import java.nio.file.Path;

/**
 * Where a layout says its segment (or a System V semaphore set) lives. An {@code ftok} path is
 * kept as written and turned into a key only when the object is opened, relative to the current
 * directory as the C program's own {@code ftok("MemDispatch", 65)} would be.
 */
public sealed interface SegmentLocation {

    /** The address to open; an ftok location needs its path to exist now. */
    SegmentAddress resolve();

    /** As written: {@code /myshm}, {@code sysv key 0x4101002a}, {@code ftok(MemDispatch, 65)}. */
    String display();

    /** A POSIX shared-memory object. */
    record Posix(String name) implements SegmentLocation {
        public Posix {
            PosixNames.check(name, "\"posix\"");
        }

        @Override
        public SegmentAddress resolve() {
            return new SegmentAddress.Posix(name);
        }

        @Override
        public String display() {
            return name;
        }
    }

    /** A System V key, as {@code ipcs} shows it. */
    record SysVKey(int key) implements SegmentLocation {
        @Override
        public SegmentAddress resolve() {
            return new SegmentAddress.SysVKey(key);
        }

        @Override
        public String display() {
            return String.format("sysv key 0x%08x", key);
        }
    }

    /** The System V key {@code ftok(path, id)} gives. */
    record Ftok(Path path, int id) implements SegmentLocation {
        public Ftok {
            if (id < 1 || id > 255) {
                throw new InvalidInputException("ftok id: must be between 1 and 255 (got " + id + ")");
            }
        }

        @Override
        public SegmentAddress resolve() {
            return SegmentAddress.ftok(path, id);
        }

        @Override
        public String display() {
            return "ftok(" + path + ", " + id + ")";
        }
    }

    /** A regular file, mapped. */
    record MappedFile(Path path) implements SegmentLocation {
        @Override
        public SegmentAddress resolve() {
            return new SegmentAddress.MappedFile(path);
        }

        @Override
        public String display() {
            return "file " + path;
        }
    }

    /** Parses a System V key in decimal or 0x-hex; {@code what} names the input in the error. */
    static int parseKey(String text, String what) {
        return SegmentAddress.parseKey(text, what).key();
    }
}
