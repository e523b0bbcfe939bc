package dev.shmlab.shm;

import dev.shmlab.InvalidInputException;
import dev.shmlab.os.Os;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a segment is named: a POSIX name, a System V key or id, an ftok path and id, or a file. */
public sealed interface SegmentAddress {

    /** A short human-readable form, e.g. {@code /shmlab-rr-1a2b}, {@code sysv key=0x41… id=32769}. */
    String display();

    Backend backend();

    /** A POSIX shared-memory object name such as {@code /myshm}. */
    record Posix(String name) implements SegmentAddress {
        public Posix {
            PosixNames.check(name, "name");
        }

        @Override
        public String display() {
            return name;
        }

        @Override
        public Backend backend() {
            return Backend.POSIX;
        }
    }

    /** A System V segment found by key (and, once known, its id; -1 when not yet known). */
    record SysVKey(int key, int id) implements SegmentAddress {
        public SysVKey(int key) {
            this(key, -1);
        }

        @Override
        public String display() {
            return "sysv " + Os.keyText(key) + (id >= 0 ? " id=" + id : "");
        }

        @Override
        public Backend backend() {
            return Backend.SYSV;
        }
    }

    /** A System V segment found by its id (as {@code ipcs -m} shows it). */
    record SysVId(int id) implements SegmentAddress {
        public SysVId {
            if (id < 0) {
                throw new InvalidInputException("--sysv-id: must be 0 or more (got " + id + ")");
            }
        }

        @Override
        public String display() {
            return "sysv id=" + id;
        }

        @Override
        public Backend backend() {
            return Backend.SYSV;
        }
    }

    /** A memory-mapped regular file. */
    record MappedFile(Path path) implements SegmentAddress {
        @Override
        public String display() {
            return "file " + path;
        }

        @Override
        public Backend backend() {
            return Backend.FILE;
        }
    }

    /**
     * The address as one command-line word for participant processes: {@code posix:/name},
     * {@code sysv-id:ID}, {@code file:/path}. {@link #decode} reads it back.
     */
    default String encode() {
        return switch (this) {
            case Posix p -> "posix:" + p.name();
            case SysVKey k when k.id() >= 0 -> "sysv-id:" + k.id();
            case SysVKey k -> "sysv-key:" + k.key();
            case SysVId i -> "sysv-id:" + i.id();
            case MappedFile f -> "file:" + f.path().toAbsolutePath();
        };
    }

    /** Reads an address written by {@link #encode}. */
    static SegmentAddress decode(String word) {
        int colon = word.indexOf(':');
        String kind = colon < 0 ? "" : word.substring(0, colon);
        String value = colon < 0 ? word : word.substring(colon + 1);
        try {
            return switch (kind) {
                case "posix" -> new Posix(value);
                case "sysv-id" -> new SysVId(Integer.parseInt(value));
                case "sysv-key" -> new SysVKey(Integer.parseInt(value));
                case "file" -> new MappedFile(Path.of(value));
                default -> throw new InvalidInputException("segment address: expected posix:/NAME, sysv-id:ID, sysv-key:KEY or file:PATH (got \"" + word + "\")");
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException("segment address: the number in \"" + word + "\" is not valid");
        }
    }

    /** The key {@code ftok(path, projId)} gives; the path must exist and projId be 1..255. */
    static SysVKey ftok(Path path, int projId) {
        if (projId < 1 || projId > 255) {
            throw new InvalidInputException("--ftok: the id must be between 1 and 255 (got " + projId + ")");
        }
        if (!Files.exists(path)) {
            throw new InvalidInputException("--ftok: the path " + path + " does not exist; ftok needs an existing file or directory");
        }
        return new SysVKey(Os.ftok(path.toString(), projId));
    }

    /**
     * Parses {@code PATH:ID} as given to {@code --ftok}, e.g. {@code /tmp/MemDispatch:65}.
     */
    static SysVKey parseFtok(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new InvalidInputException("--ftok: expected PATH:ID, e.g. /tmp/MemDispatch:65 (got \"" + spec + "\")");
        }
        int projId;
        try {
            projId = Integer.decode(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--ftok: the id after ':' must be a number from 1 to 255 (got \"" + spec.substring(colon + 1) + "\")");
        }
        return ftok(Path.of(spec.substring(0, colon)), projId);
    }

    /** Parses a System V key in decimal or 0x-hex (as {@code ipcs} prints it). */
    static SysVKey parseKey(String text) {
        return parseKey(text, "--sysv-key");
    }

    /** Parses a System V key in decimal or 0x-hex; {@code what} names the input in the error. */
    static SysVKey parseKey(String text, String what) {
        try {
            long key = Long.decode(text.trim());
            if (key == 0 || key < Integer.MIN_VALUE || key > 0xffffffffL) {
                throw new NumberFormatException();
            }
            return new SysVKey((int) key);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(what + ": expected a non-zero 32-bit key such as 0x4101002a or 1090650154 (got \"" + text + "\")");
        }
    }
}
