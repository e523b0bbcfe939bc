package dev.shmlab.shm;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shmlab.os.Os;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which kernel objects shmlab created and which process created them, so that
 * {@code shmlab ls} can say "created by shmlab" and {@code shmlab clean} removes only shmlab's
 * objects whose creator is dead. The kernel keeps no creator for POSIX objects and System V
 * semaphores, hence this record: one small JSON file per object in a private directory
 * ({@code $XDG_RUNTIME_DIR/shmlab} or {@code /tmp/shmlab-UID}, mode 0700).
 */
public final class ObjectRegistry {
    /**
     * Entries are written with Jackson's streaming generator: participants register what they
     * create, and the object mapper's few hundred classes would add to every participant's start.
     */
    private static final JsonFactory WRITER = new JsonFactory();

    /** What kind of kernel object an entry describes. */
    public enum Kind {
        POSIX_SHM, POSIX_SEM, SYSV_SHM, SYSV_SEM, POSIX_MQ, FILE
    }

    /**
     * One object shmlab created. {@code name} is the POSIX name or file path (null for System V);
     * {@code id}/{@code key} are System V's (-1/0 otherwise).
     */
    public record Entry(Kind kind, String name, int id, int key, long creatorPid, long creatorStartMillis) {
        /** Whether the creating process is still running (same PID and same start time). */
        public boolean creatorAlive() {
            return ProcessHandle.of(creatorPid)
                    .flatMap(h -> h.info().startInstant())
                    .map(start -> Math.abs(start.toEpochMilli() - creatorStartMillis) < 1000)
                    .orElse(false);
        }

        /**
         * The entry's file: kind and sanitised name. Names near NAME_MAX would overflow the file
         * system's own 255-byte limit once prefixed, so long ones keep a head plus a hash of the
         * whole name (the full name stays inside the entry).
         */
        String fileName() {
            String what = name != null ? name.replaceAll("[^A-Za-z0-9._-]", "_") : Integer.toString(id);
            if (what.length() > MAX_NAME_PART) {
                what = what.substring(0, MAX_NAME_PART - 17) + "-" + HexFormat.of().formatHex(sha256(name), 0, 8);
            }
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "__" + what + ".json";
        }
    }

    /** Room for the name inside a 255-byte file name, after the longest kind prefix and ".json". */
    private static final int MAX_NAME_PART = 200;

    private ObjectRegistry() {
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The registry directory, created 0700 on first use. */
    public static Path directory() {
        String override = System.getenv("SHMLAB_REGISTRY");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            dir = Path.of(runtime, "shmlab");
        } else {
            dir = Path.of(System.getProperty("java.io.tmpdir"), "shmlab-" + Os.geteuid());
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry directory " + dir, e);
        }
        return dir;
    }

    /** Records that this process created an object. */
    public static void register(Kind kind, String name, int id, int key) {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Entry entry = new Entry(kind, name, id, key, self.pid(), start);
        Path file = directory().resolve(entry.fileName());
        try {
            write(file, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the registry entry " + file, e);
        }
    }

    /** Forgets an object (after it was removed). */
    public static void forget(Kind kind, String name, int id) {
        Entry probe = new Entry(kind, name, id, 0, 0, 0);
        try {
            Files.deleteIfExists(directory().resolve(probe.fileName()));
        } catch (IOException e) {
            // a stale entry is harmless: clean and ls check the object itself
        }
    }

    /** Every recorded object, unreadable entries skipped. */
    public static List<Entry> entries() {
        List<Entry> result = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "*.json")) {
            for (Path file : files) {
                read(file).ifPresent(result::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry directory", e);
        }
        return result;
    }

    /** The entry for an object, if shmlab recorded creating it. */
    public static Optional<Entry> find(Kind kind, String name, int id) {
        return read(directory().resolve(new Entry(kind, name, id, 0, 0, 0).fileName()));
    }

    /**
     * Removes the object an entry describes (if it still exists) and the entry itself. Returns
     * whether an object was removed. Used to clean up after processes that died mid-run.
     */
    public static boolean removeObject(Entry entry) {
        boolean removed = switch (entry.kind()) {
            case POSIX_SHM -> Os.shmUnlink(entry.name());
            case POSIX_SEM -> Os.semUnlink(entry.name());
            case POSIX_MQ -> Os.mqUnlink(entry.name());
            case SYSV_SHM -> stillSameSysV(entry) && Os.shmRemove(entry.id());
            case SYSV_SEM -> Os.semRemove(entry.id());
            case FILE -> deleteFile(Path.of(entry.name()));
        };
        forget(entry.kind(), entry.name(), entry.id());
        return removed;
    }

    private static boolean stillSameSysV(Entry entry) {
        try {
            return Os.shmStat(entry.id()).key() == entry.key();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean deleteFile(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path file, Entry entry) throws IOException {
        try (JsonGenerator g = WRITER.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("kind", entry.kind().name());
            if (entry.name() == null) {
                g.writeNullField("name");
            } else {
                g.writeStringField("name", entry.name());
            }
            g.writeNumberField("id", entry.id());
            g.writeNumberField("key", entry.key());
            g.writeNumberField("creatorPid", entry.creatorPid());
            g.writeNumberField("creatorStartMillis", entry.creatorStartMillis());
            g.writeEndObject();
        }
    }

    private static Optional<Entry> read(Path file) {
        try {
            return Optional.of(Reading.JSON.readValue(file.toFile(), Entry.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Made on first read: {@code shmlab ls} and {@code clean} read entries, participants only write them. */
    private static final class Reading {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}
