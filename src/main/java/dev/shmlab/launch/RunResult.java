package dev.shmlab.launch;

import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a run: per-participant records and exits, run-level findings and, when it did
 * not complete, why. {@link #exitCode()} is what {@code shmlab run} exits with.
 */
public record RunResult(String scenario, ScenarioParams params, String segment, Duration wallTime, List<ParticipantOutcome> participants,
                        List<Scenario.Finding> findings, List<String> failures, boolean integrityRequired, Placement placement) {

    /** How often the supervisor saw all running participants on one CPU ({@code samples} every 10 ms). */
    public record Placement(long samples, long sameCpu) {
        /** The share of samples with every participant on one CPU, in percent; -1 without samples. */
        public double sameCpuPercent() {
            return samples == 0 ? -1 : 100.0 * sameCpu / samples;
        }
    }

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 3;

    public RunResult {
        participants = List.copyOf(participants);
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
    }

    /** Every participant finished its role and nothing went wrong in the run itself. */
    public boolean completed() {
        return failures.isEmpty() && participants.stream().allMatch(ParticipantOutcome::succeeded);
    }

    /** No message was lost, duplicated or corrupted and no finding is marked bad. */
    public boolean integrityHeld() {
        return participants.stream().allMatch(p -> p.last().integrityFailures() == 0)
                && findings.stream().noneMatch(Scenario.Finding::bad);
    }

    public int exitCode() {
        boolean ok = completed() && (!integrityRequired || integrityHeld());
        return ok ? EXIT_OK : EXIT_FAILED;
    }

    /** How long after its launch the last participant reported RUNNING; empty if one never did. */
    public java.util.Optional<Duration> slowestStart() {
        if (participants.isEmpty() || participants.stream().anyMatch(p -> p.runningAfter().isZero())) {
            return java.util.Optional.empty();
        }
        return participants.stream().map(ParticipantOutcome::runningAfter).max(Duration::compareTo);
    }

    /** How far ahead of its launch the earliest-started spare's process was started; zero without spares. */
    public Duration startedAhead() {
        return participants.stream().map(ParticipantOutcome::startedAhead).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public long total(java.util.function.ToLongFunction<dev.shmlab.layout.ParticipantSnapshot> field) {
        return participants.stream().mapToLong(p -> field.applyAsLong(p.last())).sum();
    }
}
