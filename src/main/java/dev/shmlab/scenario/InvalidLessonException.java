package dev.shmlab.scenario;

import dev.shmlab.InvalidInputException;

/**
 * A lesson file that cannot be used, with the reason in a form a program can act on and a message
 * for the person who wrote the file: {@code lesson "race" (/home/ann/.config/shmlab/lessons/race.json):
 * --clients: must be a whole number between 2 and 16 (got "40")}.
 */
public final class InvalidLessonException extends InvalidInputException {
    /** What is wrong with the file. */
    public enum Reason {
        /** Not readable, not JSON, or not a JSON object. */
        UNREADABLE,
        /** A field is missing, unknown or of the wrong type, or the pace is out of range. */
        BAD_FIELD,
        /** The scenario is not in the catalogue. */
        UNKNOWN_SCENARIO,
        /** A parameter the scenario does not have, or a value it does not accept. */
        BAD_PARAMETER
    }

    private final String lesson;
    private final String source;
    private final Reason reason;
    private final String scenario;

    public InvalidLessonException(String lesson, String source, Reason reason, String scenario, String detail) {
        super("lesson \"" + lesson + "\" (" + source + "): " + detail);
        this.lesson = lesson;
        this.source = source;
        this.reason = reason;
        this.scenario = scenario;
    }

    public String lesson() {
        return lesson;
    }

    public String source() {
        return source;
    }

    public Reason reason() {
        return reason;
    }

    /** The scenario the file names, or an empty string when it names none. */
    public String scenario() {
        return scenario;
    }
}
