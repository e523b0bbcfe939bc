package dev.shmlab.layout;

/** One message hop read from the event ring. {@code from}/{@code to} are participant indexes. */
public record MessageEvent(long index, long timeNanos, long messageSeq, int from, int to, int sizeBytes) {
}
