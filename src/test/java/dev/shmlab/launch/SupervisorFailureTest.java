package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.os.Os;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashSet;
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
        Scenario broken = pingPongBrokenAt("integrityRequired");
        Set<Long> pids = new HashSet<>(Set.of(ProcessHandle.current().pid()));
        long start = System.nanoTime();
        try (Run run = Run.start(broken, params(broken, "100"), RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            pids.addAll(pidsOf(run));
            assertThatThrownBy(run::await)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the run ended without a report")
                    .hasMessageContaining("the scenario broke");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        dev.shmlab.testing.RunLeftovers.assertNoneLeftBy(pids);
    }

    @Test
    void anErrorWhileWatchingKillsTheOthersAtOnceReportsItAndRemovesEverything() throws Exception {
        // Asked only when a participant dies: the supervisor breaks while it watches.
        Scenario broken = pingPongBrokenAt("othersContinueAfterDeath");
        Set<Long> pids = new HashSet<>(Set.of(ProcessHandle.current().pid()));
        long killedAt;
        try (Run run = Run.start(broken, params(broken, "100000000"), RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            pids.addAll(pidsOf(run));
            ProcessHandle writer = ProcessHandle.of(run.pid(0)).orElseThrow();
            awaitRunning(run);
            killedAt = System.nanoTime();
            assertThat(Os.kill((int) run.pid(1), Os.SIGKILL)).isTrue();

            RunResult result = run.await();

            assertThat(result.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
            assertThat(result.failures()).anyMatch(f -> f.startsWith("the run's supervisor failed (java.lang.AssertionError: the scenario broke)"));
            assertThat(writer.isAlive()).as("the writer, killed by the failing supervisor").isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(3));
        dev.shmlab.testing.RunLeftovers.assertNoneLeftBy(pids);
    }

    /** Ping-pong, except that the named method throws an Error. */
    private static Scenario pingPongBrokenAt(String method) {
        Scenario real = Catalog.byName("ping-pong");
        return (Scenario) Proxy.newProxyInstance(Scenario.class.getClassLoader(), new Class<?>[] {Scenario.class}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                throw new AssertionError("the scenario broke");
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static ScenarioParams params(Scenario s, String count) {
        return ScenarioParams.of(s.parameters(), Map.of("count", count, "sync", "futex"), s.name());
    }

    private static Set<Long> pidsOf(Run run) {
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < run.plan().participants().size(); i++) {
            pids.add(run.pid(i));
        }
        return pids;
    }

    private static void awaitRunning(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (run.lab().participant(1).read().map(p -> p.received()).orElse(0L) < 10) {
            assertThat(System.nanoTime()).as("the reader received nothing within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
