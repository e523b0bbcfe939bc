package dev.shmlab.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random, recognisable names for the kernel objects tests create. */
public final class TestNames {
    private TestNames() {
    }

    /** A fresh POSIX name such as {@code /shmlab-test-3f9a0c1d2b4e}. */
    public static String posix() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "/shmlab-test-" + HexFormat.of().formatHex(bytes);
    }

    /** A random System V key that is neither IPC_PRIVATE nor negative. */
    public static int sysvKey() {
        return 0x5e000000 | ThreadLocalRandom.current().nextInt(1, 0x00ffffff);
    }
}
