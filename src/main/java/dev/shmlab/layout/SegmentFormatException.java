package dev.shmlab.layout;

import dev.shmlab.ShmlabException;

/** A segment is not (or not yet, or no longer) a shmlab segment this version can read. */
public class SegmentFormatException extends ShmlabException {
    public SegmentFormatException(String message) {
        super(message);
    }
}
