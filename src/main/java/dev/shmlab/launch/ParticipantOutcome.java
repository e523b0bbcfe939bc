package dev.shmlab.launch;

import dev.shmlab.layout.ParticipantSnapshot;

/**
 * How one participant ended: its last published record, its exit in words, and how long after its
 * launch it reported RUNNING (zero if it never did).
 */
public record ParticipantOutcome(ParticipantSnapshot last, int exitCode, String exit, java.time.Duration runningAfter) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
