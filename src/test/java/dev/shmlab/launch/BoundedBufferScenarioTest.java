package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.scenario.Scenario.Finding;
import dev.shmlab.testing.ScenarioRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 003's bounded buffer with real producer and consumer processes: every item consumed exactly once. */
class BoundedBufferScenarioTest {
    private final ScenarioRun runs = new ScenarioRun();

    @Test
    void theSeedsSemaphoresHandEveryItemToExactlyOneConsumer() {
        RunResult r = runs.run("bounded-buffer", Map.of("producers", "3", "consumers", "2", "items", "1500", "slots", "4"));
        assertEveryItemConsumedOnce(r, 3, 1500);
    }

    @Test
    void theLockFreeRingHandsEveryItemToExactlyOneConsumer() {
        RunResult r = runs.run("bounded-buffer", Map.of("producers", "3", "consumers", "3", "items", "10000", "sync", "futex"));
        assertEveryItemConsumedOnce(r, 3, 10_000);
        assertThat(r.findings()).anyMatch(f -> f.name().equals("items per second (3 producers × 3 consumers, 10 slots, futex)") && f.value() > 0);
        assertThat(runs.lines()).anyMatch(l -> l.matches("\\[consumer-\\d] Moved 30000 items \\(3 producers × 10000\\) through 10 slots "
                + "to 3 consumers in [0-9.]+ ms: \\d+ items/s \\(a lock-free ring with spin-then-futex waiting\\)"));
    }

    private static void assertEveryItemConsumedOnce(RunResult r, int producers, long items) {
        assertThat(r.exitCode()).isZero();
        List<Finding> perProducer = r.findings().stream().filter(f -> f.name().startsWith("producer-")).toList();
        assertThat(perProducer).hasSize(producers);
        for (int p = 1; p <= producers; p++) {
            assertThat(perProducer.get(p - 1)).isEqualTo(new Finding(
                    "producer-" + p + ": items consumed exactly once " + items + " of " + items + ", missing 0, duplicated 0", 0, false));
        }
        assertThat(r.total(ParticipantSnapshot::sent)).isEqualTo(producers * items);
        assertThat(r.total(ParticipantSnapshot::received)).isEqualTo(producers * items);
    }
}
