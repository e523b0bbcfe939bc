package dev.shmlab.launch;

import dev.shmlab.layout.ParticipantSnapshot;

/**
 * How one participant ended: its last published record, its exit in words, how long after its
 * launch it reported RUNNING (zero if it never did), and how long before its launch its process had
 * been started (zero unless it was a spare started ahead: {@link StandbyPool}).
 */
public record ParticipantOutcome(ParticipantSnapshot last, int exitCode, String exit, java.time.Duration runningAfter,
        java.time.Duration startedAhead) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
