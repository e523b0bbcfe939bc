package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.scenario.BackendAssessmentScenario;
import dev.shmlab.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** backend-assessment end to end: every step timed for every backend and size, every message read back intact. */
class BackendAssessmentScenarioTest {
    private static final Scenario ASSESSMENT = new BackendAssessmentScenario();

    @Test
    void everyStepIsTimedForEveryBackendAndSizeAndEveryMessageIsReadBack() {
        List<String> lines = new CopyOnWriteArrayList<>();
        RunResult r = Runs.run(ASSESSMENT, Map.of("reps", "4", "warmup", "1", "max-size", "4K"), lines);

        assertThat(r.exitCode()).as(r.failures().toString()).isZero();
        int backends = 3;
        int sizes = 4; // 1 B, 16 B, 256 B, 4 KiB
        int steps = BackendAssessmentScenario.Step.values().length;
        assertThat(r.participants().get(1).last().received()).isEqualTo(backends * sizes * (4 + 1));
        assertThat(r.participants().get(1).last().integrityFailures()).isZero();
        assertThat(r.findings()).hasSize(backends * sizes * steps * 2);
        assertThat(r.findings()).filteredOn(f -> !f.name().contains("sysv") || !f.name().contains(" size p"))
                .allSatisfy(f -> assertThat(f.value()).as(f.name()).isPositive());
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.name()).isEqualTo("posix 4 KiB notify:socket p99 ns"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[writer] backend size").contains("notify:futex", "notify:socket"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[writer] sysv    256 B    p50"));
    }
}
