package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shmlab.os.Os;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.IpcListing;
import dev.shmlab.shm.ObjectRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every scenario, a participant is killed with SIGKILL at a random moment: the run ends
 * within 3 s with exit 3, a failure naming the participant, and no kernel object left. The
 * default suite runs {@value #DEFAULT_TRIALS} trials per scenario; {@code -Dshmlab.killTrials=20}
 * (the {@code soak} profile) runs more.
 */
class KillTrialsTest {
    static final int DEFAULT_TRIALS = 2;

    /** Parameters that keep each scenario busy far longer than a trial lasts. */
    static final Map<String, Map<String, String>> LONG_RUNS = Map.of(
            "ping-pong", Map.of("count", "100000000", "sync", "yield"),
            "handshake", Map.of("messages", "10000000"),
            "round-robin", Map.of("messages", "10000000", "clients", "4"),
            "race", Map.of("messages", "10000000"),
            "semaphore-counter", Map.of("increments", "100000000"),
            "mutex-counter", Map.of("increments", "1000000"),
            "bounded-buffer", Map.of("items", "10000000"),
            "mapped-file", Map.of("records", "10000000"),
            "backend-assessment", Map.of("reps", "1000000"),
            "transports", Map.of("transport", "uds", "count", "100000000", "duration", "10m"));

    static Stream<Arguments> trials() {
        int trials = Integer.getInteger("shmlab.killTrials", DEFAULT_TRIALS);
        SplittableRandom random = new SplittableRandom(Long.getLong("shmlab.killSeed", System.nanoTime()));
        return Catalog.all().stream().filter(s -> LONG_RUNS.containsKey(s.name()))
                .flatMap(s -> IntStream.range(0, trials).mapToObj(t -> Arguments.of(s.name(), t, random.nextLong())));
    }

    @ParameterizedTest(name = "{0} trial {1}")
    @MethodSource("trials")
    void aParticipantKilledAtARandomMomentEndsTheRunCleanly(String name, int trial, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Scenario s = Catalog.byName(name);
        RunResult result;
        long killedAt;
        int victim;
        String victimName;
        java.util.Set<Long> pids = new java.util.HashSet<>(java.util.Set.of(ProcessHandle.current().pid()));
        try (Run run = Run.start(s, ScenarioParams.of(s.parameters(), LONG_RUNS.get(name), name),
                RunOptions.defaults().withTimeout(Duration.ofSeconds(60)), (i, n, l, e) -> { })) {
            victim = random.nextInt(run.plan().participants().size());
            victimName = run.plan().participants().get(victim).name();
            for (int i = 0; i < run.plan().participants().size(); i++) {
                pids.add(run.pid(i));
            }
            Thread.sleep(50 + random.nextInt(1500));
            killedAt = System.nanoTime();
            Os.kill((int) run.pid(victim), Os.SIGKILL);
            result = run.await();
        }
        if (s.othersContinueAfterDeath(result.params()) && !result.participants().get(victim).runningAfter().isZero()) {
            // The robust mutex: the survivors recover it and finish their own increments (a
            // participant that dies before it started stops the run like any other).
            for (int i = 0; i < result.participants().size(); i++) {
                assertThat(i == victim || result.participants().get(i).last().state() == ParticipantState.DONE)
                        .as("%s finished after %s died", result.participants().get(i).last().name(), victimName).isTrue();
            }
        } else {
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("time from SIGKILL to the end of the run")
                    .isLessThan(Duration.ofSeconds(3));
        }
        assertThat(result.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(result.failures()).as("seed %d", seed).anyMatch(f -> f.startsWith("participant " + victimName + " (pid "));
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/shm", result.segment().substring(1))))
                .as("the lab segment %s is left", result.segment()).isFalse();
        assertThat(ObjectRegistry.entries()).as("objects recorded by this run and still there")
                .noneMatch(e -> pids.contains(e.creatorPid()));
        assertThat(IpcListing.all()).as("System V segments created by this run")
                .noneMatch(o -> o.creator() != null && pids.contains(o.creator().pid()) && o.kind() == ObjectRegistry.Kind.SYSV_SHM
                        && (o.createdByShmlab() || o.key() != 0));
    }
}
