package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.layout.LabSegment;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.ParamSpec;
import dev.shmlab.scenario.RoleContext;
import dev.shmlab.scenario.RunPlan;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.scenario.ScenarioResources;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Even when the run's own bookkeeping breaks with an Error (as when the jar is replaced under a
 * running app and a class can no longer be loaded), whoever waits for the run is released, with a
 * sentence, and nothing of the run is left.
 */
class SupervisorFailureTest {

    @Test
    void anErrorWhileReportingStillRemovesEverythingAndReleasesTheWaiter() {
        Scenario broken = new ReportBreaks(Catalog.byName("ping-pong"));
        ScenarioParams params = ScenarioParams.of(broken.parameters(), Map.of("count", "100"), broken.name());
        Set<Long> pids = new HashSet<>(Set.of(ProcessHandle.current().pid()));
        long start = System.nanoTime();
        try (Run run = Run.start(broken, params, RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            for (int i = 0; i < run.plan().participants().size(); i++) {
                pids.add(run.pid(i));
            }
            assertThatThrownBy(run::await)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the run ended without a report")
                    .hasMessageContaining("the report broke");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        dev.shmlab.testing.RunLeftovers.assertNoneLeftBy(pids);
    }

    /** Ping-pong, except that building the run's report throws an Error. */
    private record ReportBreaks(Scenario real) implements Scenario {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public String summary() {
            return real.summary();
        }

        @Override
        public String seed() {
            return real.seed();
        }

        @Override
        public String description() {
            return real.description();
        }

        @Override
        public List<ParamSpec> parameters() {
            return real.parameters();
        }

        @Override
        public RunPlan plan(ScenarioParams params) {
            return real.plan(params);
        }

        @Override
        public ScenarioResources prepare(LabSegment lab, ScenarioParams params) {
            return real.prepare(lab, params);
        }

        @Override
        public boolean measuresPeakSpeed() {
            return real.measuresPeakSpeed();
        }

        @Override
        public void run(int role, RoleContext context) throws Exception {
            real.run(role, context);
        }

        @Override
        public boolean integrityRequired(ScenarioParams params) {
            throw new AssertionError("the report broke");
        }
    }
}
