package dev.shmlab.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads files under /proc and /sys. They report a size of 0, and {@code Files.readString} trusts
 * the size (on JDK 25 it returns only the first byte), so these are read as streams to the end.
 * The buffer starts small: these files are a few hundred bytes, and a sampler reads thousands of
 * them a second ({@code readAllBytes} allocated 16 KB for each).
 */
public final class ProcFiles {
    private ProcFiles() {
    }

    private static final int FIRST_BUFFER_BYTES = 512;

    /** The whole file as text. */
    public static String read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[FIRST_BUFFER_BYTES];
            int length = 0;
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }
    }
}
