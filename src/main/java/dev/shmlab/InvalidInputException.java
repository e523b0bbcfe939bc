package dev.shmlab;

/**
 * Input rejected before any system call was made: a bad name, size, count, key or path.
 *
 * <p>The message names the input and the allowed range, e.g. {@code "--size: must be between 1
 * and 117440512 bytes (got 0)"}.
 */
public class InvalidInputException extends ShmlabException {
    public InvalidInputException(String message) {
        super(message);
    }
}
