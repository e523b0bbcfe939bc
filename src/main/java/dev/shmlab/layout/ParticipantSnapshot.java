package dev.shmlab.layout;

/** One consistent reading of a participant record. Times are CLOCK_MONOTONIC nanoseconds. */
public record ParticipantSnapshot(
        int index, String name, long pid, int role, ParticipantState state, int step, int waitingOn, int exitCode,
        long heartbeatNanos, long stateSinceNanos,
        long sent, long received, long bytesSent, long bytesReceived,
        long lost, long duplicated, long corrupted, long waitNanos,
        long latencyCount, long p50Nanos, long p90Nanos, long p99Nanos, long p999Nanos, long maxNanos,
        long stepsTaken, long lastSeq) {

    /** Returns this snapshot with a state the observer decided (DEAD, STOPPED). */
    public ParticipantSnapshot withState(ParticipantState observed) {
        return new ParticipantSnapshot(index, name, pid, role, observed, step, waitingOn, exitCode, heartbeatNanos, stateSinceNanos,
                sent, received, bytesSent, bytesReceived, lost, duplicated, corrupted, waitNanos,
                latencyCount, p50Nanos, p90Nanos, p99Nanos, p999Nanos, maxNanos, stepsTaken, lastSeq);
    }

    public long integrityFailures() {
        return lost + duplicated + corrupted;
    }
}
