package dev.shmlab.os;

import dev.shmlab.ShmlabException;

/**
 * A native call failed. The message names the call, the object it acted on and the errno symbol
 * with its text: {@code shm_open("/x"): EEXIST (File exists)}.
 */
public class NativeException extends ShmlabException {
    private final String call;
    private final String object;
    private final int errno;

    public NativeException(String call, String object, int errno) {
        super(call + "(" + object + "): " + Errno.symbol(errno) + " (" + Os.strerror(errno) + ")");
        this.call = call;
        this.object = object;
        this.errno = errno;
    }

    /** The C function that failed, e.g. {@code "shm_open"}. */
    public String call() {
        return call;
    }

    /** What the call acted on, as shown in the message: a quoted name, {@code key=0x…}, {@code id=…}. */
    public String object() {
        return object;
    }

    /** The errno value the call left. */
    public int errno() {
        return errno;
    }
}
