package dev.shmlab.app;

/** One decoded field of the segment header: what it is and its value in words. */
public record HeaderField(String name, String value) {
}
