package dev.shmlab.launch;

import dev.shmlab.os.JnaDispatch;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An ahead-of-time cache (JDK 25 AOT cache: classes loaded and linked, method profiles) for
 * participant processes, so a participant reaches RUNNING in about half the time. It is made once
 * per JDK and set of jars by a short training run of {@code ParticipantMain --train} and kept in
 * {@code $XDG_CACHE_HOME/shmlab} (or {@code ~/.cache/shmlab}). A class path with directories
 * (running from an IDE or the test suite) cannot be cached and starts without it.
 */
final class StartupCache {
    private static final long TRAINING_TIMEOUT_SECONDS = 60;
    private static final int CACHES_KEPT = 3;

    private StartupCache() {
    }

    /** The cache for this class path, made now if missing; empty if it cannot be had. */
    static synchronized Optional<Path> forClassPath(String classPath) {
        try {
            Optional<Path> cache = location(classPath);
            if (cache.isPresent() && (Files.isRegularFile(cache.get()) || train(classPath, cache.get()))) {
                return cache;
            }
        } catch (IOException | RuntimeException e) {
            // no cache: participants start a little slower
        }
        return Optional.empty();
    }

    /** Whether {@link #forClassPath} would return at once: the cache is there, or none can be made. */
    static synchronized boolean isReady(String classPath) {
        try {
            return location(classPath).map(Files::isRegularFile).orElse(true);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Where this class path's cache is kept; empty for a class path with directories. */
    private static Optional<Path> location(String classPath) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) {
                return Optional.empty();
            }
            entries.add(p);
        }
        return Optional.of(directory().resolve("participant-" + fingerprint(entries) + ".aot"));
    }

    /**
     * A directory holding JNA's native library unpacked (see {@link JnaDispatch}), for
     * {@code -Djna.boot.library.path}; empty if it cannot be had.
     */
    static synchronized Optional<Path> jnaLibraryDirectory() {
        try {
            return JnaDispatch.unpackedUnder(directory());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean train(String classPath, Path cache) throws IOException {
        Files.createDirectories(cache.getParent());
        removeAbandonedTraining(cache.getParent());
        Path partial = Files.createTempFile(cache.getParent(), "training-", ".aot");
        Files.delete(partial);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:AOTCacheOutput=" + partial, "-Xlog:aot=off", "-Xlog:cds=off",
                "-cp", classPath, ParticipantCommand.MAIN_CLASS, "--train")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteConfigLeftovers(partial);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(partial)) {
            Files.deleteIfExists(partial);
            return false;
        }
        Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeOldCaches(cache.getParent());
        return true;
    }

    /**
     * Keeps the {@value #CACHES_KEPT} newest caches: each build or JDK update makes a new one
     * (about 26 MB). A JVM still running from a removed one keeps its mapping.
     */
    private static void removeOldCaches(Path dir) throws IOException {
        List<Path> caches;
        try (Stream<Path> files = Files.list(dir)) {
            caches = files.filter(p -> p.getFileName().toString().startsWith("participant-") && p.toString().endsWith(".aot"))
                    .sorted(Comparator.comparing(StartupCache::modified).reversed()).toList();
        }
        for (Path old : caches.subList(Math.min(CACHES_KEPT, caches.size()), caches.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Partial caches of training runs that were killed, more than ten minutes old. */
    private static void removeAbandonedTraining(Path dir) throws IOException {
        long cutoff = System.currentTimeMillis() - 600_000;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("training-")).toList()) {
                if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void deleteConfigLeftovers(Path partial) throws IOException {
        Files.deleteIfExists(Path.of(partial + ".config"));
    }

    private static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("shmlab");
    }

    /** Changes whenever the JDK or any jar (path, size, time) changes. */
    private static String fingerprint(List<Path> entries) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version")).getBytes(StandardCharsets.UTF_8));
            for (Path jar : withManifestNeighbours(entries)) {
                digest.update((jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars themselves and the lib/ folder beside them that shmlab.jar's manifest points into. */
    private static List<Path> withManifestNeighbours(List<Path> entries) throws IOException {
        List<Path> all = new ArrayList<>(entries);
        for (Path jar : entries) {
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(all::add);
                }
            }
        }
        return all;
    }
}
