package dev.shmlab.launch;

import dev.shmlab.layout.ParticipantSnapshot;

/** How one participant ended: its last published record and its exit, in words. */
public record ParticipantOutcome(ParticipantSnapshot last, int exitCode, String exit) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
