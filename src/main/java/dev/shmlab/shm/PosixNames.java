package dev.shmlab.shm;

import dev.shmlab.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Rules for POSIX IPC names ({@code /name}) and shmlab's own random ones. */
public final class PosixNames {
    /** NAME_MAX: the longest name, counting the leading slash. */
    public static final int MAX_BYTES = 255;
    /** The prefix of every object shmlab names itself. */
    public static final String PREFIX = "shmlab-";
    /** Where glibc keeps POSIX shared-memory objects and named semaphores ({@code sem.NAME}). */
    public static final String DIRECTORY = "/dev/shm";

    private PosixNames() {
    }

    /**
     * Checks a POSIX name before any call: exactly one leading '/', no other '/', not "/." or
     * "/..", no NUL, at most 255 bytes. {@code what} names the input in the message.
     */
    public static String check(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException(what + ": a POSIX name is required, e.g. /myshm");
        }
        if (name.charAt(0) != '/') {
            throw new InvalidInputException(what + ": a POSIX name must start with '/', e.g. /" + name);
        }
        if (name.length() == 1 || name.equals("/.") || name.equals("/..")) {
            throw new InvalidInputException(what + ": \"" + name + "\" is not a usable name; add characters after the '/'");
        }
        if (name.indexOf('/', 1) >= 0) {
            throw new InvalidInputException(what + ": a POSIX name may contain only the leading '/' (got \"" + name + "\")");
        }
        if (name.indexOf('\0') >= 0) {
            throw new InvalidInputException(what + ": a POSIX name may not contain a NUL character");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException(what + ": a POSIX name may be at most " + MAX_BYTES + " bytes (got " + bytes + ")");
        }
        return name;
    }

    /** A fresh, unguessable name such as {@code /shmlab-rr-3f9a0c1d2b}. */
    public static String random(String label) {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "/" + PREFIX + label + "-" + HexFormat.of().formatHex(bytes);
    }
}
