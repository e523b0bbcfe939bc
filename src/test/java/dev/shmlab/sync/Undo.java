package dev.shmlab.sync;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a test must undo, run last-in first-out; later failures are added as suppressed. */
final class Undo {
    private final Deque<AutoCloseable> steps = new ArrayDeque<>();

    /** Remembers a step (a resource, or a method reference such as {@code sem::unlink}) and returns it. */
    <T extends AutoCloseable> T push(T step) {
        steps.push(step);
        return step;
    }

    /** Runs every step, last first; throws the first failure with the later ones suppressed. */
    void undoAll() throws Exception {
        Exception first = null;
        while (!steps.isEmpty()) {
            try {
                steps.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
