package dev.shmlab.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shmlab.InvalidInputException;
import dev.shmlab.layout.ParticipantSnapshot;
import dev.shmlab.layout.ParticipantState;
import dev.shmlab.os.Os;
import dev.shmlab.scenario.Catalog;
import dev.shmlab.scenario.Scenario;
import dev.shmlab.scenario.ScenarioParams;
import dev.shmlab.shm.ObjectRegistry;
import dev.shmlab.testing.Gcc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * src/main/c/shmlab_participant.c, written from shmlab.h alone, plays ping-pong's reader against
 * shmlab's Java writer: the format document is enough for another language to join a run, and
 * the run treats the program like any of its own participants.
 */
class CParticipantTest {
    private static final Scenario PING_PONG = Catalog.byName("ping-pong");
    private static final int READER = 1;

    @TempDir
    static Path dir;

    private static Path reader;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        Gcc.assumeAvailable("the runs with the C participant");
        reader = Gcc.compile(dir, "shmlab_participant", List.of("src/main/c/shmlab_participant.c"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"latency, spin, stamped, 1024", "throughput, futex, full, 10000", "latency, named-sem, stamped, 5000", "throughput, sem, stamped, 7"})
    void theCReaderCompletesARunWithTheJavaWriterIntegrityIntact(String mode, String sync, String verify, String size) {
        RunResult r = run(Map.of("mode", mode, "sync", sync, "verify", verify, "size", size, "count", "3000", "warmup", "100"), run -> { });

        assertThat(r.exitCode()).as(String.join("\n", lines)).isZero();
        assertThat(r.integrityHeld()).isTrue();
        ParticipantSnapshot c = r.participants().get(READER).last();
        assertThat(c.name()).isEqualTo("reader");
        assertThat(c.state()).isEqualTo(ParticipantState.DONE);
        assertThat(c.received()).isEqualTo(3100);
        assertThat(c.bytesReceived()).isEqualTo(3100L * Long.parseLong(size));
        assertThat(c.sent()).isEqualTo(mode.equals("latency") ? 3100 : 0);
        assertThat(r.participants().get(0).last().received()).isEqualTo(mode.equals("latency") ? 3100 : 0);
        assertThat(lines).contains("[reader] Shared memory receiver ready.", "[reader] Received " + size + " bytes. First char: A",
                "[reader] Reader received 3100 messages (" + 3100L * Long.parseLong(size) + " bytes); lost 0, duplicated 0, corrupted 0.");
    }

    @Test
    void theCReaderCountsMessagesTheWriterDamagedOnPurpose() {
        RunResult r = run(Map.of("mode", "throughput", "count", "100", "warmup", "0", "corrupt-every", "10"), run -> { });

        assertThat(r.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        ParticipantSnapshot c = r.participants().get(READER).last();
        assertThat(c.corrupted()).isEqualTo(10);
        assertThat(c.received()).isEqualTo(90);
        assertThat(r.participants().get(READER).exitCode()).as("the role itself finished").isZero();
    }

    @Test
    void theCReaderPublishesItsPidAndStopsWhenTheControlBlockSaysStop() {
        long[] stoppedAt = new long[1];
        long[] pid = new long[1];
        RunResult r = run(Map.of("count", "100000000", "warmup", "0"), run -> {
            awaitReceived(run, 100);
            pid[0] = run.pid(READER);
            stoppedAt[0] = System.nanoTime();
            run.requestStop();
        });

        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt[0])).isLessThan(Duration.ofSeconds(3));
        ParticipantOutcome c = r.participants().get(READER);
        assertThat(c.exit()).isEqualTo("finished");
        assertThat(c.last().state()).isEqualTo(ParticipantState.DONE);
        assertThat(c.last().pid()).isEqualTo(pid[0]);
        assertThat(c.last().stepsTaken()).isGreaterThanOrEqualTo(100);
        assertThat(c.runningAfter()).isPositive();
    }

    @Test
    void killingTheCReaderEndsTheRunLikeAnyParticipantAndLeavesNothing() {
        List<Path> objects = new CopyOnWriteArrayList<>();
        RunResult r = run(Map.of("count", "100000000", "warmup", "0", "sync", "named-sem"), run -> {
            awaitReceived(run, 100);
            objects.add(Path.of("/dev/shm", run.segment().address().display().substring(1)));
            for (int i = 0; i < 2; i++) {
                objects.add(Path.of("/dev/shm", "sem." + run.lab().syncObject(i).posixName().substring(1)));
            }
            assertThat(objects).allMatch(Files::exists);
            assertThat(Os.kill((int) run.pid(READER), Os.SIGKILL)).isTrue();
        });

        assertThat(r.exitCode()).isEqualTo(RunResult.EXIT_FAILED);
        assertThat(r.failures()).anyMatch(f -> f.startsWith("participant reader (pid ") && f.endsWith("died: killed by SIGKILL"));
        assertThat(objects).as("the run's segment and semaphores are removed").noneMatch(Files::exists);
    }

    @Test
    void aProgramForAParticipantTheScenarioDoesNotHaveIsRefusedBeforeAnythingIsCreated() {
        List<ObjectRegistry.Entry> before = ObjectRegistry.entries();
        assertThatThrownBy(() -> Run.start(PING_PONG, ScenarioParams.of(PING_PONG.parameters(), Map.of(), "ping-pong"),
                RunOptions.defaults().withParticipantProgram(2, List.of(reader.toString())), (i, n, l, e) -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("participant program for participant 2: ping-pong has only 2 participants (0 to 1)");
        assertThat(ObjectRegistry.entries()).as("objects this JVM created").isEqualTo(before);
    }

    private RunResult run(Map<String, String> params, Consumer<Run> during) {
        RunOptions options = RunOptions.defaults().withTimeout(Duration.ofSeconds(60)).withParticipantProgram(READER, List.of(reader.toString()));
        try (Run run = Run.start(PING_PONG, ScenarioParams.of(PING_PONG.parameters(), params, "ping-pong"), options,
                (i, name, line, error) -> lines.add("[" + name + "]" + (error ? "!" : "") + " " + line))) {
            during.accept(run);
            RunResult r = run.await();
            System.out.println(String.join("\n", lines));
            System.out.println(RunReport.table(r));
            return r;
        }
    }

    private static void awaitReceived(Run run, long messages) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (run.lab().participant(READER).read().map(ParticipantSnapshot::received).orElse(0L) < messages) {
            assertThat(System.nanoTime()).as("the C reader received nothing within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
