package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Participant processes started ahead of a run become its participants when the run hands them their parts. */
class StandbyPoolTest {

    @AfterEach
    void discard() {
        StandbyPool.discardAll();
    }

    @Test
    void sparesBecomeTheRunsParticipantsAndTheRunSaysHowFarAheadTheyStarted() {
        Scenario pingPong = Catalog.byName("ping-pong");
        ScenarioParams params = ScenarioParams.of(pingPong.parameters(), Map.of("count", "200", "warmup", "10"), "ping-pong");
        boolean quick = !pingPong.measuresPeakSpeed(params);
        StandbyPool.prepare(2, quick);
        List<Long> spares = StandbyPool.waiting(quick);
        assertThat(spares).hasSize(2);

        RunResult result;
        try (Run run = Run.start(pingPong, params,
                RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, name, line, error) -> { })) {
            result = run.await();
        }

        assertThat(result.exitCode()).as(String.join("; ", result.failures())).isZero();
        assertThat(result.participants()).extracting(p -> p.last().pid()).containsExactlyInAnyOrderElementsOf(spares);
        assertThat(result.participants()).allSatisfy(p -> {
            assertThat(p.startedAhead()).isPositive();
            assertThat(p.runningAfter()).isPositive();
            assertThat(p.last().sent()).as("sent, the echo included").isEqualTo(200 + 10);
            assertThat(p.last().received()).as("received, the echo included").isEqualTo(200 + 10);
        });
        assertThat(StandbyPool.waiting(quick)).isEmpty();
    }

    @Test
    void whatNoSpareCoversStartsCold() {
        Scenario pingPong = Catalog.byName("ping-pong");
        ScenarioParams params = ScenarioParams.of(pingPong.parameters(), Map.of("count", "50"), "ping-pong");
        boolean quick = !pingPong.measuresPeakSpeed(params);
        StandbyPool.prepare(1, quick);

        RunResult result;
        try (Run run = Run.start(pingPong, params,
                RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, name, line, error) -> { })) {
            result = run.await();
        }

        assertThat(result.exitCode()).as(String.join("; ", result.failures())).isZero();
        assertThat(result.participants()).extracting(p -> p.startedAhead().isZero()).containsExactly(false, true);
    }

    /** Spares wait on one compiler; a run whose parameters call for the other starts its participants cold. */
    @Test
    void aShortPingPongTakesQuickSparesAndALongOneDoesNot() {
        Scenario pingPong = Catalog.byName("ping-pong");
        ScenarioParams shortRun = ScenarioParams.of(pingPong.parameters(), Map.of("count", "100", "warmup", "0"), "ping-pong");
        ScenarioParams longRun = ScenarioParams.of(pingPong.parameters(), Map.of("count", "10000", "warmup", "0", "size", "64"), "ping-pong");

        assertThat(pingPong.measuresPeakSpeed(shortRun)).as("short run on the optimising compiler").isFalse();
        assertThat(pingPong.measuresPeakSpeed(longRun)).as("long run on the optimising compiler").isTrue();
        for (ScenarioParams params : List.of(longRun, shortRun)) {
            StandbyPool.prepare(2, true);
            RunResult result;
            try (Run run = Run.start(pingPong, params, RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, name, line, error) -> { })) {
                result = run.await();
            }
            assertThat(result.exitCode()).as(String.join("; ", result.failures())).isZero();
            boolean tookSpares = result.participants().stream().allMatch(p -> p.startedAhead().isPositive());
            assertThat(tookSpares).as("count " + params.getLong("count") + " took the quick spares").isEqualTo(params == shortRun);
        }
    }

    @Test
    void aSpareWhoseInputEndsExitsAtOnce() throws Exception {
        StandbyPool.prepare(1, true);
        Process spare = StandbyPool.take(true).orElseThrow().process();

        spare.getOutputStream().close();

        assertThat(spare.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(spare.exitValue()).isZero();
    }

    @Test
    void sparesAreKeptForOneCompilerChoiceOnly() throws Exception {
        StandbyPool.prepare(1, true);
        ProcessHandle quick = ProcessHandle.of(StandbyPool.waiting(true).getFirst()).orElseThrow();

        StandbyPool.prepare(1, false);

        quick.onExit().get(30, TimeUnit.SECONDS);
        assertThat(StandbyPool.waiting(true)).isEmpty();
        assertThat(StandbyPool.waiting(false)).hasSize(1);
    }

    @Test
    void discardingEndsEveryWaitingSpare() throws Exception {
        StandbyPool.prepare(2, true);
        List<ProcessHandle> spares = StandbyPool.waiting(true).stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();

        StandbyPool.discardAll();

        for (ProcessHandle spare : spares) {
            spare.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(StandbyPool.waiting(true)).isEmpty();
    }
}
