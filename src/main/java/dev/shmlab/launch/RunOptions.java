package dev.shmlab.launch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to run a scenario: the pace (delay per step, 0 = full speed), the longest the whole run may
 * take, whether participants start paused (for stepping from the first line), whether the run's
 * objects are shared with the owner's group, and which participants are played by programs of the
 * user's own instead of shmlab's participant JVM, and whether a fault (a death, a SIGSTOP) is left
 * to play out instead of stopping the others.
 */
public record RunOptions(Duration pace, Duration timeout, boolean startPaused, boolean sharedGroup, Map<Integer, List<String>> participantPrograms,
                         boolean letFaultsPlayOut) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public RunOptions {
        TreeMap<Integer, List<String>> programs = new TreeMap<>();
        participantPrograms.forEach((index, command) -> programs.put(index, List.copyOf(command)));
        participantPrograms = java.util.Collections.unmodifiableMap(programs);
    }

    public RunOptions(Duration pace, Duration timeout, boolean startPaused, boolean sharedGroup, Map<Integer, List<String>> participantPrograms) {
        this(pace, timeout, startPaused, sharedGroup, participantPrograms, false);
    }

    public RunOptions(Duration pace, Duration timeout, boolean startPaused, boolean sharedGroup) {
        this(pace, timeout, startPaused, sharedGroup, Map.of());
    }

    public static RunOptions defaults() {
        return new RunOptions(Duration.ZERO, DEFAULT_TIMEOUT, false, false);
    }

    public RunOptions withPace(Duration newPace) {
        return new RunOptions(newPace, timeout, startPaused, sharedGroup, participantPrograms, letFaultsPlayOut);
    }

    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(pace, newTimeout, startPaused, sharedGroup, participantPrograms, letFaultsPlayOut);
    }

    public RunOptions withStartPaused(boolean paused) {
        return new RunOptions(pace, timeout, paused, sharedGroup, participantPrograms, letFaultsPlayOut);
    }

    /** Objects readable and writable by the owner's group too (0660), for a class sharing one machine. */
    public RunOptions withSharedGroup(boolean shared) {
        return new RunOptions(pace, timeout, startPaused, shared, participantPrograms, letFaultsPlayOut);
    }

    /**
     * Participant {@code index} is played by {@code command} (a program and its first arguments)
     * instead of shmlab's participant JVM. The run starts it exactly as it starts its own, with
     * {@code SEGMENT INDEX PARENT_PID} appended (see {@code src/main/c/shmlab.h}), and watches,
     * stops and cleans up after it the same way.
     */
    public RunOptions withParticipantProgram(int index, List<String> command) {
        if (index < 0 || command.isEmpty()) {
            throw new IllegalArgumentException("participant program: index=" + index + ", command=" + command);
        }
        Map<Integer, List<String>> programs = new TreeMap<>(participantPrograms);
        programs.put(index, command);
        return new RunOptions(pace, timeout, startPaused, sharedGroup, programs, letFaultsPlayOut);
    }

    /**
     * The others are not stopped when a participant dies or is stopped by SIGSTOP (the death still
     * fails the run): as in a real program, they find out when their timed waits expire. For fault
     * injection in the window, where the consequences are the lesson.
     */
    public RunOptions withLetFaultsPlayOut(boolean playOut) {
        return new RunOptions(pace, timeout, startPaused, sharedGroup, participantPrograms, playOut);
    }

    /** The program that plays participant {@code index}, when it is not shmlab's own. */
    public Optional<List<String>> participantProgram(int index) {
        return Optional.ofNullable(participantPrograms.get(index));
    }

    /** The permission bits of every object the run creates. */
    public int objectMode() {
        return sharedGroup ? 0660 : 0600;
    }
}
