package dev.shmlab.foreign;

import java.util.OptionalInt;

/**
 * A watched semaphore's value at one moment, or why there is none ({@code absent} while the
 * foreign program has not created it yet, or has removed it).
 */
public record SemaphoreValue(SemaphoreSpec spec, OptionalInt value, String problem) {

    static SemaphoreValue of(SemaphoreSpec spec, int value) {
        return new SemaphoreValue(spec, OptionalInt.of(value), "");
    }

    static SemaphoreValue missing(SemaphoreSpec spec, String problem) {
        return new SemaphoreValue(spec, OptionalInt.empty(), problem);
    }

    public String label() {
        return spec.label();
    }

    /** The value, or the problem in parentheses: {@code 1}, {@code (absent)}. */
    public String display() {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "(" + problem + ")";
    }
}
