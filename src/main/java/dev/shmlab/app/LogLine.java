package dev.shmlab.app;

/** One line a participant printed, with the participant's index and name, as the log shows it. */
public record LogLine(int participant, String name, String text, boolean error) {
}
