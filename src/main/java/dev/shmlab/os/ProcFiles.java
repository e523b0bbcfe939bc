package dev.shmlab.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files under /proc and /sys. They report a size of 0, and {@code Files.readString} trusts
 * the size (on JDK 25 it returns only the first byte), so these are read as streams to the end.
 */
public final class ProcFiles {
    private ProcFiles() {
    }

    /** The whole file as text. */
    public static String read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
