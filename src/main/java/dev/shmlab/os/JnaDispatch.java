package dev.shmlab.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * JNA's native dispatch library, unpacked once into a directory that outlives the process. Without
 * it every JVM that uses JNA unpacks the library from the jar into a temporary file at start-up
 * (a large share of a participant's start); with {@code -Djna.boot.library.path=DIR} it loads
 * the unpacked copy directly.
 */
public final class JnaDispatch {
    /** JNA's system property for where system libraries are (see {@link #platformLibraryPath}). */
    public static final String PLATFORM_LIBRARY_PATH = "jna.platform.library.path";

    private JnaDispatch() {
    }

    /**
     * The directory under {@code parent} holding this JNA version's dispatch library, unpacked
     * now if missing; empty when the jar does not carry one for this platform or it cannot be written.
     */
    public static Optional<Path> unpackedUnder(Path parent) {
        String file = System.mapLibraryName("jnidispatch");
        Path directory = parent.resolve("jna-" + Native.VERSION_NATIVE + "-" + Platform.RESOURCE_PREFIX);
        Path library = directory.resolve(file);
        if (Files.isRegularFile(library)) {
            return Optional.of(directory);
        }
        try (InputStream in = Native.class.getResourceAsStream("/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "unpacking-", ".tmp");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                // Whole or not at all: a participant starting meanwhile never sees half a library.
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(directory);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Where JNA looks for system libraries, as it found them in this process: for
     * {@code -Djna.platform.library.path} in processes this one starts. Without that property JNA
     * finds them by running {@code ldconfig -p} as it loads its first library, a process started
     * from every participant. Empty when JNA found none.
     */
    public static Optional<String> platformLibraryPath() {
        try {
            // JNA fills in the property as it sets up its library search.
            Class.forName(NativeLibrary.class.getName(), true, NativeLibrary.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.getProperty(PLATFORM_LIBRARY_PATH)).filter(p -> !p.isEmpty());
    }
}
