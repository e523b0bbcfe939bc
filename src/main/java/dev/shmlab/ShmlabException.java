package dev.shmlab;

/**
 * The one unchecked base exception of shmlab.
 *
 * <p>Its message is a single line meant for a person: what failed and, where possible, what to
 * do. Subclasses narrow the cause (a failed native call, bad input, a refused segment).
 */
public class ShmlabException extends RuntimeException {
    public ShmlabException(String message) {
        super(message);
    }

    public ShmlabException(String message, Throwable cause) {
        super(message, cause);
    }
}
