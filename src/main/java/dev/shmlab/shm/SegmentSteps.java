package dev.shmlab.shm;

import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.os.Os;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The steps of a segment's life, one call each, so that each can be timed: what {@link Segments}
 * does in one go (create, size, map) and what a second process does to use it (open, map), then
 * unmap and remove. Creation is exclusive and mode 0600, as everywhere in shmlab; the caller
 * registers a created object with {@link #register} (outside any timed step) so that a crash
 * leaves nothing {@code shmlab clean} cannot find.
 */
public final class SegmentSteps {
    private static final int SYSV_KEY_ATTEMPTS = 16;

    private SegmentSteps() {
    }

    /**
     * An object opened but not yet mapped: for POSIX and files the descriptor, for System V the id.
     * {@code name} is the POSIX name or file path, {@code key} the System V key.
     */
    public record Handle(Backend backend, String name, int key, int descriptor, long sizeBytes) {
    }

    /**
     * Creates the object exclusively: shm_open(O_CREAT|O_EXCL), open(O_CREAT|O_EXCL) of the file,
     * or shmget(IPC_CREAT|IPC_EXCL) with a random key (a new one while a key is taken). System V
     * sizes the segment here; the other two are empty until {@link #size}.
     */
    public static Handle create(Backend backend, String nameOrPath, long sizeBytes) {
        return switch (backend) {
            case POSIX -> new Handle(backend, nameOrPath, 0,
                    Os.shmOpen(PosixNames.check(nameOrPath, "segment name"), Os.O_RDWR | Os.O_CREAT | Os.O_EXCL, Segments.DEFAULT_MODE), sizeBytes);
            case FILE -> new Handle(backend, nameOrPath, 0,
                    Os.open(nameOrPath, Os.O_RDWR | Os.O_CREAT | Os.O_EXCL | Os.O_NOFOLLOW, Segments.DEFAULT_MODE), sizeBytes);
            case SYSV -> createSysV(sizeBytes);
        };
    }

    private static Handle createSysV(long sizeBytes) {
        for (int attempt = 1; ; attempt++) {
            int key = 0x53000000 | ThreadLocalRandom.current().nextInt(1, 0x00ffffff);
            try {
                return new Handle(Backend.SYSV, null, key, Os.shmget(key, sizeBytes, Os.IPC_CREAT | Os.IPC_EXCL | Segments.DEFAULT_MODE), sizeBytes);
            } catch (NativeException e) {
                if (e.errno() != Errno.EEXIST || attempt == SYSV_KEY_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** ftruncate to the handle's size; nothing for System V, whose size shmget fixed. */
    public static void size(Handle h) {
        if (h.backend() != Backend.SYSV) {
            Os.ftruncate(h.descriptor(), h.sizeBytes(), describe(h));
        }
    }

    /** Opens an object another process created, as that process described it (name or path, or key). */
    public static Handle open(Backend backend, String nameOrPath, int key, long sizeBytes) {
        return switch (backend) {
            case POSIX -> new Handle(backend, nameOrPath, 0, Os.shmOpen(PosixNames.check(nameOrPath, "segment name"), Os.O_RDWR, 0), sizeBytes);
            case FILE -> new Handle(backend, nameOrPath, 0, Os.open(nameOrPath, Os.O_RDWR | Os.O_NOFOLLOW, 0), sizeBytes);
            case SYSV -> new Handle(backend, null, key, Os.shmget(key, 0, 0), sizeBytes);
        };
    }

    /** mmap (and close of the descriptor, which the mapping no longer needs) or shmat; read-write. */
    public static SharedMemory map(Handle h) {
        long address;
        if (h.backend() == Backend.SYSV) {
            address = Os.shmat(h.descriptor(), false);
        } else {
            try {
                address = Os.mmap(h.sizeBytes(), Os.PROT_READ | Os.PROT_WRITE, h.descriptor(), describe(h));
            } finally {
                Os.close(h.descriptor());
            }
        }
        return new SharedMemory(Segments.wrap(address, h.sizeBytes()), false);
    }

    /** munmap or shmdt of a mapping made by {@link #map}. */
    public static void unmap(Handle h, SharedMemory mapping) {
        long address = mapping.segment().address();
        if (h.backend() == Backend.SYSV) {
            Os.shmdt(address);
        } else {
            Os.munmap(address, h.sizeBytes());
        }
    }

    /** shm_unlink, shmctl(IPC_RMID) or unlink(2) of the file; {@link #forget} drops the registry entry after. */
    public static void remove(Handle h) {
        switch (h.backend()) {
            case POSIX -> Os.shmUnlink(h.name());
            case SYSV -> Os.shmRemove(h.descriptor());
            case FILE -> {
                try {
                    Files.deleteIfExists(Path.of(h.name()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + h.name(), e);
                }
            }
        }
    }

    /** Drops the registry entry of a removed object. */
    public static void forget(Handle h) {
        switch (h.backend()) {
            case POSIX -> ObjectRegistry.forget(ObjectRegistry.Kind.POSIX_SHM, h.name(), -1);
            case SYSV -> ObjectRegistry.forget(ObjectRegistry.Kind.SYSV_SHM, null, h.descriptor());
            case FILE -> ObjectRegistry.forget(ObjectRegistry.Kind.FILE, Path.of(h.name()).toAbsolutePath().toString(), -1);
        }
    }

    /**
     * Records an object under its name before it is created (POSIX and file backends), so that a
     * process killed between creating and recording it leaves nothing unfindable.
     */
    public static void registerAhead(Backend backend, String nameOrPath) {
        switch (backend) {
            case POSIX -> ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SHM, nameOrPath, -1, 0);
            case FILE -> ObjectRegistry.register(ObjectRegistry.Kind.FILE, Path.of(nameOrPath).toAbsolutePath().toString(), -1, 0);
            case SYSV -> throw new IllegalArgumentException("a System V segment's id is known only once it exists");
        }
    }

    /** Records a created object in the registry, so that a crash before {@link #remove} leaves it findable. */
    public static void register(Handle h) {
        switch (h.backend()) {
            case POSIX -> ObjectRegistry.register(ObjectRegistry.Kind.POSIX_SHM, h.name(), -1, 0);
            case SYSV -> ObjectRegistry.register(ObjectRegistry.Kind.SYSV_SHM, null, h.descriptor(), h.key());
            case FILE -> ObjectRegistry.register(ObjectRegistry.Kind.FILE, Path.of(h.name()).toAbsolutePath().toString(), -1, 0);
        }
    }

    private static String describe(Handle h) {
        return h.backend() == Backend.SYSV ? Os.keyText(h.key()) : "\"" + h.name() + "\"";
    }
}
