package dev.shmlab.shm;

import dev.shmlab.ShmlabException;
import dev.shmlab.os.Os;
import dev.shmlab.shm.IpcObject.ProcessRef;
import dev.shmlab.shm.ObjectRegistry.Entry;
import dev.shmlab.shm.ObjectRegistry.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every shared-memory object and semaphore this user can see, as {@code ls /dev/shm} and
 * {@code ipcs -m -s} show them: POSIX objects and named semaphores in /dev/shm, System V
 * segments and semaphore sets from /proc/sysvipc. Symbolic links in /dev/shm are never followed:
 * they are not listed, and naming one is refused.
 */
public final class IpcListing {
    static final Path DEV_SHM = Path.of("/dev/shm");
    private static final Path SYSV_SHM_TABLE = Path.of("/proc/sysvipc/shm");
    private static final Path SYSV_SEM_TABLE = Path.of("/proc/sysvipc/sem");
    private static final String SEMAPHORE_PREFIX = "sem.";
    private static final String FILE_ATTRIBUTES = "unix:uid,mode,size,isRegularFile";
    private static final Comparator<IpcObject> ORDER = Comparator.comparing(IpcObject::kind)
            .thenComparing(IpcObject::name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(IpcObject::id);

    private final Map<String, Entry> registry = new HashMap<>();
    private final UserNames users = new UserNames();
    private final int euid = Os.geteuid();

    private IpcListing() {
        for (Entry entry : ObjectRegistry.entries()) {
            registry.put(registryKey(entry.kind(), entry.name(), entry.id()), entry);
        }
    }

    /** Everything visible now, POSIX objects first, each kind sorted by name or id. */
    public static List<IpcObject> all() {
        IpcListing listing = new IpcListing();
        List<IpcObject> objects = new ArrayList<>(listing.devShm());
        objects.addAll(listing.sysvSegments());
        objects.addAll(listing.sysvSemaphoreSets());
        objects.sort(ORDER);
        return objects;
    }

    /** The object a reference names, if it exists (a symbolic link in its place does not count). */
    public static Optional<IpcObject> find(IpcRef ref) {
        IpcListing listing = new IpcListing();
        return switch (ref.kind()) {
            case POSIX_SHM, POSIX_SEM, FILE -> listing.file(ref.kind(), ref.name(), path(ref));
            case SYSV_SHM -> listing.sysvSegments().stream().filter(o -> sameSysV(ref, o)).findFirst();
            case SYSV_SEM -> listing.sysvSemaphoreSets().stream().filter(o -> sameSysV(ref, o)).findFirst();
            case POSIX_MQ -> Optional.empty();
        };
    }

    /**
     * The object a reference names. Throws {@link NoSuchObjectException} when it does not exist and
     * refuses a symbolic link in its place, which shmlab never follows.
     */
    public static IpcObject require(IpcRef ref) {
        if (isSymbolicLink(ref)) {
            throw new ShmlabException("refusing " + path(ref) + ": it is a symbolic link, not a "
                    + (ref.kind() == Kind.FILE ? "file" : "shared-memory object")
                    + "; shmlab never follows links (name the real object, or remove the link if you did not expect it)");
        }
        return find(ref).orElseThrow(() -> new NoSuchObjectException(ref));
    }

    /** Whether a POSIX object's or file's path is a symbolic link (checked without following it). */
    public static boolean isSymbolicLink(IpcRef ref) {
        Path path = path(ref);
        return path != null && Files.isSymbolicLink(path);
    }

    /** Where a POSIX object lives: {@code /x} is /dev/shm/x, semaphore {@code /x} is /dev/shm/sem.x. */
    static Path path(IpcRef ref) {
        return switch (ref.kind()) {
            case POSIX_SHM -> DEV_SHM.resolve(ref.name().substring(1));
            case POSIX_SEM -> DEV_SHM.resolve(SEMAPHORE_PREFIX + ref.name().substring(1));
            case FILE -> Path.of(ref.name());
            default -> null;
        };
    }

    private List<IpcObject> devShm() {
        List<IpcObject> objects = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DEV_SHM)) {
            for (Path path : files) {
                String file = path.getFileName().toString();
                boolean semaphore = file.startsWith(SEMAPHORE_PREFIX) && file.length() > SEMAPHORE_PREFIX.length();
                Kind kind = semaphore ? Kind.POSIX_SEM : Kind.POSIX_SHM;
                String name = "/" + (semaphore ? file.substring(SEMAPHORE_PREFIX.length()) : file);
                file(kind, name, path).ifPresent(objects::add);
            }
        } catch (NoSuchFileException e) {
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DEV_SHM, e);
        }
        return objects;
    }

    /** A regular file as an object; a link, a directory or a file that vanished is not one. */
    private Optional<IpcObject> file(Kind kind, String name, Path path) {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, FILE_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + path, e);
        }
        if (!(Boolean) attributes.get("isRegularFile")) {
            return Optional.empty();
        }
        int uid = (Integer) attributes.get("uid");
        Entry entry = uid == euid ? registry.get(registryKey(kind, name, -1)) : null;
        ProcessRef creator = entry == null ? null : new ProcessRef(entry.creatorPid(), entry.creatorAlive());
        return Optional.of(new IpcObject(kind, name, 0, -1, uid, users.of(uid), (Integer) attributes.get("mode") & 0777,
                (Long) attributes.get("size"), -1, -1, creator, null, entry != null));
    }

    private List<IpcObject> sysvSegments() {
        List<IpcObject> objects = new ArrayList<>();
        for (ProcTable.Row row : ProcTable.read(SYSV_SHM_TABLE)) {
            int key = row.integer("key");
            int id = row.integer("shmid");
            int uid = row.integer("uid");
            int creatorPid = row.integer("cpid");
            Entry entry = ownEntry(Kind.SYSV_SHM, id, key, uid);
            boolean ours = entry != null && entry.creatorPid() == creatorPid;
            ProcessRef creator = ours ? new ProcessRef(creatorPid, entry.creatorAlive()) : process(creatorPid);
            objects.add(new IpcObject(Kind.SYSV_SHM, null, key, id, uid, users.of(uid), row.octal("perms") & 0777,
                    row.number("size"), -1, row.number("nattch"), creator, process(row.integer("lpid")), ours));
        }
        return objects;
    }

    /** Semaphore sets; the kernel keeps no creator pid for them, so only the registry can tell. */
    private List<IpcObject> sysvSemaphoreSets() {
        List<IpcObject> objects = new ArrayList<>();
        for (ProcTable.Row row : ProcTable.read(SYSV_SEM_TABLE)) {
            int key = row.integer("key");
            int id = row.integer("semid");
            int uid = row.integer("uid");
            Entry entry = ownEntry(Kind.SYSV_SEM, id, key, uid);
            ProcessRef creator = entry != null ? new ProcessRef(entry.creatorPid(), entry.creatorAlive()) : null;
            objects.add(new IpcObject(Kind.SYSV_SEM, null, key, id, uid, users.of(uid), row.octal("perms") & 0777,
                    -1, row.integer("nsems"), -1, creator, null, entry != null));
        }
        return objects;
    }

    /** The registry entry for a System V id, if it records this very object (same key) of this user. */
    private Entry ownEntry(Kind kind, int id, int key, int uid) {
        Entry entry = registry.get(registryKey(kind, null, id));
        return entry != null && uid == euid && entry.key() == key ? entry : null;
    }

    private static ProcessRef process(int pid) {
        return pid > 0 ? new ProcessRef(pid, Os.isAlive(pid)) : null;
    }

    private static boolean sameSysV(IpcRef ref, IpcObject object) {
        if (ref.id() >= 0) {
            return object.id() == ref.id() && (ref.key() == 0 || object.key() == ref.key());
        }
        return ref.key() != 0 && object.key() == ref.key();
    }

    private static String registryKey(Kind kind, String name, int id) {
        if (kind == Kind.FILE && name != null) {
            name = Path.of(name).toAbsolutePath().normalize().toString();
        }
        return kind + ":" + (name != null ? name : Integer.toString(id));
    }
}
