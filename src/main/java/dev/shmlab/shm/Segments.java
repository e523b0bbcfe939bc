package dev.shmlab.shm;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Creates and opens segments of every backend. Creation is always exclusive ({@code O_EXCL},
 * {@code IPC_EXCL}) with mode 0600 unless a wider one is asked for, so an object someone else
 * prepared is never trusted. Inputs are checked before any call; a failure part-way releases
 * what was already made.
 */
public final class Segments {
    /** The default mode of created objects: owner read/write only. */
    public static final int DEFAULT_MODE = 0600;

    private Segments() {
    }

    /** Creates a new POSIX segment of sizeBytes (zero-filled) and maps it read-write. */
    public static Segment createPosix(String name, long sizeBytes, int mode) {
        PosixNames.check(name, "segment name");
        KernelLimits.checkSize(sizeBytes, Backend.POSIX, "segment size");
        // Recorded before it exists, so a process killed right after shm_open still leaves a trace clean can follow.
        ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SHM, name, -1, 0);
        int fd;
        try {
            fd = Os.shmOpen(name, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL, mode);
        } catch (RuntimeException e) {
            ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SHM, name, -1);
            throw e;
        }
        try {
            Os.fchmod(fd, mode, quote(name));
            Os.ftruncate(fd, sizeBytes, quote(name));
            long address = Os.mmap(sizeBytes, Os.PROT_READ | Os.PROT_WRITE, fd, quote(name));
            return new PosixSegment(name, address, sizeBytes, false, true, Os.geteuid());
        } catch (RuntimeException e) {
            Os.shmUnlink(name);
            ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SHM, name, -1);
            throw e;
        } finally {
            Os.close(fd);
        }
    }

    /**
     * Opens an existing POSIX segment at its current size. glibc's shm_open(3) is open(2) of
     * {@code /dev/shm/NAME} (with O_NOFOLLOW and O_CLOEXEC); the JDK's file channel does the same
     * open and mmap(2) here, so that a participant attaches without loading JNA first, a tenth
     * of a second of its start. Failures read as shm_open's would.
     */
    public static Segment openPosix(String name, boolean readOnly) {
        PosixNames.check(name, "segment name");
        Path file = Path.of(PosixNames.DIRECTORY, name.substring(1));
        Set<StandardOpenOption> modes = readOnly ? Set.of(StandardOpenOption.READ) : Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, modes, new java.nio.file.attribute.FileAttribute<?>[0])) {
            long sizeBytes = channel.size();
            if (sizeBytes == 0) {
                throw new ShmlabException("segment " + name + " is empty (size 0): its creator has not sized it yet");
            }
            int uid = (int) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            // Mapped for good: the segment's close unmaps it (munmap), as for every backend.
            MemorySegment mapped = channel.map(readOnly ? FileChannel.MapMode.READ_ONLY : FileChannel.MapMode.READ_WRITE, 0, sizeBytes, Arena.global());
            return new PosixSegment(name, mapped.address(), sizeBytes, readOnly, false, uid);
        } catch (NoSuchFileException e) {
            throw new NativeException("shm_open", quote(name), Errno.ENOENT);
        } catch (AccessDeniedException e) {
            throw new NativeException("shm_open", quote(name), Errno.EACCES);
        } catch (IOException e) {
            throw new ShmlabException("shm_open(" + quote(name) + "): " + e.getMessage(), e);
        }
    }

    /** Creates a new System V segment for a key ({@code Os.IPC_PRIVATE} for a private one). */
    public static Segment createSysV(int key, long sizeBytes, int mode) {
        KernelLimits.checkSize(sizeBytes, Backend.SYSV, "segment size");
        int id = Os.shmget(key, sizeBytes, Os.IPC_CREAT | Os.IPC_EXCL | (mode & 0777));
        try {
            long address = Os.shmat(id, false);
            ObjectRegistry.register(ObjectRegistry.Kind.SYSV_SHM, null, id, key);
            return new SysVSegment(key, id, address, sizeBytes, false, true, Os.geteuid());
        } catch (RuntimeException e) {
            Os.shmRemove(id);
            throw e;
        }
    }

    /** Opens an existing System V segment by key or id. */
    public static Segment openSysV(SegmentAddress address, boolean readOnly) {
        // Tests rather than a type switch, here and in open: see open.
        int id;
        if (address instanceof SegmentAddress.SysVKey k) {
            id = k.id() >= 0 ? k.id() : Os.shmget(k.key(), 0, 0);
        } else if (address instanceof SegmentAddress.SysVId i) {
            id = i.id();
        } else {
            throw new IllegalArgumentException("not a System V address: " + address.display());
        }
        Os.ShmStat stat = Os.shmStat(id);
        long attach = Os.shmat(id, readOnly);
        return new SysVSegment(stat.key(), id, attach, stat.sizeBytes(), readOnly, false, stat.uid());
    }

    /** Creates a new file of sizeBytes (it must not exist) and maps it read-write. */
    public static Segment createFile(Path path, long sizeBytes, int mode) {
        KernelLimits.checkSize(sizeBytes, Backend.FILE, "segment size");
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new dev.shmlab.InvalidInputException("file: the directory " + parent + " does not exist");
        }
        String file = path.toString();
        int fd = Os.open(file, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL | Os.O_NOFOLLOW, mode);
        try {
            Os.fchmod(fd, mode, quote(file));
            Os.ftruncate(fd, sizeBytes, quote(file));
            long address = Os.mmap(sizeBytes, Os.PROT_READ | Os.PROT_WRITE, fd, quote(file));
            ObjectRegistry.register(ObjectRegistry.Kind.FILE, path.toAbsolutePath().toString(), -1, 0);
            return new FileSegment(path, address, sizeBytes, false, true, Os.geteuid());
        } catch (RuntimeException e) {
            deleteQuietly(path);
            throw e;
        } finally {
            Os.close(fd);
        }
    }

    /** Maps an existing file at its current size. */
    public static Segment openFile(Path path, boolean readOnly) {
        String file = path.toString();
        int fd = Os.open(file, (readOnly ? Os.O_RDONLY : Os.O_RDWR) | Os.O_NOFOLLOW, 0);
        try {
            Os.FileStat stat = Os.fstat(fd, quote(file));
            long sizeBytes = stat.sizeBytes();
            if (sizeBytes == 0) {
                throw new ShmlabException("file " + path + " is empty: there is nothing to map");
            }
            long address = Os.mmap(sizeBytes, readOnly ? Os.PROT_READ : Os.PROT_READ | Os.PROT_WRITE, fd, quote(file));
            return new FileSegment(path, address, sizeBytes, readOnly, false, stat.uid());
        } finally {
            Os.close(fd);
        }
    }

    /**
     * Opens any existing segment by address. Every participant starts here, and a pattern switch
     * has the JDK generate and load a class on its first use (measured here in a fresh JVM: 4-6 ms
     * from an AOT cache trained on it, 12-14 ms without one), so the address's kind is tested
     * instead.
     */
    public static Segment open(SegmentAddress address, boolean readOnly) {
        if (address instanceof SegmentAddress.Posix p) {
            return openPosix(p.name(), readOnly);
        }
        if (address instanceof SegmentAddress.MappedFile f) {
            return openFile(f.path(), readOnly);
        }
        return openSysV(address, readOnly);
    }

    /**
     * Refuses a segment that belongs to another user unless that was explicitly allowed: shmlab
     * never trusts (or writes to) someone else's object by accident. Closes it when refusing.
     */
    public static Segment requireOwnedByMe(Segment segment, boolean allowOtherOwner) {
        if (!allowOtherOwner && segment.ownerUid() != Os.geteuid()) {
            segment.close();
            throw new ShmlabException(segment.address().display() + " belongs to user " + new UserNames().of(segment.ownerUid())
                    + ", not to you; pass --allow-other-owner to read it anyway");
        }
        return segment;
    }

    static MemorySegment wrap(long address, long sizeBytes) {
        return MemorySegment.ofAddress(address).reinterpret(sizeBytes);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (java.io.IOException ignored) {
            // the caller reports the original failure
        }
    }

    /** Common close bookkeeping: unmap once, remove once. */
    private abstract static class MappedSegment implements Segment {
        private final SharedMemory memory;
        private final boolean created;
        private final int ownerUid;
        private boolean mapped = true;
        private boolean removed;

        MappedSegment(long address, long sizeBytes, boolean readOnly, boolean created, int ownerUid) {
            this.memory = new SharedMemory(wrap(address, sizeBytes), readOnly);
            this.created = created;
            this.ownerUid = ownerUid;
        }

        @Override
        public int ownerUid() {
            return ownerUid;
        }

        @Override
        public SharedMemory memory() {
            if (!mapped) {
                throw new IllegalStateException("segment " + address().display() + " is closed");
            }
            return memory;
        }

        @Override
        public long sizeBytes() {
            return memory.sizeBytes();
        }

        @Override
        public boolean created() {
            return created;
        }

        @Override
        public synchronized void close() {
            if (mapped) {
                mapped = false;
                unmap(memory.segment().address(), memory.sizeBytes());
            }
        }

        @Override
        public synchronized void remove() {
            if (!removed) {
                removed = true;
                delete();
            }
        }

        abstract void unmap(long address, long sizeBytes);

        abstract void delete();
    }

    private static final class PosixSegment extends MappedSegment {
        private final String name;

        PosixSegment(String name, long address, long sizeBytes, boolean readOnly, boolean created, int ownerUid) {
            super(address, sizeBytes, readOnly, created, ownerUid);
            this.name = name;
        }

        @Override
        public Backend backend() {
            return Backend.POSIX;
        }

        @Override
        public SegmentAddress address() {
            return new SegmentAddress.Posix(name);
        }

        @Override
        void unmap(long address, long sizeBytes) {
            Os.munmap(address, sizeBytes);
        }

        @Override
        void delete() {
            Os.shmUnlink(name);
            ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SHM, name, -1);
        }
    }

    private static final class SysVSegment extends MappedSegment {
        private final int key;
        private final int id;

        SysVSegment(int key, int id, long address, long sizeBytes, boolean readOnly, boolean created, int ownerUid) {
            super(address, sizeBytes, readOnly, created, ownerUid);
            this.key = key;
            this.id = id;
        }

        @Override
        public Backend backend() {
            return Backend.SYSV;
        }

        @Override
        public SegmentAddress address() {
            return new SegmentAddress.SysVKey(key, id);
        }

        @Override
        void unmap(long address, long sizeBytes) {
            Os.shmdt(address);
        }

        @Override
        void delete() {
            Os.shmRemove(id);
            ObjectRegistry.forget(ObjectRegistry.Kind.SYSV_SHM, null, id);
        }
    }

    private static final class FileSegment extends MappedSegment {
        private final Path path;
        private final boolean readOnly;

        FileSegment(Path path, long address, long sizeBytes, boolean readOnly, boolean created, int ownerUid) {
            super(address, sizeBytes, readOnly, created, ownerUid);
            this.path = path;
            this.readOnly = readOnly;
        }

        @Override
        public Backend backend() {
            return Backend.FILE;
        }

        @Override
        public SegmentAddress address() {
            return new SegmentAddress.MappedFile(path);
        }

        @Override
        void unmap(long address, long sizeBytes) {
            if (!readOnly) {
                Os.msync(address, sizeBytes, quote(path.toString()));
            }
            Os.munmap(address, sizeBytes);
        }

        @Override
        void delete() {
            deleteQuietly(path);
            ObjectRegistry.forget(ObjectRegistry.Kind.FILE, path.toAbsolutePath().toString(), -1);
        }
    }
}
