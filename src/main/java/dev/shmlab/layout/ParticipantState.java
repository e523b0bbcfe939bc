package dev.shmlab.layout;

/** What a participant is doing, as published in its record (and, for the last two, as observed). */
public enum ParticipantState {
    STARTING, RUNNING, WAITING, CRITICAL, PAUSED, DONE, FAILED,
    /** Observed: the process is gone or its heartbeat stopped without DONE/FAILED. */
    DEAD,
    /** Observed: the process is stopped (SIGSTOP) and cannot make progress. */
    STOPPED;

    public static ParticipantState of(int code) {
        return code >= 0 && code < values().length ? values()[code] : FAILED;
    }

    /** Whether the participant has finished, well or badly. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == DEAD;
    }
}
