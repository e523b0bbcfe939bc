package dev.shmlab.os;

import java.util.Map;

/** Linux errno numbers (x86-64 / generic) that shmlab names, and their symbols. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int ERANGE = 34;
    public static final int EDEADLK = 35;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOSYS = 38;
    public static final int ELOOP = 40;
    public static final int EIDRM = 43;
    public static final int EOVERFLOW = 75;
    public static final int EMSGSIZE = 90;
    public static final int ENOTSUP = 95;
    public static final int ETIMEDOUT = 110;
    public static final int EOWNERDEAD = 130;
    public static final int ENOTRECOVERABLE = 131;

    private static final Map<Integer, String> SYMBOLS = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(ESRCH, "ESRCH"),
            Map.entry(EINTR, "EINTR"), Map.entry(EBADF, "EBADF"), Map.entry(EAGAIN, "EAGAIN"),
            Map.entry(ENOMEM, "ENOMEM"), Map.entry(EACCES, "EACCES"), Map.entry(EFAULT, "EFAULT"),
            Map.entry(EBUSY, "EBUSY"), Map.entry(EEXIST, "EEXIST"), Map.entry(ENOTDIR, "ENOTDIR"),
            Map.entry(EINVAL, "EINVAL"), Map.entry(ENFILE, "ENFILE"), Map.entry(EMFILE, "EMFILE"),
            Map.entry(EFBIG, "EFBIG"), Map.entry(ENOSPC, "ENOSPC"), Map.entry(ERANGE, "ERANGE"),
            Map.entry(EDEADLK, "EDEADLK"), Map.entry(ENAMETOOLONG, "ENAMETOOLONG"),
            Map.entry(ENOSYS, "ENOSYS"), Map.entry(ELOOP, "ELOOP"), Map.entry(EIDRM, "EIDRM"),
            Map.entry(EOVERFLOW, "EOVERFLOW"), Map.entry(EMSGSIZE, "EMSGSIZE"),
            Map.entry(ENOTSUP, "ENOTSUP"), Map.entry(ETIMEDOUT, "ETIMEDOUT"),
            Map.entry(EOWNERDEAD, "EOWNERDEAD"), Map.entry(ENOTRECOVERABLE, "ENOTRECOVERABLE"));

    private Errno() {
    }

    /** The symbol of an errno value ({@code "EEXIST"}), or {@code "errno 123"} when unknown. */
    public static String symbol(int errno) {
        return SYMBOLS.getOrDefault(errno, "errno " + errno);
    }
}
