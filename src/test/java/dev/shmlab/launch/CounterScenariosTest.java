package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.scenario.Scenario.Finding;
import dev.shmlab.testing.ScenarioRun;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Seed 003's shared counter with real worker processes: exact with its guard, lossy and counted without. */
class CounterScenariosTest {
    private static final Pattern LOST_LINE = Pattern.compile(
            "\\[worker-\\d+\\] Counter: expected (\\d+) \\(4 × 200000\\), got (\\d+), lost (\\d+) updates \\(.*\\)");

    private final ScenarioRun runs = new ScenarioRun();

    @Test
    void theSemaphoreKeepsTheCounterExact() {
        RunResult r = runs.run("semaphore-counter", Map.of("processes", "4", "increments", "20000"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.findings()).containsExactly(new Finding("lost updates (expected 4×20000 = 80000, got 80000)", 0, false));
        assertThat(runs.lines()).anyMatch(l -> l.matches("\\[worker-\\d\\] Counter: 80000 = 4 × 20000, as expected; no update lost \\(.*\\)"));
    }

    @Test
    void withoutTheSemaphoreUpdatesAreLostAndCounted() {
        assertUpdatesLostAndCounted(runs.run("semaphore-counter", Map.of("processes", "4", "increments", "200000", "sync", "none")));
    }

    @Test
    void theRobustMutexKeepsTheCounterExact() {
        RunResult r = runs.run("mutex-counter", Map.of("processes", "4", "increments", "20000"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.findings()).containsExactly(new Finding("lost updates (expected 4×20000 = 80000, got 80000)", 0, false));
    }

    @Test
    void withoutTheMutexUpdatesAreLostAndCounted() {
        assertUpdatesLostAndCounted(runs.run("mutex-counter", Map.of("processes", "4", "increments", "200000", "sync", "none")));
    }

    private void assertUpdatesLostAndCounted(RunResult r) {
        assertThat(r.exitCode()).as("lost updates are the point of --sync none, not a failure").isZero();
        Finding lost = r.findings().getFirst();
        assertThat(lost.name()).startsWith("lost updates (expected 4×200000 = 800000, got ");
        assertThat(lost.bad()).isTrue();
        assertThat(lost.value()).isPositive();
        Matcher line = runs.lines().stream().map(LOST_LINE::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no 'Counter: expected …, got …, lost …' line"));
        assertThat(Long.parseLong(line.group(1))).isEqualTo(800_000);
        assertThat(Long.parseLong(line.group(2)) + Long.parseLong(line.group(3))).isEqualTo(800_000);
        assertThat(Long.parseLong(line.group(3))).isEqualTo(lost.value());
    }
}
