package dev.shmlab.foreign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a field means to shmlab beyond its value. With a {@link #SOURCE} and a {@link #DESTINATION}
 * (and ideally a {@link #SEQUENCE}) the foreign program's writes become message hops.
 */
public enum FieldRole {
    /** A number that changes with every new message (seed 004's {@code packet_no}). */
    SEQUENCE,
    /** Who sent the current message (seed 004's {@code srcClientNo}). */
    SOURCE,
    /** Who the current message is for (seed 004's {@code destClientNo}). */
    DESTINATION,
    /** The message itself: shown as a string, even when declared {@code bytes[N]}, and attached to each hop. */
    TEXT;

    /** The name used in layout files: {@code sequence}, {@code source}, {@code destination}, {@code text}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldRole> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(name)).findFirst();
    }

    static String knownNames() {
        return Arrays.stream(values()).map(FieldRole::roleName).collect(Collectors.joining(", "));
    }
}
