package dev.shmlab.shm;

import dev.shmlab.ShmlabException;

/** The named kernel object (or file) does not exist: {@code no System V segment with id=7}. */
public class NoSuchObjectException extends ShmlabException {
    private final IpcRef ref;

    public NoSuchObjectException(IpcRef ref) {
        super("no " + ref.describe() + (ref.inDevShm() ? " in /dev/shm" : ""));
        this.ref = ref;
    }

    /** The object that was looked for. */
    public IpcRef ref() {
        return ref;
    }
}
