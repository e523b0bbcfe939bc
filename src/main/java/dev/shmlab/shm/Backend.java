package dev.shmlab.shm;

/** Where a segment's memory comes from. */
public enum Backend {
    /** {@code shm_open} + {@code mmap}: a name under /dev/shm. */
    POSIX,
    /** {@code shmget} + {@code shmat}: a key/id in the System V table. */
    SYSV,
    /** {@code open} + {@code mmap} of a regular file: survives processes and reboots. */
    FILE;

    /** The lower-case name used on the command line ({@code posix}, {@code sysv}, {@code file}). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
